import Taro from '@tarojs/taro'
import { uploadFile as uploadBase } from '../../src/services/upload-file'
import { uploadFile as uploadH5 } from '../../src/services/upload-file.h5'
import { uploadFile as uploadWeapp } from '../../src/services/upload-file.weapp'
import { reloadSession, resetSession } from '../../src/services/session'
import { callFunction } from '../../src/services/call-function'
import { bootstrapFor } from './support/session-fixtures'
import { ownerSegment } from '../../src/domain/upload-kinds'

// The storage gateway: the kind is checked by the bytes before anything is
// sent, and the path is the signed-in user's own upload folder.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = callFunction as jest.MockedFunction<typeof callFunction>

const csv = new Uint8Array(Buffer.from('姓名,性别\n张三,男\n'))
const pdf = new Uint8Array(Buffer.from('%PDF-1.4 not a roster'))
const fetchMock = jest.fn()

beforeEach(async () => {
  resetSession()
  fetchMock.mockReset()
  global.fetch = fetchMock as unknown as typeof fetch
  const boot = bootstrapFor('王五', 'secretary')
  mockedCall.mockResolvedValue({ ok: true, data: boot })
  await reloadSession()
})

it('the base module is the h5 one', () => {
  expect(uploadBase).toBe(uploadH5)
})

it('h5 PUTs the bytes to the bridge under the user’s spreadsheet folder and returns its answer', async () => {
  const blob = new Blob([csv])
  fetchMock.mockResolvedValue({ json: () => Promise.resolve({ ok: true, data: { fileID: 'cloud://local.b/x' } }) })
  await expect(uploadH5('spreadsheet', { name: '名册.CSV', bytes: csv, source: blob })).resolves.toEqual({ ok: true, data: { fileID: 'cloud://local.b/x' } })
  const [url, init] = fetchMock.mock.calls[0]
  const userId = ownerSegment(bootstrapFor('王五', 'secretary').user!.id)
  expect(decodeURIComponent(url)).toMatch(new RegExp(`^/storage/upload\\?cloudPath=uploads/spreadsheet/${userId}/\\d{14}-[a-z0-9]+\\.csv$`))
  expect(init).toMatchObject({ method: 'PUT', body: blob, headers: { 'content-type': 'application/octet-stream' } })
})

it('a file of another kind is refused before anything is sent, on either platform', async () => {
  for (const upload of [uploadH5, uploadWeapp]) {
    await expect(upload('spreadsheet', { name: '名册.csv', bytes: pdf, source: 'x' })).resolves.toMatchObject({ ok: false, code: 'NOT_SPREADSHEET' })
  }
  expect(fetchMock).not.toHaveBeenCalled()
})

it('weapp uploads with Taro.cloud.uploadFile from the temp path; a failure is UPLOAD_FAILED', async () => {
  const cloud = Taro.cloud as unknown as { uploadFile: jest.Mock }
  cloud.uploadFile = jest.fn().mockResolvedValueOnce({ fileID: 'cloud://env.b/y', statusCode: 200 }).mockRejectedValueOnce(new Error('uploadFile:fail'))
  await expect(uploadWeapp('spreadsheet', { name: 'a.csv', bytes: csv, source: 'wxfile://tmp/a.csv' })).resolves.toEqual({ ok: true, data: { fileID: 'cloud://env.b/y' } })
  expect(cloud.uploadFile.mock.calls[0][0]).toMatchObject({ filePath: 'wxfile://tmp/a.csv', cloudPath: expect.stringMatching(/^uploads\/spreadsheet\//) })
  await expect(uploadWeapp('spreadsheet', { name: 'a.csv', bytes: csv, source: 'wxfile://tmp/a.csv' })).resolves.toMatchObject({ ok: false, code: 'UPLOAD_FAILED' })
})
