import { useRouter } from '@tarojs/taro'
import type { Role } from '../domain/roles'
import { callFunction } from '../services/call-function'
import { usePullDownReload } from '../services/use-pull-down-reload'
import { useRemote } from '../services/use-remote'
import { EmptyState } from './empty-state'
import { NeedActions } from './need-actions'
import { NeedRecord } from './need-card'
import { RemoteState } from './remote-state'
import { RolePage } from './role-page'

// One need, for the resident who submitted it, the community's staff or a
// member (?id=<needId>): the record, its history, and what the reader may do.
export function NeedDetailPage({ roles }: { roles: readonly Role[] }) {
  const { params } = useRouter()
  const needId = params.id ?? ''
  return (
    <RolePage id='page-need' roles={roles}>
      {() => (needId ? <Detail needId={needId} /> : <EmptyState id='need-missing' title='未指定需求' text='请从需求列表选择一条需求。' />)}
    </RolePage>
  )
}

function Detail({ needId }: { needId: string }) {
  const remote = useRemote(() => callFunction('needs', { action: 'get', needId }), needId)
  usePullDownReload(remote.reload)
  if (!remote.data) return <RemoteState remote={remote} />
  return (
    <>
      <NeedRecord need={remote.data} />
      <NeedActions need={remote.data} onChanged={remote.setData} />
    </>
  )
}
