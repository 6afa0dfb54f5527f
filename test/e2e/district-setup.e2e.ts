import { join } from 'node:path'
import QRCode from 'qrcode'
import type { MemberDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { signCardToken } from '../../server/features/card/card-token'
import { rosterCsvText, rosterRecord } from '../integration/support/roster-files'
import { useRuntimeAndBrowser } from './support/local-server'
import { shot as shotOf, usePhonePage } from './support/phone-page'
import { signInAs, signInAsNewUser } from './support/sign-in'

// A new district from an empty database to its first check-in, on the h5
// build against the real runtime, without touching a document by hand: the
// setup code printed at deploy makes the first 区委组织部 admin; the admin
// creates a street, a community and a unit and invites the community's staff
// and the unit's secretary by link; an invitation works once; the secretary
// imports the roster, issues a card and a 绑定码; the member binds their
// WeChat with the card and the code; the staff read the card's QR and record
// the report; the admin revokes a grant and reads it in the audit log.
// Sign-ins `new-…` are WeChat users the system does not know yet.

const runtime = useRuntimeAndBrowser({ seed: false })
const phone = usePhonePage(runtime, 'setup-last')

let loads = 0

const shot = (name: string) => shotOf(phone.page, name)

/** Opens a role page from its entry on a tab, from a fresh load of the app (as checkin-journey does). */
async function openEntry(tabText: string, tab: string, entryId: string, pageId: string): Promise<void> {
  await phone.page.goto(`/?load=${++loads}`)
  await phone.page.locator('#page-home #home-greeting').waitFor({ state: 'visible' })
  if (tab !== 'home') {
    await phone.page.locator('.weui-tabbar__item', { hasText: tabText }).tap()
    await phone.page.locator(`#page-${tab}`).waitFor({ state: 'visible' })
  }
  await phone.page.locator(`#page-${tab} #${entryId}`).tap()
  await phone.page.locator(`#${pageId}`).waitFor({ state: 'visible' })
}

/** Makes an invitation on 授权管理 for the target chip with this text; returns its link. */
async function invite(target: string, inviteeName: string): Promise<string> {
  await openEntry('我的', 'mine', 'entry-grants-manage', 'page-grants')
  await phone.page.locator('#page-grants #grant-targets .chip', { hasText: target }).tap()
  await phone.page.locator('#page-grants #grant-invitee input').fill(inviteeName)
  await phone.page.locator('#page-grants #grant-invite').tap()
  const link = phone.page.locator('#page-grants #grant-invitation-link')
  await link.waitFor()
  await phone.page.locator('#page-grants #grant-invitation-qr').waitFor()
  return (await link.textContent())!.trim()
}

/** Opens an invitation link as the signed-in user and accepts it; returns what the page says. */
async function acceptLink(link: string): Promise<void> {
  await phone.page.goto(link)
  await phone.page.locator('#page-accept #accept-preview').waitFor()
  await phone.page.locator('#page-accept #accept-submit').tap()
  await phone.page.locator('#page-accept #accept-done').waitFor()
}

it('empty database → setup code → district admin → places → staff and secretary invited → roster → card → member binds → staff scan', async () => {
  const { db } = runtime.server

  // 1. The first administrator: a WeChat user unknown to the system types the setup code.
  await signInAsNewUser(phone.page, 'admin')
  await phone.page.locator('#page-home #session-unknown').waitFor()
  await phone.page.locator('#page-home #newcomer-setup').tap()
  await phone.page.locator('#page-setup #setup-code input').fill('ZZZZ-ZZZZ-ZZZZ')
  await phone.page.locator('#page-setup #setup-district input').fill('万秀区')
  await phone.page.locator('#page-setup #setup-name input').fill('黄丽')
  await phone.page.locator('#page-setup #setup-submit').tap()
  await phone.page.locator('#page-setup #setup-error', { hasText: '设置码不正确' }).waitFor()
  await phone.page.locator('#page-setup #setup-code input').fill(runtime.server.setupCode.toLowerCase())
  await phone.page.locator('#page-setup #setup-submit').tap()
  await phone.page.locator('#page-setup #setup-done', { hasText: '已完成设置：万秀区' }).waitFor()
  await shot('setup-1-first-admin')

  // 2. The district creates a street, its community and a unit.
  await openEntry('首页', 'home', 'entry-org-manage', 'page-org')
  await phone.page.locator('#page-org #org-street-name input').fill('城中街道')
  await phone.page.locator('#page-org #org-street-add').tap()
  await phone.page.locator('#page-org #org-community-street .chip', { hasText: '城中街道' }).tap()
  await phone.page.locator('#page-org #org-community-name input').fill('中山社区')
  await phone.page.locator('#page-org #org-community-add').tap()
  await phone.page.locator('#page-org #org-tree .org-street', { hasText: '中山社区' }).waitFor()
  await phone.page.locator('#page-org #org-unit-name input').fill('区教育局')
  await phone.page.locator('#page-org #org-unit-add').tap()
  await phone.page.locator('#page-org #org-units .org-unit', { hasText: '区教育局' }).waitFor()
  // The same name again is refused with the reason.
  await phone.page.locator('#page-org #org-unit-name input').fill('区教育局')
  await phone.page.locator('#page-org #org-unit-add').tap()
  await phone.page.locator('#page-org #org-error', { hasText: '已有名为“区教育局”的单位' }).waitFor()
  await shot('setup-2-places')

  // 3. Invitations for the community's staff and the unit's secretary.
  const staffLink = await invite('社区工作人员 · 城中街道 · 中山社区', '王芳')
  await shot('setup-3-invitation')
  const secretaryLink = await invite('单位书记 · 区教育局', '赵明')

  // 4. Each invitee accepts in their own WeChat; a second person cannot reuse a link.
  await signInAsNewUser(phone.page, 'staff')
  await acceptLink(staffLink)
  await shot('setup-4-accepted')
  await signInAsNewUser(phone.page, 'stranger')
  await phone.page.goto(staffLink)
  await phone.page.locator('#page-accept #accept-error', { hasText: '邀请已被使用' }).waitFor()
  await signInAsNewUser(phone.page, 'secretary')
  await acceptLink(secretaryLink)

  // 5. The secretary imports the roster, issues the member's card and a 绑定码.
  await signInAs(phone.page, 'new-secretary')
  await openEntry('首页', 'home', 'entry-roster-manage', 'page-roster')
  await phone.page.locator('#page-roster #roster-import').tap()
  const csv = rosterCsvText([rosterRecord({ 姓名: '李娜', 手机: '13900001111', 居住社区: '中山社区' })])
  await phone.page.setInputFiles('#roster-file-input', { name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv) })
  await phone.page.locator('#roster-import-summary', { hasText: '共 1 行，有效 1 行，有问题 0 行' }).waitFor()
  await phone.page.locator('#roster-import-all').tap()
  await phone.page.locator('#page-roster #roster-message', { hasText: '新增 1 人' }).waitFor()
  const row = phone.page.locator('#page-roster .roster-row').first()
  await row.locator('.roster-issue').tap()
  await phone.page.locator('#page-roster #roster-message', { hasText: '已为李娜发放联系证' }).waitFor()
  await row.locator('.roster-binding-code').tap()
  // Taro's h5 modal root has no box of its own: wait for its button.
  const modal = phone.page.locator('.taro__modal', { hasText: '李娜的绑定码' })
  await modal.locator('.taro-model__confirm').waitFor()
  const bindingCode = /[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await modal.textContent())!)![0]
  await shot('setup-5-binding-code')
  await modal.locator('.taro-model__confirm').tap()

  // 6. The member, new to the app, binds with the card's QR text and the 绑定码.
  const [member] = await scanAll<MemberDoc>(db, 'members', {})
  const token = signCardToken(runtime.server.cardSecret, { memberId: member!._id, serial: member!.card!.serial })
  await signInAsNewUser(phone.page, 'member')
  await phone.page.locator('#page-home #bind-token input').fill(token)
  await phone.page.locator('#page-home #bind-token-use').tap()
  await phone.page.locator('#page-home #bind-code input').fill(bindingCode)
  await phone.page.locator('#page-home #bind-with-code').tap()
  await phone.page.locator('#page-home #home-greeting').waitFor()
  await openEntry('报到', 'report', 'entry-card-show', 'page-card')
  await expect(phone.page.locator('#page-card #card-name').textContent()).resolves.toBe('李娜')
  await shot('setup-6-member-bound')

  // 7. The staff read the card's QR from an image and record the report: the district's first check-in.
  const qrFile = join(phone.qrDir, 'card.png')
  await QRCode.toFile(qrFile, token, { width: 480, margin: 4, errorCorrectionLevel: 'M' })
  await signInAs(phone.page, 'new-staff')
  await openEntry('报到', 'report', 'entry-checkin-scan', 'page-checkin')
  await phone.page.setInputFiles('#page-checkin #checkin-image-input', qrFile)
  await expect(phone.page.locator('#page-checkin #checkin-name').textContent()).resolves.toBe('李娜')
  await phone.page.locator('#page-checkin #checkin-confirm').tap()
  await phone.page.locator('#page-checkin #checkin-result', { hasText: '报到成功' }).waitFor()
  await shot('setup-7-first-checkin')
  expect(await scanAll(db, 'reports', { memberId: member!._id, status: 'active' })).toHaveLength(1)

  // 8. The district revokes the secretary's grant and reads it in the audit log.
  await signInAs(phone.page, 'new-admin')
  await openEntry('我的', 'mine', 'entry-grants-manage', 'page-grants')
  await phone.page.locator('#page-grants #grant-list .held-grant', { hasText: '赵明' }).locator('.held-grant__revoke').tap()
  await phone.page.locator('.taro__modal .taro-model__confirm').tap()
  await phone.page.locator('#page-grants #grant-list .held-grant', { hasText: '赵明' }).waitFor({ state: 'detached' })
  await openEntry('首页', 'home', 'entry-audit-read', 'page-audit')
  await phone.page.locator('#page-audit #audit-list .audit-row', { hasText: '撤销授权 · 黄丽' }).waitFor()
  await phone.page.locator('#page-audit #audit-list .audit-row', { hasText: '接受邀请获得授权 · 王芳' }).waitFor()
  await phone.page.locator('#page-audit #audit-list .audit-row', { hasText: '首次设置 · 黄丽' }).waitFor()
  await shot('setup-8-audit')
})
