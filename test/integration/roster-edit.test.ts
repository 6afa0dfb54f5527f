import type { MemberFields } from '../../src/domain/member'
import type { CommunityChoice } from '../../src/domain/contracts/roster.contract'
import type { MemberDoc, ReportDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import type { Database } from '../../server/kernel/database'
import { openHarness, type Harness } from './support/bridge-client'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, DISTRICT, seedCity, STREETS, UNITS, USERS } from './support/fixture'

// What the roster's add/edit form and rows need: the communities a residence
// is chosen from (per role, whole at any size), one member's full record to
// edit (the unit only), and each row's report id to open its receipt.

const OTHER_DISTRICT = 'district-other'
const BIG_DISTRICT = 'district-big'
const BIG_STREETS = 120
const PER_STREET = 9
const SECRETARY_BIG = 'secretary-big'
const SECRETARY_BOTH = 'secretary-both'
const MEMBER = 'm-edit'
const MOBILE = '13900000001'

async function put(db: Database, collection: string, docs: Array<{ _id: string } & Record<string, unknown>>) {
  for (const { _id, ...data } of docs) await db.collection(collection).doc(_id).set({ data })
}

async function seed(db: Database): Promise<void> {
  await seedCity(db)
  // Another district next door: never offered to the fixture's units.
  await put(db, 'districts', [{ _id: OTHER_DISTRICT, name: '邻区' }, { _id: BIG_DISTRICT, name: '大区' }])
  await put(db, 'streets', [{ _id: 'street-other', name: '丙街道', districtId: OTHER_DISTRICT }])
  await put(db, 'communities', [{ _id: 'community-other', name: '邻区社区', streetId: 'street-other', districtId: OTHER_DISTRICT }])
  // A district larger than a page of streets (100 ids per name lookup) and of communities (1000 per read).
  const streets = Array.from({ length: BIG_STREETS }, (_, s) => ({ _id: `big-street-${String(s).padStart(3, '0')}`, name: `大${s}街道`, districtId: BIG_DISTRICT }))
  await put(db, 'streets', streets)
  await put(
    db,
    'communities',
    streets.flatMap((street, s) => Array.from({ length: PER_STREET }, (_, c) => ({ _id: `big-community-${s}-${c}`, name: `大${s}-${c}社区`, streetId: street._id, districtId: BIG_DISTRICT }))),
  )
  await put(db, 'units', [{ _id: 'unit-big', name: '大区机关', districtId: BIG_DISTRICT }])
  await put(db, 'users', [
    { _id: 'user-big', openid: SECRETARY_BIG, name: SECRETARY_BIG, grants: [{ role: 'secretary', scope: { unitId: 'unit-big', districtId: BIG_DISTRICT } }] },
    {
      _id: 'user-both',
      openid: SECRETARY_BOTH,
      name: SECRETARY_BOTH,
      grants: [
        { role: 'secretary', scope: { unitId: UNITS.u1._id, districtId: DISTRICT } },
        { role: 'secretary', scope: { unitId: UNITS.u2._id, districtId: DISTRICT } },
      ],
    },
  ])
  await addMember(db, { id: MEMBER, unit: 'u1', community: 'a2', name: '林木', mobile: MOBILE, joinedUnitAt: new Date('2025-06-30T16:00:00Z') })
}

let h: Harness
beforeAll(async () => {
  h = await openHarness({ seed })
})
afterAll(() => h.close())

const label = (c: CommunityChoice) => `${c.streetName} · ${c.name}`
const WHOLE_DISTRICT = ['甲街道 · 曙光社区', '甲街道 · 桃源社区', '乙街道 · 古荡社区']

describe('communities to choose a residence from', () => {
  const communities = (openid: string, unitId?: string) => h.asUser(openid).ok('roster', { action: 'communities', ...(unitId ? { unitId } : {}) })

  it('a unit’s secretary and liaison: every community of the unit’s district, with its street, by street', async () => {
    for (const openid of [USERS.secretary1, USERS.liaison1]) {
      const list = await expectNothingWritten(h.db, () => communities(openid, UNITS.u1._id))
      expect(list.map(label)).toEqual(WHOLE_DISTRICT)
      expect(list[0]).toEqual({ communityId: COMMUNITIES.a1._id, name: '曙光社区', streetName: '甲街道' })
      // Without a unit: the same, read from their grant.
      expect((await communities(openid)).map(label)).toEqual(WHOLE_DISTRICT)
    }
    expect((await communities(USERS.liaison2, UNITS.u2._id)).map(label)).toEqual(WHOLE_DISTRICT)
  })

  it('staff, street and district admins: their own scope', async () => {
    expect((await communities(USERS.staffA1)).map(label)).toEqual(['甲街道 · 曙光社区'])
    expect((await communities(USERS.staffB1)).map(label)).toEqual(['乙街道 · 古荡社区'])
    expect((await communities(USERS.streetA)).map(label)).toEqual(['甲街道 · 曙光社区', '甲街道 · 桃源社区'])
    expect((await communities(USERS.streetB)).map(label)).toEqual(['乙街道 · 古荡社区'])
    expect((await communities(USERS.district)).map(label)).toEqual(WHOLE_DISTRICT)
  })

  it('another unit’s secretary or liaison, and anyone naming a unit not theirs, is FORBIDDEN', async () => {
    await expectNothingWritten(h.db, async () => {
      for (const openid of [USERS.secretary2, USERS.liaison2, USERS.staffA1, USERS.streetA, USERS.district, USERS.residentA1, MEMBER]) {
        expect([openid, (await h.asUser(openid).fail('roster', { action: 'communities', unitId: UNITS.u1._id })).code]).toEqual([openid, 'FORBIDDEN'])
      }
    })
  })

  it('members and residents have no scope to choose from', async () => {
    for (const openid of [MEMBER, USERS.residentA1]) {
      expect((await h.asUser(openid).fail('roster', { action: 'communities' })).code).toBe('FORBIDDEN')
    }
    expect((await h.asUser(USERS.secretary1).fail('roster', { action: 'communities', unitId: 'unit-nowhere' })).code).toBe('NOT_FOUND')
  })

  it('a district of 120 streets and 1,080 communities arrives whole, every street named', async () => {
    const list = await communities(SECRETARY_BIG, 'unit-big')
    expect(list).toHaveLength(BIG_STREETS * PER_STREET)
    expect(new Set(list.map((c) => c.communityId)).size).toBe(BIG_STREETS * PER_STREET)
    expect(list.every((c) => c.communityId.startsWith('big-community-') && /^大\d+街道$/.test(c.streetName))).toBe(true)
    expect(new Set(list.map((c) => c.streetName)).size).toBe(BIG_STREETS)
  })
})

describe('one member’s full record, to edit', () => {
  const get = (openid: string, unitId: string, memberId = MEMBER) => h.asUser(openid).call('roster', { action: 'get', unitId, memberId })

  it('the unit’s secretary and liaison read every roster field, the mobile unmasked', async () => {
    for (const openid of [USERS.secretary1, USERS.liaison1]) {
      const result = await expectNothingWritten(h.db, () => get(openid, UNITS.u1._id))
      expect(result).toEqual({
        ok: true,
        data: {
          memberId: MEMBER,
          name: '林木',
          gender: '男',
          birthMonth: '1985-07',
          joinPartyMonth: '2008-06',
          education: '大学本科',
          specialty: '',
          officePhone: '0571-87654321',
          mobile: MOBILE,
          communityId: COMMUNITIES.a2._id,
          communityName: '桃源社区',
          jobTitle: '科员',
          joinedUnitAt: '2025-06-30T16:00:00.000Z',
          branchName: '',
        },
      })
    }
  })

  it('another unit’s secretary finds no such member through their own unit, and is FORBIDDEN the member’s unit', async () => {
    await expectNothingWritten(h.db, async () => {
      const missing = await get(USERS.secretary2, UNITS.u2._id)
      expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '党员不存在' })
      expect(await get(USERS.liaison2, UNITS.u2._id)).toEqual(missing)
      expect(await get(USERS.secretary2, UNITS.u1._id)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    })
  })

  it('the member, a resident, staff and the organisation departments are FORBIDDEN', async () => {
    for (const openid of [MEMBER, USERS.residentA1, USERS.staffA2, USERS.staffA1, USERS.streetA, USERS.district]) {
      expect([openid, await get(openid, UNITS.u1._id)]).toMatchObject([openid, { ok: false, code: 'FORBIDDEN' }])
    }
  })

  it('a member of neither the unit asked nor anywhere is NOT_FOUND', async () => {
    expect(await get(SECRETARY_BOTH, UNITS.u2._id)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '该党员不在本单位名册中' })
    expect(await get(USERS.secretary1, UNITS.u1._id, 'm-nobody')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('saving the record as read changes no field; a record saved with every field reads back whole', async () => {
    const secretary = h.asUser(USERS.secretary1)
    const record = await secretary.ok('roster', { action: 'get', unitId: UNITS.u1._id, memberId: MEMBER })
    const before = (await scanAll<MemberDoc>(h.db, 'members', { _id: MEMBER }))[0]!
    const { memberId, communityName: _name, joinedUnitAt: _joined, ...fields } = record
    await secretary.ok('roster', { action: 'save', unitId: UNITS.u1._id, memberId, fields })
    const after = (await scanAll<MemberDoc>(h.db, 'members', { _id: MEMBER }))[0]!
    expect({ ...after, updatedAt: undefined }).toEqual({ ...before, updatedAt: undefined })

    const full: MemberFields = { name: '秦岭', gender: '女', birthMonth: '1990-03', joinPartyMonth: '2012-07', education: '硕士研究生', specialty: '书法', officePhone: '0571-87650002', mobile: '13900000002', communityId: COMMUNITIES.b1._id, jobTitle: '副科长' }
    const added = await secretary.ok('roster', { action: 'save', unitId: UNITS.u1._id, fields: full, joinedUnitAt: '2026-01-05T00:00:00Z' })
    expect(await secretary.ok('roster', { action: 'get', unitId: UNITS.u1._id, memberId: added.memberId })).toEqual({
      ...full,
      memberId: added.memberId,
      communityName: '古荡社区',
      joinedUnitAt: '2026-01-05T00:00:00.000Z',
      branchName: '',
    })
  })
})

describe('joinedUnitAt', () => {
  it('is a date or nothing: true, null, an array or a number are refused and nothing is written', async () => {
    const secretary = h.asUser(USERS.secretary1)
    const { memberId, communityName: _name, joinedUnitAt: _joined, ...fields } = await secretary.ok('roster', { action: 'get', unitId: UNITS.u1._id, memberId: MEMBER })
    await expectNothingWritten(h.db, async () => {
      for (const joinedUnitAt of [true, null, [], 0, '1', '2026-02-30']) {
        const failure = await secretary.rawFail('roster', { action: 'save', unitId: UNITS.u1._id, memberId, fields, joinedUnitAt })
        expect([JSON.stringify(joinedUnitAt), failure.code, failure.message]).toEqual([JSON.stringify(joinedUnitAt), 'VALIDATION_FAILED', '填写的内容有误：加入本单位日期：应为日期，如 2026-01-05'])
      }
    })
    await secretary.ok('roster', { action: 'save', unitId: UNITS.u1._id, memberId, fields, joinedUnitAt: '2025-07-01' })
    expect((await scanAll<MemberDoc>(h.db, 'members', { _id: MEMBER }))[0]!.joinedUnitAt).toEqual(new Date('2025-07-01T00:00:00Z'))
  })
})

describe('the report id on roster rows', () => {
  it('a reported member’s row carries the report id that opens the receipt; others null', async () => {
    const card = await h.asUser(USERS.secretary1).ok('card', { action: 'issue', memberId: MEMBER })
    const confirmed = await h.asUser(USERS.staffA2).ok('report', { action: 'confirm', communityId: COMMUNITIES.a2._id, card: { token: card.token! } })
    const list = await h.asUser(USERS.liaison1).ok('roster', { action: 'list', unitId: UNITS.u1._id, pageSize: 100 })
    const row = list.rows.find((r) => r.memberId === MEMBER)!
    expect(row).toMatchObject({ reportId: confirmed.reportId, reportedCommunityName: '桃源社区' })
    expect(list.rows.filter((r) => r.memberId !== MEMBER).every((r) => r.reportId === null)).toBe(true)
    const receipt = await h.asUser(USERS.secretary1).ok('report', { action: 'receipt', reportId: row.reportId! })
    expect(receipt).toMatchObject({ reportId: confirmed.reportId, memberName: '林木', communityName: '桃源社区' })
    // The row a save returns carries it too.
    const { memberId, communityName: _name, joinedUnitAt: _joined, ...fields } = await h.asUser(USERS.secretary1).ok('roster', { action: 'get', unitId: UNITS.u1._id, memberId: MEMBER })
    expect((await h.asUser(USERS.secretary1).ok('roster', { action: 'save', unitId: UNITS.u1._id, memberId, fields })).reportId).toBe(confirmed.reportId)
  })

  it('a page’s report ids are read in one batch, not a query per row', async () => {
    const now = new Date('2026-03-01T02:00:00Z')
    for (let i = 0; i < 30; i++) {
      const id = `m-batch-${String(i).padStart(2, '0')}`
      await addMember(h.db, { id, unit: 'u2', community: 'b1', name: `批量${String(i).padStart(2, '0')}`, mobile: `1390000${String(1000 + i)}` })
      if (i % 3 === 0) continue
      const report: Omit<ReportDoc, '_id'> = {
        memberId: id,
        unitId: UNITS.u2._id,
        communityId: COMMUNITIES.b1._id,
        streetId: STREETS.b,
        districtId: DISTRICT,
        reportedAt: now,
        receivedBy: `user-${USERS.staffB1}`,
        cardNo: '',
        status: 'active',
      }
      await h.db.collection('reports').doc(`report-batch-${i}`).set({ data: report })
    }
    const secretary = h.asUser(USERS.secretary2)
    await secretary.ok('bootstrap', { action: 'get' }) // signed in before counting
    const reportReads = async (pageSize: number) => {
      const { result, requests } = await recordDbRequests(() => secretary.ok('roster', { action: 'list', unitId: UNITS.u2._id, pageSize }))
      return { rows: result.rows, reads: requests.filter((r) => r.collection === 'reports').length }
    }
    const small = await reportReads(2)
    const large = await reportReads(30)
    expect(large.rows).toHaveLength(30)
    expect(small.reads).toBeGreaterThan(0)
    expect(large.reads).toBe(small.reads)
    for (const row of large.rows) {
      const i = Number(row.memberId.slice('m-batch-'.length))
      expect([row.memberId, row.reportId]).toEqual([row.memberId, i % 3 === 0 ? null : `report-batch-${i}`])
    }
  })
})
