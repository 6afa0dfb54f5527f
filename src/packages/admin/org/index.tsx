import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { ActionCall } from '../../../domain/contracts'
import { orgContract } from '../../../domain/contracts/org.contract'
import { ChoiceChips } from '../../../components/chips'
import { TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

// 街道、社区与单位 (org.manage): the district's 区委组织部 creates its streets,
// their communities, and the units whose members report.
export default function OrgPage() {
  return <RolePage id='page-org' roles={['districtAdmin']}>{() => <Org />}</RolePage>
}

function Org() {
  const tree = useRemote(() => callFunction('org', { action: 'tree' }), 'tree')
  const [streetName, setStreetName] = useState('')
  const [streetId, setStreetId] = useState<string | null>(null)
  const [communityName, setCommunityName] = useState('')
  const [unitName, setUnitName] = useState('')
  const [unitOrg, setUnitOrg] = useState('')
  const { busy, error, submit } = useSubmit()

  const create = async <A extends 'createStreet' | 'createCommunity' | 'createUnit'>(call: ActionCall<'org', A>, clear: () => void) => {
    const data = await submit(orgContract, call, () => callFunction('org', call))
    if (!data) return
    clear()
    void Taro.showToast({ title: '已新建', icon: 'success' })
    await tree.reload()
  }

  const streets = tree.data?.streets ?? []
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{tree.data ? `${tree.data.district.name}街道、社区与单位` : '街道、社区与单位'}</Text>
        <Text className='page-head__sub'>新建后，可在“我的 → 授权管理”邀请街道管理员、社区工作人员和单位书记</Text>
      </View>
      <View className='card'>
        <Text className='card__title'>新建街道</Text>
        <TextField id='org-street-name' label='街道名称' required maxlength={30} value={streetName} onChange={setStreetName} />
        <Button className='btn btn--primary btn--block' id='org-street-add' disabled={busy || undefined} onClick={() => void create({ action: 'createStreet', name: streetName }, () => setStreetName(''))}>
          新建街道
        </Button>
      </View>
      <View className='card'>
        <Text className='card__title'>新建社区</Text>
        <ChoiceChips id='org-community-street' options={streets.map((s) => s.streetId)} labels={Object.fromEntries(streets.map((s) => [s.streetId, s.name]))} value={streetId} onChange={setStreetId} />
        <TextField id='org-community-name' label='社区名称' required maxlength={30} value={communityName} onChange={setCommunityName} />
        <Button
          className='btn btn--primary btn--block'
          id='org-community-add'
          disabled={busy || !streetId || undefined}
          onClick={() => void create({ action: 'createCommunity', streetId: streetId ?? '', name: communityName }, () => setCommunityName(''))}
        >
          新建社区
        </Button>
      </View>
      <View className='card'>
        <Text className='card__title'>新建单位</Text>
        <TextField id='org-unit-name' label='单位名称' required maxlength={30} value={unitName} onChange={setUnitName} />
        <TextField id='org-unit-org' label='党组织名称' maxlength={50} placeholder='选填，回执上使用' value={unitOrg} onChange={setUnitOrg} />
        <Button
          className='btn btn--primary btn--block'
          id='org-unit-add'
          disabled={busy || undefined}
          onClick={() => void create({ action: 'createUnit', name: unitName, ...(unitOrg ? { partyOrgName: unitOrg } : {}) }, () => (setUnitName(''), setUnitOrg('')))}
        >
          新建单位
        </Button>
      </View>
      <Notice id='org-error' tone='error' text={error} />
      {tree.data === null ? (
        <RemoteState remote={tree} />
      ) : (
        <>
          <View className='card' id='org-tree'>
            <Text className='card__title'>{`街道与社区（${streets.length}个街道）`}</Text>
            {streets.map((s) => (
              <View key={s.streetId} className='org-street'>
                <Text className='card__text'>{s.name}</Text>
                <Text className='muted'>{s.communities.map((c) => c.name).join('、') || '尚无社区'}</Text>
              </View>
            ))}
          </View>
          <View className='card' id='org-units'>
            <Text className='card__title'>{`单位（${tree.data.units.length}个）`}</Text>
            {tree.data.units.map((u) => (
              <Text key={u.unitId} className='card__text org-unit'>
                {u.name}
              </Text>
            ))}
          </View>
        </>
      )}
    </View>
  )
}
