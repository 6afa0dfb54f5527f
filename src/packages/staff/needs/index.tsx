import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { needsContract, OVERDUE_FILTERS, type NeedFields } from '../../../domain/contracts/needs.contract'
import { NEED_STATE_LABELS, type NeedState } from '../../../domain/need-rules'
import { ChoiceChips } from '../../../components/chips'
import { NeedForm } from '../../../components/need-form'
import { NEED_PAGE_SIZE, NeedList } from '../../../components/need-list'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { usePullDownReload } from '../../../services/use-pull-down-reload'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

// 居民需求 (need.manage): the community's needs by state and by how overdue,
// yellow past the deadline and red past twice its time; a need opens to
// accept, reject, merge, assign from the suggestions, or publish to the wall.
// Staff also enter a need for a resident who came to the desk or phoned.
export default function StaffNeedsPage() {
  return (
    <RolePage id='page-staff-needs' roles={['staff']}>
      {(grant) => (grant.scope.communityId ? <StaffNeeds communityId={grant.scope.communityId} communityName={grant.scopeName} /> : null)}
    </RolePage>
  )
}

const STATE_FILTERS = ['all', 'pending', 'accepted', 'published', 'serving', 'completed'] as const
const OVERDUE_CHOICES = ['all', ...OVERDUE_FILTERS] as const
type StateFilter = (typeof STATE_FILTERS)[number]
type OverdueChoice = (typeof OVERDUE_CHOICES)[number]

function StaffNeeds({ communityId, communityName }: { communityId: string; communityName: string }) {
  const { params } = useRouter()
  const [state, setState] = useState<StateFilter>('all')
  const [overdue, setOverdue] = useState<OverdueChoice>((OVERDUE_CHOICES as readonly string[]).includes(params.overdue ?? '') ? (params.overdue as OverdueChoice) : 'all')
  const [page, setPage] = useState(1)
  const remote = useRemote(
    () =>
      callFunction('needs', {
        action: 'list',
        communityId,
        page,
        pageSize: NEED_PAGE_SIZE,
        ...(state === 'all' ? {} : { state: state as NeedState }),
        ...(overdue === 'all' ? {} : { overdue }),
      }),
    `${communityId}:${state}:${overdue}:${page}`,
  )
  usePullDownReload(remote.reload)
  const [entering, setEntering] = useState(false)
  const [channel, setChannel] = useState<'desk' | 'phone'>('desk')
  const { busy, error, setError, submit } = useSubmit()
  const enter = async (fields: NeedFields) => {
    const call = { action: 'enter' as const, communityId, channel, ...fields }
    if (!(await submit(needsContract, call, () => callFunction('needs', call)))) return false
    void Taro.showToast({ title: '已录入', icon: 'success' })
    setEntering(false)
    await remote.reload()
    return true
  }
  const choose = <T,>(set: (v: T) => void) => (v: T) => {
    set(v)
    setPage(1)
  }
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${communityName}居民需求`}</Text>
        <Text className='page-head__sub'>{remote.data ? `共 ${remote.data.total} 条；黄色为超时，红色为超过时限一倍` : '受理、分派、跟踪办结'}</Text>
      </View>
      <Button className='btn btn--plain btn--block' id='needs-enter' onClick={() => setEntering(!entering)}>
        {entering ? '收起代录' : '代录居民需求（窗口来访或电话）'}
      </Button>
      {entering ? (
        <View>
          <ChoiceChips id='needs-enter-channel' options={['desk', 'phone'] as const} value={channel} onChange={setChannel} labels={{ desk: '窗口来访', phone: '电话' }} />
          <NeedForm communityId={communityId} name='' send={enter} busy={busy} error={error} setError={setError} />
        </View>
      ) : null}
      <View className='card'>
        <ChoiceChips id='needs-state' options={STATE_FILTERS} value={state} onChange={choose(setState)} labels={{ all: '全部', ...NEED_STATE_LABELS }} />
        <ChoiceChips id='needs-overdue' options={OVERDUE_CHOICES} value={overdue} onChange={choose(setOverdue)} labels={{ all: '不限时限', any: '已超时', yellow: '超时（黄）', red: '严重超时（红）' }} />
      </View>
      <NeedList id='staff-needs' remote={remote} page={page} setPage={setPage} detailUrl='/packages/staff/need/index' empty={{ title: '没有符合条件的需求', text: '居民提交或社区代录的需求会出现在这里。' }} />
    </View>
  )
}
