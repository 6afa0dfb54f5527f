import { useRouter } from '@tarojs/taro'
import type { Role } from '../domain/roles'
import { callFunction } from '../services/call-function'
import { usePullDownReload } from '../services/use-pull-down-reload'
import { useRemote } from '../services/use-remote'
import { NeedActions } from './need-actions'
import { NeedRecord } from './need-card'
import { RemoteState } from './remote-state'
import { RolePage } from './role-page'

// One need, for the resident who submitted it, the community's staff or a
// member (?id=<needId>): the record, its history, and what the reader may do.
export function NeedDetailPage({ roles }: { roles: readonly Role[] }) {
  return <RolePage id='page-need' roles={roles}>{() => <Detail />}</RolePage>
}

function Detail() {
  const { params } = useRouter()
  const needId = params.id ?? ''
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
