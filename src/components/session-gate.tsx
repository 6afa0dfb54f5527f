import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Button, Text } from '@tarojs/components'
import type { BootstrapData } from '../domain/contracts/bootstrap.contract'
import type { Session } from '../services/session'
import { canSwitchDemoUser, goToDevLogin } from '../services/dev-login'
import { NEWCOMER_ROUTES } from '../services/routes'
import { BindCardButton } from './bind-card-button'
import { EmptyState } from './empty-state'
import './ui.css'

interface Props {
  session: Session
  /** Rendered only for a user the system knows. */
  children: (data: BootstrapData) => ReactNode
}

// Every tab page starts here: it turns the bootstrap answer into either the
// page itself or one clear Chinese message with a way forward.
export function SessionGate({ session, children }: Props) {
  const { data, error, loading, reload } = session

  // While refreshing, keep the page: no flash of a spinner on pull-down.
  if (data?.known) return <>{children(data)}</>

  if (loading) {
    return (
      <View className='session-loading' id='session-loading'>
        <Text>正在加载…</Text>
      </View>
    )
  }

  if (error?.code === 'AUTH_REQUIRED') {
    return (
      <EmptyState id='session-auth-required' title='请先选择演示用户登录' text='本地演示环境需要先选择一位演示用户，再查看对应身份的功能。'>
        {canSwitchDemoUser() ? (
          <Button className='btn btn--primary' id='dev-login-link' onClick={goToDevLogin}>
            选择演示用户
          </Button>
        ) : (
          <RetryButton onRetry={reload} />
        )}
      </EmptyState>
    )
  }

  if (error) {
    return (
      <EmptyState id='session-error' title='加载失败' text={error.message || '网络异常，请稍后重试'}>
        <RetryButton onRetry={reload} />
      </EmptyState>
    )
  }

  // Known=false: a WeChat user whom no unit or community has registered yet.
  return (
    <EmptyState
      id='session-unknown'
      title='您还未登记'
      text='在职党员可扫描单位发放的联系证完成绑定；居民可自行登记到居住社区；工作人员请接受邀请人发来的邀请。完成后点击“重新加载”即可使用。'
    >
      <BindCardButton onBound={reload} />
      <Button className='btn btn--plain' id='newcomer-register' onClick={() => void Taro.navigateTo({ url: NEWCOMER_ROUTES.residentRegister })}>
        我是居民：登记到居住社区
      </Button>
      <Button className='btn btn--plain' id='newcomer-accept' onClick={() => void Taro.navigateTo({ url: NEWCOMER_ROUTES.accept })}>
        接受邀请
      </Button>
      <Button className='btn btn--plain' id='newcomer-setup' onClick={() => void Taro.navigateTo({ url: NEWCOMER_ROUTES.setup })}>
        首次设置（区委组织部管理员）
      </Button>
      <RetryButton onRetry={reload} label='重新加载' />
      {canSwitchDemoUser() ? (
        <Button className='btn btn--plain' id='dev-login-link' onClick={goToDevLogin}>
          切换演示用户
        </Button>
      ) : null}
    </EmptyState>
  )
}

function RetryButton({ onRetry, label = '重试' }: { onRetry: () => Promise<void>; label?: string }) {
  return (
    <Button className='btn btn--primary' id='session-retry' onClick={() => void onRetry()}>
      {label}
    </Button>
  )
}
