import type { DistrictRow } from '../../../domain/contracts/stats.contract'

export type SortKey = 'unitName' | 'memberTotal' | 'reported' | 'rate'
export interface SortState {
  key: SortKey
  dir: 'asc' | 'desc'
}

export const SORT_LABELS: Record<SortKey, string> = { unitName: '单位', memberTotal: '党员数', reported: '已报到', rate: '报到率' }

/** Tapping a header sorts by it; tapping it again turns the order round. Numbers start high-to-low. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  return { key, dir: key === 'unitName' ? 'asc' : 'desc' }
}

export function sortRows(rows: readonly DistrictRow[], sort: SortState): DistrictRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const primary = sort.key === 'unitName' ? a.unitName.localeCompare(b.unitName, 'zh') : a[sort.key] - b[sort.key]
    return sign * primary || a.unitName.localeCompare(b.unitName, 'zh')
  })
}
