import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { needsContract, type NeedFields } from '../../../domain/contracts/needs.contract'
import { NeedForm } from '../../../components/need-form'
import { NEED_PAGE_SIZE, NeedList } from '../../../components/need-list'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { usePullDownReload } from '../../../services/use-pull-down-reload'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

// 提交服务需求 (need.submit): a resident says what they need, where, when and
// how urgent, with up to 3 photos, and follows their needs below.
export default function ResidentNeedsPage() {
  return (
    <RolePage id='page-resident-needs' roles={['resident']}>
      {(grant, data) => (grant.scope.communityId ? <ResidentNeeds communityId={grant.scope.communityId} name={data.user?.name ?? ''} /> : null)}
    </RolePage>
  )
}

function ResidentNeeds({ communityId, name }: { communityId: string; name: string }) {
  const [page, setPage] = useState(1)
  const mine = useRemote(() => callFunction('needs', { action: 'mine', page, pageSize: NEED_PAGE_SIZE }), String(page))
  usePullDownReload(mine.reload)
  const { busy, error, setError, submit } = useSubmit()

  const send = async (fields: NeedFields) => {
    const call = { action: 'submit' as const, ...fields }
    if (!(await submit(needsContract, call, () => callFunction('needs', call)))) return false
    void Taro.showToast({ title: '已提交', icon: 'success' })
    setPage(1)
    await mine.reload()
    return true
  }

  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>提交服务需求</Text>
        <Text className='page-head__sub'>社区受理后安排在职党员为您服务</Text>
      </View>
      <NeedForm communityId={communityId} name={name} send={send} busy={busy} error={error} setError={setError} />
      <View className='page-head'>
        <Text className='page-head__title'>我的需求</Text>
      </View>
      <NeedList id='my-needs' remote={mine} page={page} setPage={setPage} detailUrl='/packages/resident/need/index' empty={{ title: '还没有提交过需求', text: '提交后可在这里查看办理进度。' }} />
    </View>
  )
}
