import { View, Text } from '@tarojs/components'
import './ui.css'

/** The header row of a printable table. */
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
