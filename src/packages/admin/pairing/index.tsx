import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Picker } from '@tarojs/components'
import { pairingContract, type PairingChoices, type PairingView } from '../../../domain/contracts/pairing.contract'
import { ChoiceChips } from '../../../components/chips'
import { FieldRow, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { PairingList } from '../../../components/pairing-list'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { pairingSummaryUrl } from '../../../services/pairing-routes'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

// 单位与社区结对 (pairing.manage): the street admin (their communities) or the
// district's 区委组织部 records that a unit, or one of its branches, pairs with
// a community, and ends a pairing with a reason (the term stays as history).
export default function AdminPairingPage() {
  return <RolePage id='page-admin-pairing' roles={['streetAdmin', 'districtAdmin']}>{() => <AdminPairings />}</RolePage>
}

const WHOLE_UNIT = 'whole'

function AdminPairings() {
  const choices = useRemote(() => callFunction('pairing', { action: 'choices' }), 'choices')
  const list = useRemote(() => callFunction('pairing', { action: 'list' }), 'list')
  if (choices.data === null) return <RemoteState remote={choices} />
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>单位与社区结对</Text>
        <Text className='page-head__sub'>机关事业单位在职党员以支部为单位与社区结对；结对后，单位可在结对社区组织活动</Text>
      </View>
      <View className='actions'>
        <Button className='btn btn--plain' id='pairing-summary-open' onClick={() => void Taro.navigateTo({ url: pairingSummaryUrl() })}>
          附件4 结对联系服务群众情况汇总表
        </Button>
      </View>
      <PairingForm choices={choices.data} onDone={() => void list.reload()} />
      {list.data === null ? <RemoteState remote={list} /> : <PairingsWithEnd rows={list.data} onDone={() => void list.reload()} />}
    </View>
  )
}

function PairingForm({ choices, onDone }: { choices: PairingChoices; onDone: () => void }) {
  const [unitAt, setUnitAt] = useState(-1)
  const [communityAt, setCommunityAt] = useState(-1)
  const [branchId, setBranchId] = useState<string>(WHOLE_UNIT)
  const [note, setNote] = useState('')
  const { busy, error, submit } = useSubmit()
  const unit = choices.units[unitAt]
  const community = choices.communities[communityAt]
  const branches = unit?.branches ?? []

  const save = async () => {
    const call = { action: 'create' as const, unitId: unit?.unitId ?? '', communityId: community?.communityId ?? '', branchId: branchId === WHOLE_UNIT ? null : branchId, note }
    const made = await submit(pairingContract, call, () => callFunction('pairing', call))
    if (!made) return
    setNote('')
    void Taro.showToast({ title: '已登记结对', icon: 'success' })
    onDone()
  }

  return (
    <View className='card' id='pairing-form'>
      <Text className='card__title'>登记结对</Text>
      <FieldRow label='单位' required>
        <Picker id='pairing-unit' mode='selector' range={choices.units.map((u) => u.name)} value={Math.max(unitAt, 0)} onChange={(e) => (setUnitAt(Number(e.detail.value)), setBranchId(WHOLE_UNIT))}>
          <View className='field__input' id='pairing-unit-text'>
            {unit ? unit.name : '请选择单位'}
          </View>
        </Picker>
      </FieldRow>
      {branches.length > 0 ? (
        <FieldRow label='结对支部'>
          <ChoiceChips
            id='pairing-branch'
            options={[WHOLE_UNIT, ...branches.map((b) => b.branchId)]}
            labels={Object.fromEntries([[WHOLE_UNIT, '全体党员'], ...branches.map((b) => [b.branchId, `${b.name}（${b.members}人）`])])}
            value={branchId}
            onChange={setBranchId}
          />
        </FieldRow>
      ) : null}
      <FieldRow label='结对社区' required hint={choices.communities.length === 0 ? '您管辖的范围内还没有社区' : undefined}>
        <Picker
          id='pairing-community'
          mode='selector'
          range={choices.communities.map((c) => `${c.streetName} · ${c.name}`)}
          value={Math.max(communityAt, 0)}
          onChange={(e) => setCommunityAt(Number(e.detail.value))}
        >
          <View className='field__input' id='pairing-community-text'>
            {community ? `${community.streetName} · ${community.name}` : '请选择社区'}
          </View>
        </Picker>
      </FieldRow>
      <TextField id='pairing-note' label='备注' maxlength={60} placeholder='选填，如 共建文明社区' value={note} onChange={setNote} />
      <Notice id='pairing-error' tone='error' text={error} />
      <Button className='btn btn--primary btn--block' id='pairing-create' disabled={busy || !unit || !community || undefined} onClick={() => void save()}>
        登记结对
      </Button>
    </View>
  )
}

/** The pairings, with 结束结对 asking for the reason first. */
function PairingsWithEnd({ rows, onDone }: { rows: PairingView[]; onDone: () => void }) {
  const [ending, setEnding] = useState<PairingView | null>(null)
  const [reason, setReason] = useState('')
  const { busy, error, submit } = useSubmit()
  const end = async () => {
    if (!ending) return
    const call = { action: 'end' as const, pairingId: ending.pairingId, reason }
    if (!(await submit(pairingContract, call, () => callFunction('pairing', call)))) return
    setEnding(null)
    setReason('')
    onDone()
  }
  return (
    <View>
      {ending ? (
        <View className='card' id='pairing-end-form'>
          <Text className='card__title'>{`结束结对：${ending.partyOrgName}${ending.branchName ? ` · ${ending.branchName}` : ''} ↔ ${ending.communityName}`}</Text>
          <TextField id='pairing-end-reason' label='结束原因' required maxlength={60} value={reason} onChange={setReason} />
          <Notice id='pairing-end-error' tone='error' text={error} />
          <View className='btn-row'>
            <Button className='btn btn--primary' id='pairing-end-confirm' disabled={busy || undefined} onClick={() => void end()}>
              确认结束
            </Button>
            <Button className='btn btn--plain' id='pairing-end-cancel' onClick={() => setEnding(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
      <PairingList rows={rows} side='admin' busy={busy} onEnd={setEnding} />
    </View>
  )
}
