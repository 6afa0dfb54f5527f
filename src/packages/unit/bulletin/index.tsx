import { useMemo, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { bulletinContract, type BulletinPreview } from '../../../domain/contracts/bulletin.contract'
import { unitBulletinTable } from '../../../domain/bulletin-tables'
import { halfKey, recentHalves, type HalfRef } from '../../../domain/half-year'
import { BulletinRanking } from '../../../components/bulletin-ranking'
import { EmptyState } from '../../../components/empty-state'
import { TextAreaField } from '../../../components/field'
import { HalfPicker } from '../../../components/half-picker'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { TableSheet } from '../../../components/table-sheet'
import { callFunction } from '../../../services/call-function'
import { dateText, dateTimeText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

const VIEWS = { unit: '本单位通报', district: '全区通报' } as const
type ViewKey = keyof typeof VIEWS

// 半年通报 (bulletin.unit, 002 §四.3): the unit's secretary or liaison picks a
// half, previews the bulletin as the records give it now, writes the
// 说明和下一步工作, and submits it to the district (again to replace it, until
// the year is closed); and reads the district's published bulletin with the
// unit highlighted. Printable on h5.
export default function UnitBulletinPage() {
  return (
    <RolePage id='page-bulletin' roles={['secretary', 'liaison']}>
      {(grant) => (grant.scope.unitId ? <UnitBulletin unitId={grant.scope.unitId} /> : <EmptyState title='未绑定单位' text='您的身份没有绑定单位。' />)}
    </RolePage>
  )
}

function UnitBulletin({ unitId }: { unitId: string }) {
  const halves = useMemo(() => recentHalves(new Date(), 4), [])
  const [half, setHalf] = useState<HalfRef>(halves[0]!)
  const [view, setView] = useState<ViewKey>('unit')
  return (
    <View>
      <HalfPicker id='bulletin-half' halves={halves} value={half} onChange={setHalf} />
      <View className='tabs no-print' id='bulletin-views'>
        {(Object.keys(VIEWS) as ViewKey[]).map((v) => (
          <Text key={v} id={`bulletin-view-${v}`} className={v === view ? 'tabs__item tabs__item--active' : 'tabs__item'} onClick={() => setView(v)}>
            {VIEWS[v]}
          </Text>
        ))}
      </View>
      {view === 'unit' ? <Preview key={halfKey(half)} unitId={unitId} half={half} /> : <Published unitId={unitId} half={half} />}
    </View>
  )
}

function statusText(p: BulletinPreview): string {
  const sent = p.submitted ? `已于${dateTimeText(p.submitted.submittedAt)}报送（第${p.submitted.submitCount}次，${p.submitted.submittedBy}）` : '尚未报送'
  if (p.yearClosed) return `${sent}。该年度已关账，通报只能查看。`
  if (!p.canSubmit) return `${sent}。${dateText(p.opensAt)}起可以报送。`
  return p.submitted ? `${sent}。可以修改说明后重新报送，以最后一次为准。` : `${sent}。请核对后报送区委组织部。`
}

function Preview({ unitId, half }: { unitId: string; half: HalfRef }) {
  const remote = useRemote(() => callFunction('bulletin', { action: 'preview', unitId, ...half }), `${unitId}|${halfKey(half)}`)
  const [note, setNote] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const form = useSubmit()
  if (remote.data === null) return <RemoteState remote={remote} />
  const p = remote.data
  const text = note ?? p.submitted?.note ?? ''
  const send = async () => {
    setSaved(null)
    const call = { action: 'submit' as const, unitId, ...half, note: text }
    const done = await form.submit(bulletinContract, call, () => callFunction('bulletin', call))
    if (done) {
      setSaved(`已报送（第${done.submitCount}次）`)
      await remote.reload()
    }
  }
  return (
    <View>
      <Text className={p.yearClosed ? 'notice notice--warn' : 'notice notice--info'} id='bulletin-status'>
        {statusText(p)}
      </Text>
      <TableSheet id='bulletin-sheet' table={unitBulletinTable(p.figures, text)} />
      {p.canSubmit ? (
        <View className='card no-print'>
          <TextAreaField id='bulletin-note' label='说明和下一步工作' value={text} onChange={setNote} maxlength={1000} placeholder='如：未报到党员的原因、督促措施、下半年工作安排' />
          <Notice id='bulletin-error' tone='error' text={form.error} />
          <Notice id='bulletin-saved' tone='success' text={saved} />
          <View className='actions'>
            <Button className='btn btn--primary' id='bulletin-submit' disabled={form.busy} onClick={() => void send()}>
              {p.submitted ? '重新报送' : '报送区委组织部'}
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}

function Published({ unitId, half }: { unitId: string; half: HalfRef }) {
  const remote = useRemote(() => callFunction('bulletin', { action: 'published', unitId, ...half }), `${unitId}|${halfKey(half)}|published`)
  if (remote.loading || remote.error) return <RemoteState remote={remote} />
  if (!remote.data) return <EmptyState id='bulletin-district-none' title='全区通报尚未发布' text='区委组织部发布后，可以在这里查看本单位的排名。' />
  return <BulletinRanking id='bulletin-ranking' bulletin={remote.data} highlightUnitId={unitId} />
}
