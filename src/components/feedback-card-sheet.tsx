import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { callFunction } from '../services/call-function'
import { useRemote } from '../services/use-remote'
import { EmptyState } from './empty-state'
import { FeedbackCardView } from './feedback-card'
import { Pager } from './pager'
import { PrintActions } from './print-actions'
import { RemoteState } from './remote-state'
import './ui.css'

// The most the cards action gives at once (its pageSize cap), so one print run covers as many cards as it can.
const CARDS_PER_SHEET = 50

interface Props {
  /** Whose cards: a community's (staff) or a unit's (secretary, liaison). */
  owner: { communityId: string } | { unitId: string }
  year: number
  /** Test hooks: the list (#ids.list, also the pager's prefix), its empty state, the back and print buttons. */
  ids: { list: string; empty: string; close: string; print: string }
  /** What the empty list says: who issues the cards. */
  emptyText: string
  onClose: () => void
}

/** The year's issued 反馈卡, one per printed page, paged, with 返回 and 打印. */
export function FeedbackCardSheet({ owner, year, ids, emptyText, onClose }: Props) {
  const [page, setPage] = useState(1)
  const remote = useRemote(() => callFunction('evaluation', { action: 'cards', ...owner, year, page, pageSize: CARDS_PER_SHEET }), `${year}|${page}`)
  return (
    <View>
      <View className='actions no-print'>
        <Button className='btn-mini btn-mini--grey' id={ids.close} onClick={onClose}>返回</Button>
      </View>
      <PrintActions id={ids.print} />
      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : remote.data.rows.length === 0 ? (
        <EmptyState id={ids.empty} title='还没有反馈卡' text={emptyText} />
      ) : (
        <View className='print-area' id={ids.list}>
          {remote.data.rows.map((card) => (
            <FeedbackCardView key={card.memberId} card={card} />
          ))}
          <View className='no-print'>
            <Pager idPrefix={ids.list} page={page} pages={Math.max(1, Math.ceil(remote.data.total / CARDS_PER_SHEET))} onPage={setPage} />
          </View>
        </View>
      )}
    </View>
  )
}
