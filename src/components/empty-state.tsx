import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './empty-state.css'

interface Props {
  id?: string
  title: string
  text?: string
  /** Buttons or links under the text. */
  children?: ReactNode
}

// The one way a page says "nothing here" or "cannot continue": a title that
// names the situation and a line that tells the user what to do about it.
export function EmptyState({ id, title, text, children }: Props) {
  return (
    <View className='empty-state' id={id}>
      <View className='empty-state__mark' />
      <Text className='empty-state__title'>{title}</Text>
      {text ? <Text className='empty-state__text'>{text}</Text> : null}
      {children ? <View className='empty-state__actions'>{children}</View> : null}
    </View>
  )
}
