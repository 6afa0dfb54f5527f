import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { HandInView } from '../../../domain/contracts/services.contract'
import type { Quarter } from '../../../domain/quarter'
import { QUARTER_STATE_LABELS } from '../../../domain/service-table'
import { Chip } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { Pager } from '../../../components/pager'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { ServiceEntryRow } from '../../../components/service-entry-row'
import { ServiceSheetLinks } from '../../../components/service-sheet-links'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { useServicesAction } from '../../../services/use-services-action'
import '../../../components/ui.css'

// 服务清单确认 (service.confirm): the hand-ins the units made to this
// community; open one, confirm it, or return entries with a reason.
export default function StaffServicesPage() {
  return (
    <RolePage id='page-staff-services' roles={['staff']}>
      {(grant) => (grant.scope.communityId ? <HandIns communityId={grant.scope.communityId} /> : null)}
    </RolePage>
  )
}

const STATUSES = ['waiting', 'returned', 'confirmed'] as const
const STATUS_LABELS = { waiting: '待确认', returned: '已退回', confirmed: '已确认' }
const PAGE_SIZE = 20

function HandIns({ communityId }: { communityId: string }) {
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('waiting')
  const [page, setPage] = useState(1)
  const [open, setOpen] = useState<HandInView | null>(null)
  const remote = useRemote(() => callFunction('services', { action: 'handIns', communityId, status, page, pageSize: PAGE_SIZE }), `${status}:${page}`)
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>服务清单确认</Text>
        <Text className='page-head__sub'>各报到单位每季度上交的在职党员服务清单</Text>
      </View>
      <View className='chips'>
        {STATUSES.map((s) => (
          <Chip key={s} id={`handins-${s}`} label={STATUS_LABELS[s]} selected={status === s} onTap={() => (setStatus(s), setPage(1), setOpen(null))} />
        ))}
      </View>
      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : remote.data.rows.length === 0 ? (
        <EmptyState id='handins-empty' title='没有上交记录' text='单位联络员上交服务清单后会出现在这里。' />
      ) : (
        <View id='handins-list'>
          {remote.data.rows.map((h) => (
            <View key={h.handInId} className='card handin-row' id={`handin-${h.unitId}`} onClick={() => setOpen(h)}>
              <Text className='card__title'>{`${h.unitName} · ${h.year}年`}</Text>
              {h.quarters.map((q) => (
                <Text key={q.quarter} className='card__text'>{`第${q.quarter}季度：${q.entries} 条，${q.hours} 小时，${QUARTER_STATE_LABELS[q.status]}（${dateText(q.handedInAt)}上交）`}</Text>
              ))}
            </View>
          ))}
          <Pager idPrefix='handins' page={page} pages={Math.ceil(remote.data.total / PAGE_SIZE)} onPage={setPage} />
        </View>
      )}
      {open ? <HandInDetail key={open.handInId} handIn={open} onChanged={(h) => (setOpen(h), void remote.reload())} /> : null}
    </View>
  )
}

function HandInDetail({ handIn, onChanged }: { handIn: HandInView; onChanged: (h: HandInView) => void }) {
  const waiting = handIn.quarters.find((q) => q.status === 'handedIn') ?? handIn.quarters[0]
  const [quarter, setQuarter] = useState<Quarter>((waiting?.quarter ?? 1) as Quarter)
  const [page, setPage] = useState(1)
  const [picked, setPicked] = useState<string[]>([])
  const [reason, setReason] = useState('')
  const remote = useRemote(() => callFunction('services', { action: 'handInOpen', handInId: handIn.handInId, quarter, page, pageSize: PAGE_SIZE }), `${handIn.status}:${quarter}:${page}`)
  const { busy, error, run } = useServicesAction()
  const canAct = handIn.quarters.some((q) => q.status === 'handedIn')
  const confirm = async () => {
    // Only what is shown: the quarters waiting and their latest hand-in (a batch handed in since is refused).
    const shown = handIn.quarters.filter((q) => q.status === 'handedIn')
    const handedInAt = shown.map((q) => q.handedInAt).sort().at(-1)!
    const done = await run({ action: 'confirm', handInId: handIn.handInId, quarters: shown.map((q) => q.quarter), handedInAt }, '已确认')
    if (done) onChanged(done)
  }
  const giveBack = async () => {
    const done = await run({ action: 'returnEntries', handInId: handIn.handInId, entryIds: picked, reason }, '已退回')
    if (done) {
      setPicked([])
      onChanged(done)
    }
  }
  return (
    <View id='handin-detail'>
      <View className='page-head'>
        <Text className='page-head__title'>{`${handIn.unitName}上交的服务清单`}</Text>
        <Text className='page-head__sub' id='handin-summary'>{remote.data ? `报到党员 ${remote.data.memberTotal} 人，未填写 ${remote.data.nothingTotal} 人；共 ${remote.data.entries} 条，${remote.data.hours} 小时` : ''}</Text>
      </View>
      <View className='chips'>
        {handIn.quarters.map((q) => (
          <Chip key={q.quarter} id={`handin-quarter-${q.quarter}`} label={`第${q.quarter}季度`} selected={quarter === q.quarter} onTap={() => (setQuarter(q.quarter as Quarter), setPage(1))} />
        ))}
      </View>
      {canAct ? (
        <View className='card'>
          <Button className='btn btn--primary btn--block' id='handin-confirm' disabled={busy || undefined} onClick={() => void confirm()}>
            确认接收
          </Button>
          <TextField id='handin-return-reason' label='退回原因' value={reason} onChange={setReason} placeholder='选中要退回的记录后填写' maxlength={100} />
          <Button className='btn btn--block' id='handin-return' disabled={busy || picked.length === 0 || undefined} onClick={() => void giveBack()}>
            {`退回所选记录（${picked.length}）`}
          </Button>
        </View>
      ) : null}
      <Notice id='handin-error' tone='error' text={error} />
      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : (
        <View>
          {remote.data.rows.map((m) => (
            <View key={m.memberId} className='card service-member'>
              <Text className='card__title'>{`${m.name}：${m.entries} 条，${m.hours} 小时`}</Text>
              {m.rows.length === 0 ? <Text className='muted service-nothing'>本季度未填写</Text> : null}
              <ServiceSheetLinks memberId={m.memberId} year={handIn.year} quarter={quarter} as='staff' />
              {m.rows.map((entry) => (
                <ServiceEntryRow key={entry.entryId} entry={entry}>
                  {canAct && entry.status === 'handedIn' ? (
                    <Chip className='service-pick' label={picked.includes(entry.entryId) ? '已选' : '选择退回'} selected={picked.includes(entry.entryId)} onTap={() => setPicked(picked.includes(entry.entryId) ? picked.filter((x) => x !== entry.entryId) : [...picked, entry.entryId])} />
                  ) : null}
                </ServiceEntryRow>
              ))}
            </View>
          ))}
          <Pager idPrefix='handin' page={page} pages={Math.ceil(remote.data.total / PAGE_SIZE)} onPage={setPage} />
        </View>
      )}
    </View>
  )
}
