import type { Registration } from '../../src/domain/contracts/report.contract'
import type { ReportDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMemberUser, COMMUNITIES, postId, seedCity, UNITS, USERS } from './support/fixture'
import { readQr } from './support/qr'
import { rosterRecord, rosterXlsx } from './support/roster-files'
import { SAMPLE_REGISTRATION } from '../domain/support/sample-registration'

// The whole 报到 journey through the bridge, as the people involved do it:
// the unit imports its roster and issues a card, the community desk scans it
// and records the report, the member registers and claims two posts, the unit
// reads the receipt and its rate; later the member moves.

let h: Harness
beforeAll(async () => {
  h = await openHarness({ seed: seedCity, now: new Date('2026-03-16T02:00:00Z') })
})
afterAll(() => h.close())

const form: Omit<Registration, 'claims'> = { ...SAMPLE_REGISTRATION, mobile: '13800000001' }

it('runs from roster import to unit stats, and records a move', async () => {
  const secretary = h.asUser(USERS.secretary1)
  const unitId = UNITS.u1._id

  // 1. The unit imports its roster: checked first, then committed.
  const file = await rosterXlsx([
    rosterRecord({ 姓名: '张伟', 手机: '13800000001', 居住社区: '曙光社区' }),
    rosterRecord({ 姓名: '李娜', 手机: '13800000002', 居住社区: '桃源社区', 性别: '女' }),
  ])
  // Uploaded to storage as the client does, then imported by its fileID.
  const importInput = { action: 'import' as const, unitId, fileID: await secretary.uploaded('spreadsheet', '区教育局名册.xlsx', file) }
  const checked = await expectNothingWritten(h.db, () => secretary.ok('roster', { ...importInput, mode: 'check' }))
  expect(checked).toEqual({ rows: 2, valid: 2, errors: [], created: 0, updated: 0, committed: false })
  expect(await secretary.ok('roster', { ...importInput, mode: 'commit' })).toMatchObject({ created: 2, updated: 0, committed: true })

  const roster = await secretary.ok('roster', { action: 'list', unitId })
  expect(roster.total).toBe(2)
  const zhang = roster.rows.find((r) => r.name === '张伟')!
  expect(zhang).toMatchObject({ mobile: '13800000001', communityName: '曙光社区', reportedAt: null, overdue: false, cardNo: null, cardStatus: null })
  expect(zhang.dueAt).toBe('2026-04-16T15:59:59.999Z') // one month after joining, end of that day in China

  // 2. The unit issues a card; its QR holds the signed token.
  const card = await secretary.ok('card', { action: 'issue', memberId: zhang.memberId })
  expect(card).toMatchObject({ memberId: zhang.memberId, name: '张伟', unitName: '区教育局', communityName: '曙光社区', status: 'active' })
  expect(card.cardNo).toMatch(/^\d{8}$/)
  expect(card.token!).toMatch(/^SBD1\.[\w-]+\.[\w-]{22}$/)
  expect(readQr(card.qrDataUrl!)).toBe(card.token!)

  // The member, once bound to a WeChat user, shows the same card.
  await addMemberUser(h.db, zhang.memberId, unitId, COMMUNITIES.a1._id)
  const member = h.asUser(zhang.memberId)
  expect((await member.ok('card', { action: 'mine' }))!).toMatchObject({ cardNo: card.cardNo, token: card.token! })

  // 3. The desk of 曙光社区 scans it: who is this? Nothing is written.
  const staff = h.asUser(USERS.staffA1)
  const lookup = { action: 'lookup' as const, communityId: COMMUNITIES.a1._id, card: { token: card.token! } }
  const seen = await expectNothingWritten(h.db, () => staff.ok('report', lookup))
  expect(seen).toMatchObject({ name: '张伟', unitName: '区教育局', livesHere: true, report: null, cardNo: card.cardNo, residenceCommunityName: '曙光社区' })
  expect(seen.mobile).toBe('138****0001') // not reported here yet: masked

  // 4. The desk records the report.
  const confirmed = await staff.ok('report', { action: 'confirm', communityId: COMMUNITIES.a1._id, card: { token: card.token! } })
  expect(confirmed).toMatchObject({ alreadyReported: false, communityName: '曙光社区', memberName: '张伟', movedFrom: null, reportedAt: '2026-03-16T02:00:00.000Z' })
  const after = await staff.ok('report', lookup)
  expect(after.mobile).toBe('13800000001') // reported here: the community may call them
  expect(after.report).toMatchObject({ reportId: confirmed.reportId, communityName: '曙光社区' })

  // 5. The member fills 附件1 and claims two posts (one from the catalog, one of their own).
  const view = await member.ok('report', { action: 'registrationGet' })
  expect(view).toMatchObject({ memberId: zhang.memberId, communityId: COMMUNITIES.a1._id, reported: true })
  expect(view.form).toMatchObject({ mobile: '13800000001', education: '大学本科' })
  expect(view.catalog.map((c) => c.categoryName)).toContain('社区管理协助项目')
  const saved = await member.ok('report', {
    action: 'registrationSave' as const,
    form: { ...form, claims: [{ postId: postId('a1', 'management', 1) }, { custom: '义务家教' }] },
  })
  expect(saved.form.claims).toEqual([{ postId: postId('a1', 'management', 1) }, { custom: '义务家教' }])
  // The form corrected the roster too.
  const corrected = (await secretary.ok('roster', { action: 'list', unitId })).rows.find((r) => r.memberId === zhang.memberId)!
  expect(corrected.jobTitle).toBe('科长')

  // 6. The receipt (回执) for the unit, in the form's own words.
  const receipt = await secretary.ok('report', { action: 'receipt', reportId: confirmed.reportId })
  expect(receipt).toMatchObject({
    text: '张伟同志，系中共党员，于2026年3月16日已向我党组织报到。',
    memberName: '张伟',
    unitName: '区教育局',
    communityName: '曙光社区',
    communityPartyOrg: '中共曙光社区委员会',
    dateText: '2026年3月16日',
  })
  expect((await member.ok('report', { action: 'receipt', reportId: confirmed.reportId })).text).toBe(receipt.text)
  expect((await staff.ok('report', { action: 'receipt', reportId: confirmed.reportId })).text).toBe(receipt.text)

  // 7. The unit's figures (附件3 footer).
  await secretary.ok('roster', { action: 'setTotals', unitId, declaredMemberTotal: 2, declaredResidentTotal: 2 })
  const stats = await secretary.ok('stats', { action: 'unit', unitId })
  expect(stats).toMatchObject({
    unitName: '区教育局',
    declaredMemberTotal: 2,
    declaredResidentTotal: 2,
    memberTotal: 2,
    reported: 1,
    claimedProjects: 2,
    overdue: 0,
    rate: { reported: 1, total: 2, rate: 0.5, belowThreshold: true },
    notices: [],
  })

  // 8. Two months on, 李娜 has not reported: overdue.
  h.clock.now = new Date('2026-05-20T02:00:00Z')
  expect((await secretary.ok('stats', { action: 'unit', unitId })).overdue).toBe(1)
  const overdue = await secretary.ok('roster', { action: 'list', unitId, filter: 'overdue' })
  expect(overdue.rows.map((r) => r.name)).toEqual(['李娜'])

  // 9. 张伟 moves to 桃源社区. Its desk is told where he lives, then records the move.
  const staffA2 = h.asUser(USERS.staffA2)
  const elsewhere = await staffA2.fail('report', { action: 'confirm', communityId: COMMUNITIES.a2._id, card: { token: card.token! } })
  expect(elsewhere).toMatchObject({ code: 'MEMBER_LIVES_ELSEWHERE', details: { residenceCommunityName: '曙光社区' } })
  expect(elsewhere.message).toContain('曙光社区')
  const moved = await staffA2.ok('report', { action: 'confirm', communityId: COMMUNITIES.a2._id, card: { token: card.token! }, recordMove: true })
  expect(moved).toMatchObject({ alreadyReported: false, communityName: '桃源社区', movedFrom: '曙光社区' })

  const reports = await scanAll<ReportDoc>(h.db, 'reports', { memberId: zhang.memberId })
  expect(reports.map((r) => [r.communityId, r.status]).sort()).toEqual([
    [COMMUNITIES.a1._id, 'moved'],
    [COMMUNITIES.a2._id, 'active'],
  ])
  expect(reports.find((r) => r.status === 'moved')).toMatchObject({ movedTo: COMMUNITIES.a2._id, movedAt: new Date('2026-05-20T02:00:00Z') })

  const movedStats = await secretary.ok('stats', { action: 'unit', unitId })
  expect(movedStats.notices).toEqual([{ text: '张伟同志居住社区由曙光社区变更为桃源社区', at: '2026-05-20T02:00:00.000Z' }])
  expect(movedStats.reported).toBe(1)
  expect(movedStats.claimedProjects).toBe(0) // his claims stay with 曙光社区 as history; he claims anew in 桃源社区
  const movedRow = (await secretary.ok('roster', { action: 'list', unitId })).rows.find((r) => r.memberId === zhang.memberId)!
  expect(movedRow).toMatchObject({ communityName: '桃源社区', reportedCommunityName: '桃源社区' })
  // The old receipt is history, still readable by the unit.
  expect((await secretary.ok('report', { action: 'receipt', reportId: confirmed.reportId })).communityName).toBe('曙光社区')
  // His registration now belongs to 桃源社区, not yet filled.
  expect(await member.ok('report', { action: 'registrationGet' })).toMatchObject({ communityId: COMMUNITIES.a2._id, form: { claims: [] } })
})
