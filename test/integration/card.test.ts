import { createHmac } from 'node:crypto'
import type { CardRef } from '../../src/domain/contracts/card-ref'
import { isCardNoWellFormed } from '../../src/domain/card-no'
import type { CardDoc, MemberDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { signCardToken, verifyCardToken } from '../../server/features/card/card-token'
import { openHarness, TEST_CARD_SECRET, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, seedCity, UNITS, USERS } from './support/fixture'
import { readQr } from './support/qr'

// 联系证: issue, revoke, reissue, and every way a scanned code can be wrong.

let h: Harness
beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: 'm-wang', unit: 'u1', community: 'a1', name: '王芳', mobile: '13900000001' })
      await addMember(db, { id: 'm-zhao', unit: 'u1', community: 'a1', name: '赵强', mobile: '13900000002' })
      await addMember(db, { id: 'm-sun', unit: 'u2', community: 'b1', name: '孙丽', mobile: '13900000003' })
    },
  })
})
afterAll(() => h.close())

const secretary = () => h.asUser(USERS.secretary1)
const staff = () => h.asUser(USERS.staffA1)
const lookup = (card: CardRef) => ({ action: 'lookup' as const, communityId: COMMUNITIES.a1._id, card })

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url')
}

describe('card token', () => {
  it('round-trips and is compact enough for a small QR', () => {
    const token = signCardToken('s', { memberId: 'member-0001', serial: 3 })
    expect(token.length).toBeLessThan(70)
    expect(verifyCardToken('s', token)).toEqual({ memberId: 'member-0001', serial: 3 })
  })

  it('refuses to sign or verify without a secret', () => {
    expect(() => signCardToken('', { memberId: 'm', serial: 1 })).toThrow(expect.objectContaining({ code: 'CONFIG_MISSING' }))
    expect(() => verifyCardToken('', 'SBD1.a.b')).toThrow(expect.objectContaining({ code: 'CONFIG_MISSING', message: expect.stringContaining('联系证密钥') }))
  })
})

describe('issue, mine, revoke, reissue, sheet', () => {
  it('issues unique, typeable numbers and a QR the member can show', async () => {
    const first = await secretary().ok('card', { action: 'issue', memberId: 'm-wang' })
    const second = await secretary().ok('card', { action: 'issue', memberId: 'm-zhao' })
    expect(first.cardNo).not.toBe(second.cardNo)
    for (const no of [first.cardNo, second.cardNo]) expect(isCardNoWellFormed(no)).toBe(true)
    const mine = (await h.asUser('m-wang').ok('card', { action: 'mine' }))!
    expect(readQr(mine.qrDataUrl!)).toBe(mine.token!)
  })

  it('a member with no card sees none', async () => {
    expect(await h.asUser('m-sun').ok('card', { action: 'mine' })).toBeNull()
  })

  it('reissue revokes the old card: its QR and its number stop working', async () => {
    const old = (await h.asUser('m-zhao').ok('card', { action: 'mine' }))!
    const fresh = await secretary().ok('card', { action: 'issue', memberId: 'm-zhao' })
    expect(fresh.cardNo).not.toBe(old.cardNo)
    expect(fresh.token!).not.toBe(old.token!)

    const byToken = await expectNothingWritten(h.db, () => staff().fail('report', lookup({ token: old.token! })))
    expect(byToken).toMatchObject({ code: 'CARD_REVOKED', message: '该联系证已作废，请使用新发放的联系证' })
    expect((await staff().fail('report', lookup({ cardNo: old.cardNo, proof: '赵' }))).code).toBe('CARD_REVOKED')
    expect((await staff().ok('report', lookup({ token: fresh.token! }))).name).toBe('赵强')
  })

  it('revoke leaves the member with no valid card; revoking twice is refused', async () => {
    const before = (await h.asUser('m-wang').ok('card', { action: 'mine' }))!
    const revoked = await secretary().ok('card', { action: 'revoke', memberId: 'm-wang' })
    expect(revoked).toMatchObject({ status: 'revoked', token: null, qrDataUrl: null, cardNo: before.cardNo })
    expect((await h.asUser('m-wang').ok('card', { action: 'mine' }))!).toMatchObject({ status: 'revoked', token: null })
    expect((await staff().fail('report', lookup({ token: before.token! }))).code).toBe('CARD_REVOKED')
    expect((await expectNothingWritten(h.db, () => secretary().fail('card', { action: 'revoke', memberId: 'm-wang' }))).code).toBe('CARD_NOT_FOUND')
    const reissued = await secretary().ok('card', { action: 'issue', memberId: 'm-wang' })
    expect(reissued.status).toBe('active')
  })

  it('prints the unit\'s active cards, a page at a time, or one member\'s', async () => {
    const all = await secretary().ok('card', { action: 'sheet', unitId: UNITS.u1._id })
    expect(all.total).toBe(2)
    expect(all.rows.map((c) => c.name).sort()).toEqual(['王芳', '赵强'].sort())
    for (const c of all.rows) expect(readQr(c.qrDataUrl!)).toBe(c.token!)
    const page2 = await secretary().ok('card', { action: 'sheet', unitId: UNITS.u1._id, page: 2, pageSize: 1 })
    expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 })
    expect(page2.rows).toHaveLength(1)
    const one = await secretary().ok('card', { action: 'sheet', unitId: UNITS.u1._id, memberId: 'm-zhao' })
    expect(one.rows.map((c) => c.name)).toEqual(['赵强'])
    expect((await secretary().fail('card', { action: 'sheet', unitId: UNITS.u1._id, memberId: 'm-sun' })).code).toBe('NOT_FOUND')
  })

  it('only the member\'s own unit issues, revokes and prints', async () => {
    // Another unit's secretary or liaison: the member is not theirs, so as far as they learn, there is no such member.
    // Everyone else has no card permission at all.
    const refusals: Array<[string, string]> = [
      [USERS.secretary2, 'NOT_FOUND'],
      [USERS.liaison2, 'NOT_FOUND'],
      [USERS.staffA1, 'FORBIDDEN'],
      [USERS.district, 'FORBIDDEN'],
      ['m-wang', 'FORBIDDEN'],
    ]
    for (const [openid, code] of refusals) {
      const caller = h.asUser(openid)
      await expectNothingWritten(h.db, async () => {
        expect((await caller.fail('card', { action: 'issue', memberId: 'm-wang' })).code).toBe(code)
        expect((await caller.fail('card', { action: 'revoke', memberId: 'm-wang' })).code).toBe(code)
        expect((await caller.fail('card', { action: 'sheet', unitId: UNITS.u1._id })).code).toBe('FORBIDDEN')
      })
    }
    // The liaison of the unit may.
    expect((await h.asUser(USERS.liaison1).ok('card', { action: 'sheet', unitId: UNITS.u1._id })).total).toBe(2)
    // Staff and secretaries have no card of their own.
    expect((await h.asUser(USERS.secretary1).fail('card', { action: 'mine' })).code).toBe('FORBIDDEN')
  })
})

describe('numbers and names', () => {
  it('cards issued at once get distinct numbers, and two reissues at once leave one active card', async () => {
    const issue = (memberId: string) => secretary().ok('card', { action: 'issue', memberId })
    const issued = await Promise.all([issue('m-wang'), issue('m-zhao'), issue('m-zhao')])
    expect(new Set(issued.map((c) => c.cardNo)).size).toBe(3)
    const active = await scanAll<CardDoc>(h.db, 'cards', { memberId: 'm-zhao', status: 'active' })
    expect(active).toHaveLength(1)
    const mirror = (await scanAll<MemberDoc>(h.db, 'members', { _id: 'm-zhao' }))[0]!.card
    expect(mirror).toEqual({ serial: active[0]!.serial, cardNo: active[0]!.cardNo, status: 'active' })
  })

  it('a member written without the unit\'s and community\'s names (older data) still gets them on the card', async () => {
    await h.db.collection('members').doc('m-sun').update({ data: { unitName: h.db.command.remove(), communityName: h.db.command.remove() } })
    const card = await h.asUser(USERS.secretary2).ok('card', { action: 'issue', memberId: 'm-sun' })
    expect(card).toMatchObject({ name: '孙丽', unitName: UNITS.u2.name, communityName: COMMUNITIES.b1.name })
    const scanned = await h.asUser(USERS.staffA1).ok('report', lookup({ token: card.token! }))
    expect(scanned).toMatchObject({ name: '孙丽', unitName: UNITS.u2.name, residenceCommunityName: COMMUNITIES.b1.name, livesHere: false })
  })
})

describe('scanned codes that are not a valid card', () => {
  let token: string
  beforeAll(async () => {
    token = ((await h.asUser('m-wang').ok('card', { action: 'mine' }))!).token!
  })

  it('a QR that is not ours', async () => {
    for (const text of ['https://weixin.qq.com/r/abc', 'hello', 'SBD1.only-two', 'x'.repeat(600)]) {
      const failure = await expectNothingWritten(h.db, () => staff().fail('report', lookup({ token: text })))
      expect(failure).toMatchObject({ code: 'CARD_NOT_OURS', message: '这不是双报到联系证的二维码' })
    }
  })

  it('a forged token (signed with another secret)', async () => {
    const forged = signCardToken('someone-elses-secret', { memberId: 'm-wang', serial: 2 })
    expect(await staff().fail('report', lookup({ token: forged }))).toMatchObject({ code: 'CARD_BAD_SIGNATURE' })
  })

  it('a tampered token (payload changed, mac kept)', async () => {
    const [prefix, , mac] = token.split('.')
    const tampered = `${prefix}.${b64url('2:m-zhao')}.${mac}`
    expect((await staff().fail('report', lookup({ token: tampered }))).code).toBe('CARD_BAD_SIGNATURE')
    const truncatedMac = token.slice(0, -4)
    expect((await staff().fail('report', lookup({ token: truncatedMac }))).code).toBe('CARD_BAD_SIGNATURE')
  })

  it('a token of another version, even correctly signed', async () => {
    const payload = b64url('2:m-wang')
    const signed = `SBD2.${payload}`
    const mac = createHmac('sha256', TEST_CARD_SECRET).update(signed).digest().subarray(0, 16).toString('base64url')
    expect((await staff().fail('report', lookup({ token: `${signed}.${mac}` }))).code).toBe('CARD_VERSION')
  })

  it('a correctly signed token of a card that was never issued', async () => {
    const unknown = signCardToken(TEST_CARD_SECRET, { memberId: 'm-wang', serial: 99 })
    expect((await staff().fail('report', lookup({ token: unknown }))).code).toBe('CARD_NOT_FOUND')
  })

  it('typed card numbers with the member\'s proof: found, mistyped (check digit), unknown', async () => {
    const card = (await h.asUser('m-wang').ok('card', { action: 'mine' }))!
    expect((await staff().ok('report', lookup({ cardNo: card.cardNo, proof: '王' }))).name).toBe('王芳')
    expect((await staff().ok('report', lookup({ cardNo: card.cardNo, proof: '0001' }))).name).toBe('王芳')
    const last = Number(card.cardNo.at(-1))
    const typo = card.cardNo.slice(0, -1) + String((last + 1) % 10)
    expect((await staff().fail('report', lookup({ cardNo: typo, proof: '王' }))).code).toBe('CARD_NO_INVALID')
    // An unknown number and a wrong proof get the same answer: the desk cannot tell which numbers exist.
    expect((await staff().fail('report', lookup({ cardNo: '99999997', proof: '王' }))).code).toBe('CARD_PROOF_MISMATCH')
    expect((await staff().fail('report', lookup({ cardNo: '12ab', proof: '王' }))).code).toBe('VALIDATION_FAILED')
  })

  it('each card has exactly one token: another spelling of the same MAC is refused', async () => {
    // 16 MAC bytes fill 22 base64url characters with 4 bits to spare; changing
    // those bits in the last character decodes to the same bytes.
    const [head, payload, mac] = token.split('.') as [string, string, string]
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = alphabet.indexOf(mac.at(-1)!)
    const spellings = Array.from({ length: 16 }, (_, low) => `${head}.${payload}.${mac.slice(0, -1)}${alphabet[(last & ~15) | low]}`)
    expect(spellings.filter((t) => t !== token).every((t) => Buffer.from(t.split('.')[2]!, 'base64url').equals(Buffer.from(mac, 'base64url')))).toBe(true)
    for (const spelling of spellings.filter((t) => t !== token)) {
      expect((await staff().fail('report', lookup({ token: spelling }))).code).toBe('CARD_BAD_SIGNATURE')
    }
    expect((await staff().ok('report', lookup({ token }))).name).toBe('王芳')
  })
})

describe('without a configured secret', () => {
  it('refuses to issue, show, print or scan, and writes nothing', async () => {
    const bare = await openHarness({
      cardSecret: '',
      seed: async (db) => {
        await seedCity(db)
        await addMember(db, { id: 'm-li', unit: 'u1', community: 'a1', name: '李明', mobile: '13900000009' })
      },
    })
    try {
      await expectNothingWritten(bare.db, async () => {
        expect((await bare.asUser(USERS.secretary1).fail('card', { action: 'issue', memberId: 'm-li' })).code).toBe('CONFIG_MISSING')
        expect((await bare.asUser(USERS.secretary1).fail('card', { action: 'sheet', unitId: UNITS.u1._id })).code).toBe('CONFIG_MISSING')
        const scan = await bare.asUser(USERS.staffA1).fail('report', lookup({ token: 'SBD1.a.b' }))
        expect(scan).toMatchObject({ code: 'CONFIG_MISSING', message: expect.stringContaining('服务器未配置联系证密钥') })
      })
    } finally {
      await bare.close()
    }
  })
})
