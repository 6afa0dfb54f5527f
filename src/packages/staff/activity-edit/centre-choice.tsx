import { View, Text, Picker } from '@tarojs/components'
import type { CommunityChoice } from '../../../domain/contracts/roster.contract'
import { SERVICE_CATALOG, VOLUNTEER_CATEGORY } from '../../../domain/service-catalog'
import { FieldRow } from '../../../components/field'
import { RemoteState } from '../../../components/remote-state'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'

const ITEMS = SERVICE_CATALOG.find((c) => c.key === VOLUNTEER_CATEGORY)!.items.map((i) => i.name)

const communityLabel = (c: CommunityChoice) => `${c.streetName} · ${c.name}`

export interface CentreChoiceValue {
  item: string
  communityId: string
}

interface Props {
  value: CentreChoiceValue
  onChange: (value: CentreChoiceValue) => void
}

// The 区志愿者工作指导中心's new activity (issue 9 §6): the 志愿专业服务 item
// it serves (附件1's list) and the district's community it is held in (it
// counts as community-organised there).
export function CentreChoice({ value, onChange }: Props) {
  const communities = useRemote(() => callFunction('roster', { action: 'communities' }), 'centre-communities')
  const item = ITEMS.indexOf(value.item)
  const options = communities.data ?? []
  const community = options.findIndex((c) => c.communityId === value.communityId)
  return (
    <View className='card' id='centre-choice'>
      <FieldRow label='志愿专业服务项目' required hint='面向全区选择了该项目的党员'>
        <Picker id='centre-item' mode='selector' range={ITEMS} value={Math.max(item, 0)} onChange={(e) => onChange({ ...value, item: ITEMS[Number(e.detail.value)] ?? '' })}>
          <View className='field__input' id='centre-item-text'>
            <Text>{item >= 0 ? value.item : '请选择服务项目'}</Text>
          </View>
        </Picker>
      </FieldRow>
      {communities.data === null ? (
        <RemoteState remote={communities} />
      ) : (
        <FieldRow label='活动社区' required hint='活动计入该社区组织的活动'>
          <Picker
            id='centre-community'
            mode='selector'
            range={options.map(communityLabel)}
            value={Math.max(community, 0)}
            onChange={(e) => onChange({ ...value, communityId: options[Number(e.detail.value)]?.communityId ?? '' })}
          >
            <View className='field__input' id='centre-community-text'>
              <Text>{community >= 0 ? communityLabel(options[community]!) : '请选择活动社区'}</Text>
            </View>
          </Picker>
        </FieldRow>
      )}
    </View>
  )
}
