import type { BootstrapData } from '../../src/domain/contracts/bootstrap.contract'
import type { CardView } from '../../src/domain/contracts/card.contract'
import type { Result } from '../../src/domain/result'
import { FUNCTIONS } from '../../server/functions'
import { runFunction } from '../../server/kernel/run-function'
import { openHarness, TEST_CARD_SECRET, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, seedCity, USERS } from './support/fixture'

// A WeChat user the system does not know yet links themself to their member
// record by scanning the 联系证 their unit handed them. WeChat supplies the
// OPENID, so these calls go through runFunction as the cloud entry does.

let h: Harness
beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: 'm-li', unit: 'u1', community: 'a1', name: '李娜', mobile: '13900000011' })
    },
  })
})
afterAll(() => h.close())

const asWeChat = <T>(openid: string, fn: string, input: unknown) =>
  runFunction(FUNCTIONS.get(fn)!, input, { db: h.db, openid, env: { cardSecret: TEST_CARD_SECRET }, now: () => h.clock.now }) as Promise<Result<T>>

async function issue(): Promise<string> {
  const card = await h.asUser(USERS.secretary1).ok<CardView>('card', { action: 'issue', memberId: 'm-li' })
  return card.token!
}

it('links a new WeChat user to the member whose card they scan, once', async () => {
  const token = await issue()
  expect(await asWeChat<BootstrapData>('wx-li', 'bootstrap', { action: 'get' })).toMatchObject({ ok: true, data: { known: false } })

  expect(await asWeChat('wx-li', 'account', { action: 'bindCard', token })).toEqual({ ok: true, data: { memberName: '李娜', bound: true } })
  const me = await asWeChat<BootstrapData>('wx-li', 'bootstrap', { action: 'get' })
  expect(me).toMatchObject({ ok: true, data: { known: true, user: { name: '李娜' }, grants: [{ role: 'member', scope: { memberId: 'm-li' } }] } })
  expect(me.ok && me.data.menu).toContain('card.show')

  // Scanning again writes nothing.
  await expectNothingWritten(h.db, async () => {
    expect(await asWeChat('wx-li', 'account', { action: 'bindCard', token })).toEqual({ ok: true, data: { memberName: '李娜', bound: false } })
  })
})

it('refuses a card another WeChat user has already bound, and writes nothing', async () => {
  const token = (await h.asUser('m-li').ok<CardView>('card', { action: 'mine' })).token!
  await expectNothingWritten(h.db, async () => {
    expect(await asWeChat('wx-stranger', 'account', { action: 'bindCard', token })).toMatchObject({ ok: false, code: 'CARD_ALREADY_BOUND' })
  })
})

it('refuses a QR that is not ours or a tampered one', async () => {
  expect(await asWeChat('wx-x', 'account', { action: 'bindCard', token: 'https://example.com/' })).toMatchObject({ ok: false, code: 'CARD_NOT_OURS' })
  const token = await issue()
  expect(await asWeChat('wx-x', 'account', { action: 'bindCard', token: token.slice(0, -2) + 'AA' })).toMatchObject({ ok: false, code: 'CARD_BAD_SIGNATURE' })
})

it('a reissued card takes the link back from whoever held the old one', async () => {
  // The previous test reissued the card: wx-li's link went with the old card.
  const me = await asWeChat<BootstrapData>('wx-li', 'bootstrap', { action: 'get' })
  expect(me).toMatchObject({ ok: true, data: { known: true, grants: [] } })
  const token = (await h.asUser(USERS.secretary1).ok<{ rows: CardView[] }>('card', { action: 'sheet', unitId: 'unit-1', memberId: 'm-li' })).rows[0]!.token!
  expect(await asWeChat('wx-new-phone', 'account', { action: 'bindCard', token })).toMatchObject({ ok: true, data: { bound: true } })
})

it('gives a staff user who is also a member both roles', async () => {
  const token = await issue()
  expect(await asWeChat(USERS.staffA1, 'account', { action: 'bindCard', token })).toMatchObject({ ok: true, data: { bound: true } })
  const me = await asWeChat<BootstrapData>(USERS.staffA1, 'bootstrap', { action: 'get' })
  expect(me.ok && me.data.grants.map((g) => g.role).sort()).toEqual(['member', 'staff'])
  expect(me.ok && me.data.grants.find((g) => g.role === 'member')!.scope.communityId).toBe(COMMUNITIES.a1._id)
})
