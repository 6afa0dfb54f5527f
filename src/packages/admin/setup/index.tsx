import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { setupContract } from '../../../domain/contracts/setup.contract'
import { TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { callFunction } from '../../../services/call-function'
import { TAB_ROUTES } from '../../../services/routes'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

// 首次设置: a new deployment's first administrator types the setup code the
// deploy step printed, the district's name and their own; they become its
// 区委组织部 admin. The code works once.
export default function SetupPage() {
  const [code, setCode] = useState('')
  const [districtName, setDistrictName] = useState('')
  const [adminName, setAdminName] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const { busy, error, submit } = useSubmit()

  const claim = async () => {
    const call = { action: 'claim' as const, code, districtName, adminName }
    const data = await submit(setupContract, call, () => callFunction('setup', call))
    if (data) setDone(data.districtName)
  }

  return (
    <View className='page' id='page-setup'>
      <View className='page-head'>
        <Text className='page-head__title'>首次设置</Text>
        <Text className='page-head__sub'>输入部署时打印的设置码，成为本区区委组织部管理员。设置码只能使用一次。</Text>
      </View>
      {done ? (
        <View className='card' id='setup-done'>
          <Text className='card__title'>{`已完成设置：${done}`}</Text>
          <Text className='card__text'>您已是区委组织部管理员。接下来请新建街道、社区和单位，并邀请工作人员。</Text>
          <Button className='btn btn--primary btn--block' id='setup-to-home' onClick={() => void Taro.reLaunch({ url: TAB_ROUTES.home })}>
            进入首页
          </Button>
        </View>
      ) : (
        <View className='card'>
          <TextField id='setup-code' label='设置码' required maxlength={20} placeholder='如 K7QM-3XPA-9TRB' value={code} onChange={setCode} />
          <TextField id='setup-district' label='区名称' required maxlength={30} placeholder='如 万秀区' value={districtName} onChange={setDistrictName} />
          <TextField id='setup-name' label='您的姓名' required maxlength={20} value={adminName} onChange={setAdminName} />
          <Notice id='setup-error' tone='error' text={error} />
          <Button className='btn btn--primary btn--block' id='setup-submit' disabled={busy || undefined} onClick={() => void claim()}>
            完成设置
          </Button>
        </View>
      )}
    </View>
  )
}
