import type { Quarter } from '../domain/quarter'

// The printable 服务清单 page (packages/member/service-sheet): the member's
// own, or (memberId with `as`) one member's as the unit or the community's
// staff print it.

export type SheetViewer = 'unit' | 'staff'

export function serviceSheetUrl(year: number, quarter: Quarter | null, member?: { memberId: string; as: SheetViewer }): string {
  const query = [`year=${year}`, quarter ? `quarter=${quarter}` : '', member ? `memberId=${encodeURIComponent(member.memberId)}&as=${member.as}` : ''].filter(Boolean).join('&')
  return `/packages/member/service-sheet/index?${query}`
}
