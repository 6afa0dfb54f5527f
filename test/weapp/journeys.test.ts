import type { CardView } from '../../src/domain/contracts/card.contract'
import { scanAll } from '../../server/db/read'
import type { ReportDoc } from '../../server/db/docs'
import type { Grant } from '../../src/domain/roles'
import { addMember, COMMUNITIES, seedCity, USERS } from '../integration/support/fixture'
import { openLocalCloud, type LocalCloud } from './support/cloud'
import { bootMiniProgram } from './support/mini-program'
import { failOnConsoleErrors, fakeCamera } from './support/phone'
import { waitFor, waitForText } from './support/wait'

// The paths only the weapp build has: WeChat's own scanner (wx.scanCode) and
// wx.cloud.callFunction, driven in the built pages as a person taps through
// them, against the real functions and database.

type UserRow = { _id: string; openid: string; grants: Grant[] }

let cloud: LocalCloud
const { camera, scanCode } = fakeCamera()
failOnConsoleErrors()

beforeAll(async () => {
  cloud = await openLocalCloud(async (db) => {
    await seedCity(db)
    await addMember(db, { id: 'm-wang', unit: 'u1', community: 'a1', name: '王芳', mobile: '13900000001' })
    await addMember(db, { id: 'm-li', unit: 'u1', community: 'a1', name: '李娜', mobile: '13900000011' })
  })
})
afterAll(() => cloud.close())

/** The unit issues the member's 联系证; its QR holds this token. */
async function issueCard(memberId: string): Promise<string> {
  const issued = await cloud.call<CardView>(USERS.secretary1, 'card', { action: 'issue', memberId })
  if (!issued.ok || !issued.data.token) throw new Error(`card.issue for ${memberId}: ${JSON.stringify(issued)}`)
  return issued.data.token
}

it('a member new to WeChat scans their card, proves their phone number, and then sees their own home page', async () => {
  const token = await issueCard('m-li')
  cloud.signInAs('wx-li')
  const before = cloud.calls.length
  const mp = bootMiniProgram({ cloud: cloud.wxCloud, scanCode })
  const home = mp.open('pages/home/index')
  await waitForText(() => home.text(), '您还未登记', 'home before binding')

  camera.push(token)
  home.tap('bind-card')
  await waitForText(() => home.text(), '用微信手机号验证并绑定', 'the proof step')
  // The person consents on WeChat's getPhoneNumber sheet; the page gets a code for the verified number.
  home.trigger('bind-phone', 'getphonenumber', { code: cloud.phones.issue('wx-li', '13900000011'), errMsg: 'getPhoneNumber:ok' })
  await waitForText(() => home.text(), '李娜', 'home after binding')

  expect(scanCode).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] }))
  expect(cloud.calls.slice(before).map((c) => [c.name, c.data.action, c.result?.ok])).toEqual([
    ['bootstrap', 'get', true],
    ['account', 'bindCard', true],
    ['bootstrap', 'get', true],
  ])
  const users = await scanAll<UserRow>(cloud.db, 'users', { openid: 'wx-li' })
  expect(users).toHaveLength(1)
  expect(users[0]!.grants).toEqual([expect.objectContaining({ role: 'member', scope: expect.objectContaining({ memberId: 'm-li' }) })])
  home.detach()
})

it('a member who cancels the scanner stays unbound, and nothing is called', async () => {
  cloud.signInAs('wx-nobody')
  const mp = bootMiniProgram({ cloud: cloud.wxCloud, scanCode })
  const home = mp.open('pages/home/index')
  await waitForText(() => home.text(), '您还未登记', 'home')
  const before = cloud.calls.length
  home.tap('bind-card')
  await waitFor(() => scanCode.mock.calls.length > 0, 'the scanner to open')
  expect(cloud.calls.slice(before)).toEqual([])
  expect(await scanAll<UserRow>(cloud.db, 'users', { openid: 'wx-nobody' })).toEqual([])
  home.detach()
})

it('community staff scan a member’s card and record the report in their community', async () => {
  const token = await issueCard('m-wang')
  cloud.signInAs(USERS.staffA1)
  const mp = bootMiniProgram({ cloud: cloud.wxCloud, scanCode })
  const checkin = mp.open('packages/staff/checkin/index')
  await waitForText(() => checkin.text(), '扫描联系证 · 曙光社区', 'check-in page')

  camera.push(token)
  const before = cloud.calls.length
  checkin.tap('checkin-scan')
  await waitForText(() => checkin.text(), '王芳', 'scanned member')
  expect(checkin.text()).toContain('尚未报到')

  checkin.tap('checkin-confirm')
  await waitForText(() => checkin.text(), '报到成功', 'after confirming')

  expect(cloud.calls.slice(before).map((c) => [c.name, c.data.action, c.result?.ok])).toEqual([
    ['report', 'lookup', true],
    ['report', 'confirm', true],
  ])
  const reports = await scanAll<ReportDoc>(cloud.db, 'reports', { memberId: 'm-wang' })
  expect(reports).toEqual([expect.objectContaining({ communityId: COMMUNITIES.a1._id })])
  checkin.detach()
})
