import { View, Text, Button } from '@tarojs/components'
import './buttons.css'
import './ui.css'

interface Props {
  page: number
  total: number
  pageSize: number
  onPage: (page: number) => void
  /** Prefix of the buttons' and label's ids (`<id>-prev`, `<id>-page`, `<id>-next`). */
  id: string
}

/** 上一页 · 第 n / N 页 · 下一页, for a list the server pages; nothing when it fits on one page. */
export function Pager({ page, total, pageSize, onPage, id }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  return (
    <View className='pager'>
      <Button className='btn-mini btn-mini--grey' id={`${id}-prev`} disabled={page <= 1 || undefined} onClick={() => onPage(Math.max(1, page - 1))}>
        上一页
      </Button>
      <Text id={`${id}-page`}>{`第 ${page} / ${pages} 页`}</Text>
      <Button className='btn-mini btn-mini--grey' id={`${id}-next`} disabled={page >= pages || undefined} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  )
}
