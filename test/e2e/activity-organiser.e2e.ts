import type { ActivityDoc, AttendanceDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { inChina } from '../../src/domain/china-time'
import { readQr } from '../integration/support/qr'
import { phoneContext } from './support/browser'
import { useRuntimeAndBrowser } from './support/local-server'
import { shot as shotOf, settled, usePhonePage } from './support/phone-page'
import { signInAs } from './support/sign-in'

// The organiser's side of an activity on the h5 build against the real
// runtime: community staff create an activity from the form, publish it, show
// its sign-in QR (which reads back to the code the server accepts), and see it
// in the attendance sheet once a member has signed in with that code.

const runtime = useRuntimeAndBrowser()
const phone = usePhonePage(runtime, 'activity-organiser-last')
const shot = (name: string) => shotOf(phone.page, name)
const field = (id: string) => phone.page.locator(`#${id} input`)

it('staff create, publish and show the sign-in QR of an activity, and see the member who scanned it', async () => {
  await signInAs(phone.page, 'demo-staff-1')
  await phone.page.locator('.weui-tabbar__item', { hasText: '活动' }).tap()
  await phone.page.locator('#page-activities #entry-activity-manage').tap()
  await phone.page.locator('#page-activity-list').waitFor({ state: 'visible' })
  await phone.page.locator('#activity-new').tap()
  await phone.page.locator('#activity-form').waitFor({ state: 'visible' })

  // Under way now, so the member's scan below is inside the sign-in window.
  const start = inChina(new Date(Date.now() - 10 * 60_000))
  await field('activity-title').fill('楼道清理志愿服务')
  await phone.page.locator('#activity-description textarea').fill('清理楼道杂物，请自带手套')
  await field('activity-place').fill('3幢楼下')
  await field('activity-startAt').fill(start.format('YYYY-MM-DD HH:mm'))
  await field('activity-endAt').fill(start.add(2, 'hour').format('YYYY-MM-DD HH:mm'))
  await field('activity-endAt').fill('')
  await phone.page.locator('#activity-save').tap()
  await phone.page.locator('#activity-error', { hasText: '结束时间未填写' }).waitFor()
  await field('activity-endAt').fill(start.add(2, 'hour').format('YYYY-MM-DD HH:mm'))
  await phone.page.locator('#activity-form .chip', { hasText: '需要报名' }).tap()
  await field('activity-capacity').fill('20')
  await shot('activity-form')
  await phone.page.locator('#activity-save').tap()

  await phone.page.locator('#page-activity #activity-publish').waitFor({ state: 'visible' })
  const [draft] = await scanAll<ActivityDoc>(runtime.server.db, 'activities', { title: '楼道清理志愿服务' })
  expect(draft).toMatchObject({ status: 'draft', place: '3幢楼下', capacity: 20, signupRequired: true, description: '清理楼道杂物，请自带手套' })
  await phone.page.locator('#activity-publish').tap()
  await phone.page.locator('.taro-model__confirm').tap()
  await phone.page.locator('#page-activity #activity-qr-in').waitFor({ state: 'visible' })
  await shot('activity-detail')

  await phone.page.locator('#activity-qr-in').tap()
  const image = phone.page.locator('#page-activity-qr #activity-qr-image')
  await image.waitFor({ state: 'visible' })
  await settled(phone.page)
  await phone.page.locator('#activity-qr-countdown', { hasText: '秒后更新' }).waitFor()
  await shot('activity-qr')
  // What a phone camera reads off the screen is the code the page shows.
  const seen = readQr(`data:image/png;base64,${(await image.screenshot()).toString('base64')}`)
  const token = await phone.page.locator('#activity-qr-token').textContent()
  expect(seen).toBe(token)

  // A member of the community signs in with it on their own phone (their page is another journey).
  const member = (await scanAll<{ _id: string; openid: string; grants: Array<{ role: string; scope: { communityId?: string } }> }>(runtime.server.db, 'users', {})).find((u) =>
    u.grants.some((g) => g.role === 'member' && g.scope.communityId === draft!.communityId),
  )!
  const memberPhone = await phoneContext(runtime.browser, runtime.server.baseURL)
  const memberPage = await memberPhone.newPage()
  await signInAs(memberPage, member.openid)
  const signedIn = await memberPage.evaluate(async (code) => {
    const res = await fetch('/api/activity', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'signIn', token: code }) })
    return res.json()
  }, seen)
  await memberPhone.close()
  expect(signedIn).toMatchObject({ ok: true, data: { direction: 'in', already: false } })
  expect(await scanAll<AttendanceDoc>(runtime.server.db, 'attendance', { activityId: draft!._id })).toHaveLength(1)

  await phone.page.goBack()
  await phone.page.locator('#page-activity #activity-attendance').tap()
  await phone.page.locator('#page-activity-attendance #attendance-totals', { hasText: '已签到 1 人' }).waitFor()
  await phone.page.locator('#page-activity-attendance .attendance-row__in', { hasText: '（扫码）' }).waitFor()
  await shot('activity-attendance')
})
