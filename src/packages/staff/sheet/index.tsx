import { useRouter } from '@tarojs/taro'
import { SHEET_KINDS, type SheetKind } from '../../../domain/contracts/records.contract'
import { EmptyState } from '../../../components/empty-state'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { TableSheet } from '../../../components/table-sheet'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'

// The community's printable records (records.sheet): ?kind=collections
// (服务需求征集记录本), targets (摸底表), pairings (结对帮扶登记表) or meetings
// (会议记录本), every row.
export default function SheetPage() {
  const { params } = useRouter()
  const kind = SHEET_KINDS.find((k) => k === params.kind)
  return (
    <RolePage id='page-sheet' roles={['staff']}>
      {(grant) =>
        !grant.scope.communityId || !kind ? (
          <EmptyState title='无法打开' text='请从台账页面进入要打印的表。' />
        ) : (
          <Sheet communityId={grant.scope.communityId} kind={kind} />
        )
      }
    </RolePage>
  )
}

function Sheet({ communityId, kind }: { communityId: string; kind: SheetKind }) {
  const remote = useRemote(() => callFunction('records', { action: 'sheet', communityId, kind }), `${communityId}:${kind}`)
  if (remote.data === null) return <RemoteState remote={remote} />
  return <TableSheet id='sheet-table' table={remote.data} />
}
