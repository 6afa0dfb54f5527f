import type { ActivityView } from '../../src/domain/contracts/activity.contract'
import { ROSTER_COLUMNS } from '../../src/domain/contracts/roster.contract'
import type { BranchDoc, MemberDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, seedCity, UNITS, USERS } from './support/fixture'
import { rosterCsvText, rosterRecord, type RosterRecord } from './support/roster-files'

// 结对共建 (issue 9 §1): branches from the roster, pairings recorded by the
// street or district and seen by both sides, unit-organised activities only in
// a paired community, who sees them, what counts, and 附件4. Role by role.

let h: Harness
beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      // u1 members: one living in a1, one in b1 (not where u1 pairs), one of u2 living in a1.
      await addMember(db, { id: 'm-u1-a1', unit: 'u1', community: 'a1', name: '陈一', mobile: '13600000001' })
      await addMember(db, { id: 'm-u1-b1', unit: 'u1', community: 'b1', name: '陈二', mobile: '13600000002' })
      await addMember(db, { id: 'm-u2-a1', unit: 'u2', community: 'a1', name: '周三', mobile: '13600000003' })
      await addMember(db, { id: 'm-u2-b1', unit: 'u2', community: 'b1', name: '周四', mobile: '13600000004' })
    },
  })
})
afterAll(() => h.close())

const as = (openid: string) => h.asUser(openid)
const minutes = (n: number) => new Date(h.clock.now.getTime() + n * 60_000).toISOString()
const pairings = () => scanAll<{ _id: string; status: string }>(h.db, 'unitPairings')
const memberDoc = async (id: string) => (await scanAll<MemberDoc>(h.db, 'members', { _id: id }))[0]!

describe('支部 (branches)', () => {
  it('a 所在支部 column creates each branch on first use and reuses it; a roster without the column leaves branches alone', async () => {
    const records = [rosterRecord({ 姓名: '支部甲' }), rosterRecord({ 姓名: '支部乙' }), rosterRecord({ 姓名: '无支部' })]
    const importCsv = async (csv: string) => {
      const fileID = await as(USERS.secretary1).uploaded('spreadsheet', '名册.csv', Buffer.from(csv))
      return as(USERS.secretary1).ok('roster', { action: 'import', unitId: UNITS.u1._id, fileID, mode: 'commit' })
    }
    const withBranch = records.map((r, i) => ({ ...r, 所在支部: ['第一支部', '第一支部', ''][i] }))
    expect(await importCsv(rosterCsvText(withBranch, [...ROSTER_COLUMNS, '所在支部']))).toMatchObject({ created: 3, committed: true })
    const branches = await scanAll<BranchDoc>(h.db, 'branches', { unitId: UNITS.u1._id })
    expect(branches.map((b) => b.name)).toEqual(['第一支部'])
    const list = await as(USERS.liaison1).ok('roster', { action: 'list', unitId: UNITS.u1._id, pageSize: 100 })
    const byName = new Map(list.rows.map((r) => [r.name, r.branchName]))
    expect([byName.get('支部甲'), byName.get('支部乙'), byName.get('无支部')]).toEqual(['第一支部', '第一支部', ''])

    // The same people again, without the column: their branches stay.
    expect(await importCsv(rosterCsvText(records))).toMatchObject({ created: 0, updated: 3 })
    const after = await as(USERS.liaison1).ok('roster', { action: 'list', unitId: UNITS.u1._id, pageSize: 100 })
    expect(after.rows.find((r) => r.name === '支部甲')!.branchName).toBe('第一支部')
    // A branch name too long is that row's error.
    const bad = await as(USERS.secretary1).uploaded('spreadsheet', '名册.csv', Buffer.from(rosterCsvText([{ ...rosterRecord(), 所在支部: '支'.repeat(31) } as RosterRecord], [...ROSTER_COLUMNS, '所在支部'])))
    const checked = await as(USERS.secretary1).ok('roster', { action: 'import', unitId: UNITS.u1._id, fileID: bad, mode: 'check' })
    expect(checked.errors).toEqual([{ row: 2, messages: [expect.stringContaining('所在支部')] }])
  })

  it('the roster edit sets, changes and clears a member’s branch; the unit alone reads it', async () => {
    const get = () => as(USERS.secretary1).ok('roster', { action: 'get', unitId: UNITS.u1._id, memberId: 'm-u1-a1' })
    const member = await get()
    const { memberId: _m, communityName: _c, joinedUnitAt: _j, branchName: _b, ...fields } = member
    const save = (branchName?: string) => as(USERS.secretary1).ok('roster', { action: 'save', unitId: UNITS.u1._id, memberId: 'm-u1-a1', fields, ...(branchName === undefined ? {} : { branchName }) })
    expect((await save('第二支部')).branchName).toBe('第二支部')
    expect((await get()).branchName).toBe('第二支部')
    // Saved without naming a branch: unchanged.
    expect((await save()).branchName).toBe('第二支部')
    expect((await save('')).branchName).toBe('')
    expect((await memberDoc('m-u1-a1')).branchId).toBeNull()
    await expectNothingWritten(h.db, async () => {
      const long = await as(USERS.secretary1).fail('roster', { action: 'save', unitId: UNITS.u1._id, memberId: 'm-u1-a1', fields, branchName: '支'.repeat(31) })
      expect(long).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('所在支部') })
    })
  })
})

describe('pairings', () => {
  const create = (openid: string, input: { unitId: string; communityId: string }) => as(openid).call('pairing', { action: 'create', ...input })

  it('the street admin pairs a unit with a community of their street; another street’s community is refused, writing nothing', async () => {
    const made = await as(USERS.streetA).ok('pairing', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id, note: '共建文明社区' })
    expect(made).toMatchObject({ unitName: '区教育局', partyOrgName: '区教育局', branchId: null, communityName: '曙光社区', streetName: '甲街道', status: 'active', endedAt: null, note: '共建文明社区' })
    await expectNothingWritten(h.db, async () => {
      expect((await as(USERS.streetA).fail('pairing', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.b1._id })).code).toBe('FORBIDDEN')
      expect((await as(USERS.streetB).fail('pairing', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id })).code).toBe('FORBIDDEN')
      expect((await as(USERS.district).fail('pairing', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id })).code).toBe('PAIRING_EXISTS')
      const missing = await as(USERS.district).rawFail('pairing', { action: 'create', communityId: COMMUNITIES.a1._id })
      expect(missing).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('单位') })
      expect((await as(USERS.district).fail('pairing', { action: 'create', unitId: 'unit-none', communityId: COMMUNITIES.a1._id })).code).toBe('NOT_FOUND')
    })
  })

  it('two admins recording the same pairing at once record it once', async () => {
    const input = { unitId: UNITS.u2._id, communityId: COMMUNITIES.a2._id }
    const results = await Promise.all([create(USERS.streetA, input), create(USERS.district, input), create(USERS.district, input)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(['PAIRING_EXISTS', 'PAIRING_EXISTS'])
    expect((await pairings()).filter((p) => p.status === 'active')).toHaveLength(2)
  })

  it('a branch pairs on its own; a branch of another unit is refused', async () => {
    const choices = await as(USERS.district).ok('pairing', { action: 'choices' })
    const u1 = choices.units.find((u) => u.unitId === UNITS.u1._id)!
    const branch = u1.branches.find((b) => b.name === '第一支部')!
    expect(branch.members).toBe(2)
    expect(choices.communities.map((c) => c.name).sort()).toEqual(['古荡社区', '曙光社区', '桃源社区'].sort())
    // The street admin pairs only their street's communities.
    expect((await as(USERS.streetB).ok('pairing', { action: 'choices' })).communities.map((c) => c.name)).toEqual(['古荡社区'])

    await expectNothingWritten(h.db, async () => {
      expect((await as(USERS.streetB).fail('pairing', { action: 'create', unitId: UNITS.u2._id, branchId: branch.branchId, communityId: COMMUNITIES.b1._id })).code).toBe('BRANCH_NOT_IN_UNIT')
    })
    const made = await as(USERS.streetB).ok('pairing', { action: 'create', unitId: UNITS.u1._id, branchId: branch.branchId, communityId: COMMUNITIES.b1._id })
    expect(made).toMatchObject({ branchName: '第一支部', communityName: '古荡社区' })
  })

  it('both sides see a pairing, and nobody else does', async () => {
    const seen = async (openid: string) => (await as(openid).ok('pairing', { action: 'list' })).map((p) => `${p.unitName}-${p.branchName ?? '全体'}-${p.communityName}`).sort()
    expect(await seen(USERS.secretary1)).toEqual(['区教育局-全体-曙光社区', '区教育局-第一支部-古荡社区'])
    expect(await seen(USERS.liaison1)).toEqual(await seen(USERS.secretary1))
    expect(await seen(USERS.secretary2)).toEqual(['区财政局-全体-桃源社区'])
    expect(await seen(USERS.staffA1)).toEqual(['区教育局-全体-曙光社区'])
    expect(await seen(USERS.staffB1)).toEqual(['区教育局-第一支部-古荡社区'])
    expect(await seen(USERS.streetA)).toEqual(['区教育局-全体-曙光社区', '区财政局-全体-桃源社区'])
    expect((await seen(USERS.district)).length).toBe(3)
    for (const openid of ['m-u1-a1', USERS.residentA1]) expect((await as(openid).fail('pairing', { action: 'list' })).code).toBe('FORBIDDEN')
    for (const openid of [USERS.secretary1, USERS.staffA1]) expect((await as(openid).fail('pairing', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a2._id })).code).toBe('FORBIDDEN')
  })
})

describe('unit-organised activities', () => {
  const base = () => ({ title: '结对共建：社区清扫', place: '曙光社区广场', startAt: minutes(60), endAt: minutes(180) })
  let unitActivity: ActivityView
  let communityActivity: ActivityView

  it('the secretary or liaison organises only in a community the unit is paired with, and only for their own unit', async () => {
    await expectNothingWritten(h.db, async () => {
      const unpaired = await as(USERS.secretary1).fail('activity', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a2._id, ...base() })
      expect(unpaired).toMatchObject({ code: 'COMMUNITY_NOT_PAIRED', message: expect.stringContaining('结对社区') })
      expect((await as(USERS.secretary2).fail('activity', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id, ...base() })).code).toBe('FORBIDDEN')
      // Without a unit, the secretary is not the community's organiser.
      expect((await as(USERS.secretary1).fail('activity', { action: 'create', communityId: COMMUNITIES.a1._id, ...base() })).code).toBe('FORBIDDEN')
      expect((await as(USERS.staffA1).fail('activity', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id, ...base() })).code).toBe('FORBIDDEN')
    })
    const draft = await as(USERS.liaison1).ok('activity', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id, ...base() })
    expect(draft).toMatchObject({ organiserKind: 'unit', unitId: UNITS.u1._id, unitName: '区教育局', communityName: '曙光社区', status: 'draft' })
    // The draft is the unit's: its list has it, the community's staff do not see it yet.
    const unitList = await as(USERS.secretary1).ok('activity', { action: 'list', unitId: UNITS.u1._id })
    expect(unitList.rows.map((r) => r.activityId)).toEqual([draft.activityId])
    expect((await as(USERS.secretary2).fail('activity', { action: 'list', unitId: UNITS.u1._id })).code).toBe('FORBIDDEN')
    expect((await as(USERS.staffA1).fail('activity', { action: 'get', activityId: draft.activityId })).code).toBe('NOT_FOUND')
    expect((await as(USERS.staffA1).ok('activity', { action: 'list' })).rows.map((r) => r.activityId)).not.toContain(draft.activityId)
    unitActivity = await as(USERS.secretary1).ok('activity', { action: 'publish', activityId: draft.activityId })
  })

  it('that community’s staff see it but do not run it; other communities’ staff do not see it', async () => {
    const id = unitActivity.activityId
    expect(await as(USERS.staffA1).ok('activity', { action: 'get', activityId: id })).toMatchObject({ organiserKind: 'unit', unitName: '区教育局' })
    expect((await as(USERS.staffA1).ok('activity', { action: 'list' })).rows.map((r) => r.activityId)).toContain(id)
    for (const action of ['publish', 'end'] as const) expect((await as(USERS.staffA1).fail('activity', { action, activityId: id })).code).toBe('NOT_FOUND')
    expect((await as(USERS.staffB1).fail('activity', { action: 'get', activityId: id })).code).toBe('NOT_FOUND')
    expect((await as(USERS.secretary2).fail('activity', { action: 'get', activityId: id })).code).toBe('NOT_FOUND')
    expect((await as(USERS.liaison1).ok('activity', { action: 'attendance', activityId: id })).activityId).toBe(id)
  })

  it('is open to the unit’s members wherever they live, not to another unit’s members who live there', async () => {
    const id = unitActivity.activityId
    for (const member of ['m-u1-a1', 'm-u1-b1']) {
      expect((await as(member).ok('activity', { action: 'list' })).rows.map((r) => r.activityId)).toContain(id)
      expect(await as(member).ok('activity', { action: 'get', activityId: id })).toMatchObject({ activityId: id })
    }
    expect((await as('m-u2-a1').fail('activity', { action: 'get', activityId: id })).code).toBe('NOT_FOUND')
    expect((await as('m-u2-a1').ok('activity', { action: 'list' })).rows.map((r) => r.activityId)).not.toContain(id)
    // The organiser may not sign in a member of another unit by hand.
    await expectNothingWritten(h.db, async () => {
      const other = await as(USERS.secretary1).fail('activity', { action: 'addRecord', activityId: id, memberId: 'm-u2-a1', inAt: minutes(60), outAt: minutes(120), reason: '现场签到' })
      expect(other.code).toBe('ACTIVITY_NOT_FOR_YOU')
    })
  })

  it('members see the community activities where they live and where their unit or branch is paired', async () => {
    const draft = await as(USERS.staffB1).ok('activity', { action: 'create', communityId: COMMUNITIES.b1._id, title: '古荡社区义诊', place: '古荡社区卫生站', startAt: minutes(60), endAt: minutes(120) })
    communityActivity = await as(USERS.staffB1).ok('activity', { action: 'publish', activityId: draft.activityId })
    const sees = async (member: string) => (await as(member).ok('activity', { action: 'list' })).rows.some((r) => r.activityId === communityActivity.activityId)
    // Lives in b1.
    expect(await sees('m-u1-b1')).toBe(true)
    // u1's 第一支部 pairs with b1; m-u1-a1 left the branch, so b1 is not theirs.
    expect(await sees('m-u1-a1')).toBe(false)
    expect((await as('m-u1-a1').fail('activity', { action: 'get', activityId: communityActivity.activityId })).code).toBe('NOT_FOUND')
    await as(USERS.secretary1).ok('roster', { action: 'save', unitId: UNITS.u1._id, memberId: 'm-u1-a1', fields: await editable('m-u1-a1'), branchName: '第一支部' })
    expect(await sees('m-u1-a1')).toBe(true)
    expect(await as('m-u1-a1').ok('activity', { action: 'get', activityId: communityActivity.activityId })).toMatchObject({ communityName: '古荡社区' })
    // A member of a unit not paired with b1 who lives elsewhere.
    expect(await sees('m-u2-a1')).toBe(false)
  })

  it('myYear counts the unit’s own activities in a paired community as unit-organised, even after the pairing ends', async () => {
    const id = unitActivity.activityId
    await as(USERS.secretary1).ok('activity', { action: 'addRecord', activityId: id, memberId: 'm-u1-b1', inAt: minutes(60), outAt: minutes(150), reason: '手机没电' })
    await as(USERS.staffB1).ok('activity', { action: 'addRecord', activityId: communityActivity.activityId, memberId: 'm-u1-a1', inAt: minutes(60), outAt: minutes(120), reason: '现场登记' })
    expect(await as('m-u1-b1').ok('activity', { action: 'myYear' })).toMatchObject({ community: 0, unit: 1, minutes: 90 })
    expect(await as('m-u1-a1').ok('activity', { action: 'myYear' })).toMatchObject({ community: 1, unit: 0 })

    const [pairing] = await as(USERS.streetA).ok('pairing', { action: 'list', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id })
    h.clock.now = new Date(h.clock.now.getTime() + 24 * 3_600_000)
    try {
      await as(USERS.streetA).ok('pairing', { action: 'end', pairingId: pairing!.pairingId, reason: '调整结对安排' })
      // Paired when it took place: it still counts.
      expect(await as('m-u1-b1').ok('activity', { action: 'myYear' })).toMatchObject({ unit: 1 })
      // Not paired now: no new activity there.
      const refused = await as(USERS.secretary1).fail('activity', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id, ...base(), startAt: minutes(60), endAt: minutes(120) })
      expect(refused.code).toBe('COMMUNITY_NOT_PAIRED')
    } finally {
      h.clock.now = new Date(h.clock.now.getTime() - 24 * 3_600_000)
    }
  })

  async function editable(memberId: string) {
    const { memberId: _m, communityName: _c, joinedUnitAt: _j, branchName: _b, ...fields } = await as(USERS.secretary1).ok('roster', { action: 'get', unitId: UNITS.u1._id, memberId })
    return fields
  }
})

describe('ending a pairing', () => {
  it('keeps the term as history with its reason; a second end is refused; another street cannot end it; pairing again starts a new term', async () => {
    const history = await as(USERS.staffA1).ok('pairing', { action: 'list' })
    expect(history).toEqual([expect.objectContaining({ communityName: '曙光社区', status: 'ended', endReason: '调整结对安排', endedAt: expect.any(String) })])
    const ended = history[0]!
    await expectNothingWritten(h.db, async () => {
      expect((await as(USERS.district).fail('pairing', { action: 'end', pairingId: ended.pairingId, reason: '再次结束' })).code).toBe('PAIRING_ENDED')
      const active = (await as(USERS.streetA).ok('pairing', { action: 'list', status: 'active' })).find((p) => p.communityName === '桃源社区')!
      expect((await as(USERS.streetB).fail('pairing', { action: 'end', pairingId: active.pairingId, reason: '越权' })).code).toBe('NOT_FOUND')
      expect((await as(USERS.district).fail('pairing', { action: 'end', pairingId: active.pairingId, reason: '' })).code).toBe('VALIDATION_FAILED')
    })
    const again = await as(USERS.streetA).ok('pairing', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id })
    expect(again.pairingId).not.toBe(ended.pairingId)
    const terms = await as(USERS.secretary1).ok('pairing', { action: 'list', communityId: COMMUNITIES.a1._id })
    expect(terms.map((t) => t.status)).toEqual(['active', 'ended'])
  })
})

describe('附件4', () => {
  it('the unit’s rows: its party organisation, each paired community, that year’s activities there, and remarks', async () => {
    const year = new Date(h.clock.now.getTime() + 8 * 3_600_000).getUTCFullYear()
    const summary = await as(USERS.liaison1).ok('pairing', { action: 'summary', year })
    expect(summary.filedBy).toBe('区教育局')
    const a1 = summary.rows.find((r) => r.communityName === '曙光社区')!
    expect(a1).toMatchObject({ partyOrgName: '区教育局', activityCount: 1, activities: expect.stringContaining('结对共建：社区清扫') })
    expect(a1.remark).toContain('结束结对')
    const b1 = summary.rows.find((r) => r.communityName === '古荡社区')!
    expect(b1).toMatchObject({ activityCount: 0, activities: '', remark: expect.stringContaining('结对支部：第一支部') })
    // Another year has nothing of this one's.
    expect((await as(USERS.secretary1).ok('pairing', { action: 'summary', year: year - 1 })).rows).toEqual([])
  })

  it('the street sees its communities’ rows, the district all; others are refused', async () => {
    const street = await as(USERS.streetB).ok('pairing', { action: 'summary' })
    expect(street).toMatchObject({ filedBy: '乙街道' })
    expect(street.rows.map((r) => r.communityName)).toEqual(['古荡社区'])
    const ofUnit = await as(USERS.streetB).ok('pairing', { action: 'summary', unitId: UNITS.u1._id })
    expect(ofUnit.rows.map((r) => r.communityName)).toEqual(['古荡社区'])
    const district = await as(USERS.district).ok('pairing', { action: 'summary' })
    expect(district.filedBy).toBe('测试区')
    expect(district.rows.map((r) => `${r.partyOrgName}-${r.communityName}`).sort()).toEqual(['区教育局-古荡社区', '区教育局-曙光社区', '区财政局-桃源社区'].sort())
    expect((await as(USERS.secretary2).fail('pairing', { action: 'summary', unitId: UNITS.u1._id })).code).toBe('FORBIDDEN')
    for (const openid of [USERS.staffA1, 'm-u1-a1']) expect((await as(openid).fail('pairing', { action: 'summary' })).code).toBe('FORBIDDEN')
    expect((await as(USERS.district).fail('pairing', { action: 'summary', year: 1999 })).code).toBe('VALIDATION_FAILED')
  })
})
