import { useRouter } from '@tarojs/taro'
import type { Role } from '../../../domain/roles'
import type { Quarter } from '../../../domain/quarter'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { TableSheet } from '../../../components/table-sheet'
import { callFunction } from '../../../services/call-function'
import type { SheetViewer } from '../../../services/service-sheet-url'
import { useRemote } from '../../../services/use-remote'

// The printable 在职党员进社区服务清单: ?year=2026 (the year) or &quarter=3.
// The member's own; with &memberId=…&as=unit (secretary, liaison) or
// &as=staff (the community's staff) one member's, as serviceSheetUrl() links it.
const ROLES: Record<SheetViewer | 'member', readonly Role[]> = { member: ['member'], unit: ['liaison', 'secretary'], staff: ['staff'] }

export default function ServiceSheetPage() {
  const { params } = useRouter()
  const year = Number(params.year) || new Date().getFullYear()
  const quarter = ([1, 2, 3, 4] as Quarter[]).find((q) => String(q) === params.quarter) ?? null
  const viewer: SheetViewer | null = params.memberId && (params.as === 'unit' || params.as === 'staff') ? params.as : null
  return (
    <RolePage id='page-service-sheet' roles={ROLES[viewer ?? 'member']}>
      {() => <Sheet year={year} quarter={quarter} member={viewer ? { memberId: params.memberId!, as: viewer } : null} />}
    </RolePage>
  )
}

function Sheet({ year, quarter, member }: { year: number; quarter: Quarter | null; member: { memberId: string; as: SheetViewer } | null }) {
  const remote = useRemote(
    () =>
      member
        ? callFunction('services', { action: member.as === 'unit' ? 'unitSheet' : 'staffSheet', memberId: member.memberId, year, quarter })
        : callFunction('services', { action: 'sheet', year, quarter }),
    `${year}:${quarter}:${member?.memberId ?? ''}`,
  )
  if (remote.data === null) return <RemoteState remote={remote} />
  return <TableSheet id='service-sheet' table={remote.data} />
}
