import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Grant } from '../../src/domain/roles'
import { getRows, scanAll } from '../../server/db/read'
import type { EvaluationDoc, MemberDoc, ServiceEntryDoc } from '../../server/db/docs'
import type { ServiceHandInDoc } from '../../server/features/services/handin-doc'
import { demoSealPng } from '../../local/seed/demo-images'
import { SCREENSHOT_DIR } from './support/browser'
import { useRuntimeAndBrowser } from './support/local-server'
import { actAs } from './support/sign-in'

// A member's year, each person in their own browser (issue 11): the member
// logs a service in the third quarter → the unit's liaison hands the quarter
// in to the community → the community's staff confirm the hand-in → staff
// confirm the proposed rating and issue the 反馈卡 → the card prints → the
// unit's secretary sees it. The demo city's 2026 is in progress: its third
// quarter is still open for some units, which is where this journey runs.

const runtime = useRuntimeAndBrowser()
const YEAR = 2026
const CONTENT = '浏览器测试：为独居老人义务理发'

const as = <T>(browser: Browser, openid: string, shot: string, body: (page: Page) => Promise<T>, desktop = false) => actAs(browser, runtime.server.baseURL, openid, shot, body, desktop)

interface UserRow {
  openid: string
  grants: Grant[]
}

/** The demo user holding `role` on the scope field's value. */
async function userWith(role: Grant['role'], field: 'unitId' | 'communityId' | 'memberId', value: string): Promise<string> {
  const [user] = await getRows<UserRow>(runtime.server.db.collection('users').where({ grants: runtime.server.db.command.elemMatch({ role, [`scope.${field}`]: value }) }).limit(1))
  if (!user) throw new Error(`no demo ${role} for ${value}`)
  return user.openid
}

/** A reported demo member whose unit has not handed the third quarter in to their community, and who is not rated yet. */
async function journeyMember(): Promise<MemberDoc & { report: NonNullable<MemberDoc['report']> }> {
  const { db } = runtime.server
  const handIns = await scanAll<ServiceHandInDoc>(db, 'serviceHandIns', { year: YEAR })
  const closed = new Set(handIns.filter((h) => h.quarters['3']).map((h) => `${h.unitId}:${h.communityId}`))
  const rated = new Set((await scanAll<EvaluationDoc>(db, 'evaluations', { year: YEAR })).map((e) => e.memberId))
  const members = await scanAll<MemberDoc>(db, 'members', {})
  const member = members.find((m) => m.report && !closed.has(`${m.unitId}:${m.report.communityId}`) && !rated.has(m._id))
  if (!member?.report) throw new Error('the demo city has no unit with an open third quarter')
  return member as MemberDoc & { report: NonNullable<MemberDoc['report']> }
}

it('member logs a service → liaison hands the quarter in → community confirms → staff rate and issue the card → it prints → the secretary sees it', async () => {
  const { browser, server } = runtime
  const member = await journeyMember()
  const communityId = member.report.communityId
  const [memberUser, liaison, staff, secretary] = await Promise.all([
    userWith('member', 'memberId', member._id),
    userWith('liaison', 'unitId', member.unitId),
    userWith('staff', 'communityId', communityId),
    userWith('secretary', 'unitId', member.unitId),
  ])
  const entryNow = async () => (await getRows<ServiceEntryDoc>(server.db.collection('serviceEntries').where({ memberId: member._id, content: CONTENT })))[0]

  await as(browser, memberUser, 'year-1-member-logs', async (page) => {
    await page.goto('/#/packages/member/services/index')
    await page.locator('#service-form').waitFor()
    await page.locator('#service-date input').fill(`${YEAR}-09-15`)
    await page.locator('#service-place input').fill('社区活动室')
    await page.locator('#service-content textarea').fill(CONTENT)
    await page.locator('#service-hours input').fill('2')
    await page.locator('#service-save').tap()
    await page.locator('#services-q3').tap()
    await page.locator('#services-list', { hasText: CONTENT }).waitFor()
  })
  expect(await entryNow()).toMatchObject({ status: 'draft', quarter: 3, hours: 2, communityId })

  await as(browser, liaison, 'year-2-liaison-hands-in', async (page) => {
    await page.goto('/#/packages/unit/services/index')
    await page.locator(`#unit-services-y${YEAR}`).tap()
    await page.locator('#unit-services-q3').tap()
    await page.locator(`#service-community-${communityId}`).tap()
    await page.locator(`#service-member-${member._id}`, { hasText: CONTENT }).waitFor()
    await page.locator('#unit-services-handin-submit').tap()
    await page.locator(`#service-community-${communityId} .service-community-state`, { hasText: '已上交' }).waitFor()
  })
  expect((await entryNow())?.status).toBe('handedIn')

  await as(browser, staff, 'year-3-community-confirms', async (page) => {
    await page.goto('/#/packages/staff/services/index')
    await page.locator(`#handin-${member.unitId}`).first().tap()
    await page.locator('#handin-quarter-3').tap()
    await page.locator('#handin-detail', { hasText: CONTENT }).waitFor()
    await page.locator('#handin-confirm').tap()
    await page.locator('#handin-detail #handin-confirm').waitFor({ state: 'detached' })
  })
  expect((await entryNow())?.status).toBe('confirmed')

  const pdf = join(SCREENSHOT_DIR, 'year-feedback-card.pdf')
  await as(
    browser,
    staff,
    'year-4-staff-rates',
    async (page) => {
      await page.goto('/#/packages/staff/evaluation/index')
      // The community's seal, uploaded once, is printed over the signature line.
      await page.setInputFiles('#evaluation-seal-input', { name: '印章.png', mimeType: 'image/png', buffer: demoSealPng() })
      await page.locator('#evaluation-notice', { hasText: '印章已保存' }).waitFor()
      const row = page.locator(`#evaluation-row-${member._id}`)
      // The list is paged and sorted by state, then name: walk a filter's pages to the member. Each
      // step waits for that filter's and page's own answer (a reload of another list may land first).
      const listOf = (filter: string, n: number) => (r: { url(): string; request(): { postData(): string | null } }) =>
        r.url().includes('/api/evaluation') && (r.request().postData() ?? '').includes(`"filter":"${filter}"`) && (r.request().postData() ?? '').includes(`"page":${n},`)
      const shown = () => row.waitFor({ timeout: 3000 }).then(() => true, () => false)
      const findRow = async (filter: 'pending' | 'rated') => {
        const chip = page.locator(`#evaluation-filter-${filter}`)
        if (!(await chip.getAttribute('class'))?.includes('chip--selected')) await Promise.all([page.waitForResponse(listOf(filter, 1)), chip.tap()])
        for (let n = 2; !(await shown()); n++) await Promise.all([page.waitForResponse(listOf(filter, n)), page.locator('#evaluation-next').tap()])
      }
      await findRow('pending')
      await page.locator(`#evaluation-confirm-${member._id}`).tap()
      await page.locator(`#evaluation-row-${member._id} #evaluation-form`).waitFor()
      if (await page.locator('#evaluation-pledge-kept').isVisible()) await page.locator('#evaluation-pledge-kept').tap()
      await Promise.all([page.waitForResponse((r) => r.url().includes('/api/evaluation') && (r.request().postData() ?? '').includes('"action":"confirm"')), page.locator('#evaluation-save').tap()])
      await findRow('rated')
      await page.locator(`#evaluation-issue-${member._id}`).tap()
      await page.locator('#evaluation-notice').waitFor()
      await page.locator('#evaluation-print-cards').tap()
      const card = page.locator(`#evaluation-cards #feedback-card-${member._id}`)
      await card.waitFor()
      await page.waitForFunction(() => [...document.querySelectorAll('#evaluation-cards img')].every((img) => (img as HTMLImageElement).complete))
      await page.emulateMedia({ media: 'print' })
      await page.pdf({ path: pdf, format: 'A4', printBackground: true })
    },
    true,
  )
  const evaluation = (await getRows<EvaluationDoc>(server.db.collection('evaluations').where({ _id: `${member._id}:${YEAR}` })))[0]
  expect(evaluation).toBeDefined()
  // The confirmed 服务清单 line is among the facts the rating was made on.
  expect(evaluation!.facts.serviceHours).toBeGreaterThanOrEqual(2)
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  expect(printed).toContain('反馈卡')
  expect(printed).toContain(member.name)
  expect(printed).toContain(evaluation!.rating)
  // One card a sheet; the member's, issued after the seal was uploaded, carries it (cards issued before keep theirs).
  const sheets = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])
  expect(printed.split('在职党员社区表现反馈卡').length - 1).toBe(sheets)
  const sheetOf = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' })
  const own = Array.from({ length: sheets }, (_, i) => i + 1).find((n) => sheetOf(n).includes(member.name))!
  const images = execFileSync('pdfimages', ['-f', String(own), '-l', String(own), '-list', pdf], { encoding: 'utf8' }).split('\n').filter((line) => / image /.test(line))
  expect(images.length).toBeGreaterThanOrEqual(1)

  await as(
    browser,
    secretary,
    'year-5-secretary-sees',
    async (page) => {
      await page.goto('/#/packages/unit/evaluation/index')
      await page.locator('#unit-evaluation-rate').waitFor()
      await page.locator('#unit-evaluation-cards').tap()
      await page.locator(`#unit-cards #feedback-card-${member._id}`, { hasText: evaluation!.rating }).waitFor()
    },
    true,
  )
})
