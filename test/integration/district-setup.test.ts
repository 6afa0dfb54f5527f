import type { GrantableRole } from '../../src/domain/grant-rules'
import type { InvitationView } from '../../src/domain/contracts/grants.contract'
import { INVITATION_TTL_MS } from '../../src/domain/invitation'
import type { Grant } from '../../src/domain/roles'
import { scanAll } from '../../server/db/read'
import type { AuditDoc } from '../../server/audit/audit-log'
import { openHarness, type Harness } from './support/bridge-client'
import { withDbLatency } from './support/db-latency'
import { expectNothingWritten, expectOnlyRefusalRecorded } from './support/db-state'

// A new district from an empty database, role by role, through the bridge as
// the h5 client calls it: the 首次设置码 makes the first 区委组织部 admin; the
// district creates its places and invites street admins, staff and unit
// secretaries; a street admin invites its communities' staff, a secretary
// its liaisons; grants are revoked; residents register themselves and staff
// remove a fake one; the district reads every step in the audit log.
// Sign-ins named `new-…` are WeChat users the system does not know yet.

jest.setTimeout(120_000)

const SETUP_CODE = 'ABCD-EFGH-JKMN'
let h: Harness
beforeAll(async () => {
  h = await openHarness({ setupCode: SETUP_CODE })
})
afterAll(() => h.close())

const admin = () => h.asUser('new-admin')
const boot = (openid: string) => h.asUser(openid).ok('bootstrap', { action: 'get' })
const claim = (openid: string, code?: string) =>
  h.asUser(openid).call('setup', { action: 'claim', ...(code === undefined ? {} : { code }), districtName: '梧州市万秀区', adminName: '黄丽' })
const auditOf = (action: string) => scanAll<AuditDoc>(h.db, 'audit', { action })

async function invite(openid: string, role: GrantableRole, placeId: string, inviteeName = '被邀请人'): Promise<InvitationView> {
  return h.asUser(openid).ok('grants', { action: 'invite', role, placeId, inviteeName })
}
const accept = (openid: string, token: string) => h.asUser(openid).call('grants', { action: 'accept', token })

const place: Record<string, string> = {}

describe('the first administrator', () => {
  it('an empty deployment waits for its setup code; a wrong one is refused, counted and audited, and grants nothing', async () => {
    expect(await h.asUser('new-someone').ok('setup', { action: 'status' })).toEqual({ open: true })
    await expectOnlyRefusalRecorded(h.db, async () => {
      expect(await claim('new-someone', 'ZZZZ-ZZZZ-ZZZZ')).toMatchObject({ ok: false, code: 'SETUP_CODE_INVALID' })
      expect(await claim('new-someone')).toMatchObject({ ok: false, code: 'SETUP_CODE_INVALID' })
    })
    const [refused] = await auditOf('setup.refused')
    expect(refused).toMatchObject({ actor: { openid: 'new-someone', userId: null }, details: { reason: 'SETUP_CODE_INVALID' }, origin: { source: 'local', ip: '127.0.0.1' } })
    // Not the shape of a code at all: a validation failure, nothing written, not even a count.
    await expectNothingWritten(h.db, async () => {
      expect(await claim('new-someone', 'not a code!')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
    })
    expect(await boot('new-someone')).toMatchObject({ known: false })
  })

  it('five wrong codes lock the caller out for a while, even with the right code', async () => {
    const guesses = []
    for (let i = 0; i < 5; i++) guesses.push(await claim('new-guesser', `ZZZZ-ZZZZ-ZZZ${i + 2}`))
    expect(guesses.slice(0, 4).map((g) => !g.ok && g.code)).toEqual(Array(4).fill('SETUP_CODE_INVALID'))
    expect(guesses[4]).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' })
    expect(await claim('new-guesser', SETUP_CODE)).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' })
    expect((await auditOf('setup.refused')).filter((e) => e.actor.openid === 'new-guesser').map((e) => e.details.locked).sort()).toEqual([false, false, false, false, true])
  })

  it('the right code makes one caller the district admin, once: two claims at once, one wins; a reused code is refused', async () => {
    const [a, b] = await withDbLatency(() => Promise.all([claim('new-admin', SETUP_CODE), claim('new-rival', 'abcd efgh jkmn')]))
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    const loser = a.ok ? b : a
    expect(loser).toMatchObject({ ok: false, code: 'SETUP_DONE' })
    const winner = a.ok ? 'new-admin' : 'new-rival'
    // The rest of the story is told by `new-admin`: swap if the rival won the race.
    if (winner === 'new-rival') {
      const [user] = await scanAll<{ _id: string }>(h.db, 'users', { openid: 'new-rival' })
      await h.db.collection('users').doc(user!._id).update({ data: { openid: 'new-admin' } })
    }
    const me = await boot('new-admin')
    expect(me).toMatchObject({ known: true, user: { name: '黄丽' }, grants: [{ role: 'districtAdmin', roleLabel: '区委组织部', scopeName: '梧州市万秀区' }] })
    place.district = me.grants[0]!.scope.districtId!
    expect(await h.asUser('new-late').ok('setup', { action: 'status' })).toEqual({ open: false })

    await expectOnlyRefusalRecorded(h.db, async () => {
      expect(await claim('new-late', SETUP_CODE)).toMatchObject({ ok: false, code: 'SETUP_DONE' })
      expect(await claim('new-admin', SETUP_CODE)).toMatchObject({ ok: false, code: 'SETUP_DONE' })
    })
    expect(await auditOf('setup.claimed')).toEqual([expect.objectContaining({ target: { districtId: place.district, userId: me.user!.id }, details: { by: 'setupCode' } })])
  })
})

describe('the district creates its places', () => {
  it('streets, communities and units, names unique where they are told apart; nobody else may', async () => {
    const street = await admin().ok('org', { action: 'createStreet', name: '城中街道' })
    const other = await admin().ok('org', { action: 'createStreet', name: '城东街道' })
    place.street = street.id
    place.otherStreet = other.id
    place.community = (await admin().ok('org', { action: 'createCommunity', streetId: street.id, name: '中山社区', partyOrgName: '中共中山社区委员会' })).id
    place.otherCommunity = (await admin().ok('org', { action: 'createCommunity', streetId: other.id, name: '新兴社区' })).id
    place.unit = (await admin().ok('org', { action: 'createUnit', name: '区教育局', partyOrgName: '中共万秀区教育局委员会', declaredMemberTotal: 40 })).id

    await expectNothingWritten(h.db, async () => {
      expect(await admin().call('org', { action: 'createStreet', name: '城中街道' })).toMatchObject({ ok: false, code: 'NAME_TAKEN' })
      expect(await admin().call('org', { action: 'createCommunity', streetId: street.id, name: ' 中山社区 ' })).toMatchObject({ ok: false, code: 'NAME_TAKEN' })
      expect(await admin().call('org', { action: 'createCommunity', streetId: 'street-nowhere', name: '某社区' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(await admin().call('org', { action: 'createUnit', name: '区财政局', declaredMemberTotal: 10, declaredResidentTotal: 11 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
      expect(await admin().call('org', { action: 'createStreet', name: '城\u200b中街道' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
    })

    // A new unit is on the district's rate table at once, before it has a member.
    const rates = await admin().ok('stats', { action: 'district' })
    expect(rates.rows).toEqual([expect.objectContaining({ unitName: '区教育局', memberTotal: 0, reported: 0 })])

    const tree = await admin().ok('org', { action: 'tree' })
    expect(tree.district.name).toBe('梧州市万秀区')
    expect(tree.streets.map((s) => [s.name, s.communities.map((c) => c.name)])).toEqual([
      ['城东街道', ['新兴社区']],
      ['城中街道', ['中山社区']],
    ])
    expect(tree.units).toEqual([{ unitId: place.unit, name: '区教育局', partyOrgName: '中共万秀区教育局委员会', declaredMemberTotal: 40 }])
  })
})

describe('grants by invitation', () => {
  it('the district invites a street admin; the invitee accepts in WeChat once, and holds the grant', async () => {
    const inv = await invite('new-admin', 'streetAdmin', place.street!, '陈强')
    expect(inv).toMatchObject({ roleLabel: '街道管理员', placeName: '城中街道', inviteeName: '陈强', path: `/packages/admin/accept/index?t=${inv.token!}` })
    expect(inv.qrDataUrl).toMatch(/^data:image\/png;base64,/)
    expect(new Date(inv.expiresAt).getTime() - h.clock.now.getTime()).toBe(INVITATION_TTL_MS)
    expect(await h.asUser('new-chen').ok('grants', { action: 'preview', token: inv.token! })).toMatchObject({ roleLabel: '街道管理员', placeName: '城中街道', inviterName: '黄丽' })

    expect(await accept('new-chen', inv.token!)).toMatchObject({ ok: true, data: { accepted: true, roleLabel: '街道管理员' } })
    expect(await boot('new-chen')).toMatchObject({ known: true, user: { name: '陈强' }, grants: [{ role: 'streetAdmin', scopeName: '城中街道', scope: { streetId: place.street, districtId: place.district } }] })
    // Accepting again changes nothing; anyone else is refused, and that is counted and audited.
    await expectNothingWritten(h.db, async () => {
      expect(await accept('new-chen', inv.token!)).toMatchObject({ ok: true, data: { accepted: false } })
    })
    await expectOnlyRefusalRecorded(h.db, async () => {
      expect(await accept('new-thief', inv.token!)).toMatchObject({ ok: false, code: 'INVITATION_USED' })
    })
    expect(await boot('new-thief')).toMatchObject({ known: false })
    expect((await auditOf('grants.refused')).at(-1)).toMatchObject({ actor: { openid: 'new-thief' }, details: { reason: 'INVITATION_USED' } })
    expect(await auditOf('grants.granted')).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ openid: 'new-chen', name: '陈强' }), details: expect.objectContaining({ role: 'streetAdmin', inviterName: '黄丽' }) }),
    ])
  })

  it('an expired, forged or made-up invitation grants nothing', async () => {
    const inv = await invite('new-admin', 'staff', place.community!, '李梅')
    const forged = inv.token!.slice(0, -1) + (inv.token!.endsWith('0') ? '1' : '0')
    await expectOnlyRefusalRecorded(h.db, async () => {
      expect(await accept('new-li', forged)).toMatchObject({ ok: false, code: 'INVITATION_INVALID' })
      expect(await accept('new-li', 'inv-00000000000000000000.00000000000000000000000000000000')).toMatchObject({ ok: false, code: 'INVITATION_INVALID' })
    })
    await expectNothingWritten(h.db, async () => {
      // One spelling per token: upper case is not the token.
      expect(await accept('new-li', inv.token!.toUpperCase())).toMatchObject({ ok: false, code: 'INVITATION_INVALID' })
      expect(await accept('new-li', 'https://example.com/?t=1')).toMatchObject({ ok: false, code: 'INVITATION_INVALID' })
    })
    const saved = h.clock.now
    h.clock.now = new Date(saved.getTime() + INVITATION_TTL_MS + 1000)
    try {
      await expectOnlyRefusalRecorded(h.db, async () => {
        expect(await accept('new-li', inv.token!)).toMatchObject({ ok: false, code: 'INVITATION_EXPIRED' })
      })
    } finally {
      h.clock.now = saved
    }
    expect(await boot('new-li')).toMatchObject({ known: false })
  })

  it('a street admin grants staff of its own communities only; a secretary appoints liaisons of its unit only', async () => {
    const staffInv = await invite('new-chen', 'staff', place.community!, '王芳')
    expect(await accept('new-wang', staffInv.token!)).toMatchObject({ ok: true })
    expect(await boot('new-wang')).toMatchObject({ grants: [{ role: 'staff', scopeName: '中山社区', scope: { communityId: place.community, streetId: place.street } }] })
    // The grant keeps its community's own name: the desk's confirm reads no community (desk-community.ts).
    const [wang] = await scanAll<{ _id: string; grants: Grant[] }>(h.db, 'users', { openid: 'new-wang' })
    expect(wang!.grants).toEqual([expect.objectContaining({ role: 'staff', placeName: '中山社区' })])

    await expectOnlyRefusalRecorded(h.db, async () => {
      for (const [role, placeId] of [
        ['staff', place.otherCommunity],
        ['streetAdmin', place.street],
        ['secretary', place.unit],
        ['districtAdmin', place.district],
      ] as Array<[GrantableRole, string]>) {
        expect(await h.asUser('new-chen').call('grants', { action: 'invite', role, placeId, inviteeName: '某人' })).toMatchObject({ ok: false, code: 'GRANT_OUT_OF_SCOPE' })
      }
    })
    // Staff hold no grants.manage at all: refused by role, before any lookup.
    expect(await h.asUser('new-wang').call('grants', { action: 'invite', role: 'staff', placeId: place.community, inviteeName: '某人' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await h.asUser('new-admin').rawCall('grants', { action: 'invite', role: 'member', placeId: place.unit, inviteeName: '某人' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })

    const secretaryInv = await invite('new-admin', 'secretary', place.unit!, '赵书记')
    expect(await accept('new-zhao', secretaryInv.token!)).toMatchObject({ ok: true })
    expect(await h.asUser('new-zhao').ok('grants', { action: 'targets' })).toEqual([{ role: 'liaison', roleLabel: '单位联络员', placeId: place.unit, placeName: '区教育局' }])
    const liaisonInv = await invite('new-zhao', 'liaison', place.unit!, '孙联络')
    expect(await accept('new-sun', liaisonInv.token!)).toMatchObject({ ok: true })
    expect(await boot('new-sun')).toMatchObject({ grants: [{ role: 'liaison', scope: { unitId: place.unit, districtId: place.district } }] })
    expect(await h.asUser('new-zhao').call('grants', { action: 'invite', role: 'staff', placeId: place.community, inviteeName: '某人' })).toMatchObject({ ok: false, code: 'GRANT_OUT_OF_SCOPE' })

    const targets = await h.asUser('new-admin').ok('grants', { action: 'targets' })
    expect(targets.map((t) => `${t.role}:${t.placeName}`)).toEqual([
      'districtAdmin:梧州市万秀区',
      'streetAdmin:城东街道',
      'streetAdmin:城中街道',
      'staff:城东街道 · 新兴社区',
      'staff:城中街道 · 中山社区',
      'secretary:区教育局',
      'volunteerCentre:梧州市万秀区',
    ])
  })

  it('a user already known gains the grant beside the ones they hold', async () => {
    const inv = await invite('new-admin', 'staff', place.otherCommunity!, '王芳')
    expect(await accept('new-wang', inv.token!)).toMatchObject({ ok: true, data: { accepted: true } })
    expect((await boot('new-wang')).grants.map((g) => g.scopeName)).toEqual(['中山社区', '新兴社区'])
  })
})

describe('revoking', () => {
  it('whoever could grant it takes it back; the list shows what each granter may revoke', async () => {
    // 陈强's four refused invitations above count for 15 minutes; a fifth would lock him out.
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000)
    const list = await h.asUser('new-admin').ok('grants', { action: 'list' })
    expect(list.rows.map((r) => `${r.role}:${r.userName}:${r.placeName}`)).toEqual([
      'streetAdmin:陈强:城中街道',
      'staff:王芳:新兴社区',
      'staff:王芳:中山社区',
      'secretary:赵书记:区教育局',
    ])
    const byStreet = await h.asUser('new-chen').ok('grants', { action: 'list' })
    expect(byStreet.rows.map((r) => `${r.role}:${r.placeName}`)).toEqual(['staff:中山社区'])
    const wang = list.rows.find((r) => r.userName === '王芳')!

    await expectOnlyRefusalRecorded(h.db, async () => {
      expect(await h.asUser('new-chen').call('grants', { action: 'revoke', userId: wang.userId, role: 'staff', placeId: place.otherCommunity })).toMatchObject({ ok: false, code: 'GRANT_OUT_OF_SCOPE' })
    })
    await expectNothingWritten(h.db, async () => {
      const self = (await boot('new-admin')).user!.id
      expect(await h.asUser('new-admin').call('grants', { action: 'revoke', userId: self, role: 'districtAdmin', placeId: place.district })).toMatchObject({ ok: false, code: 'CANNOT_REVOKE_SELF' })
      expect(await h.asUser('new-admin').call('grants', { action: 'revoke', userId: wang.userId, role: 'secretary', placeId: place.unit })).toMatchObject({ ok: false, code: 'GRANT_NOT_FOUND' })
    })

    expect(await h.asUser('new-chen').ok('grants', { action: 'revoke', userId: wang.userId, role: 'staff', placeId: place.community })).toEqual({ revoked: true })
    expect((await boot('new-wang')).grants.map((g) => g.scopeName)).toEqual(['新兴社区'])
    expect(await auditOf('grants.revoked')).toEqual([expect.objectContaining({ target: { userId: wang.userId, placeId: place.community }, details: expect.objectContaining({ role: 'staff', userName: '王芳' }) })])
  })

  it("a revoked street admin can do nothing more, and its open invitations grant nothing", async () => {
    h.clock.now = new Date(h.clock.now.getTime() + 60_000)
    const pending = await invite('new-chen', 'staff', place.community!, '周敏')
    const chen = (await boot('new-chen')).user!.id
    expect(await h.asUser('new-admin').ok('grants', { action: 'revoke', userId: chen, role: 'streetAdmin', placeId: place.street })).toEqual({ revoked: true })
    expect(await boot('new-chen')).toMatchObject({ known: true, grants: [], menu: [] })
    expect(await h.asUser('new-chen').call('grants', { action: 'invite', role: 'staff', placeId: place.community, inviteeName: '某人' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expectOnlyRefusalRecorded(h.db, async () => {
      expect(await accept('new-zhou', pending.token!)).toMatchObject({ ok: false, code: 'INVITATION_CANCELLED' })
    })
  })
})

describe('residents', () => {
  const register = (openid: string, input: object) => h.asUser(openid).rawCall('residents', { action: 'register', ...input })

  it('register themselves to a community, once, and are residents at once', async () => {
    const places = await h.asUser('new-resident').ok('residents', { action: 'places' })
    expect(places.map((s) => [s.name, s.communities.map((c) => c.name)])).toEqual([
      ['城东街道', ['新兴社区']],
      ['城中街道', ['中山社区']],
    ])
    await expectNothingWritten(h.db, async () => {
      expect(await register('new-resident', { communityId: 'community-nowhere', name: '刘洋', mobile: '13800000001' })).toMatchObject({ ok: false, code: 'UNKNOWN_COMMUNITY' })
      expect(await register('new-resident', { communityId: place.community, name: '刘洋', mobile: '1380000' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
    })
    expect(await register('new-resident', { communityId: place.community, name: '刘洋', mobile: '13800000001' })).toEqual({ ok: true, data: { communityName: '中山社区' } })
    const me = await boot('new-resident')
    expect(me).toMatchObject({ known: true, user: { name: '刘洋' }, grants: [{ role: 'resident', scope: { communityId: place.community } }] })
    expect(me.menu).toContain('need.submit')
    await expectNothingWritten(h.db, async () => {
      expect(await register('new-resident', { communityId: place.otherCommunity, name: '刘洋', mobile: '13800000001' })).toMatchObject({ ok: false, code: 'ALREADY_REGISTERED' })
    })
  })

  it("the community's staff see new residents (mobile masked) and remove a fake one; other staff cannot", async () => {
    h.clock.now = new Date(h.clock.now.getTime() + 60_000)
    expect(await register('new-fake', { communityId: place.community, name: '假名字', mobile: '13900000002' })).toMatchObject({ ok: true })
    const staffInv = await invite('new-admin', 'staff', place.community!, '钱社工')
    await accept('new-qian', staffInv.token!)
    const listed = await h.asUser('new-qian').ok('residents', { action: 'list', communityId: place.community })
    expect(listed.total).toBe(2)
    expect(listed.rows.map((r) => [r.name, r.mobile])).toEqual([
      ['假名字', '139****0002'],
      ['刘洋', '138****0001'],
    ])
    const fake = listed.rows[0]!

    // 王芳 is staff of 新兴社区 only now.
    await expectNothingWritten(h.db, async () => {
      expect(await h.asUser('new-wang').call('residents', { action: 'list', communityId: place.community })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await h.asUser('new-wang').call('residents', { action: 'remove', residentId: fake.residentId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(await h.asUser('new-resident').call('residents', { action: 'remove', residentId: fake.residentId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    })
    expect(await h.asUser('new-qian').ok('residents', { action: 'remove', residentId: fake.residentId, reason: '不是本社区居民' })).toEqual({ removed: true })
    expect(await boot('new-fake')).toMatchObject({ known: true, grants: [] })
    expect((await h.asUser('new-qian').ok('residents', { action: 'list', communityId: place.community })).total).toBe(1)
    await expectNothingWritten(h.db, async () => {
      expect(await h.asUser('new-qian').ok('residents', { action: 'remove', residentId: fake.residentId })).toEqual({ removed: true })
      expect(await register('new-fake', { communityId: place.community, name: '假名字', mobile: '13900000002' })).toMatchObject({ ok: false, code: 'RESIDENT_REMOVED' })
    })
    expect(await auditOf('residents.removed')).toEqual([expect.objectContaining({ target: expect.objectContaining({ residentId: fake.residentId }), details: { name: '假名字', reason: '不是本社区居民' } })])
  })
})

describe('the audit log', () => {
  it('the district reads every grant, revocation, removal and refusal: who, what, when, from where; nobody else may', async () => {
    const all = await h.asUser('new-admin').ok('audit', { action: 'list', pageSize: 100 })
    expect(new Set(all.rows.map((r) => r.action))).toEqual(
      new Set(['setup.refused', 'setup.claimed', 'grants.invited', 'grants.granted', 'grants.refused', 'grants.revoked', 'residents.registered', 'residents.removed']),
    )
    expect(all.total).toBe((await scanAll(h.db, 'audit')).length)
    const times = all.rows.map((r) => r.at)
    expect([...times].sort().reverse()).toEqual(times)

    const revocations = await h.asUser('new-admin').ok('audit', { action: 'list', kind: 'grants.revoked' })
    expect(revocations.total).toBe(2)
    expect(revocations.rows[0]).toMatchObject({ actorName: '黄丽', target: { placeId: place.street }, details: { role: 'streetAdmin', userName: '陈强' }, source: 'local', ip: '127.0.0.1' })
    expect(revocations.rows[1]).toMatchObject({ actorName: '陈强', details: { role: 'staff', userName: '王芳' } })
    for (const openid of ['new-qian', 'new-zhao', 'new-resident']) {
      expect(await h.asUser(openid).call('audit', { action: 'list' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })
})
