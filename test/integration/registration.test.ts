import type { Registration } from '../../src/domain/contracts/report.contract'
import type { MemberDoc, RegistrationDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, postId, seedCity, UNITS, USERS } from './support/fixture'
import { rosterRecord, rosterXlsx } from './support/roster-files'

// 附件1 registration: at least two claims from the community's own live
// catalog (个人自选 as free text), by the member or that community's staff.

let h: Harness
beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: 'm-a', unit: 'u1', community: 'a1', name: '林峰', mobile: '13500000001' })
      await addMember(db, { id: 'm-b', unit: 'u1', community: 'a1', name: '何静', mobile: '13500000002' })
      await addMember(db, { id: 'm-c', unit: 'u2', community: 'b1', name: '罗军', mobile: '13500000003' })
    },
  })
  const card = await h.asUser(USERS.secretary1).ok('card', { action: 'issue', memberId: 'm-a' })
  await h.asUser(USERS.staffA1).ok('report', { action: 'confirm', communityId: COMMUNITIES.a1._id, card: { token: card.token! } })
})
afterAll(() => h.close())

const form = (claims: Registration['claims'], overrides: Partial<Registration> = {}): Registration => ({
  gender: '男',
  birthMonth: '1980-05',
  joinPartyMonth: '2003-07',
  education: '大学本科',
  hobbies: '',
  officePhone: '',
  mobile: '13500000001',
  qq: '',
  address: '曙光新村1幢',
  jobTitle: '',
  willingLiaison: false,
  claims,
  ...overrides,
})
const two = [{ postId: postId('a1', 'convenience', 2) }, { postId: postId('a1', 'pairing', 1) }]

it('the member fills it themself; staff of the community where they reported may too', async () => {
  const mine = await h.asUser('m-a').ok('report', { action: 'registrationSave', form: form(two, { qq: '12345678' }) })
  expect(mine.form).toMatchObject({ qq: '12345678', claims: two })
  const byStaff = await h.asUser(USERS.staffA1).ok('report', { action: 'registrationSave', memberId: 'm-a', form: form(two, { address: '曙光新村2幢' }) })
  expect(byStaff.form.address).toBe('曙光新村2幢')
  const stored = await scanAll<RegistrationDoc>(h.db, 'registrations', { memberId: 'm-a' })
  expect(stored).toHaveLength(1)
  expect(stored[0]).toMatchObject({ communityId: COMMUNITIES.a1._id, claimCount: 2, savedBy: 'user-staff-a1' })
  expect(stored[0]!.claims.map((c) => ('postId' in c ? c.postName : c.custom))).toEqual(['水电维修', '助老'])
})

it('fewer than two claims: TOO_FEW_CLAIMS, nothing written', async () => {
  const member = h.asUser('m-a')
  await expectNothingWritten(h.db, async () => {
    for (const claims of [[], [two[0]], [two[0], two[0]], [{ custom: '义诊' }, { custom: ' 义诊 ' }]]) {
      const failure = await member.fail('report', { action: 'registrationSave', form: form(claims, { mobile: '13500000099' }) })
      expect(failure).toMatchObject({ code: 'TOO_FEW_CLAIMS' })
      expect(failure.message).toContain('至少认领2个')
    }
  })
})

it('retired posts and other communities\' posts cannot be claimed', async () => {
  const staff = h.asUser(USERS.staffA1)
  await staff.ok('posts', { action: 'retire', postId: postId('a1', 'culture', 1) })
  await expectNothingWritten(h.db, async () => {
    const retired = await h.asUser('m-a').fail('report', { action: 'registrationSave', form: form([two[0], { postId: postId('a1', 'culture', 1) }]) })
    expect(retired).toMatchObject({ code: 'CLAIM_NOT_AVAILABLE' })
    expect(retired.message).toContain('书画类')
    const foreign = await h.asUser('m-a').fail('report', { action: 'registrationSave', form: form([two[0], { postId: postId('b1', 'culture', 2) }]) })
    expect(foreign.code).toBe('CLAIM_NOT_AVAILABLE')
    expect((await h.asUser('m-a').fail('report', { action: 'registrationSave', form: form([two[0], { postId: 'post-nope' }]) })).code).toBe('CLAIM_NOT_AVAILABLE')
  })
  const view = await h.asUser('m-a').ok('report', { action: 'registrationGet' })
  expect(view.catalog.flatMap((c) => c.posts.map((p) => p.postId))).not.toContain(postId('a1', 'culture', 1))
  expect(view.catalog.at(-1)).toMatchObject({ categoryName: '个人自选项目', kind: 'custom', posts: [] })
})

it('bad dates and a mobile used by a colleague are refused, nothing written', async () => {
  await expectNothingWritten(h.db, async () => {
    const future = await h.asUser('m-a').fail('report', { action: 'registrationSave', form: form(two, { birthMonth: '2099-01' }) })
    expect(future.code).toBe('VALIDATION_FAILED')
    expect(future.message).toContain('出生年月不能晚于当前月份')
    const taken = await h.asUser('m-a').fail('report', { action: 'registrationSave', form: form(two, { mobile: '13500000002' }) })
    expect(taken.code).toBe('MOBILE_TAKEN')
    expect((await h.asUser('m-a').fail('report', { action: 'registrationSave', form: form(two, { mobile: '110' }) })).code).toBe('VALIDATION_FAILED')
  })
})

it('a new mobile on the form updates the roster; the old number still finds the member on re-import', async () => {
  await h.asUser('m-a').ok('report', { action: 'registrationSave', form: form(two, { mobile: '13500000011', jobTitle: '主任' }) })
  const member = (await scanAll<MemberDoc & { formerMobiles?: string[] }>(h.db, 'members', { _id: 'm-a' }))[0]!
  expect(member).toMatchObject({ mobile: '13500000011', jobTitle: '主任', formerMobiles: ['13500000001'] })
  // The unit re-imports its older spreadsheet: 林峰 is updated, not duplicated, and keeps his new number.
  const file = await rosterXlsx([rosterRecord({ 姓名: '林峰', 手机: '13500000001', 性别: '男', 工作职务: '主任' })])
  const secretary = h.asUser(USERS.secretary1)
  const fileID = await secretary.uploaded('spreadsheet', 'old.xlsx', file)
  const result = await secretary.ok('roster', { action: 'import', unitId: UNITS.u1._id, fileID, mode: 'commit' })
  expect(result).toMatchObject({ created: 0, updated: 1 })
  const after = await scanAll<MemberDoc>(h.db, 'members', { unitId: UNITS.u1._id, name: '林峰' })
  expect(after.map((m) => [m._id, m.mobile])).toEqual([['m-a', '13500000011']])
})

it('who may read or fill whose form', async () => {
  // Staff of another community and other members: no such member, as far as they learn. Residents, admins: no permission at all.
  const refusals: Array<[string, string]> = [
    [USERS.staffB1, 'NOT_FOUND'],
    [USERS.staffA2, 'NOT_FOUND'],
    ['m-b', 'NOT_FOUND'],
    [USERS.residentA1, 'FORBIDDEN'],
    [USERS.streetA, 'FORBIDDEN'],
    [USERS.district, 'FORBIDDEN'],
  ]
  for (const [openid, code] of refusals) {
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser(openid).fail('report', { action: 'registrationGet', memberId: 'm-a' })).code).toBe(code)
      expect((await h.asUser(openid).fail('report', { action: 'registrationSave', memberId: 'm-a', form: form(two) })).code).toBe(code)
    })
  }
  // The unit's secretary keeps the roster but does not fill 附件1.
  expect((await h.asUser(USERS.secretary1).fail('report', { action: 'registrationGet', memberId: 'm-a' })).code).toBe('FORBIDDEN')
  // Before reporting, the form belongs to the residence community.
  const unreported = await h.asUser(USERS.staffB1).ok('report', { action: 'registrationGet', memberId: 'm-c' })
  expect(unreported).toMatchObject({ communityId: COMMUNITIES.b1._id, reported: false, form: { mobile: '135****0003' } })
  // A staff caller must name the member.
  expect((await h.asUser(USERS.staffA1).fail('report', { action: 'registrationGet' })).code).toBe('FORBIDDEN')
})
