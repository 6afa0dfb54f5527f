import type { Browser, Page } from 'playwright-core'
import { getRows } from '../../server/db/read'
import type { NeedDoc } from '../../server/features/needs/need-doc'
import { SAMPLES } from '../domain/support/sample-files'
import { useRuntimeAndBrowser } from './support/local-server'
import { actAs } from './support/sign-in'

// A need's journey, each person in their own browser: a resident submits a
// need with a photo → the community's staff accept it and assign a suggested
// member → the member completes it with the hours → the resident rates it.

const runtime = useRuntimeAndBrowser()
const CONTENT = '浏览器测试：阳台水管漏水，请帮忙维修'

const as = <T>(browser: Browser, openid: string, shot: string, body: (page: Page) => Promise<T>) => actAs(browser, runtime.server.baseURL, openid, shot, body)

const needNow = async () => (await getRows<NeedDoc>(runtime.server.db.collection('needs').where({ content: CONTENT })))[0]!

it('resident submits with a photo → staff accept and assign → member completes → resident rates', async () => {
  const { browser } = runtime
  await as(browser, 'demo-resident-1', 'needs-1-resident-submit', async (page) => {
    await page.goto('/#/packages/resident/needs/index')
    await page.locator('#page-resident-needs #need-category .chip', { hasText: '水电维修' }).first().tap()
    await page.locator('#need-content-input textarea').fill(CONTENT)
    await page.locator('#need-address-input input').fill('3栋2单元501')
    await page.locator('#need-mobile-input input').fill('13912345678')
    await page.setInputFiles('#need-photo-input', { name: '漏水.png', mimeType: 'image/png', buffer: SAMPLES.png })
    await page.locator('.need-photo-item', { hasText: '漏水.png' }).waitFor()
    await page.locator('#need-submit').tap()
    await page.locator('#my-needs .need-row', { hasText: CONTENT }).waitFor()
  })
  const submitted = await needNow()
  expect(submitted).toMatchObject({ state: 'pending', categoryName: '水电维修' })
  expect(submitted.photos).toHaveLength(1)

  await as(browser, 'demo-staff-1', 'needs-2-staff-assign', async (page) => {
    await page.goto('/#/packages/staff/needs/index')
    await page.locator('#staff-needs .need-row', { hasText: CONTENT }).first().tap()
    await page.locator('#need-accept').tap()
    await page.locator('#need-assign').tap()
    await page.locator('#need-suggestions .need-suggestion taro-button-core').first().tap()
    await page.locator('#need-member').waitFor()
  })
  const assigned = await needNow()
  expect(assigned.state).toBe('serving')
  const [memberUser] = await getRows<{ openid: string }>(runtime.server.db.collection('users').where({ 'grants.scope.memberId': assigned.assignedMemberId }).limit(1))

  await as(browser, memberUser!.openid, 'needs-3-member-complete', async (page) => {
    await page.goto(`/#/packages/member/need/index?id=${assigned._id}`)
    await page.locator('#need-mobile', { hasText: '13912345678' }).waitFor()
    await page.locator('#need-complete').tap()
    await page.locator('#need-complete-what textarea').fill('更换了阳台水管接头')
    await page.locator('#need-complete-hours input').fill('1.5')
    await page.locator('#need-complete-submit').tap()
    await page.locator('#need-hours', { hasText: '1.5 小时' }).waitFor()
  })
  expect((await needNow()).state).toBe('completed')

  await as(browser, 'demo-resident-1', 'needs-4-resident-rate', async (page) => {
    await page.goto(`/#/packages/resident/need/index?id=${assigned._id}`)
    await page.locator('#need-rate').tap()
    await page.locator('#need-rating .chip', { hasText: '5分' }).tap()
    await page.locator('#need-rate-comment textarea').fill('很及时，谢谢')
    await page.locator('#need-rate-submit').tap()
    await page.locator('#need-rating', { hasText: '很及时' }).waitFor()
  })
  expect(await needNow()).toMatchObject({ state: 'rated', rating: 5, comment: '很及时，谢谢' })
})
