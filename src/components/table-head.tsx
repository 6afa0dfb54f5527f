import { View, Text } from '@tarojs/components'
import './ui.css'

/** The header row of a printable form's table (汇总表, 附件4). */
export function TableHead({ headers }: { headers: readonly string[] }) {
  return (
    <View className='table__row table__head'>
      {headers.map((h) => (
        <Text key={h} className='table__cell'>
          {h}
        </Text>
      ))}
    </View>
  )
}
