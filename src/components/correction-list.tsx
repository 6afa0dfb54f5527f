import { useState } from 'react'
import { View } from '@tarojs/components'
import type { CorrectionCounts, CorrectionList as CorrectionPage } from '../domain/contracts/corrections.contract'
import { callFunction } from '../services/call-function'
import { useRemote, type Remote } from '../services/use-remote'
import { ChoiceChips } from './chips'
import { CorrectionRow } from './correction-row'
import { EmptyState } from './empty-state'
import { Pager } from './pager'
import { RemoteState } from './remote-state'
import './ui.css'

const PAGE_SIZE = 20
const STATUS_FILTERS = { open: '待处理', resolved: '已处理', all: '全部' } as const
export type CorrectionStatusFilter = keyof typeof STATUS_FILTERS

export interface CorrectionListState {
  status: CorrectionStatusFilter
  /** A new status starts again at page 1. */
  setStatus: (status: CorrectionStatusFilter) => void
  page: number
  setPage: (page: number) => void
  remote: Remote<CorrectionPage>
}

/** The requests about a community's members (staff) or raised by a unit (secretary, liaison), by status, paged. */
export function useCorrectionList(owner: { communityId: string } | { unitId: string }, initial: CorrectionStatusFilter): CorrectionListState {
  const [status, setStatus] = useState<CorrectionStatusFilter>(initial)
  const [page, setPage] = useState(1)
  const paging = { status, page, pageSize: PAGE_SIZE }
  const remote = useRemote(
    () =>
      'communityId' in owner
        ? callFunction('corrections', { action: 'list', communityId: owner.communityId, ...paging })
        : callFunction('corrections', { action: 'unitList', unitId: owner.unitId, ...paging }),
    `${'communityId' in owner ? owner.communityId : owner.unitId}:${status}:${page}`,
  )
  return { status, setStatus: (s) => (setStatus(s), setPage(1)), page, setPage, remote }
}

export function correctionCountsText(counts: CorrectionCounts): string {
  return `待处理 ${counts.open}，已更正 ${counts.fixed}，不予更正 ${counts.declined}`
}

interface Props {
  list: CorrectionListState
  /** Test hooks: #<idPrefix>-status, #<idPrefix>-empty, #<idPrefix>-list and the pager's. */
  idPrefix: string
  emptyText: string
  /** Staff open a request to answer it; the unit only reads. */
  onOpen?: (correctionId: string) => void
}

/** The status chips, the page of requests and the pager, as the community and the unit both list them. */
export function CorrectionList({ list, idPrefix, emptyText, onOpen }: Props) {
  const d = list.remote.data
  return (
    <>
      <ChoiceChips id={`${idPrefix}-status`} options={Object.keys(STATUS_FILTERS) as CorrectionStatusFilter[]} value={list.status} onChange={list.setStatus} labels={STATUS_FILTERS} />
      {!d ? (
        <RemoteState remote={list.remote} />
      ) : d.rows.length === 0 ? (
        <EmptyState id={`${idPrefix}-empty`} title='没有核对请求' text={emptyText} />
      ) : (
        <View id={`${idPrefix}-list`}>
          {d.rows.map((c) => (
            <CorrectionRow key={c.correctionId} c={c} onOpen={onOpen ? () => onOpen(c.correctionId) : undefined} />
          ))}
          <Pager idPrefix={idPrefix} page={list.page} pages={Math.ceil(d.total / PAGE_SIZE)} onPage={list.setPage} />
        </View>
      )}
    </>
  )
}
