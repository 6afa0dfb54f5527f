import { View, Text } from '@tarojs/components'
import { GrantList } from '../../components/grant-list'
import { TabPage } from '../../components/tab-page'
import './index.css'

// 首页: who you are here (name and grants), then the role's work entries.
export default function HomePage() {
  return (
    <TabPage
      tab='home'
      header={(data) => (
        <View className='home-banner'>
          <Text className='home-banner__greeting' id='home-greeting'>
            {`${data.user?.name ?? ''}，您好`}
          </Text>
          <Text className='home-banner__sub'>在职党员进社区 · 双报到</Text>
          <GrantList id='home-grants' grants={data.grants} inverse />
        </View>
      )}
    />
  )
}
