import type { CardRef } from '../../src/domain/contracts/card-ref'
import type { CardView } from '../../src/domain/contracts/card.contract'
import type { MemberDoc, NoticeDoc, ReportDoc } from '../../server/db/docs'
import { countOf, scanAll } from '../../server/db/read'
import { openHarness, type Harness } from './support/bridge-client'
import { withDbLatency } from './support/db-latency'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, seedCity, UNITS, USERS } from './support/fixture'

// 报到 at the desk: once per member per community, however often or however
// concurrently the card is scanned; a member from elsewhere is not silently
// accepted; a move keeps the history and tells the unit.

let h: Harness
const cards = new Map<string, CardView>()

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: 'm-1', unit: 'u1', community: 'a1', name: '周杰', mobile: '13700000001' })
      await addMember(db, { id: 'm-2', unit: 'u1', community: 'a1', name: '吴敏', mobile: '13700000002' })
      await addMember(db, { id: 'm-3', unit: 'u1', community: 'a1', name: '郑涛', mobile: '13700000003' })
      await addMember(db, { id: 'm-4', unit: 'u2', community: 'b1', name: '冯静', mobile: '13700000004' })
    },
  })
  for (const [id, unit] of [['m-1', USERS.secretary1], ['m-2', USERS.secretary1], ['m-3', USERS.secretary1], ['m-4', USERS.secretary2]] as const) {
    cards.set(id, await h.asUser(unit).ok('card', { action: 'issue', memberId: id }))
  }
})
afterAll(() => h.close())

const confirm = (community: string, card: CardRef, recordMove?: boolean) => ({
  action: 'confirm' as const,
  communityId: community,
  card,
  ...(recordMove === undefined ? {} : { recordMove }),
})

async function reportsOf(memberId: string): Promise<ReportDoc[]> {
  return scanAll<ReportDoc>(h.db, 'reports', { memberId })
}

it('a second scan finds the first report and writes nothing', async () => {
  const staff = h.asUser(USERS.staffA1)
  const first = await staff.ok('report', confirm(COMMUNITIES.a1._id, { token: cards.get('m-1')!.token! }))
  expect(first.alreadyReported).toBe(false)
  h.clock.now = new Date(h.clock.now.getTime() + 3_600_000)
  const second = await expectNothingWritten(h.db, () => staff.ok('report', confirm(COMMUNITIES.a1._id, { cardNo: cards.get('m-1')!.cardNo, proof: '周' })))
  expect(second).toEqual({ ...first, alreadyReported: true })
  expect(await reportsOf('m-1')).toHaveLength(1)
})

it('20 concurrent confirms of one card record exactly one report', async () => {
  const staff = h.asUser(USERS.staffA1)
  await staff.ok('bootstrap', { action: 'get' }) // sign in once, before the burst
  const token = cards.get('m-2')!.token!
  const results = await withDbLatency(() =>
    Promise.all(Array.from({ length: 20 }, () => staff.call('report', confirm(COMMUNITIES.a1._id, { token })))),
  )
  const failures = results.filter((r) => !r.ok)
  expect(failures).toEqual([])
  const data = results.map((r) => (r.ok ? r.data : null)!)
  expect(data.filter((d) => !d.alreadyReported)).toHaveLength(1)
  expect(new Set(data.map((d) => d.reportId)).size).toBe(1)
  expect(new Set(data.map((d) => d.reportedAt)).size).toBe(1)
  expect(await reportsOf('m-2')).toHaveLength(1)
  expect(await countOf(h.db.collection('reports').where({ memberId: 'm-2', status: 'active' }))).toBe(1)
})

it('concurrent confirms of one member at two communities leave one active report', async () => {
  const token = cards.get('m-3')!.token!
  const a1 = h.asUser(USERS.staffA1)
  const a2 = h.asUser(USERS.staffA2)
  await a2.ok('bootstrap', { action: 'get' })
  const results = await withDbLatency(() =>
    Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a1.call('report', confirm(COMMUNITIES.a1._id, { token })) : a2.call('report', confirm(COMMUNITIES.a2._id, { token }, true)))),
    ),
  )
  // Once the move is recorded, 曙光社区's scans (no move asked for) are told he now lives elsewhere.
  expect(results.flatMap((r) => (r.ok ? [] : [r.code])).filter((c) => c !== 'MEMBER_LIVES_ELSEWHERE')).toEqual([])
  const reports = await reportsOf('m-3')
  expect(reports.filter((r) => r.status === 'active')).toHaveLength(1)
  const member = (await scanAll<MemberDoc>(h.db, 'members', { _id: 'm-3' }))[0]!
  const active = reports.find((r) => r.status === 'active')!
  expect(member.report?.reportId).toBe(active._id)
  expect(member.communityId).toBe(active.communityId)
})

it('a member living elsewhere is refused with where they live, and nothing is written', async () => {
  const staff = h.asUser(USERS.staffA1)
  const failure = await expectNothingWritten(h.db, () => staff.fail('report', confirm(COMMUNITIES.a1._id, { token: cards.get('m-4')!.token! })))
  expect(failure).toMatchObject({
    code: 'MEMBER_LIVES_ELSEWHERE',
    details: { residenceCommunityId: COMMUNITIES.b1._id, residenceCommunityName: '古荡社区' },
  })
  expect(failure.message).toContain('古荡社区')
})

it('a move keeps the former report as history and tells the unit; moving back reopens it', async () => {
  const token = cards.get('m-4')!.token!
  h.clock.now = new Date('2026-04-01T02:00:00Z')
  const atHome = await h.asUser(USERS.staffB1).ok('report', confirm(COMMUNITIES.b1._id, { token }))

  h.clock.now = new Date('2026-06-01T02:00:00Z')
  const moved = await h.asUser(USERS.staffA1).ok('report', confirm(COMMUNITIES.a1._id, { token }, true))
  expect(moved).toMatchObject({ alreadyReported: false, movedFrom: '古荡社区', communityName: '曙光社区' })
  let reports = await reportsOf('m-4')
  expect(reports.find((r) => r._id === atHome.reportId)).toMatchObject({ status: 'moved', movedTo: COMMUNITIES.a1._id, movedAt: new Date('2026-06-01T02:00:00Z') })
  const member = (await scanAll<MemberDoc>(h.db, 'members', { _id: 'm-4' }))[0]!
  // The card's community name follows the move (card-names.ts reads the member's mirror).
  expect(member).toMatchObject({ communityId: COMMUNITIES.a1._id, communityName: '曙光社区', streetId: 'street-a' })
  expect(((await h.asUser('m-4').ok('card', { action: 'mine' }))!).communityName).toBe('曙光社区')

  const notices = await scanAll<NoticeDoc>(h.db, 'notices', { unitId: UNITS.u2._id })
  expect(notices.map((n) => n.text)).toEqual(['冯静同志居住社区由古荡社区变更为曙光社区'])

  // Back to 古荡社区 later: the same (member, community) report is reopened, the earlier stay kept.
  h.clock.now = new Date('2026-09-01T02:00:00Z')
  const back = await h.asUser(USERS.staffB1).ok('report', confirm(COMMUNITIES.b1._id, { token }, true))
  expect(back).toMatchObject({ reportId: atHome.reportId, alreadyReported: false, movedFrom: '曙光社区' })
  reports = await reportsOf('m-4')
  expect(reports).toHaveLength(2)
  const reopened = reports.find((r) => r._id === atHome.reportId)!
  expect(reopened).toMatchObject({ status: 'active', reportedAt: new Date('2026-09-01T02:00:00Z') })
  expect(reopened.movedTo).toBeUndefined()
  expect(reopened.history).toEqual([
    expect.objectContaining({ reportedAt: new Date('2026-04-01T02:00:00Z'), movedAt: new Date('2026-06-01T02:00:00Z'), movedTo: COMMUNITIES.a1._id }),
  ])
  const stats = await h.asUser(USERS.secretary2).ok('stats', { action: 'unit', unitId: UNITS.u2._id })
  expect(stats.reported).toBe(1)
  expect(stats.notices.map((n) => n.text)).toEqual(['冯静同志居住社区由曙光社区变更为古荡社区', '冯静同志居住社区由古荡社区变更为曙光社区'])
})

it('a report written without the member\'s mirror (older data) is still moved, not left active twice', async () => {
  await addMember(h.db, { id: 'm-legacy', unit: 'u1', community: 'a2', name: '旧数据', mobile: '13700000009' })
  await h.db.collection('members').doc('m-legacy').update({ data: { report: h.db.command.remove() } })
  await h.db.collection('reports').add({
    data: { memberId: 'm-legacy', unitId: UNITS.u1._id, communityId: COMMUNITIES.a2._id, streetId: 'street-a', districtId: 'district-t', reportedAt: new Date('2025-01-01'), receivedBy: 'x', cardNo: '', status: 'active' },
  })
  const card = await h.asUser(USERS.secretary1).ok('card', { action: 'issue', memberId: 'm-legacy' })
  await h.asUser(USERS.staffA1).ok('report', confirm(COMMUNITIES.a1._id, { token: card.token! }, true))
  const reports = await reportsOf('m-legacy')
  expect(reports.map((r) => [r.communityId, r.status]).sort()).toEqual([
    [COMMUNITIES.a1._id, 'active'],
    [COMMUNITIES.a2._id, 'moved'],
  ])
})

it('a desk whose grant predates keeping the community\'s name reads the community, and records the same', async () => {
  await h.db.collection('users').add({ data: { openid: 'staff-a2-old', name: '旧授权', grants: [{ role: 'staff', scope: { communityId: COMMUNITIES.a2._id, streetId: 'street-a', districtId: 'district-t' } }] } })
  await addMember(h.db, { id: 'm-5', unit: 'u1', community: 'a2', name: '钱进', mobile: '13700000005' })
  const card = await h.asUser(USERS.secretary1).ok('card', { action: 'issue', memberId: 'm-5' })
  const desk = h.asUser('staff-a2-old')
  expect(await desk.ok('report', { action: 'lookup', communityId: COMMUNITIES.a2._id, card: { token: card.token! } })).toMatchObject({ name: '钱进', livesHere: true })
  const confirmed = await desk.ok('report', confirm(COMMUNITIES.a2._id, { token: card.token! }))
  expect(confirmed).toMatchObject({ alreadyReported: false, communityName: '桃源社区', memberName: '钱进' })
  expect(await reportsOf('m-5')).toEqual([expect.objectContaining({ communityId: COMMUNITIES.a2._id, streetId: 'street-a', districtId: 'district-t', status: 'active' })])
})

it('only staff of the scanning community record or look up, and a refusal writes nothing', async () => {
  const token = cards.get('m-1')!.token!
  for (const openid of [USERS.staffB1, USERS.secretary1, USERS.liaison1, USERS.residentA1, USERS.streetA, USERS.district, 'm-1']) {
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser(openid).fail('report', confirm(COMMUNITIES.a1._id, { token }))).code).toBe('FORBIDDEN')
      expect((await h.asUser(openid).fail('report', { action: 'lookup', communityId: COMMUNITIES.a1._id, card: { token } })).code).toBe('FORBIDDEN')
    })
  }
  expect((await h.asUser(USERS.staffA1).fail('report', confirm('community-nowhere', { token }))).code).toBe('NOT_FOUND')
})
