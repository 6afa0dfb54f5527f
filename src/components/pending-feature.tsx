import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ABILITIES, type Ability } from '../domain/abilities'
import { EmptyState } from './empty-state'

interface Props {
  ability?: Ability
}

// A role page whose feature is not built yet: it says so plainly, with the
// ability's own description, instead of showing an empty form or fake data.
export function PendingFeature({ ability }: Props) {
  const spec = ability ? ABILITIES[ability] : undefined
  return (
    <View className='page' id='placeholder'>
      <EmptyState title={spec ? spec.label : '功能建设中'} text='该功能将在后续版本开放'>
        {spec ? <Text className='pending-hint'>{spec.hint}</Text> : null}
      </EmptyState>
    </View>
  )
}

export function isAbility(value: unknown): value is Ability {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ABILITIES, value)
}

/**
 * The page each subpackage registers for its abilities not built yet
 * (/packages/<pkg>/pending/index?ability=<ability>, see services/routes.ts).
 * WeChat needs a page file per subpackage; they all render this.
 */
export function PendingPage() {
  const { params } = useRouter()
  const ability = isAbility(params.ability) ? params.ability : undefined
  useEffect(() => {
    if (ability) void Taro.setNavigationBarTitle({ title: ABILITIES[ability].label })
  }, [ability])
  return <PendingFeature ability={ability} />
}
