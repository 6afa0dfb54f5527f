import { renderHook, waitFor } from '@testing-library/react'
import { callFunction } from '../../src/services/call-function'
import { requestSubscribe } from '../../src/services/request-subscribe'
import { useMessageSubscription } from '../../src/services/use-message-subscription'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
jest.mock('../../src/services/request-subscribe', () => ({ requestSubscribe: jest.fn() }))
const mockedCall = callFunction as jest.MockedFunction<typeof callFunction>
const mockedPrompt = requestSubscribe as jest.MockedFunction<typeof requestSubscribe>

const offers = [
  { kind: 'activityCancelled', templateId: 'tpl-a', purpose: '报名的活动取消时通知您' },
  { kind: 'activityChanged', templateId: 'tpl-b', purpose: '报名的活动时间或地点变更时提醒您' },
]

beforeEach(() => {
  mockedCall.mockReset()
  mockedPrompt.mockReset()
  mockedCall.mockImplementation(async (_name, data) => {
    const input = data as unknown as { action: string; kinds: string[] }
    return input.action === 'templates'
      ? { ok: true, data: { templates: offers } }
      : { ok: true, data: { remaining: Object.fromEntries(input.kinds.map((k) => [k, 1])) } }
  })
})

it('fetches the templates before the tap, then reports only what the user accepted', async () => {
  const { result } = renderHook(() => useMessageSubscription(['activityCancelled', 'activityChanged']))
  await waitFor(() => expect(result.current.templates).toHaveLength(2))
  expect(mockedCall).toHaveBeenCalledWith('messages', { action: 'templates', kinds: ['activityCancelled', 'activityChanged'] })

  mockedPrompt.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tpl-a': 'accept', 'tpl-b': 'reject' })
  const answer = await result.current.subscribe()
  expect(mockedPrompt).toHaveBeenCalledWith(['tpl-a', 'tpl-b'])
  expect(mockedCall).toHaveBeenLastCalledWith('messages', { action: 'subscribed', kinds: ['activityCancelled'] })
  expect(answer).toEqual({ ok: true, data: { remaining: { activityCancelled: 1 } } })
})

it('says so when the prompt fails, and reports nothing', async () => {
  const { result } = renderHook(() => useMessageSubscription(['activityCancelled']))
  await waitFor(() => expect(result.current.loading).toBe(false))
  mockedPrompt.mockRejectedValue(new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture'))
  expect(await result.current.subscribe()).toEqual({ ok: false, code: 'SUBSCRIBE_FAILED', message: '订阅未成功，请稍后再试' })
  expect(mockedCall).toHaveBeenCalledTimes(1)
})
