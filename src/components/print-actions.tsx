import { View, Text, Button } from '@tarojs/components'
import { canPrint, printPage } from '../services/print'
import './ui.css'

interface Props {
  /** The print button's id, a test hook: #summary-print, #pairing-summary-print… */
  id: string
  label?: string
}

/** A printable table's 打印 button on h5; in WeChat, where pages cannot print, the line saying where to print from. */
export function PrintActions({ id, label = '打印' }: Props) {
  return canPrint() ? (
    <View className='actions no-print'>
      <Button className='btn btn--primary' id={id} onClick={printPage}>
        {label}
      </Button>
    </View>
  ) : (
    <Text className='muted print-hint no-print'>如需打印，请在电脑浏览器中打开本系统。</Text>
  )
}
