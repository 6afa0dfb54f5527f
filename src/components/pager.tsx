import { View, Button } from '@tarojs/components'
import './buttons.css'

interface Props {
  page: number
  pageSize: number
  total: number
  onPage: (page: number) => void
}

/** 上一页 / 下一页 under a paged list. */
export function Pager({ page, pageSize, total, onPage }: Props) {
  return (
    <View className='btn-row'>
      <Button className='btn-mini' disabled={page <= 1 || undefined} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Button className='btn-mini' disabled={page * pageSize >= total || undefined} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  )
}
