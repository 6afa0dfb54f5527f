import { View, Text, Button } from '@tarojs/components'
import './ui.css'

interface Props {
  /** Prefix of the test hooks: `roster` gives #roster-prev, #roster-page, #roster-next. */
  idPrefix: string
  page: number
  pages: number
  onPage: (page: number) => void
}

/** 上一页 · 第 N / M 页 · 下一页 under a list that comes page by page; nothing when it fits one page. */
export function Pager({ idPrefix, page, pages, onPage }: Props) {
  if (pages <= 1) return null
  return (
    <View className='pager'>
      <Button className='btn-mini btn-mini--grey' id={`${idPrefix}-prev`} disabled={page <= 1 || undefined} onClick={() => onPage(Math.max(1, page - 1))}>
        上一页
      </Button>
      <Text id={`${idPrefix}-page`}>{`第 ${page} / ${pages} 页`}</Text>
      <Button className='btn-mini btn-mini--grey' id={`${idPrefix}-next`} disabled={page >= pages || undefined} onClick={() => onPage(Math.min(pages, page + 1))}>
        下一页
      </Button>
    </View>
  )
}
