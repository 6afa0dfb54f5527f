import { View, Button } from '@tarojs/components'
import type { NeedRow } from '../domain/contracts/needs.contract'
import type { Remote } from '../services/use-remote'
import { EmptyState } from './empty-state'
import { NeedRowCard } from './need-card'
import { RemoteState } from './remote-state'
import './ui.css'

export const NEED_PAGE_SIZE = 20

interface Props {
  id: string
  remote: Pick<Remote<{ rows: NeedRow[]; total: number }>, 'data' | 'error' | 'reload'>
  page: number
  setPage: (page: number) => void
  detailUrl: string
  empty: { title: string; text: string }
}

/** A page of needs with 上一页 / 下一页. */
export function NeedList({ id, remote, page, setPage, detailUrl, empty }: Props) {
  if (!remote.data) return <RemoteState remote={remote} />
  if (remote.data.rows.length === 0) return <EmptyState id={`${id}-empty`} title={empty.title} text={empty.text} />
  return (
    <View id={id}>
      {remote.data.rows.map((row) => (
        <NeedRowCard key={row.needId} need={row} detailUrl={detailUrl} />
      ))}
      <View className='btn-row'>
        <Button className='btn-mini' disabled={page <= 1 || undefined} onClick={() => setPage(page - 1)}>
          上一页
        </Button>
        <Button className='btn-mini' disabled={page * NEED_PAGE_SIZE >= remote.data.total || undefined} onClick={() => setPage(page + 1)}>
          下一页
        </Button>
      </View>
    </View>
  )
}
