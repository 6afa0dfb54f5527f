import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { residentsContract } from '../../../domain/contracts/residents.contract'
import { ChoiceChips } from '../../../components/chips'
import { FieldRow, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { callFunction } from '../../../services/call-function'
import { TAB_ROUTES } from '../../../services/routes'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

// 居民登记: a resident chooses their street, then their community, gives their
// name and mobile, and is a resident of that community at once (the
// community's staff see the registration and remove a fake one).
export default function ResidentRegisterPage() {
  const places = useRemote(() => callFunction('residents', { action: 'places' }), 'places')
  const [streetId, setStreetId] = useState<string | null>(null)
  const [communityId, setCommunityId] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [mobile, setMobile] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const { busy, error, setError, submit } = useSubmit()

  const register = async () => {
    if (!communityId) return setError('请选择居住的社区')
    const call = { action: 'register' as const, communityId, name, mobile }
    const data = await submit(residentsContract, call, () => callFunction('residents', call))
    if (data) setDone(data.communityName)
  }

  const streets = places.data ?? []
  const street = streets.find((s) => s.streetId === streetId)
  return (
    <View className='page' id='page-resident-register'>
      <View className='page-head'>
        <Text className='page-head__title'>居民登记</Text>
        <Text className='page-head__sub'>登记到您居住的社区后，即可提交服务需求、查看社区服务岗位</Text>
      </View>
      {done ? (
        <View className='card' id='register-done'>
          <Text className='card__title'>{`已登记为${done}居民`}</Text>
          <Button className='btn btn--primary btn--block' onClick={() => void Taro.reLaunch({ url: TAB_ROUTES.home })}>
            进入首页
          </Button>
        </View>
      ) : places.data === null ? (
        <RemoteState remote={places} />
      ) : (
        <View className='card'>
          <FieldRow label='街道' required>
            <ChoiceChips
              id='register-streets'
              options={streets.map((s) => s.streetId)}
              labels={Object.fromEntries(streets.map((s) => [s.streetId, s.name]))}
              value={streetId}
              onChange={(id) => (setStreetId(id), setCommunityId(null))}
            />
          </FieldRow>
          {street ? (
            <FieldRow label='社区' required>
              <ChoiceChips
                id='register-communities'
                options={street.communities.map((c) => c.communityId)}
                labels={Object.fromEntries(street.communities.map((c) => [c.communityId, c.name]))}
                value={communityId}
                onChange={setCommunityId}
              />
            </FieldRow>
          ) : null}
          <TextField id='register-name' label='姓名' required maxlength={20} value={name} onChange={setName} />
          <TextField id='register-mobile' label='手机号码' required type='number' maxlength={11} value={mobile} onChange={setMobile} />
          <Notice id='register-error' tone='error' text={error} />
          <Button className='btn btn--primary btn--block' id='register-submit' disabled={busy || undefined} onClick={() => void register()}>
            登记
          </Button>
        </View>
      )}
    </View>
  )
}
