import { Button, Text } from '@tarojs/components'
import type { Remote } from '../services/use-remote'
import { EmptyState } from './empty-state'
import './ui.css'

interface Props {
  remote: Pick<Remote<unknown>, 'error' | 'data' | 'reload'>
  /** Id of the failure state, a test hook; defaults to #load-error. */
  errorId?: string
}

/**
 * What a page shows before its data arrives: a loading line, or the server's
 * Chinese message with 重试. Returns null once there is data.
 */
export function RemoteState({ remote, errorId = 'load-error' }: Props) {
  if (remote.error) {
    return (
      <EmptyState id={errorId} title='加载失败' text={remote.error.message || '网络异常，请稍后重试'}>
        <Button className='btn btn--primary' onClick={() => void remote.reload()}>
          重试
        </Button>
      </EmptyState>
    )
  }
  if (remote.data === null) {
    return (
      <Text className='loading-line' id='page-loading'>
        正在加载…
      </Text>
    )
  }
  return null
}
