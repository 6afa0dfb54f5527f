import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { MENU, type MenuEntry, type Tab } from '../domain/menu'
import { entryId, routeOf } from '../services/routes'
import { EmptyState } from './empty-state'
import { TAB_INTRO } from './tab-intro'
import './entry-list.css'

interface Props {
  tab: Tab
  entries: readonly MenuEntry[]
}

export function entriesFor(tab: Tab, entries: readonly MenuEntry[]): MenuEntry[] {
  return entries.filter((e) => MENU[e]?.tab === tab)
}

// The entries a user may use on one tab. The server sends the user's `menu`
// already filtered by role; the client only places them on tabs.
export function EntryList({ tab, entries: all }: Props) {
  const entries = entriesFor(tab, all)
  if (entries.length === 0) {
    const intro = TAB_INTRO[tab]
    return <EmptyState id={`tab-${tab}-empty`} title={intro.title} text={intro.text} />
  }
  return (
    <View className='entry-list' id={`tab-${tab}-entries`}>
      {entries.map((entry) => (
        <View
          key={entry}
          className='entry'
          id={entryId(entry)}
          hoverClass='entry--pressed'
          onClick={() => void Taro.navigateTo({ url: routeOf(entry) })}
        >
          <View className='entry__mark' />
          <View className='entry__body'>
            <Text className='entry__label'>{MENU[entry].label}</Text>
            <Text className='entry__hint'>{MENU[entry].hint}</Text>
          </View>
          <Text className='entry__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
