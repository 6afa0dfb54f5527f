import { roleAllows } from '../../src/domain/permissions'
import type { Role } from '../../src/domain/roles'
import { FUNCTIONS } from '../../server/functions'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, DISTRICT, seedCity, STREETS, UNITS, USERS } from './support/fixture'

// Every function checks the caller's role (the kernel, from the action's
// permission) AND scope against the record's own scope, read from the database
// (the handler). A record asked for by id that is not the caller's is
// NOT_FOUND, exactly like one that does not exist; everything else is FORBIDDEN; and mobiles are shown in full only to the
// member, their unit's secretary and liaison, and the community where they reported.

let h: Harness
let token: string
let reportId: string
const MEMBER = 'm-self'
const OTHER_MEMBER = 'm-other'
const MOBILE = '13812345678'

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: MEMBER, unit: 'u1', community: 'a1', name: '杨帆', mobile: MOBILE })
      await addMember(db, { id: OTHER_MEMBER, unit: 'u1', community: 'a1', name: '许诺', mobile: '13812340000' })
    },
  })
  token = (await h.asUser(USERS.secretary1).ok('card', { action: 'issue', memberId: MEMBER })).token!
  reportId = (await h.asUser(USERS.staffA1).ok('report', { action: 'confirm', communityId: COMMUNITIES.a1._id, card: { token } })).reportId
})
afterAll(() => h.close())

type Who = 'member' | 'otherMember' | 'staffHere' | 'staffElsewhere' | 'staffOtherStreet' | 'secretary' | 'liaison' | 'secretaryOther' | 'liaisonOther' | 'resident' | 'streetAdmin' | 'districtAdmin' | 'volunteerCentre'
const OPENID: Record<Who, string> = {
  member: MEMBER,
  otherMember: OTHER_MEMBER,
  staffHere: USERS.staffA1,
  staffElsewhere: USERS.staffA2,
  staffOtherStreet: USERS.staffB1,
  secretary: USERS.secretary1,
  liaison: USERS.liaison1,
  secretaryOther: USERS.secretary2,
  liaisonOther: USERS.liaison2,
  resident: USERS.residentA1,
  streetAdmin: USERS.streetA,
  districtAdmin: USERS.district,
  volunteerCentre: USERS.volunteerCentre,
}
const EVERYONE = Object.keys(OPENID) as Who[]
const ROLE: Record<Who, Role> = {
  member: 'member',
  otherMember: 'member',
  staffHere: 'staff',
  staffElsewhere: 'staff',
  staffOtherStreet: 'staff',
  secretary: 'secretary',
  liaison: 'liaison',
  secretaryOther: 'secretary',
  liaisonOther: 'liaison',
  resident: 'resident',
  streetAdmin: 'streetAdmin',
  districtAdmin: 'districtAdmin',
  volunteerCentre: 'volunteerCentre',
}

/** [label, function, input, who may, whether the record is named by id (strangers with the right role get NOT_FOUND)] */
const CASES: Array<[string, string, () => { action: string }, Who[], ('by id' | undefined)?]> = [
  ['roster list', 'roster', () => ({ action: 'list', unitId: UNITS.u1._id }), ['secretary', 'liaison']],
  ['roster record of the member', 'roster', () => ({ action: 'get', unitId: UNITS.u1._id, memberId: MEMBER }), ['secretary', 'liaison']],
  ['communities of unit 1’s district', 'roster', () => ({ action: 'communities', unitId: UNITS.u1._id }), ['secretary', 'liaison']],
  [
    'communities in the caller’s own scope',
    'roster',
    () => ({ action: 'communities' }),
    ['staffHere', 'staffElsewhere', 'staffOtherStreet', 'secretary', 'liaison', 'secretaryOther', 'liaisonOther', 'streetAdmin', 'districtAdmin', 'volunteerCentre'],
  ],
  ['unit stats', 'stats', () => ({ action: 'unit', unitId: UNITS.u1._id }), ['secretary', 'liaison']],
  ['street stats of street A', 'stats', () => ({ action: 'district', streetId: STREETS.a }), ['streetAdmin', 'districtAdmin']],
  ['district stats', 'stats', () => ({ action: 'district' }), ['streetAdmin', 'districtAdmin']],
  ['card sheet', 'card', () => ({ action: 'sheet', unitId: UNITS.u1._id }), ['secretary', 'liaison']],
  ['own card', 'card', () => ({ action: 'mine' }), ['member', 'otherMember']],
  ['scan lookup at 曙光社区', 'report', () => ({ action: 'lookup', communityId: COMMUNITIES.a1._id, card: { token } }), ['staffHere']],
  ['confirm at 曙光社区 (already reported)', 'report', () => ({ action: 'confirm', communityId: COMMUNITIES.a1._id, card: { token } }), ['staffHere']],
  ['registration of the member', 'report', () => ({ action: 'registrationGet', memberId: MEMBER }), ['member', 'staffHere'], 'by id'],
  ['receipt', 'report', () => ({ action: 'receipt', reportId }), ['member', 'staffHere', 'secretary', 'liaison'], 'by id'],
  ['posts of 曙光社区', 'posts', () => ({ action: 'list', communityId: COMMUNITIES.a1._id }), ['member', 'otherMember', 'staffHere', 'resident']],
  ['summary of 曙光社区', 'posts', () => ({ action: 'summary', communityId: COMMUNITIES.a1._id }), ['staffHere']],
  ['unit 1’s members against the year’s rule', 'participation', () => ({ action: 'unitMembers', unitId: UNITS.u1._id }), ['secretary', 'liaison']],
  ['unit 1’s activities', 'participation', () => ({ action: 'unitActivities', unitId: UNITS.u1._id }), ['secretary', 'liaison']],
  ['附件2 of 曙光社区', 'participation', () => ({ action: 'register', communityId: COMMUNITIES.a1._id }), ['staffHere']],
  ['the 志愿专业服务 items', 'participation', () => ({ action: 'volunteerItems' }), ['volunteerCentre']],
  ['the members who chose 健康服务', 'participation', () => ({ action: 'volunteers', item: '健康服务' }), ['volunteerCentre']],
]

function permissionOf(fn: string, action: string) {
  const handler = FUNCTIONS.get(fn)!.actions[action]!
  if (handler.permission === 'public') throw new Error(`${fn}.${action} is public`)
  return handler.permission
}

describe.each(CASES)('%s', (_label, fn, input, allowed, byId) => {
  it.each(EVERYONE)('%s', async (who) => {
    const result = await expectNothingWritten(h.db, () => h.asUser(OPENID[who]).rawCall(fn, input()))
    const roleMay = roleAllows([{ role: ROLE[who], scope: {} }], permissionOf(fn, input().action))
    if (allowed.includes(who)) expect(result).toMatchObject({ ok: true })
    else expect(result).toMatchObject({ ok: false, code: byId && roleMay ? 'NOT_FOUND' : 'FORBIDDEN' })
  })
})

it('answers a stranger asking for a record by id exactly as if it did not exist', async () => {
  const stranger = await h.asUser(USERS.secretary2).fail('report', { action: 'receipt', reportId })
  const missing = await h.asUser(USERS.secretary2).fail('report', { action: 'receipt', reportId: 'report-that-never-was' })
  expect(stranger).toEqual(missing)
  expect(stranger).toMatchObject({ code: 'NOT_FOUND', message: '报到记录不存在' })
})

it('a street admin sees their own street only; the district admin sees every unit', async () => {
  expect((await h.asUser(USERS.streetA).fail('stats', { action: 'district', streetId: STREETS.b })).code).toBe('FORBIDDEN')
  expect((await h.asUser(USERS.streetA).ok('stats', { action: 'district' })).scopeName).toBe('甲街道')
  const district = await h.asUser(USERS.district).ok('stats', { action: 'district' })
  expect(district.scopeName).toBe('测试区')
  expect(district.rows.map((r) => r.unitId).sort()).toEqual([UNITS.u1._id, UNITS.u2._id])
  void DISTRICT
})

it('a user the system does not know is refused before anything runs', async () => {
  await h.db.collection('users').doc('user-ghost').set({ data: { openid: 'ghost', name: 'ghost', grants: [] } })
  const ghost = h.asUser('ghost')
  expect((await ghost.fail('roster', { action: 'list', unitId: UNITS.u1._id })).code).toBe('FORBIDDEN')
  expect((await ghost.fail('stats', { action: 'district' })).code).toBe('FORBIDDEN')
})

describe('mobile masking', () => {
  it('the unit (secretary, liaison) sees it in the roster', async () => {
    for (const who of ['secretary', 'liaison'] as const) {
      const rows = (await h.asUser(OPENID[who]).ok('roster', { action: 'list', unitId: UNITS.u1._id })).rows
      expect(rows.find((r) => r.memberId === MEMBER)!.mobile).toBe(MOBILE)
    }
  })

  it('the member sees their own on the form', async () => {
    expect((await h.asUser(MEMBER).ok('report', { action: 'registrationGet' })).form.mobile).toBe(MOBILE)
  })

  it('the community where they reported sees it; another community scanning the card does not', async () => {
    expect((await h.asUser(USERS.staffA1).ok('report', { action: 'lookup', communityId: COMMUNITIES.a1._id, card: { token } })).mobile).toBe(MOBILE)
    expect((await h.asUser(USERS.staffA1).ok('report', { action: 'registrationGet', memberId: MEMBER })).form.mobile).toBe(MOBILE)
    const elsewhere = await h.asUser(USERS.staffB1).ok('report', { action: 'lookup', communityId: COMMUNITIES.b1._id, card: { token } })
    expect(elsewhere).toMatchObject({ mobile: '138****5678', livesHere: false, report: { communityName: '曙光社区' } })
  })

  it('the residence community, before the member has reported there, does not', async () => {
    const otherToken = (await h.asUser(USERS.secretary1).ok('card', { action: 'issue', memberId: OTHER_MEMBER })).token!
    const seen = await h.asUser(USERS.staffA1).ok('report', { action: 'lookup', communityId: COMMUNITIES.a1._id, card: { token: otherToken } })
    expect(seen.mobile).toBe('138****0000')
  })
})
