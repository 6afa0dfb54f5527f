import Taro from '@tarojs/taro'
import { callFunction as callH5 } from '../../src/services/call-function.h5'
import { callFunction as callWeapp } from '../../src/services/call-function.weapp'
import { callFunction as callBase } from '../../src/services/call-function'

const NETWORK = { ok: false, code: 'NETWORK', message: '网络异常，请稍后重试' }

function jsonResponse(status: number, body: unknown) {
  return { status, ok: status < 400, json: () => Promise.resolve(body) }
}

describe('h5 gateway (local HTTP bridge)', () => {
  const fetchMock = jest.fn()
  beforeEach(() => {
    fetchMock.mockReset()
    global.fetch = fetchMock as unknown as typeof fetch
  })

  it('is what the base module exports', () => {
    expect(callBase).toBe(callH5)
  })

  it('POSTs the data as JSON to /api/<name> and returns the body', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true, data: { n: 1 } }))
    await expect(callH5('bootstrap', { action: 'get' })).resolves.toEqual({ ok: true, data: { n: 1 } })
    expect(fetchMock).toHaveBeenCalledWith('/api/bootstrap', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: '{"action":"get"}',
    })
  })

  it('returns the Result body of a 4xx answer as it is', async () => {
    const fail = { ok: false, code: 'AUTH_REQUIRED', message: '请先登录' }
    fetchMock.mockResolvedValue(jsonResponse(401, fail))
    await expect(callH5('bootstrap', { action: 'get' })).resolves.toEqual(fail)
  })

  it('maps a failed request to NETWORK', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    await expect(callH5('bootstrap', { action: 'get' })).resolves.toEqual(NETWORK)
  })

  it('maps a body that is not a Result to NETWORK', async () => {
    fetchMock.mockResolvedValue({ status: 502, ok: false, json: () => Promise.reject(new SyntaxError('Unexpected token <')) })
    await expect(callH5('bootstrap', { action: 'get' })).resolves.toEqual(NETWORK)
  })
})

describe('weapp gateway (wx.cloud)', () => {
  const cloudCall = Taro.cloud.callFunction as unknown as jest.Mock

  it('calls the cloud function and returns its result', async () => {
    cloudCall.mockResolvedValueOnce({ result: { ok: true, data: 7 }, errMsg: 'cloud.callFunction:ok' })
    await expect(callWeapp('stats', { action: 'unit', unitId: 'u1' })).resolves.toEqual({ ok: true, data: 7 })
    expect(cloudCall).toHaveBeenCalledWith({ name: 'stats', data: { action: 'unit', unitId: 'u1' } })
  })

  it('passes a function failure through', async () => {
    const fail = { ok: false, code: 'FORBIDDEN', message: '无权操作' }
    cloudCall.mockResolvedValueOnce({ result: fail, errMsg: 'cloud.callFunction:ok' })
    await expect(callWeapp('roster', { action: 'list', unitId: 'u1' })).resolves.toEqual(fail)
  })

  it('maps a thrown error (offline, function missing) to NETWORK', async () => {
    cloudCall.mockRejectedValueOnce(new Error('cloud.callFunction:fail -501000 FunctionName parameter could not be found'))
    await expect(callWeapp('card', { action: 'mine' })).resolves.toEqual(NETWORK)
  })
})
