import type { Page } from 'playwright-core'
import type { Grant } from '../../src/domain/roles'
import { countOf, scanAll } from '../../server/db/read'
import { rosterCsvText, rosterRecord } from '../integration/support/roster-files'
import { phoneContext, screenshotPath } from './support/browser'
import { useRuntimeAndBrowser } from './support/local-server'
import { signInAs } from './support/sign-in'

// A unit secretary imports a roster in the browser: the file goes to the
// local cloud storage (PUT /storage/upload), the page checks it by its
// fileID, lists nothing wrong, and imports it. A file of another kind is
// refused by its content before anything is sent.

const runtime = useRuntimeAndBrowser()
let page: Page

const signIn = (openid: string) => signInAs(page, openid)

it('uploads a roster file, checks it by fileID and imports it; refuses a file that is not a spreadsheet', async () => {
  const context = await phoneContext(runtime.browser, runtime.server.baseURL)
  page = await context.newPage()
  try {
    const users = await scanAll<{ _id: string; openid: string; grants: Grant[] }>(runtime.server.db, 'users', {})
    const secretary = users.find((u) => u.grants.some((g) => g.role === 'secretary' && g.scope.unitId))!
    const unitId = secretary.grants.find((g) => g.role === 'secretary')!.scope.unitId!
    const [community] = await scanAll<{ _id: string; name: string }>(runtime.server.db, 'communities', {})
    const before = await countOf(runtime.server.db.collection('members').where({ unitId }))

    await signIn(secretary.openid)
    await page.goto('/#/packages/unit/roster/index')
    await page.locator('#page-roster #roster-import').tap()

    await page.setInputFiles('#roster-file-input', { name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from('%PDF-1.4 not a roster') })
    await page.locator('#roster-import-error', { hasText: '上传的文件不是电子表格' }).waitFor()

    const records = [rosterRecord({ 姓名: '浏览器甲', 手机: '13912340001', 居住社区: community!.name }), rosterRecord({ 姓名: '浏览器乙', 手机: '13912340002', 居住社区: community!.name })]
    await page.setInputFiles('#roster-file-input', { name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + rosterCsvText(records)) })
    await page.locator('#roster-import-summary', { hasText: '共 2 行，有效 2 行，有问题 0 行' }).waitFor()
    await page.screenshot({ path: screenshotPath('roster-import-checked'), fullPage: true })
    await page.locator('#roster-import-all').tap()
    await page.locator('#page-roster #roster-message', { hasText: '名册已导入：新增 2 人，更新 0 人' }).waitFor()
    expect(await countOf(runtime.server.db.collection('members').where({ unitId }))).toBe(before + 2)
  } finally {
    await page.screenshot({ path: screenshotPath('roster-import-last'), fullPage: true }).catch(() => undefined)
    await context.close()
  }
})
