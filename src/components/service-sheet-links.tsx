import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { Quarter } from '../domain/quarter'
import { serviceSheetUrl, type SheetViewer } from '../services/service-sheet-url'

// 打印 one member's 服务清单 from the unit's and the community's lists: the
// quarter shown, or the whole year (the sheet page prints it).
export function ServiceSheetLinks({ memberId, year, quarter, as }: { memberId: string; year: number; quarter: Quarter; as: SheetViewer }) {
  const open = (q: Quarter | null) => void Taro.navigateTo({ url: serviceSheetUrl(year, q, { memberId, as }) })
  return (
    <View className='actions service-print'>
      <Button className='btn' id={`service-print-q-${memberId}`} onClick={() => open(quarter)}>
        {`打印第${quarter}季度`}
      </Button>
      <Button className='btn' id={`service-print-y-${memberId}`} onClick={() => open(null)}>
        {`打印${year}年度`}
      </Button>
    </View>
  )
}
