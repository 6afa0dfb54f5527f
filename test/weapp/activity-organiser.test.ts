import type { ActivityView, SigninResult } from '../../src/domain/contracts/activity.contract'
import type { CardView } from '../../src/domain/contracts/card.contract'
import { scanAll } from '../../server/db/read'
import type { AttendanceDoc } from '../../server/db/docs'
import { addMember, COMMUNITIES, seedCity, USERS } from '../integration/support/fixture'
import { openLocalCloud, type LocalCloud } from './support/cloud'
import { bootMiniProgram } from './support/mini-program'
import { waitFor, waitForText } from './support/wait'

// The organiser's activity pages in the built weapp: the sign-in QR display
// (wx.setKeepScreenOn, the code from wx.cloud.callFunction) and signing a
// member in by scanning their 联系证 with wx.scanCode, against the real
// functions and database.

let cloud: LocalCloud
const errors: unknown[][] = []
const camera: string[] = []
const scanCode = jest.fn((options: { success?: (res: object) => void; fail?: (res: object) => void }) => {
  const result = camera.shift()
  if (result === undefined) options.fail?.({ errMsg: 'scanCode:fail cancel' })
  else options.success?.({ result, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' })
})
const setKeepScreenOn = jest.fn((options: { keepScreenOn: boolean; success?: (res: object) => void }) => options.success?.({ errMsg: 'setKeepScreenOn:ok' }))

beforeAll(async () => {
  cloud = await openLocalCloud(async (db) => {
    await seedCity(db)
    await addMember(db, { id: 'm-wang', unit: 'u1', community: 'a1', name: '王芳', mobile: '13900000001' })
  })
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args)
  })
})
afterAll(() => cloud.close())
afterEach(() => expect(errors).toEqual([]))

/** A published activity of 曙光社区 under way now (sign-in is open). */
async function activityUnderWay(title: string): Promise<string> {
  const now = Date.now()
  const draft = await cloud.call<ActivityView>(USERS.staffA1, 'activity', {
    action: 'create',
    communityId: COMMUNITIES.a1._id,
    title,
    place: '曙光社区活动室',
    startAt: new Date(now - 10 * 60_000).toISOString(),
    endAt: new Date(now + 2 * 3_600_000).toISOString(),
  })
  if (!draft.ok) throw new Error(JSON.stringify(draft))
  const published = await cloud.call<ActivityView>(USERS.staffA1, 'activity', { action: 'publish', activityId: draft.data.activityId })
  if (!published.ok) throw new Error(JSON.stringify(published))
  return draft.data.activityId
}

it('the organiser’s phone shows the sign-in code, keeps the screen on, and a member’s scan of that code signs them in', async () => {
  const activityId = await activityUnderWay('垃圾分类宣传')
  cloud.signInAs(USERS.staffA1)
  const mp = bootMiniProgram({ cloud: cloud.wxCloud, setKeepScreenOn })
  const before = cloud.calls.length
  const page = mp.open('packages/staff/activity-qr/index', { activityId, direction: 'in' })
  await waitForText(() => page.text(), '请扫码签到', 'the sign-in code')
  expect(page.text()).toContain('垃圾分类宣传')
  expect(page.text()).toMatch(/\d+ 秒后更新/)
  expect(setKeepScreenOn).toHaveBeenCalledWith(expect.objectContaining({ keepScreenOn: true }))

  const shown = cloud.calls.slice(before).find((c) => c.data.action === 'signinCode')
  expect(shown?.data).toMatchObject({ activityId, direction: 'in' })
  const code = shown!.result as { ok: true; data: { token: string; qr: string } }
  expect(code.data.qr).toMatch(/^data:image\/png;base64,/)
  expect(page.text()).toContain(code.data.token)

  const signedIn = await cloud.call<SigninResult>('m-wang', 'activity', { action: 'signIn', token: code.data.token })
  expect(signedIn).toMatchObject({ ok: true, data: { activityId, direction: 'in', already: false } })
  // Leaving the page (onUnload unmounts it) lets the screen sleep again.
  page.detach()
  await waitFor(() => setKeepScreenOn.mock.calls.at(-1)?.[0].keepScreenOn === false, 'the screen let go')
})

it('the organiser scans a member’s 联系证 on the attendance page and the member is signed in by card', async () => {
  const activityId = await activityUnderWay('义务巡逻')
  const card = await cloud.call<CardView>(USERS.secretary1, 'card', { action: 'issue', memberId: 'm-wang' })
  if (!card.ok || !card.data.token) throw new Error(JSON.stringify(card))
  cloud.signInAs(USERS.staffA1)
  const mp = bootMiniProgram({ cloud: cloud.wxCloud, scanCode })
  const page = mp.open('packages/staff/activity-attendance/index', { activityId })
  await waitForText(() => page.text(), '扫联系证签到', 'the attendance page')
  expect(page.text()).toContain('还没有人签到')

  camera.push(card.data.token)
  page.tap('attendance-scan')
  await waitForText(() => page.text(), '王芳签到成功', 'after scanning the card')
  await waitFor(() => page.text().includes('签到记录（1）'), 'the record listed')
  expect(page.text()).toContain('（扫联系证）')

  const records = await scanAll<AttendanceDoc>(cloud.db, 'attendance', { activityId })
  expect(records).toEqual([expect.objectContaining({ memberId: 'm-wang', inMethod: 'card' })])
  page.detach()
})
