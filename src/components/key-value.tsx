import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './ui.css'

interface Props {
  label: string
  /** On the value, for tests and links. */
  id?: string
  /** Extra class on the value. */
  valueClass?: string
  children: ReactNode
}

/** One "label  value" line of a record card (card, scan result, roster row). */
export function KeyValue({ label, id, valueClass, children }: Props) {
  return (
    <View className='kv'>
      <Text className='kv__key'>{label}</Text>
      <Text className={valueClass ? `kv__value ${valueClass}` : 'kv__value'} id={id}>
        {children}
      </Text>
    </View>
  )
}
