import { useState } from 'react'
import { View, Text, Button, Image } from '@tarojs/components'
import { inChina } from '../../../domain/china-time'
import type { UnitMemberRow } from '../../../domain/contracts/corrections.contract'
import { correctionsContract } from '../../../domain/contracts/corrections.contract'
import { CORRECTION_FIELDS, CORRECTION_FIELD_LABELS, CORRECTION_TEXT_MAX, type CorrectionField } from '../../../domain/corrections'
import { ChoiceChips, Chip } from '../../../components/chips'
import { CorrectionList, correctionCountsText, useCorrectionList } from '../../../components/correction-list'
import { EmptyState } from '../../../components/empty-state'
import { TextAreaField, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { Pager } from '../../../components/pager'
import { PhotoPicker } from '../../../components/photo-picker'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import type { PickedFile } from '../../../services/picked-file'
import { uploadFile } from '../../../services/upload-file'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

const PAGE_SIZE = 20

// 数据核对 (correction.raise, 000 §二.(一)): the unit checks what the community
// holds about each member it handed over. Members by name (or only those
// without a photo), each one's photo and 一句话承诺; a correction request for a
// member; the unit's requests with the community's answers.
export default function UnitCorrectionsPage() {
  return (
    <RolePage id='page-unit-corrections' roles={['secretary', 'liaison']}>
      {(grant) => (grant.scope.unitId ? <UnitCorrections unitId={grant.scope.unitId} unitName={grant.scopeName} /> : <EmptyState title='未绑定单位' text='您的身份没有绑定单位。' />)}
    </RolePage>
  )
}

function UnitCorrections({ unitId, unitName }: { unitId: string; unitName: string }) {
  const [raising, setRaising] = useState<UnitMemberRow | null>(null)
  const [listKey, setListKey] = useState(0)
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${unitName}数据核对`}</Text>
        <Text className='page-head__sub'>核对社区登记的个人专长、认领服务项目、照片和活动记录，有误的请社区更正</Text>
      </View>
      <Members unitId={unitId} onRaise={setRaising} />
      {raising ? (
        <RaiseForm
          member={raising}
          onDone={() => {
            setRaising(null)
            setListKey((k) => k + 1)
          }}
        />
      ) : null}
      <Requests key={listKey} unitId={unitId} />
    </View>
  )
}

function Members({ unitId, onRaise }: { unitId: string; onRaise: (m: UnitMemberRow) => void }) {
  const year = inChina(new Date()).year()
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const [missingPhoto, setMissingPhoto] = useState(false)
  const [page, setPage] = useState(1)
  const [error, setError] = useState<string | null>(null)
  const [uploadingFor, setUploadingFor] = useState<string | null>(null)
  const remote = useRemote(
    () => callFunction('corrections', { action: 'unitMembers', unitId, q: search, missingPhoto, year, page, pageSize: PAGE_SIZE }),
    `${unitId}:${search}:${missingPhoto}:${page}`,
  )
  const setPhoto = async (memberId: string, files: PickedFile[]) => {
    const file = files[0]
    if (!file) return
    setUploadingFor(memberId)
    setError(null)
    const uploaded = await uploadFile('image', file)
    const result = uploaded.ok ? await callFunction('roster', { action: 'photoSet', unitId, memberId, fileID: uploaded.data.fileID }) : uploaded
    setUploadingFor(null)
    if (!result.ok) setError(result.message)
    else await remote.reload()
  }
  const d = remote.data
  return (
    <View className='card' id='unit-members'>
      <Text className='card__title'>本单位党员</Text>
      {d ? <Text className='card__text' id='unit-members-summary'>{`共 ${d.members} 人，缺照片 ${d.missingPhoto} 人`}</Text> : null}
      <TextField id='unit-members-search' label='按姓名查找' maxlength={20} value={q} onChange={setQ} />
      <View className='actions'>
        <Button
          className='btn'
          id='unit-members-find'
          onClick={() => {
            setSearch(q.trim())
            setPage(1)
          }}
        >
          查找
        </Button>
        <Chip
          id='unit-members-missing-photo'
          label='只看缺照片'
          selected={missingPhoto}
          onTap={() => {
            setMissingPhoto(!missingPhoto)
            setPage(1)
          }}
        />
      </View>
      <Notice id='unit-members-error' tone='error' text={error} />
      {!d ? (
        <RemoteState remote={remote} />
      ) : d.rows.length === 0 ? (
        <EmptyState id='unit-members-empty' title='没有符合条件的党员' text={missingPhoto ? '本单位党员都已有照片。' : '请换个姓名查找。'} />
      ) : (
        <View id='unit-members-list'>
          {d.rows.map((m) => (
            <View key={m.memberId} className='card unit-member' id={`unit-member-${m.memberId}`}>
              <View className='unit-member__head'>
                {m.photoUrl ? <Image className='unit-member__photo' src={m.photoUrl} mode='aspectFill' style={{ width: '60px', height: '80px' }} /> : null}
                <Text className='card__title'>{m.name}</Text>
              </View>
              <Text className='muted'>{m.reportedCommunityName ? `已报到：${m.reportedCommunityName}` : '尚未报到'}</Text>
              <Text className={m.hasPhoto ? 'card__text' : 'card__text unit-member__no-photo'}>{m.hasPhoto ? '已有照片' : '缺照片'}</Text>
              <Text className='card__text unit-member__pledge'>{m.pledge ? `${year}年承诺：${m.pledge}` : `${year}年尚未填写一句话承诺`}</Text>
              <View className='actions'>
                <PhotoPicker id={`unit-member-photo-${m.memberId}`} busy={uploadingFor !== null} room={1} onPicked={(files) => void setPhoto(m.memberId, files)} onError={setError} />
                {m.reportedCommunityName ? (
                  <Button className='btn unit-member__raise' onClick={() => onRaise(m)}>
                    提出核对
                  </Button>
                ) : null}
              </View>
            </View>
          ))}
          <Pager idPrefix='unit-members' page={page} pages={Math.ceil(d.total / PAGE_SIZE)} onPage={setPage} />
        </View>
      )}
    </View>
  )
}

function RaiseForm({ member, onDone }: { member: UnitMemberRow; onDone: () => void }) {
  const [field, setField] = useState<CorrectionField>('specialty')
  const [text, setText] = useState('')
  const { busy, error, submit } = useSubmit()
  const send = async () => {
    const call = { action: 'raise' as const, memberId: member.memberId, field, text }
    if (await submit(correctionsContract, call, () => callFunction('corrections', call))) onDone()
  }
  return (
    <View className='card' id='correction-form'>
      <Text className='card__title'>{`核对 ${member.name}（${member.reportedCommunityName}）`}</Text>
      <ChoiceChips id='correction-field' options={CORRECTION_FIELDS} value={field} onChange={setField} labels={CORRECTION_FIELD_LABELS} />
      <TextAreaField
        id='correction-text'
        label='核对意见'
        required
        maxlength={CORRECTION_TEXT_MAX}
        placeholder={field === 'activity' ? '哪次活动（日期、名称）的记录缺失或有误，应为什么' : '哪里有误，应为什么'}
        value={text}
        onChange={setText}
      />
      <Notice id='correction-error' tone='error' text={error} />
      <View className='actions'>
        <Button className='btn btn--primary' id='correction-submit' disabled={busy || undefined} onClick={() => void send()}>
          提交社区核对
        </Button>
        <Button className='btn btn--plain' id='correction-cancel' onClick={onDone}>
          取消
        </Button>
      </View>
    </View>
  )
}

function Requests({ unitId }: { unitId: string }) {
  const list = useCorrectionList({ unitId }, 'all')
  const d = list.remote.data
  return (
    <View className='card' id='unit-corrections'>
      <Text className='card__title'>本单位的核对请求</Text>
      {d ? <Text className='card__text' id='unit-corrections-counts'>{correctionCountsText(d.counts)}</Text> : null}
      <CorrectionList list={list} idPrefix='unit-corrections' emptyText='在上方党员列表中点“提出核对”。' />
    </View>
  )
}
