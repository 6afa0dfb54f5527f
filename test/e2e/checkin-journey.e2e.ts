import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import QRCode from 'qrcode'
import type { Grant } from '../../src/domain/roles'
import type { MemberDoc, ReportDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { useRuntimeAndBrowser } from './support/local-server'
import { shot as shotOf, usePhonePage } from './support/phone-page'
import { signInAs } from './support/sign-in'

// The 报到 journey end to end, on the h5 build against the real runtime:
// a unit secretary issues a 联系证, the member shows its QR code, the staff of
// the member's residence community read that QR from an image and confirm the
// report, the member fills the 附件1 registration with two claims, and the
// secretary sees the unit's report rate go up and opens the receipt (回执).

interface UserDoc {
  _id: string
  openid: string
  name: string
  grants: Grant[]
}

interface NamedDoc {
  _id: string
  name: string
  streetId?: string
}

const runtime = useRuntimeAndBrowser()
const phone = usePhonePage(runtime, 'checkin-last')

const signIn = (openid: string) => signInAs(phone.page, openid)

/** The page route in the hash ('' for a fresh load of /). Pages under a pushed page stay "visible" to Playwright. */
function currentRoute(): string {
  return new URL(phone.page.url()).hash.replace(/^#/, '').split('?')[0]!
}

async function openTab(text: string, tab: string): Promise<void> {
  const route = `/pages/${tab}/index`
  // Tapping the tab already shown can leave Taro's h5 router with no page visible.
  if (currentRoute() === route || (tab === 'home' && currentRoute() === '')) return
  await phone.page.locator('.weui-tabbar__item', { hasText: text }).tap()
  await phone.page.locator(`#page-${tab}`).waitFor({ state: 'visible' })
  await phone.page.waitForURL((url) => url.hash.startsWith(`#${route}`))
}

let loads = 0

const shot = (name: string) => shotOf(phone.page, name)

/**
 * Opens a role page from its entry on a tab, as a user would, starting from
 * a fresh load of the app (going back through h5 page transitions races taps).
 */
async function openEntry(tabText: string, tab: string, entryId: string, pageId: string): Promise<void> {
  if (currentRoute().startsWith('/packages/')) {
    await phone.page.goto(`/?load=${++loads}`)
    await phone.page.locator('#page-home #home-greeting').waitFor({ state: 'visible' })
  }
  await openTab(tabText, tab)
  await phone.page.locator(`#page-${tab} #${entryId}`).tap()
  await phone.page.locator(`#${pageId}`).waitFor({ state: 'visible' })
}

async function users(): Promise<UserDoc[]> {
  return scanAll<UserDoc>(runtime.server.db, 'users', {})
}

async function unitRate(): Promise<{ rate: number; footer: string }> {
  await openEntry('首页', 'home', 'entry-unit-stats', 'page-unit-stats')
  const rate = phone.page.locator('#page-unit-stats #unit-rate')
  await rate.waitFor()
  const text = (await rate.textContent())!.trim()
  const footer = (await phone.page.locator('#page-unit-stats #unit-footer').textContent())!.trim()
  return { rate: Number.parseFloat(text), footer }
}

it('a member reports to their community by QR code and the unit’s rate goes up', async () => {
  // A unit with members still to report (the demo seeds about 70% reported).
  const everyone = await users()
  const reported = new Set((await scanAll<ReportDoc>(runtime.server.db, 'reports', { status: 'active' })).map((r) => r.memberId))
  const waiting = new Set((await scanAll<MemberDoc>(runtime.server.db, 'members', {})).filter((m) => !reported.has(m._id)).map((m) => m.unitId))
  const unitOf = (u: UserDoc) => u.grants.find((g) => g.role === 'secretary')?.scope.unitId
  const secretary = everyone.find((u) => unitOf(u) !== undefined && waiting.has(unitOf(u)!))!
  expect(secretary).toBeDefined()
  const unitId = unitOf(secretary)!

  // 1. The secretary notes the unit's rate and picks a member who has not reported.
  await signIn(secretary.openid)
  const before = await unitRate()
  expect(before.footer).toMatch(/^本单位共有在职党员 \d+ 人（其中居住地在社区的党员 \d+ 人），到社区报到 \d+ 人，领办活动项目 \d+ 个。$/)
  await shot('checkin-1-unit-rate-before')

  await openEntry('首页', 'home', 'entry-roster-manage', 'page-roster')
  await phone.page.locator('#page-roster #roster-filter-unreported').tap()
  await phone.page.locator('#page-roster #roster-total', { hasText: '未报到' }).waitFor()
  const firstRow = phone.page.locator('#page-roster .roster-row').first()
  await firstRow.waitFor()
  const memberId = (await firstRow.getAttribute('id'))!.replace(/^roster-row-/, '')
  const members = await scanAll<MemberDoc>(runtime.server.db, 'members', { _id: memberId })
  const member = members[0]!
  expect(member.unitId).toBe(unitId)

  // 2. The unit issues member X a card (unless X already holds an active one;
  // the demo seeds a card for everyone, so also try one that is issued here).
  const row = phone.page.locator(`#page-roster #roster-row-${memberId}`)
  if ((await row.locator('.roster-issue').count()) > 0) {
    await row.locator('.roster-issue').tap()
    await phone.page.locator('#page-roster #roster-message', { hasText: `已为${member.name}发放联系证` }).waitFor()
  } else {
    const before = await row.locator('.roster-row__card').textContent()
    await row.locator('.roster-reissue').tap()
    // Reissuing an active card asks first (Taro's h5 modal).
    await phone.page.locator('.taro__modal .taro-model__confirm', { hasText: '补发' }).tap()
    await phone.page.locator('#page-roster #roster-message', { hasText: `已为${member.name}补发联系证` }).waitFor()
    // The row shows the new card once the roster reloads, which may land after the message.
    await row.locator('.roster-row__card', { hasNotText: before ?? '' }).waitFor()
  }
  await expect(row.locator('.roster-row__card').textContent()).resolves.toMatch(/^\d{6,12}（有效）$/)
  await shot('checkin-2-roster-card-issued')

  // The unit opens X's record to edit: every field is there (the mobile in
  // full), 居住社区 is a picker of "街道 · 社区"; saving it as read needs no retyping.
  const community = (await scanAll<NamedDoc>(runtime.server.db, 'communities', { _id: member.communityId }))[0]!
  const street = (await scanAll<NamedDoc>(runtime.server.db, 'streets', { _id: community.streetId! }))[0]!
  await row.locator('.roster-edit').tap()
  const editor = phone.page.locator('#page-roster #roster-editor')
  const residence = editor.locator('#editor-community-text')
  await residence.waitFor()
  await expect(editor.locator('#editor-mobile input').inputValue()).resolves.toBe(member.mobile)
  await expect(residence.textContent()).resolves.toBe(`${street.name} · ${community.name}`)
  await residence.tap()
  await phone.page.locator('.weui-picker__action', { hasText: '确定' }).tap()
  await expect(residence.textContent()).resolves.toBe(`${street.name} · ${community.name}`)
  await shot('checkin-2b-roster-edit')
  await editor.locator('#editor-save').tap()
  await phone.page.locator('#page-roster #roster-message', { hasText: '党员信息已保存' }).waitFor()

  // 3. Member X opens 我的联系证; the test turns its token into a QR image.
  const memberUser = everyone.find((u) => u.grants.some((g) => g.role === 'member' && g.scope.memberId === memberId))!
  await signIn(memberUser.openid)
  await openEntry('报到', 'report', 'entry-card-show', 'page-card')
  await phone.page.locator('#page-card #card-view').waitFor()
  await expect(phone.page.locator('#page-card #card-name').textContent()).resolves.toBe(member.name)
  await expect(phone.page.locator('#page-card #card-hint').textContent()).resolves.toBe('请社区工作人员扫码报到')
  const token = (await phone.page.locator('#page-card #card-token').textContent())!.trim()
  expect(token.length).toBeGreaterThan(10)
  await shot('checkin-3-member-card')
  const qrFile = join(phone.qrDir, 'card.png')
  await QRCode.toFile(qrFile, token, { width: 480, margin: 4, errorCorrectionLevel: 'M' })

  // 4. The staff of X's residence community read the QR from the image and confirm.
  const staff = everyone.find((u) => u.grants.some((g) => g.role === 'staff' && g.scope.communityId === member.communityId))!
  await signIn(staff.openid)
  await openEntry('报到', 'report', 'entry-checkin-scan', 'page-checkin')
  await phone.page.setInputFiles('#page-checkin #checkin-image-input', qrFile)
  await phone.page.locator('#page-checkin #checkin-member').waitFor()
  await expect(phone.page.locator('#page-checkin #checkin-name').textContent()).resolves.toBe(member.name)
  await expect(phone.page.locator('#page-checkin #checkin-status').textContent()).resolves.toBe('尚未报到')
  await shot('checkin-4-staff-scanned')
  await phone.page.locator('#page-checkin #checkin-confirm').tap()
  await phone.page.locator('#page-checkin #checkin-result', { hasText: '报到成功' }).waitFor()
  await shot('checkin-5-staff-confirmed')

  // A second scan of the same card finds the report and writes nothing.
  await phone.page.locator('#page-checkin #checkin-again').tap()
  await phone.page.setInputFiles('#page-checkin #checkin-image-input', qrFile)
  await phone.page.locator('#page-checkin #checkin-reported', { hasText: '已报到' }).waitFor()

  // 5. Member X fills the 附件1 registration and claims two posts.
  await signIn(memberUser.openid)
  await openEntry('报到', 'report', 'entry-registration-fill', 'page-registration')
  const form = phone.page.locator('#page-registration')
  await form.locator('#registration-submit').waitFor()
  await expect(form.locator('#registration-reported').textContent()).resolves.toBe('已报到')
  // On h5 a Taro Input is <taro-input-core id=…> around the real <input>.
  await fillIfEmpty(form.locator('#reg-birthMonth input'), '1985-07')
  await fillIfEmpty(form.locator('#reg-joinPartyMonth input'), '2008-06')
  await fillIfEmpty(form.locator('#reg-mobile input'), '13912345678')
  await form.locator('#reg-address input').fill('古荡新村3幢2单元401室')
  if ((await form.locator('#reg-gender .chip--selected').count()) === 0) await form.locator('#reg-gender .chip').first().tap()
  if ((await form.locator('#reg-education .chip--selected').count()) === 0) await form.locator('#reg-education .chip').nth(2).tap()
  await form.locator('#reg-liaison .chip', { hasText: '是' }).tap()

  // One claim is not enough: the page says so before anything is sent.
  await form.locator('.claim-chip').nth(0).tap()
  await expect(form.locator('#registration-claim-count').textContent()).resolves.toBe('已选 1 项，至少需认领 2 项')
  await form.locator('#registration-submit').tap()
  await form.locator('#registration-error', { hasText: '请至少认领2个服务项目' }).waitFor()

  await form.locator('.claim-chip').nth(1).tap()
  await expect(form.locator('#registration-claim-count').textContent()).resolves.toBe('已选 2 项')
  await form.locator('#registration-submit').tap()
  await form.locator('#registration-saved').waitFor()
  expect(await form.locator('#registration-saved .claimed-item').count()).toBe(2)
  await shot('checkin-6-member-registered')

  // 6. The secretary sees the rate move up by this one report.
  await signIn(secretary.openid)
  const after = await unitRate()
  expect(after.rate).toBeGreaterThan(before.rate)
  const reportedIn = (footer: string) => Number(/到社区报到 (\d+) 人/.exec(footer)![1])
  const claimedIn = (footer: string) => Number(/领办活动项目 (\d+) 个/.exec(footer)![1])
  expect(reportedIn(after.footer)).toBe(reportedIn(before.footer) + 1)
  expect(claimedIn(after.footer)).toBeGreaterThanOrEqual(claimedIn(before.footer) + 2)
  await shot('checkin-7-unit-rate-after')

  // 7. From the roster, the secretary opens X's receipt (回执).
  await openEntry('首页', 'home', 'entry-roster-manage', 'page-roster')
  const reportedRow = phone.page.locator(`#page-roster #roster-row-${memberId}`)
  await phone.page.locator('#page-roster .roster-row').first().waitFor()
  for (let pages = 0; (await reportedRow.count()) === 0 && pages < 100; pages++) {
    const at = await phone.page.locator('#page-roster #roster-page').textContent()
    await phone.page.locator('#page-roster #roster-next').tap()
    await phone.page.waitForFunction((before) => document.querySelector('#page-roster #roster-page')?.textContent !== before, at)
    await phone.page.locator('#page-roster .roster-row').first().waitFor()
  }
  await reportedRow.locator('.roster-row__reported').waitFor()
  await reportedRow.locator('.roster-receipt').tap()
  await phone.page.locator('#page-receipt #receipt-text').waitFor({ state: 'visible' })
  await expect(phone.page.locator('#page-receipt #receipt-text').textContent()).resolves.toContain(`${member.name}同志`)
  await shot('checkin-8-receipt')
})

async function fillIfEmpty(input: Locator, value: string): Promise<void> {
  if (((await input.inputValue()) ?? '').trim() === '') await input.fill(value)
}
