import type { ActivityView } from '../../src/domain/contracts/activity.contract'
import type { AttendanceDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { addMember, COMMUNITIES, seedCity, USERS } from '../integration/support/fixture'
import { openLocalCloud, type LocalCloud } from './support/cloud'
import { bootMiniProgram } from './support/mini-program'
import { failOnConsoleErrors, fakeCamera } from './support/phone'
import { waitForText } from './support/wait'

// The member's sign-in in the weapp build (issue 9 §4): WeChat's scanner
// (wx.scanCode) reads the organiser's rotating code, a real one from the
// server; wx.getLocation gives the position when the activity has a place,
// and a refusal still signs in. Against the real functions and database.

let cloud: LocalCloud
const { camera, scanCode } = fakeCamera()
failOnConsoleErrors()
/** The phone's position, or null when the member refuses it. */
let position: { latitude: number; longitude: number; accuracy: number } | null = null
const getLocation = jest.fn((options: { success?: (res: object) => void; fail?: (res: object) => void }) => {
  if (position) options.success?.({ ...position, errMsg: 'getLocation:ok' })
  else options.fail?.({ errMsg: 'getLocation:fail auth deny' })
})

const PLACE = { lat: 30.2741, lng: 120.1551 }

beforeAll(async () => {
  cloud = await openLocalCloud(async (db) => {
    await seedCity(db)
    await addMember(db, { id: 'm-zhao', unit: 'u1', community: 'a1', name: '赵敏', mobile: '13900000021' })
    await addMember(db, { id: 'm-qian', unit: 'u1', community: 'a1', name: '钱军', mobile: '13900000022' })
  })
})
afterAll(() => cloud.close())
beforeEach(() => getLocation.mockClear())

async function ok<T>(openid: string, name: string, data: object): Promise<T> {
  const result = await cloud.call<T>(openid, name, data)
  if (!result.ok) throw new Error(`${name}.${(data as { action: string }).action}: ${JSON.stringify(result)}`)
  return result.data
}

/** A published activity under way in 曙光社区, at a place with a 300 m radius. */
async function activityNow(title: string): Promise<string> {
  const now = Date.now()
  const draft = await ok<ActivityView>(USERS.staffA1, 'activity', {
    action: 'create',
    communityId: COMMUNITIES.a1._id,
    title,
    place: '社区党群服务中心',
    startAt: new Date(now - 10 * 60_000).toISOString(),
    endAt: new Date(now + 110 * 60_000).toISOString(),
    location: { ...PLACE, radius: 300 },
  })
  await ok(USERS.staffA1, 'activity', { action: 'publish', activityId: draft.activityId })
  return draft.activityId
}

const signinCode = async (activityId: string) => (await ok<{ token: string }>(USERS.staffA1, 'activity', { action: 'signinCode', activityId, direction: 'in' })).token

it('a member scans the organiser’s code with WeChat’s scanner and is signed in once, with their position', async () => {
  const activityId = await activityNow('楼道清洁')
  cloud.signInAs('m-zhao')
  position = { latitude: PLACE.lat + 0.0004, longitude: PLACE.lng, accuracy: 30 }
  const mp = bootMiniProgram({ cloud: cloud.wxCloud, scanCode, getLocation })
  const signin = mp.open('packages/member/signin/index')
  await waitForText(() => signin.text(), '扫描活动签到码', 'the sign-in page')

  camera.push(await signinCode(activityId))
  const before = cloud.calls.length
  signin.tap('signin-scan')
  await waitForText(() => signin.text(), '签到成功', 'after scanning')
  expect(signin.text()).toContain('“楼道清洁”')
  expect(scanCode).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] }))
  expect(getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }))
  expect(cloud.calls.slice(before).map((c) => [c.name, c.data.action, c.result?.ok])).toEqual([
    ['activity', 'get', true],
    ['activity', 'signIn', true],
  ])
  const records = await scanAll<AttendanceDoc>(cloud.db, 'attendance', { activityId })
  expect(records).toEqual([expect.objectContaining({ memberId: 'm-zhao', inMethod: 'code', location: expect.objectContaining({ accuracy: 30, flagged: false }) })])

  // Scanning again says 已签到 and records nothing more.
  signin.tap('signin-again')
  await waitForText(() => signin.text(), '扫描活动签到码', 'the scanner again')
  camera.push(await signinCode(activityId))
  signin.tap('signin-scan')
  await waitForText(() => signin.text(), '已签到', 'the second scan')
  expect(await scanAll<AttendanceDoc>(cloud.db, 'attendance', { activityId })).toHaveLength(1)
  signin.detach()
})

it('a member who refuses the position is still signed in, without one', async () => {
  const activityId = await activityNow('义务巡逻')
  cloud.signInAs('m-qian')
  position = null
  const mp = bootMiniProgram({ cloud: cloud.wxCloud, scanCode, getLocation })
  const signin = mp.open('packages/member/signin/index', { activityId })
  await waitForText(() => signin.text(), '扫描活动签到码', 'the sign-in page')
  camera.push(await signinCode(activityId))
  signin.tap('signin-scan')
  await waitForText(() => signin.text(), '签到成功', 'after scanning')
  expect(getLocation).toHaveBeenCalled()
  const records = await scanAll<AttendanceDoc>(cloud.db, 'attendance', { activityId })
  expect(records).toEqual([expect.objectContaining({ memberId: 'm-qian', location: null })])
  signin.detach()
})
