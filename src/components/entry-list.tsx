import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ABILITIES, type Ability, type Tab } from '../domain/abilities'
import { entryId, routeOf } from '../services/routes'
import { EmptyState } from './empty-state'
import { TAB_INTRO } from './tab-intro'
import './entry-list.css'

interface Props {
  tab: Tab
  abilities: readonly Ability[]
}

export function entriesFor(tab: Tab, abilities: readonly Ability[]): Ability[] {
  return abilities.filter((a) => ABILITIES[a]?.tab === tab)
}

// The entries a user may use on one tab. The server sends `abilities`
// already filtered by role; the client only places them on tabs.
export function EntryList({ tab, abilities }: Props) {
  const entries = entriesFor(tab, abilities)
  if (entries.length === 0) {
    const intro = TAB_INTRO[tab]
    return <EmptyState id={`tab-${tab}-empty`} title={intro.title} text={intro.text} />
  }
  return (
    <View className='entry-list' id={`tab-${tab}-entries`}>
      {entries.map((ability) => (
        <View
          key={ability}
          className='entry'
          id={entryId(ability)}
          hoverClass='entry--pressed'
          onClick={() => void Taro.navigateTo({ url: routeOf(ability) })}
        >
          <View className='entry__mark' />
          <View className='entry__body'>
            <Text className='entry__label'>{ABILITIES[ability].label}</Text>
            <Text className='entry__hint'>{ABILITIES[ability].hint}</Text>
          </View>
          <Text className='entry__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
