import { View, Text } from '@tarojs/components'
import type { GrantView } from '../domain/contracts/bootstrap.contract'
import './grant-list.css'

interface Props {
  id: string
  grants: readonly GrantView[]
  /** Light text for the red banner on 首页. */
  inverse?: boolean
}

// A user's grants as "角色 · 范围" lines, e.g. "在职党员 · 西溪社区".
export function GrantList({ id, grants, inverse }: Props) {
  if (grants.length === 0) {
    return (
      <View className={inverse ? 'grant-list grant-list--inverse' : 'grant-list'} id={id}>
        <Text className='grant grant--none'>暂无身份</Text>
      </View>
    )
  }
  return (
    <View className={inverse ? 'grant-list grant-list--inverse' : 'grant-list'} id={id}>
      {grants.map((g, i) => (
        <Text key={`${g.role}-${i}`} className='grant'>
          {`${g.roleLabel} · ${g.scopeName}`}
        </Text>
      ))}
    </View>
  )
}
