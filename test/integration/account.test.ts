import type { BootstrapData } from '../../src/domain/contracts/bootstrap.contract'
import type { Result } from '../../src/domain/result'
import type { MemberDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { FUNCTIONS } from '../../server/functions'
import { runFunction } from '../../server/kernel/run-function'
import type { AuditDoc } from '../../server/audit/audit-log'
import { LocalPhoneCodes } from '../../local/runtime/phone-codes'
import { openHarness, TEST_CARD_SECRET, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, seedCity, USERS } from './support/fixture'

// A WeChat user the system does not know yet links themself to their member
// record by scanning the 联系证 their unit handed them, and proving they are
// that member: WeChat's verified phone number matching the roster, or a
// one-time 绑定码 from the unit's secretary. WeChat supplies the OPENID, so
// these calls go through runFunction as the cloud entry does; the local
// stand-in plays WeChat's getPhoneNumber.

jest.setTimeout(60_000)

let h: Harness
const phones = new LocalPhoneCodes(() => h.clock.now)
beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: 'm-li', unit: 'u1', community: 'a1', name: '李娜', mobile: '13900000011' })
      await addMember(db, { id: 'm-qian', unit: 'u1', community: 'a1', name: '钱进', mobile: '13900000012' })
    },
  })
})
afterAll(() => h.close())

const asWeChat = <T>(openid: string, fn: string, input: unknown) =>
  runFunction(FUNCTIONS.get(fn)!, input, {
    db: h.db,
    openid,
    env: { cardSecret: TEST_CARD_SECRET },
    openapi: phones,
    origin: { source: 'wx_client', ip: '10.0.0.8' },
    now: () => h.clock.now,
  }) as Promise<Result<T>>

const bind = <T = unknown>(openid: string, token: string, proof?: object) => asWeChat<T>(openid, 'account', { action: 'bindCard', token, ...(proof ? { proof } : {}) })
/** The phone number WeChat verified for this user, as the getPhoneNumber button's code. */
const phone = (openid: string, mobile: string) => ({ phoneCode: phones.issue(openid, mobile) })

async function issue(memberId = 'm-li'): Promise<string> {
  const card = await h.asUser(USERS.secretary1).ok('card', { action: 'issue', memberId })
  return card.token!
}

it('links a new WeChat user whose verified phone is the roster mobile, once', async () => {
  const token = await issue()
  expect(await asWeChat<BootstrapData>('wx-li', 'bootstrap', { action: 'get' })).toMatchObject({ ok: true, data: { known: false } })

  expect(await bind('wx-li', token, phone('wx-li', '13900000011'))).toEqual({ ok: true, data: { memberName: '李娜', bound: true } })
  const me = await asWeChat<BootstrapData>('wx-li', 'bootstrap', { action: 'get' })
  expect(me).toMatchObject({ ok: true, data: { known: true, user: { name: '李娜' }, grants: [{ role: 'member', scope: { memberId: 'm-li' } }] } })
  expect(me.ok && me.data.menu).toContain('card.show')
  const [bound] = await scanAll<AuditDoc>(h.db, 'audit', { action: 'account.bound', 'target.memberId': 'm-li' })
  expect(bound).toMatchObject({ actor: { openid: 'wx-li' }, details: { proof: 'phone' }, origin: { source: 'wx_client', ip: '10.0.0.8' } })

  // Scanning again writes nothing and needs no new proof.
  await expectNothingWritten(h.db, async () => {
    expect(await bind('wx-li', token, phone('wx-li', '13900000011'))).toEqual({ ok: true, data: { memberName: '李娜', bound: false } })
  })
})

it('someone who only saw the QR cannot take the card over: no proof, or another phone number, binds nothing', async () => {
  const token = await issue('m-qian')
  await expectNothingWritten(h.db, async () => {
    expect(await bind(USERS.staffA1, token)).toMatchObject({ ok: false, code: 'BIND_PROOF_REQUIRED' })
    // A code WeChat never issued, or one issued to someone else, proves nothing.
    expect(await bind(USERS.staffA1, token, { phoneCode: 'made-up' })).toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' })
    expect(await bind(USERS.staffA1, token, phone('wx-qian', '13900000012'))).toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' })
  })
  const mismatch = await bind(USERS.staffA1, token, phone(USERS.staffA1, '13811112222'))
  expect(mismatch).toMatchObject({ ok: false, code: 'PHONE_MISMATCH' })
  const member = (await scanAll<MemberDoc>(h.db, 'members', { _id: 'm-qian' }))[0]!
  expect(member.boundUserId ?? null).toBeNull()
  const me = await asWeChat<BootstrapData>(USERS.staffA1, 'bootstrap', { action: 'get' })
  expect(me.ok && me.data.grants.map((g) => g.role)).toEqual(['staff'])
  const [failed] = await scanAll<AuditDoc>(h.db, 'audit', { action: 'account.bindFailed', 'actor.openid': USERS.staffA1 })
  expect(failed).toMatchObject({ target: { memberId: 'm-qian' }, details: { reason: 'PHONE_MISMATCH', phone: '138****2222' } })
})

it('a one-time 绑定码 from the secretary binds once; a wrong, used or expired code does not', async () => {
  const token = await issue('m-qian')
  const issued = await h.asUser(USERS.secretary1).ok('roster', { action: 'bindingCode', unitId: 'unit-1', memberId: 'm-qian' })
  expect(issued).toMatchObject({ memberName: '钱进', code: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/) })
  // Only its keyed hash is stored.
  const stored = (await scanAll<MemberDoc>(h.db, 'members', { _id: 'm-qian' }))[0]!
  expect(JSON.stringify(stored)).not.toContain(issued.code.replace('-', ''))

  const wrong = issued.code.startsWith('2') ? `3${issued.code.slice(1)}` : `2${issued.code.slice(1)}`
  expect(await bind('wx-qian', token, { bindingCode: wrong })).toMatchObject({ ok: false, code: 'BINDING_CODE_INVALID' })
  // Typed as the member reads it from the slip: lower case, with or without the dash.
  expect(await bind('wx-qian', token, { bindingCode: issued.code.toLowerCase() })).toMatchObject({ ok: true, data: { bound: true } })
  expect((await scanAll<MemberDoc>(h.db, 'members', { _id: 'm-qian' }))[0]!.bindingCode).toBeNull()

  // Used: a reissued card frees the member, but the old code stays spent.
  const fresh = await issue('m-qian')
  expect(await bind('wx-other', fresh, { bindingCode: issued.code })).toMatchObject({ ok: false, code: 'BINDING_CODE_INVALID' })
  // Expired after 7 days.
  const later = await h.asUser(USERS.secretary1).ok('roster', { action: 'bindingCode', unitId: 'unit-1', memberId: 'm-qian' })
  h.clock.now = new Date(h.clock.now.getTime() + 8 * 24 * 3600_000)
  expect(await bind('wx-qian-2', fresh, { bindingCode: later.code })).toMatchObject({ ok: false, code: 'BINDING_CODE_INVALID' })
})

it('only the unit\'s secretary makes a 绑定码', async () => {
  for (const openid of [USERS.liaison1, USERS.secretary2, USERS.staffA1, 'm-li']) {
    expect((await h.asUser(openid).fail('roster', { action: 'bindingCode', unitId: 'unit-1', memberId: 'm-li' })).code).toBe('FORBIDDEN')
  }
})

it('5 failed proofs in 15 minutes lock the caller out of binding', async () => {
  const token = await issue('m-qian')
  const codes: string[] = []
  for (let i = 0; i < 6; i++) codes.push(((await bind('wx-guesser', token, { bindingCode: `ABCDEFG${"234567"[i]}` })) as { code: string }).code)
  expect(codes).toEqual(['BINDING_CODE_INVALID', 'BINDING_CODE_INVALID', 'BINDING_CODE_INVALID', 'BINDING_CODE_INVALID', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS'])
  // Even the right phone number waits for the lock to end.
  expect(await bind('wx-guesser', token, phone('wx-guesser', '13900000012'))).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' })
})

it('refuses a card another WeChat user has already bound, and writes nothing', async () => {
  const token = ((await h.asUser('m-li').ok('card', { action: 'mine' }))!).token!
  await expectNothingWritten(h.db, async () => {
    expect(await bind('wx-stranger', token, phone('wx-stranger', '13900000011'))).toMatchObject({ ok: false, code: 'CARD_ALREADY_BOUND' })
  })
})

it('refuses a QR that is not ours, an over-long one (as report does), or a tampered one', async () => {
  expect(await bind('wx-x', 'https://example.com/', { phoneCode: 'x' })).toMatchObject({ ok: false, code: 'CARD_NOT_OURS' })
  expect(await bind('wx-x', 'x'.repeat(600), { phoneCode: 'x' })).toMatchObject({ ok: false, code: 'CARD_NOT_OURS' })
  const token = await issue()
  expect(await bind('wx-x', token.slice(0, -2) + 'AA', { phoneCode: 'x' })).toMatchObject({ ok: false, code: 'CARD_BAD_SIGNATURE' })
})

it('a reissued card takes the link back from whoever held the old one', async () => {
  // The previous test reissued the card: wx-li's link went with the old card.
  const me = await asWeChat<BootstrapData>('wx-li', 'bootstrap', { action: 'get' })
  expect(me).toMatchObject({ ok: true, data: { known: true, grants: [] } })
  const token = (await h.asUser(USERS.secretary1).ok('card', { action: 'sheet', unitId: 'unit-1', memberId: 'm-li' })).rows[0]!.token!
  expect(await bind('wx-new-phone', token, phone('wx-new-phone', '13900000011'))).toMatchObject({ ok: true, data: { bound: true } })
})

it('gives a staff user who is also a member both roles', async () => {
  const token = await issue()
  expect(await bind(USERS.staffA2, token, phone(USERS.staffA2, '13900000011'))).toMatchObject({ ok: true, data: { bound: true } })
  const me = await asWeChat<BootstrapData>(USERS.staffA2, 'bootstrap', { action: 'get' })
  expect(me.ok && me.data.grants.map((g) => g.role).sort()).toEqual(['member', 'staff'])
  expect(me.ok && me.data.grants.find((g) => g.role === 'member')!.scope.communityId).toBe(COMMUNITIES.a1._id)
})
