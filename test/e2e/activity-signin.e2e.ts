import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { Grant } from '../../src/domain/roles'
import type { AttendanceDoc, MemberDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { useRuntimeAndBrowser } from './support/local-server'
import { shot, usePhonePage } from './support/phone-page'
import { signInAs } from './support/sign-in'

// Issue 9's sign-in end to end, on the h5 build against the real runtime:
// community staff show an activity's rotating sign-in QR on their phone; the
// test photographs that QR element; a member of the community, on their own
// phone, gives the photo to the 扫码签到 page's image fallback (jsQR in the
// page), allows the position, is signed in once, and their 社区组织 count on
// the 活动 tab goes up by one.

interface UserDoc {
  _id: string
  openid: string
  grants: Grant[]
}

const runtime = useRuntimeAndBrowser()
const organiser = usePhonePage(runtime, 'activity-signin-organiser-last')
const member = usePhonePage(runtime, 'activity-signin-member-last')

/** A call through the bridge as the user signed in on `page`, as the app makes it. */
async function call<T>(page: Page, name: string, data: object): Promise<T> {
  const result = await page.evaluate(
    async ({ name, data }) => (await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) })).json(),
    { name, data },
  )
  if (!result.ok) throw new Error(`${name}.${(data as { action: string }).action}: ${JSON.stringify(result)}`)
  return result.data as T
}

let loads = 0

/** The member's 社区组织 count on a fresh load of the 活动 tab. */
async function communityCount(page: Page): Promise<number> {
  await page.goto(`/?load=${++loads}#/pages/activities/index`)
  const count = page.locator('#page-activities #activities-year-community .year-rule__count')
  await count.waitFor({ state: 'visible' })
  return Number.parseInt((await count.textContent())!, 10)
}

const PLACE = { lat: 30.2741, lng: 120.1551 }

it('a member signs in by reading the organiser’s QR from a photo, and their count moves', async () => {
  // Community staff, and a member who lives in their community.
  const users = await scanAll<UserDoc>(runtime.server.db, 'users', {})
  const members = new Map((await scanAll<MemberDoc>(runtime.server.db, 'members', {})).map((m) => [m._id, m]))
  const memberUser = users.find((u) => u.grants.some((g) => g.role === 'member' && g.scope.memberId && members.has(g.scope.memberId)))!
  const memberId = memberUser.grants.find((g) => g.role === 'member')!.scope.memberId!
  const communityId = members.get(memberId)!.communityId
  const staff = users.find((u) => u.grants.some((g) => g.role === 'staff' && g.scope.communityId === communityId))!
  expect(staff).toBeDefined()

  // The staff publish an activity under way now, at a place with a radius.
  await signInAs(organiser.page, staff.openid)
  const now = Date.now()
  const draft = await call<{ activityId: string }>(organiser.page, 'activity', {
    action: 'create',
    communityId,
    title: '楼道清洁志愿服务',
    place: '社区党群服务中心',
    startAt: new Date(now - 10 * 60_000).toISOString(),
    endAt: new Date(now + 110 * 60_000).toISOString(),
    location: { ...PLACE, radius: 300 },
  })
  await call(organiser.page, 'activity', { action: 'publish', activityId: draft.activityId })

  // The member notes their count, then opens the scanner; the phone allows its position.
  await member.page.context().grantPermissions(['geolocation'], { origin: runtime.server.baseURL })
  await member.page.context().setGeolocation({ latitude: PLACE.lat + 0.0005, longitude: PLACE.lng, accuracy: 25 })
  await signInAs(member.page, memberUser.openid)
  const before = await communityCount(member.page)
  await shot(member.page, 'activity-signin-1-member-before')
  await member.page.locator('#page-activities #entry-activity-signin').tap()
  await member.page.locator('#page-signin #signin-image-input').waitFor({ state: 'attached' })

  // The organiser's phone shows the rotating code.
  await organiser.page.goto(`/#/packages/staff/activity-qr/index?activityId=${draft.activityId}`)
  const qr = organiser.page.locator('#page-activity-qr #activity-qr-image')
  await qr.waitFor({ state: 'visible' })
  await shot(organiser.page, 'activity-signin-2-organiser-qr')

  // A code is good for 15–30 s by the server's clock; on a machine stalled
  // past that, the member is told it expired and scans a fresh one (as at the door).
  const photo = join(member.qrDir, 'signin-qr.png')
  const result = member.page.locator('#page-signin #signin-result-title')
  for (let attempt = 0; attempt < 3 && !(await result.isVisible()); attempt++) {
    await qr.screenshot({ path: photo })
    await member.page.setInputFiles('#page-signin #signin-image-input', photo)
    await member.page.locator('#page-signin #signin-result-title, #page-signin #signin-error').first().waitFor({ state: 'visible' })
    const error = await member.page.locator('#page-signin #signin-error').textContent().catch(() => null)
    if (error && !error.includes('过期')) throw new Error(`sign-in refused: ${error}`)
  }
  await expect(result.textContent()).resolves.toBe('签到成功')
  await expect(member.page.locator('#page-signin #signin-result-activity').textContent()).resolves.toBe('“楼道清洁志愿服务”')
  await shot(member.page, 'activity-signin-3-member-signed-in')

  // Once, with the phone's position and accuracy, inside the radius.
  const records = await scanAll<AttendanceDoc>(runtime.server.db, 'attendance', { activityId: draft.activityId })
  expect(records).toEqual([expect.objectContaining({ memberId, inMethod: 'code', location: expect.objectContaining({ accuracy: 25, flagged: false }) })])

  // A second scan says 已签到 and records nothing more.
  await member.page.locator('#page-signin #signin-again').tap()
  await qr.screenshot({ path: photo })
  await member.page.setInputFiles('#page-signin #signin-image-input', photo)
  await member.page.locator('#page-signin #signin-result-title').waitFor({ state: 'visible' })
  await expect(result.textContent()).resolves.toBe('已签到')
  expect(await scanAll<AttendanceDoc>(runtime.server.db, 'attendance', { activityId: draft.activityId })).toHaveLength(1)

  // The member's count of community-organised activities moved by one.
  await expect(communityCount(member.page)).resolves.toBe(before + 1)
  await expect(member.page.locator(`#page-activities #activities-row-${draft.activityId} .activity-row__mine`).textContent()).resolves.toBe('已签到')
  await shot(member.page, 'activity-signin-4-member-after')
})
