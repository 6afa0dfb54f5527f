import type { CardRef } from '../../src/domain/contracts/card-ref'
import type { CardView } from '../../src/domain/contracts/card.contract'
import type { MemberDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import type { AuditDoc } from '../../server/audit/audit-log'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, seedCity, USERS } from './support/fixture'

// A typed 联系证号 opens no more than a scanned card. Numbers are a counter
// plus a check digit, so they can be guessed: the desk must also give the
// member's surname or mobile tail, learns nothing before that, is locked out
// after 5 failures in 15 minutes, and every failure is in the audit log.

let h: Harness
const cards = new Map<string, CardView>()

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      // Two staff users at 曙光社区 (a1); the fixture has one.
      await db.collection('users').doc('user-staff-a1-b').set({
        data: { openid: 'staff-a1-b', name: 'staff-a1-b', grants: [{ role: 'staff', scope: { communityId: COMMUNITIES.a1._id, streetId: 'street-a', districtId: 'district-t' } }] },
      })
      await addMember(db, { id: 'm-here', unit: 'u1', community: 'a1', name: '周杰', mobile: '13700000001' })
      await addMember(db, { id: 'm-away', unit: 'u2', community: 'b1', name: '欧阳娜娜', mobile: '13700004321' })
      await addMember(db, { id: 'm-lock', unit: 'u1', community: 'a1', name: '吴敏', mobile: '13700000002' })
    },
  })
  for (const [id, unit] of [['m-here', USERS.secretary1], ['m-away', USERS.secretary2], ['m-lock', USERS.secretary1]] as const) {
    cards.set(id, await h.asUser(unit).ok('card', { action: 'issue', memberId: id }))
  }
})
afterAll(() => h.close())

const typed = (memberId: string, proof: string): CardRef => ({ cardNo: cards.get(memberId)!.cardNo, proof })
// A typed number without its proof: input the contract does not allow.
const bare = (memberId: string) => ({ cardNo: cards.get(memberId)!.cardNo })
const lookup = (card: CardRef, communityId: string = COMMUNITIES.a1._id) => ({ action: 'lookup' as const, communityId, card })
const auditsOf = async (openid: string) =>
  (await scanAll<AuditDoc>(h.db, 'audit', { action: 'checkin.proofFailed', 'actor.openid': openid })).sort((a, b) => a.at.getTime() - b.at.getTime())

it('a typed number alone shows nothing and moves nobody', async () => {
  const staff = h.asUser(USERS.staffA1)
  await expectNothingWritten(h.db, async () => {
    const seen = await staff.rawFail('report', { action: 'lookup', communityId: COMMUNITIES.a1._id, card: bare('m-away') })
    expect(seen).toMatchObject({ code: 'CARD_PROOF_REQUIRED', message: '请填写党员的姓氏或手机号后4位' })
    expect(JSON.stringify(seen)).not.toContain('欧阳')
    const moved = await staff.rawFail('report', { action: 'confirm', communityId: COMMUNITIES.a1._id, card: bare('m-away'), recordMove: true })
    expect(moved.code).toBe('CARD_PROOF_REQUIRED')
  })
  expect((await scanAll<MemberDoc>(h.db, 'members', { _id: 'm-away' }))[0]!.communityId).toBe(COMMUNITIES.b1._id)
})

it('a wrong proof, or a number that does not exist, answers the same and reveals no one', async () => {
  const staff = h.asUser('staff-a1-b')
  const wrong = await staff.fail('report', lookup(typed('m-away', '王')))
  const unknown = await staff.fail('report', lookup({ cardNo: '99999997', proof: '王' }))
  for (const failure of [wrong, unknown]) {
    expect(failure).toMatchObject({ code: 'CARD_PROOF_MISMATCH', message: '联系证号与党员姓氏或手机号后4位不符，请核对后重新输入' })
    expect(failure.details).toBeUndefined()
  }
  expect(JSON.stringify(wrong)).not.toMatch(/欧阳|古荡|区财政局/)
  // A move from a typed number with a wrong proof is refused too.
  const moved = await staff.fail('report', { action: 'confirm', communityId: COMMUNITIES.a1._id, card: typed('m-away', '1234'), recordMove: true })
  expect(moved.code).toBe('CARD_PROOF_MISMATCH')
  expect((await scanAll<MemberDoc>(h.db, 'members', { _id: 'm-away' }))[0]!.communityId).toBe(COMMUNITIES.b1._id)
})

it('the surname (复姓 too), the full name or the mobile tail proves the member; then a move may be recorded', async () => {
  const staff = h.asUser(USERS.staffA2)
  for (const proof of ['欧阳', '欧阳娜娜', '4321', ' 4321 ']) {
    expect((await staff.ok('report', lookup(typed('m-away', proof), COMMUNITIES.a2._id))).name).toBe('欧阳娜娜')
  }
  const moved = await staff.ok('report', { action: 'confirm', communityId: COMMUNITIES.a2._id, card: typed('m-away', '4321'), recordMove: true })
  expect(moved).toMatchObject({ alreadyReported: false, movedFrom: null, communityName: '桃源社区' })
  expect((await scanAll<MemberDoc>(h.db, 'members', { _id: 'm-away' }))[0]!.communityId).toBe(COMMUNITIES.a2._id)
})

it('5 failures in 15 minutes lock that staff user at that community, even for a right proof, and each is audited', async () => {
  const staff = h.asUser(USERS.staffA1)
  const before = (await auditsOf(USERS.staffA1)).length
  const codes: string[] = []
  for (let i = 0; i < 5; i++) codes.push((await staff.fail('report', lookup(typed('m-lock', `${1000 + i}`)))).code)
  expect(codes).toEqual(['CARD_PROOF_MISMATCH', 'CARD_PROOF_MISMATCH', 'CARD_PROOF_MISMATCH', 'CARD_PROOF_MISMATCH', 'TOO_MANY_ATTEMPTS'])

  const locked = await staff.fail('report', lookup(typed('m-lock', '吴')))
  expect(locked).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: '核对失败次数过多，请15分钟后再试' })
  // A scanned card still works: the lock is on guessing, not on the desk's work.
  expect((await staff.ok('report', lookup({ token: cards.get('m-lock')!.token! }))).name).toBe('吴敏')
  // Another staff user of the community is not locked.
  expect((await h.asUser('staff-a1-b').ok('report', lookup(typed('m-lock', '吴')))).name).toBe('吴敏')

  const entries = (await auditsOf(USERS.staffA1)).slice(before)
  expect(entries).toHaveLength(5)
  for (const entry of entries) {
    expect(entry).toMatchObject({
      actor: { userId: `user-${USERS.staffA1}`, openid: USERS.staffA1 },
      target: { communityId: COMMUNITIES.a1._id, cardNo: cards.get('m-lock')!.cardNo, memberId: 'm-lock' },
      details: { cardFound: true },
      origin: { source: 'local', ip: '127.0.0.1' },
      at: h.clock.now,
    })
  }
  expect(entries.filter((e) => e.details.locked)).toHaveLength(1)

  // The lock is kept in the database and ends after 15 minutes.
  h.clock.now = new Date(h.clock.now.getTime() + 14 * 60_000)
  expect((await staff.fail('report', lookup(typed('m-lock', '吴')))).code).toBe('TOO_MANY_ATTEMPTS')
  h.clock.now = new Date(h.clock.now.getTime() + 2 * 60_000)
  expect((await staff.ok('report', lookup(typed('m-lock', '吴')))).name).toBe('吴敏')
})

it('a check-digit slip is caught before any lookup and is not counted', async () => {
  const card = cards.get('m-here')!
  const typo = card.cardNo.slice(0, -1) + String((Number(card.cardNo.at(-1)) + 1) % 10)
  await expectNothingWritten(h.db, async () => {
    expect((await h.asUser(USERS.staffA1).fail('report', lookup({ cardNo: typo, proof: '周' }))).code).toBe('CARD_NO_INVALID')
  })
})
