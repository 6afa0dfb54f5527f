import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { isMenuEntry, MENU, type MenuEntry } from '../domain/menu'
import { EmptyState } from './empty-state'

interface Props {
  entry?: MenuEntry
}

// A role page whose feature is not built yet: it says so plainly, with the
// menu entry's own description, instead of showing an empty form or fake data.
export function PendingFeature({ entry }: Props) {
  const spec = entry ? MENU[entry] : undefined
  return (
    <View className='page' id='placeholder'>
      <EmptyState title={spec ? spec.label : '功能建设中'} text='该功能将在后续版本开放'>
        {spec ? <Text className='pending-hint'>{spec.hint}</Text> : null}
      </EmptyState>
    </View>
  )
}

/**
 * The page each subpackage registers for its menu entries not built yet
 * (/packages/<pkg>/pending/index?entry=<entry>, see services/routes.ts).
 * WeChat needs a page file per subpackage; they all render this.
 */
export function PendingPage() {
  const { params } = useRouter()
  const entry = isMenuEntry(params.entry) ? params.entry : undefined
  useEffect(() => {
    if (entry) void Taro.setNavigationBarTitle({ title: MENU[entry].label })
  }, [entry])
  return <PendingFeature entry={entry} />
}
