import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { PairingView, TargetView } from '../../../domain/contracts/records.contract'
import { GENDERS } from '../../../domain/member'
import { ASSISTANCE_CATEGORIES, type AssistanceCategory } from '../../../domain/records'
import { Chip, ChoiceChips } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { FieldRow, TextAreaField, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { Pager } from '../../../components/pager'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { todayText, useRecordsAction } from '../../../services/use-records-action'
import '../../../components/ui.css'

const PAGE_SIZE = 20
const FILTERS = ['all', 'paired', 'unpaired'] as const
const FILTER_LABELS = { all: '全部', paired: '已结对', unpaired: '未结对' }

// 帮扶对象摸底表 and 结对帮扶 (records.manage): every resident who qualifies
// for help, paired or not; staff pair one with a member living here, confirm
// a member's offer with a target, end a pairing (its history stays). Prints
// as the 摸底表 and the 结对帮扶登记表 (staff/sheet).
export default function TargetsPage() {
  return (
    <RolePage id='page-targets' roles={['staff']}>
      {(grant) => (grant.scope.communityId ? <Targets communityId={grant.scope.communityId} communityName={grant.scopeName} /> : null)}
    </RolePage>
  )
}

const blank = () => ({
  name: '',
  gender: '女' as (typeof GENDERS)[number],
  birthMonth: '',
  address: '',
  mobile: '',
  categories: [] as AssistanceCategory[],
  family: '',
  needs: '',
  surveyor: '',
  surveyedAt: todayText(),
})

function Targets({ communityId, communityName }: { communityId: string; communityName: string }) {
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all')
  const [page, setPage] = useState(1)
  const [form, setForm] = useState(blank)
  const [pairing, setPairing] = useState<{ targetId: string; memberId: string; content: string } | null>(null)
  const remote = useRemote(() => callFunction('records', { action: 'targetList', communityId, paired: filter, page, pageSize: PAGE_SIZE }), `${communityId}:${filter}:${page}`)
  const offers = useRemote(() => callFunction('records', { action: 'pairList', communityId, status: 'offered', pageSize: 100 }), communityId)
  const choices = useRemote(() => callFunction('records', { action: 'choices', communityId }), communityId)
  const { busy, error, run } = useRecordsAction()
  const set = (field: 'name' | 'birthMonth' | 'address' | 'mobile' | 'family' | 'needs' | 'surveyor' | 'surveyedAt') => (value: string) => setForm({ ...form, [field]: value })
  const toggle = (c: AssistanceCategory) => setForm({ ...form, categories: form.categories.includes(c) ? form.categories.filter((x) => x !== c) : [...form.categories, c] })
  const reload = async () => {
    await Promise.all([remote.reload(), offers.reload()])
  }

  const save = async () => {
    if (await run({ action: 'targetSave', communityId, ...form }, '已登记')) {
      setForm(blank())
      await reload()
    }
  }

  const pair = async () => {
    if (pairing && (await run({ action: 'pairCreate', ...pairing }, '已结对'))) {
      setPairing(null)
      await reload()
    }
  }

  const end = async (pairingId: string, what: string) => {
    const { confirm } = await Taro.showModal({ title: what, content: `确认${what}？结对记录和走访记录会保留。` })
    if (confirm && (await run({ action: 'pairEnd', pairingId, reason: what === '婉拒申请' ? '社区暂未安排帮扶对象' : '结对帮扶结束' }, '已办理'))) await reload()
  }

  const confirmOffer = async (offer: PairingView, targetId: string) => {
    if (await run({ action: 'pairConfirm', pairingId: offer.pairingId, targetId }, '已结对')) await reload()
  }

  const members = choices.data?.members ?? []
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${communityName}帮扶对象摸底表`}</Text>
        <Text className='page-head__sub'>{remote.data ? `共 ${remote.data.total} 人` : '需要帮扶的居民，已结对和未结对的都在这里'}</Text>
      </View>
      <View className='actions'>
        <Button className='btn' id='targets-print' onClick={() => void Taro.navigateTo({ url: '/packages/staff/sheet/index?kind=targets' })}>
          摸底表（打印）
        </Button>
        <Button className='btn' id='pairings-print' onClick={() => void Taro.navigateTo({ url: '/packages/staff/sheet/index?kind=pairings' })}>
          结对帮扶登记表（打印）
        </Button>
      </View>
      <Notice id='targets-error' tone='error' text={error} />

      {offers.data && offers.data.rows.length > 0 ? (
        <View className='card' id='offers-list'>
          <Text className='card__title'>党员结对申请</Text>
          {offers.data.rows.map((offer) => (
            <View key={offer.pairingId} className='offer-row'>
              <Text className='card__text'>{`${offer.memberName}（${offer.unitName}）：${offer.content}`}</Text>
              <Text className='muted'>点选一位未结对的帮扶对象，与该党员结对：</Text>
              <View className='chips'>
                {(remote.data?.rows ?? []).map((t) => (
                  <Chip key={t.targetId} className='offer-target' label={t.name} selected={false} onTap={() => void confirmOffer(offer, t.targetId)} />
                ))}
              </View>
              <Button className='btn-mini btn-mini--grey offer-decline' onClick={() => void end(offer.pairingId, '婉拒申请')}>
                婉拒
              </Button>
            </View>
          ))}
        </View>
      ) : null}

      <View className='card' id='target-form'>
        <Text className='card__title'>登记帮扶对象</Text>
        <Text className='muted'>请勿填写身份证号码。</Text>
        <TextField id='target-name' label='姓名' required maxlength={20} value={form.name} onChange={set('name')} />
        <FieldRow label='性别' required>
          <ChoiceChips id='target-gender' options={GENDERS} value={form.gender} onChange={(gender) => setForm({ ...form, gender })} />
        </FieldRow>
        <TextField id='target-birthMonth' label='出生年月' required placeholder='1941-03' value={form.birthMonth} onChange={set('birthMonth')} />
        <TextField id='target-address' label='住址' required maxlength={60} value={form.address} onChange={set('address')} />
        <TextField id='target-mobile' label='联系电话' maxlength={13} value={form.mobile} onChange={set('mobile')} />
        <FieldRow label='帮扶类别' required hint='可多选'>
          <View className='chips' id='target-categories'>
            {ASSISTANCE_CATEGORIES.map((c) => (
              <Chip key={c} className='choice-chip' label={c} selected={form.categories.includes(c)} onTap={() => toggle(c)} />
            ))}
          </View>
        </FieldRow>
        <TextAreaField id='target-family' label='家庭情况' maxlength={300} value={form.family} onChange={set('family')} />
        <TextAreaField id='target-needs' label='帮扶需求' maxlength={300} value={form.needs} onChange={set('needs')} />
        <TextField id='target-surveyor' label='摸底人' required maxlength={20} value={form.surveyor} onChange={set('surveyor')} />
        <TextField id='target-surveyedAt' label='摸底日期' required value={form.surveyedAt} onChange={set('surveyedAt')} />
        <Button className='btn btn--primary btn--block' id='target-save' disabled={busy || undefined} onClick={() => void save()}>
          登记
        </Button>
      </View>

      <View className='chips' id='targets-filter'>
        {FILTERS.map((f) => (
          <Chip key={f} label={FILTER_LABELS[f]} selected={filter === f} onTap={() => {
              setFilter(f)
              setPage(1)
            }} />
        ))}
      </View>
      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : remote.data.rows.length === 0 ? (
        <EmptyState id='targets-empty' title='没有帮扶对象' text='在上方登记摸底到的困难群众。' />
      ) : (
        <View id='targets-list'>
          {remote.data.rows.map((t: TargetView) => (
            <View key={t.targetId} className='card target-row' id={`target-${t.targetId}`}>
              <Text className='card__title'>{`${t.name} · ${t.gender} · ${t.birthMonth} · ${t.categories.join('、')}`}</Text>
              <Text className='card__text'>{`${t.address} ${t.mobile}`}</Text>
              <Text className='muted'>{`${t.family} 需求：${t.needs}（${t.surveyor} ${dateText(t.surveyedAt)}摸底）`}</Text>
              {t.paired.map((p) => (
                <View key={p.pairingId} className='btn-row target-paired'>
                  <Text className='badge badge--amber'>{`结对：${p.memberName}（${p.unitName}）`}</Text>
                  <Button className='btn-mini btn-mini--grey pairing-end' onClick={() => void end(p.pairingId, '结束结对')}>
                    结束结对
                  </Button>
                </View>
              ))}
              {pairing?.targetId === t.targetId ? (
                <View className='pairing-form'>
                  <Text className='muted'>选择住在本社区的党员：</Text>
                  <View className='chips'>
                    {members.map((m) => (
                      <Chip key={m.memberId} className='pairing-member' label={m.name} note={m.unitName} selected={pairing.memberId === m.memberId} onTap={() => setPairing({ ...pairing, memberId: m.memberId })} />
                    ))}
                  </View>
                  <TextField id='pairing-content' label='帮扶内容' required maxlength={300} value={pairing.content} onChange={(content) => setPairing({ ...pairing, content })} />
                  <View className='btn-row'>
                    <Button className='btn-mini btn-mini--primary' id='pairing-save' disabled={busy || undefined} onClick={() => void pair()}>
                      确认结对
                    </Button>
                    <Button className='btn-mini btn-mini--grey' onClick={() => setPairing(null)}>
                      取消
                    </Button>
                  </View>
                </View>
              ) : (
                <Button className='btn-mini btn-mini--primary target-pair' onClick={() => setPairing({ targetId: t.targetId, memberId: '', content: t.needs })}>
                  安排结对党员
                </Button>
              )}
            </View>
          ))}
          <Pager idPrefix='targets' page={page} pages={Math.ceil(remote.data.total / PAGE_SIZE)} onPage={setPage} />
        </View>
      )}
    </View>
  )
}
