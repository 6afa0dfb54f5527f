import { View, Text, Button } from '@tarojs/components'
import { GrantList } from '../../components/grant-list'
import { TabPage } from '../../components/tab-page'
import { canSwitchDemoUser, goToDevLogin } from '../../services/dev-login'
import '../../components/ui.css'
import './index.css'

// 我的: name and roles, the member's own records; pull down to refresh the
// identity (e.g. after a new grant). On h5 the demo user can be switched.
export default function MinePage() {
  return (
    <TabPage
      tab='mine'
      header={(data) => (
        <View className='card mine-profile'>
          <Text className='mine-profile__name' id='mine-name'>
            {data.user?.name ?? ''}
          </Text>
          <Text className='mine-profile__label'>我的身份</Text>
          <GrantList id='mine-roles' grants={data.grants} />
        </View>
      )}
      footer={() =>
        canSwitchDemoUser() ? (
          <View className='mine-footer'>
            <Button className='btn btn--plain' id='dev-login-link' onClick={goToDevLogin}>
              切换演示用户
            </Button>
          </View>
        ) : null
      }
    />
  )
}
