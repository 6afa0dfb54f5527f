import { useRouter } from '@tarojs/taro'
import type { Quarter } from '../../../domain/quarter'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { TableSheet } from '../../../components/table-sheet'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'

// The member's printable 在职党员进社区服务清单: ?year=2026 (the year) or &quarter=3.
export default function ServiceSheetPage() {
  const { params } = useRouter()
  const year = Number(params.year) || new Date().getFullYear()
  const quarter = ([1, 2, 3, 4] as Quarter[]).find((q) => String(q) === params.quarter) ?? null
  return (
    <RolePage id='page-service-sheet' roles={['member']}>
      {() => <Sheet year={year} quarter={quarter} />}
    </RolePage>
  )
}

function Sheet({ year, quarter }: { year: number; quarter: Quarter | null }) {
  const remote = useRemote(() => callFunction('services', { action: 'sheet', year, quarter }), `${year}:${quarter}`)
  if (remote.data === null) return <RemoteState remote={remote} />
  return <TableSheet id='service-sheet' table={remote.data} />
}
