import type { ActionCall, ActionName } from '../../src/domain/contracts'
import { AppError } from '../../src/domain/errors'
import type { CollectionRecordView } from '../../src/domain/contracts/records.contract'
import type { KnownContext } from '../../server/kernel/function-def'
import { collectionToNeed } from '../../server/features/records/collection-records'
import type { NeedDraft } from '../../server/features/records/need-link'
import { countOf } from '../../server/db/read'
import { SAMPLES } from '../domain/support/sample-files'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, DISTRICT, seedCity, UNITS, USERS } from './support/fixture'

// The community's own records (issue 10 items 2, 5–9): 征集记录 and its
// conversion to a need, the 摸底表 (never an ID-card number), 结对帮扶 with
// visits, the 会议记录本, the 社区基本情况, the printed tables, and who sees what.

let h: Harness
const a1 = COMMUNITIES.a1._id
const staff = () => h.asUser(USERS.staffA1)

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: 'm-a', unit: 'u1', community: 'a1', name: '张伟', mobile: '13700000001' })
      await addMember(db, { id: 'm-b', unit: 'u2', community: 'a1', name: '李娜', mobile: '13700000002' })
      await addMember(db, { id: 'm-far', unit: 'u1', community: 'b1', name: '冯静', mobile: '13700000003' })
    },
  })
  // Sign-ins made before any "nothing written" check.
  for (const id of EVERYONE) await h.asUser(id).ok('bootstrap', { action: 'get' })
})
afterAll(() => h.close())

// Everyone the role matrix below asks, and the role each acts in.
const WHO = {
  'm-a': 'member',
  'm-b': 'member',
  'm-far': 'member',
  [USERS.staffA1]: 'staff',
  [USERS.staffA2]: 'staff',
  [USERS.staffB1]: 'staff',
  [USERS.secretary1]: 'secretary',
  [USERS.liaison1]: 'liaison',
  [USERS.residentA1]: 'resident',
  [USERS.streetA]: 'streetAdmin',
  [USERS.district]: 'districtAdmin',
} as const
const EVERYONE = Object.keys(WHO)

type TargetSave = ActionCall<'records', 'targetSave'>
const targetInput = (over: Partial<TargetSave> = {}): TargetSave => ({
  action: 'targetSave',
  communityId: a1,
  name: '王秀英',
  gender: '女',
  birthMonth: '1941-03',
  address: '东湖路12号3单元501室',
  mobile: '13812345678',
  categories: ['孤寡老人', '重病'],
  family: '独居，子女在外地',
  needs: '代购药品、打扫卫生',
  surveyor: '社区干部李娜',
  surveyedAt: '2026-03-02',
  ...over,
})

const newTarget = (over: Partial<TargetSave> = {}) => staff().ok('records', targetInput(over))
const pair = (targetId: string, memberId: string) => staff().ok('records', { action: 'pairCreate', targetId, memberId, content: '每月走访，代购药品' })

describe('服务需求征集记录', () => {
  const record: ActionCall<'records', 'collectionSave'> = { action: 'collectionSave', communityId: a1, date: '2026-03-10', way: '走访', collector: '李娜', source: '3栋居民', content: '楼道灯坏了，晚上看不见', handling: '' }

  it('is kept by the community’s staff, newest first, and corrected in place', async () => {
    const first = await staff().ok('records', record)
    const second = await staff().ok('records', { ...record, date: '2026-03-12', way: '电话', content: '想学用智能手机' })
    const fixed = await staff().ok('records', { ...record, recordId: first.recordId, handling: '已联系物业更换' })
    expect(fixed).toMatchObject({ recordId: first.recordId, handling: '已联系物业更换', needId: null })
    const list = await staff().ok('records', { action: 'collectionList', communityId: a1 })
    expect(list.rows.slice(0, 2).map((r) => r.recordId)).toEqual([second.recordId, first.recordId])
  })

  it('refuses other communities’ staff, members and residents, and bad input, writing nothing', async () => {
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser(USERS.staffB1).fail('records', record)).code).toBe('FORBIDDEN')
      expect((await h.asUser(USERS.staffB1).fail('records', { action: 'collectionList', communityId: a1 })).code).toBe('FORBIDDEN')
      expect((await h.asUser('m-a').fail('records', record)).code).toBe('FORBIDDEN')
      expect((await h.asUser(USERS.residentA1).fail('records', { action: 'collectionList', communityId: a1 })).code).toBe('FORBIDDEN')
      expect((await staff().rawFail('records', { ...record, way: '微信群' })).code).toBe('VALIDATION_FAILED')
      expect((await staff().fail('records', { ...record, content: '' })).message).toContain('请填写需求内容')
      expect((await staff().fail('records', { ...record, content: '灯'.repeat(501) })).message).toContain('需求内容不能超过500个字')
      expect((await staff().fail('records', { ...record, date: '2027-01-01' })).code).toBe('DATE_IN_FUTURE')
      expect((await staff().fail('records', { ...record, source: '王某 330106198501011234' })).code).toBe('ID_CARD_NUMBER')
    })
  })

  it('becomes a need in the staff’s list, entered from the record; a second press is refused and makes no second need', async () => {
    const saved = await staff().ok('records', { ...record, source: '5栋王大爷', content: '希望社区组织老年人学用智能手机' })
    const converted = await staff().ok('records', { action: 'collectionToNeed', recordId: saved.recordId })
    expect(converted).toMatchObject({ recordId: saved.recordId, needId: expect.any(String) })
    const list = await staff().ok('needs', { action: 'list', communityId: a1, pageSize: 100 })
    expect(list.rows.filter((n) => n.content === '希望社区组织老年人学用智能手机')).toMatchObject([
      { needId: converted.needId, channel: 'record', contactName: '5栋王大爷', categoryName: '其他', state: 'pending' },
    ])
    const need = await staff().ok('needs', { action: 'get', needId: converted.needId! })
    expect(need.history).toMatchObject([{ event: 'submit', byRole: 'staff', note: '社区代录' }])
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('records', { action: 'collectionToNeed', recordId: saved.recordId })).code).toBe('ALREADY_CONVERTED')
    })
    expect(await countOf(h.db.collection('needs').where({ sourceRecordId: saved.recordId }))).toBe(1)
    expect((await staff().ok('records', { action: 'collectionList', communityId: a1 })).rows.find((r) => r.recordId === saved.recordId)?.needId).toBe(converted.needId)
  })

  it('becomes a need once, also when pressed twice at once; a failed creation leaves the record as it was', async () => {
    const saved = await staff().ok('records', record)
    const ctx = {
      db: h.db,
      openid: USERS.staffA1,
      origin: { source: 'test', ip: '' },
      openapi: { phoneNumberOf: async () => null },
      principal: { userId: `user-${USERS.staffA1}`, openid: USERS.staffA1, name: '', grants: [{ role: 'staff', scope: { communityId: a1, streetId: COMMUNITIES.a1.streetId, districtId: DISTRICT } }] },
      now: () => h.clock.now,
      env: { cardSecret: '' },
    } as KnownContext
    // Another community's staff do not find it; a creation that fails lifts the mark.
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser(USERS.staffB1).fail('records', { action: 'collectionToNeed', recordId: saved.recordId })).code).toBe('NOT_FOUND')
      const failing = async () => {
        throw new AppError('FORBIDDEN')
      }
      await expect(collectionToNeed(ctx, saved.recordId, failing)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    })
    // The conversion against a workflow that records what it was asked for.
    const made: NeedDraft[] = []
    const createNeed = async (_ctx: KnownContext, draft: NeedDraft) => {
      made.push(draft)
      await new Promise((resolve) => setImmediate(resolve))
      return { needId: `need-${made.length}` }
    }
    const results = await Promise.allSettled([collectionToNeed(ctx, saved.recordId, createNeed), collectionToNeed(ctx, saved.recordId, createNeed)])
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({ communityId: a1, source: '3栋居民', content: record.content, collectionRecordId: saved.recordId })
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<CollectionRecordView>).value.needId)).toEqual(['need-1'])
    const again = await collectionToNeed(ctx, saved.recordId, createNeed).catch((e: { code: string }) => e.code)
    expect(again).toBe('ALREADY_CONVERTED')
    // A mark left by a call that died an hour ago does not hold the record.
    const stuck = await staff().ok('records', record)
    await h.db.collection('needCollections').doc(stuck.recordId).update({ data: { convertingSince: new Date(h.clock.now.getTime() - 3_600_000) } })
    expect((await collectionToNeed(ctx, stuck.recordId, createNeed)).needId).toBe('need-2')
  })
})

describe('帮扶对象摸底表', () => {
  it('never takes an ID-card number, in any field, and nothing is written', async () => {
    await expectNothingWritten(h.db, async () => {
      for (const field of ['name', 'address', 'family', 'needs', 'surveyor']) {
        const refused = await staff().fail('records', targetInput({ [field]: '33010619850101123X' }))
        expect(refused.code).toBe('ID_CARD_NUMBER')
        expect(refused.message).toContain('请勿填写身份证号码')
      }
      expect((await staff().fail('records', targetInput({ mobile: '330106198501011234' }))).code).toBe('VALIDATION_FAILED')
      // Inside a text too long for its field: both problems are named.
      expect((await staff().fail('records', targetInput({ name: '王秀英身份证330106198501011234' }))).message).toMatch(/姓名不能超过20个字.*请勿填写身份证号码|请勿填写身份证号码.*姓名不能超过20个字/)
      expect((await staff().rawFail('records', { ...targetInput(), idCard: '330106198501011234' })).message).toContain('不支持的字段')
      expect((await staff().fail('records', targetInput({ categories: [] }))).message).toContain('请至少选择一个帮扶类别')
      expect((await staff().rawFail('records', { ...targetInput(), categories: ['贫困'] })).code).toBe('VALIDATION_FAILED')
      expect((await h.asUser(USERS.staffB1).fail('records', targetInput())).code).toBe('FORBIDDEN')
    })
  })

  it('lists every target, paired or not, and filters by pairing', async () => {
    const paired = await newTarget({ name: '赵大爷' })
    const alone = await newTarget({ name: '钱奶奶', categories: ['低保'] })
    await pair(paired.targetId, 'm-a')
    const all = await staff().ok('records', { action: 'targetList', communityId: a1, pageSize: 100 })
    const ids = all.rows.map((t) => t.targetId)
    expect(ids).toEqual(expect.arrayContaining([paired.targetId, alone.targetId]))
    expect(all.rows.find((t) => t.targetId === paired.targetId)!.paired).toMatchObject([{ memberName: '张伟', unitName: UNITS.u1.name }])
    const pairedOnly = await staff().ok('records', { action: 'targetList', communityId: a1, paired: 'paired', pageSize: 100 })
    const unpaired = await staff().ok('records', { action: 'targetList', communityId: a1, paired: 'unpaired', pageSize: 100 })
    expect(pairedOnly.rows.map((t) => t.targetId)).toContain(paired.targetId)
    expect(pairedOnly.rows.map((t) => t.targetId)).not.toContain(alone.targetId)
    expect(unpaired.rows.map((t) => t.targetId)).toContain(alone.targetId)
    expect(unpaired.rows.map((t) => t.targetId)).not.toContain(paired.targetId)
  })

  it('pages through a community of any size', async () => {
    const before = await countOf(h.db.collection('assistTargets').where({ communityId: a1 }))
    for (let i = 0; i < 25; i++) await h.db.collection('assistTargets').add({ data: { ...targetInput({ name: `对象${String(i).padStart(2, '0')}` }), action: undefined, surveyedAt: new Date('2026-03-02T00:00:00Z'), communityId: a1, streetId: COMMUNITIES.a1.streetId, districtId: DISTRICT } })
    const seen = new Set<string>()
    for (let page = 1; ; page++) {
      const result = await staff().ok('records', { action: 'targetList', communityId: a1, page, pageSize: 10 })
      expect(result.total).toBe(before + 25)
      for (const row of result.rows) seen.add(row.targetId)
      if (result.rows.length < 10) break
    }
    expect(seen.size).toBe(before + 25)
    const sheet = await staff().ok('records', { action: 'sheet', communityId: a1, kind: 'targets' })
    expect(sheet.rows).toHaveLength(before + 25)
  })
})

describe('结对帮扶', () => {
  it('refuses a member of another community, and a second live pairing of the same two (also at once)', async () => {
    const target = await newTarget({ name: '孙阿姨' })
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('records', { action: 'pairCreate', targetId: target.targetId, memberId: 'm-far', content: '走访' })).code).toBe('PAIRING_OTHER_COMMUNITY')
      expect((await h.asUser(USERS.staffB1).fail('records', { action: 'pairCreate', targetId: target.targetId, memberId: 'm-far', content: '走访' })).code).toBe('NOT_FOUND')
      expect((await h.asUser('m-a').fail('records', { action: 'pairCreate', targetId: target.targetId, memberId: 'm-a', content: '走访' })).code).toBe('FORBIDDEN')
    })
    const both = await Promise.all([0, 1].map(() => staff().call('records', { action: 'pairCreate', targetId: target.targetId, memberId: 'm-b', content: '走访' })))
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.find((r) => !r.ok)).toMatchObject({ code: 'ALREADY_PAIRED' })
    expect(await countOf(h.db.collection('assistancePairings').where({ targetId: target.targetId, memberId: 'm-b' }))).toBe(1)
  })

  it('lets the paired member see the target and record visits; ending keeps the history, masked', async () => {
    const target = await newTarget({ name: '周爷爷' })
    // Before pairing, no member sees the target.
    expect((await h.asUser('m-a').fail('records', { action: 'targetGet', targetId: target.targetId })).code).toBe('NOT_FOUND')
    const pairing = await pair(target.targetId, 'm-a')
    expect(pairing).toMatchObject({ status: 'active', memberName: '张伟', unitName: UNITS.u1.name })
    const seen = await h.asUser('m-a').ok('records', { action: 'targetGet', targetId: target.targetId })
    expect(seen).toMatchObject({ mobile: '13812345678', address: '东湖路12号3单元501室', masked: false })
    // Another member, a resident, a unit secretary and another community's staff do not.
    for (const other of ['m-b', 'm-far', USERS.staffB1]) expect((await h.asUser(other).fail('records', { action: 'targetGet', targetId: target.targetId })).code).toBe('NOT_FOUND')
    for (const other of [USERS.residentA1, USERS.secretary1]) expect((await h.asUser(other).fail('records', { action: 'targetGet', targetId: target.targetId })).code).toBe('FORBIDDEN')

    const visited = await h.asUser('m-a').ok('records', { action: 'visitAdd', pairingId: pairing.pairingId, date: '2026-03-16', content: '送药，打扫卫生' })
    expect(visited.visits).toMatchObject([{ content: '送药，打扫卫生' }])
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser('m-b').fail('records', { action: 'visitAdd', pairingId: pairing.pairingId, date: '2026-03-16', content: '冒充' })).code).toBe('NOT_FOUND')
      expect((await h.asUser('m-a').fail('records', { action: 'visitAdd', pairingId: pairing.pairingId, date: '2026-03-18', content: '明天' })).code).toBe('DATE_IN_FUTURE')
      expect((await h.asUser('m-a').fail('records', { action: 'visitAdd', pairingId: pairing.pairingId, date: '2026-03-16', content: '' })).code).toBe('VALIDATION_FAILED')
    })

    const ended = await staff().ok('records', { action: 'pairEnd', pairingId: pairing.pairingId, reason: '对象搬离' })
    expect(ended).toMatchObject({ status: 'ended', endReason: '对象搬离' })
    expect(ended.visits).toHaveLength(1)
    expect((await staff().fail('records', { action: 'pairEnd', pairingId: pairing.pairingId, reason: '再次' })).code).toBe('PAIRING_ENDED')
    expect((await h.asUser('m-a').fail('records', { action: 'visitAdd', pairingId: pairing.pairingId, date: '2026-03-16', content: '结束后' })).code).toBe('PAIRING_ENDED')
    // The member keeps their history, with the target's mobile and address masked.
    const mine = await h.asUser('m-a').ok('records', { action: 'myPairings' })
    expect(mine.find((p) => p.pairingId === pairing.pairingId)!.target).toMatchObject({ mobile: '138****5678', address: '东湖路****' })
    expect(await h.asUser('m-a').ok('records', { action: 'targetGet', targetId: target.targetId })).toMatchObject({ masked: true, mobile: '138****5678', family: '' })
    // The 摸底表 still lists the target; the 登记表 lists the ended pairing with its visit.
    const survey = await staff().ok('records', { action: 'sheet', communityId: a1, kind: 'targets' })
    expect(survey.rows.some((row) => row[1] === '周爷爷')).toBe(true)
    const register = await staff().ok('records', { action: 'sheet', communityId: a1, kind: 'pairings' })
    const row = register.rows.find((r) => r[1] === '周爷爷')!
    expect(row[7]).toContain('送药，打扫卫生')
    expect(row[8]).toContain('结束（对象搬离）')
  })

  it('takes a member’s offer, one at a time, which the staff confirm with a target', async () => {
    const offer = await h.asUser('m-b').ok('records', { action: 'pairOffer', content: '可以每周陪老人聊天' })
    expect(offer).toMatchObject({ status: 'offered', target: null })
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser('m-b').fail('records', { action: 'pairOffer', content: '再报一次' })).code).toBe('OFFER_PENDING')
      expect((await h.asUser('m-b').fail('records', { action: 'visitAdd', pairingId: offer.pairingId, date: '2026-03-16', content: '还没有对象' })).code).toBe('PAIRING_NOT_ACTIVE')
    })
    const offers = await staff().ok('records', { action: 'pairList', communityId: a1, status: 'offered' })
    expect(offers.rows.map((p) => p.pairingId)).toContain(offer.pairingId)
    const target = await newTarget({ name: '吴奶奶' })
    const confirmed = await staff().ok('records', { action: 'pairConfirm', pairingId: offer.pairingId, targetId: target.targetId })
    expect(confirmed).toMatchObject({ status: 'active', target: { name: '吴奶奶', mobile: '13812345678' } })
    expect((await h.asUser('m-b').ok('records', { action: 'targetGet', targetId: target.targetId })).masked).toBe(false)
  })
})

describe('会议记录本', () => {
  type MeetingSave = ActionCall<'records', 'meetingSave'>
  const meeting = (over: Partial<MeetingSave> = {}): MeetingSave => ({
    action: 'meetingSave',
    communityId: a1,
    date: '2026-03-08',
    place: '曙光社区会议室',
    host: '李娜',
    recorder: '王强',
    memberIds: ['m-a', 'm-b'],
    unitIds: [UNITS.u1._id],
    otherAttendees: '居民代表2人',
    topic: '双报到工作推进会',
    content: '通报报到情况，征集服务项目',
    decisions: '3月下旬开展环境整治',
    photos: [],
    ...over,
  })

  it('records a meeting with attendees and photos, and prints it', async () => {
    const photo = await staff().uploaded('image', 'meeting.jpg', SAMPLES.jpeg)
    const saved = await staff().ok('records', meeting({ photos: [photo] }))
    expect(saved.members.map((m) => m.name)).toEqual(['张伟', '李娜'])
    expect(saved.units).toEqual([{ unitId: UNITS.u1._id, name: UNITS.u1.name }])
    expect(saved.photos).toMatchObject([{ fileID: photo }])
    expect(saved.photos[0]!.url).toMatch(/^http/)
    const book = await staff().ok('records', { action: 'sheet', communityId: a1, kind: 'meetings' })
    expect(book.rows.at(-1)![5]).toBe(`${UNITS.u1.name}、张伟、李娜、居民代表2人`)
    expect((await h.asUser(USERS.staffB1).fail('records', { action: 'meetingGet', meetingId: saved.meetingId })).code).toBe('NOT_FOUND')
  })

  it('refuses a photo that is not an image, more than 9 photos, and attendees from elsewhere, writing nothing', async () => {
    // In the cloud a client uploads straight to storage: the bytes are checked by the function.
    const pdf = await staff().uploaded('image', 'notes.jpg', SAMPLES.pdf)
    const others = await h.asUser(USERS.staffB1).uploaded('image', 'x.jpg', SAMPLES.jpeg)
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('records', meeting({ photos: [pdf] }))).code).toBe('NOT_IMAGE')
      expect((await staff().fail('records', meeting({ photos: [others] }))).code).toBe('FILE_NOT_OURS')
      expect((await staff().fail('records', meeting({ photos: Array.from({ length: 10 }, (_, i) => `cloud://env/p${i}.jpg`) }))).code).toBe('TOO_MANY_PHOTOS')
      expect((await staff().fail('records', meeting({ memberIds: ['m-far'] }))).code).toBe('NOT_FOUND')
      expect((await staff().fail('records', meeting({ topic: '' }))).code).toBe('VALIDATION_FAILED')
    })
  })
})

describe('社区基本情况', () => {
  it('is edited by the community’s staff only', async () => {
    const empty = await staff().ok('records', { action: 'profileGet', communityId: a1 })
    expect(empty).toMatchObject({ communityName: '曙光社区', households: 0, updatedAt: null })
    const profile: ActionCall<'records', 'profileSave'> = {
      action: 'profileSave',
      communityId: a1,
      area: '东至东湖路，西至文一路',
      households: 3200,
      residents: 8600,
      partyMembers: 260,
      offices: ['区教育局'],
      commercialAreas: ['东湖商业街'],
      schools: ['曙光小学'],
      nursingHomes: ['曙光颐养院'],
      compounds: ['东湖小区', '文一新村'],
    }
    const saved = await staff().ok('records', profile)
    expect(saved).toMatchObject({ households: 3200, compounds: ['东湖小区', '文一新村'] })
    expect(await staff().ok('records', { action: 'profileGet', communityId: a1 })).toMatchObject({ residents: 8600, schools: ['曙光小学'] })
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('records', { ...profile, households: -1 })).message).toContain('户数不能为负数')
      expect((await h.asUser(USERS.staffB1).fail('records', profile)).code).toBe('FORBIDDEN')
    })
  })
})

describe('who may read what, role by role', () => {
  let targetId: string
  beforeAll(async () => {
    targetId = (await newTarget({ name: '郑奶奶' })).targetId
    await pair(targetId, 'm-a')
  })

  // [label, input, who may]; a target named by id answers NOT_FOUND to a staff or member it is not for.
  const CASES: Array<[string, () => ActionCall<'records', ActionName<'records'>>, string[], boolean?]> = [
    ['a target by id', () => ({ action: 'targetGet', targetId }), [USERS.staffA1, 'm-a'], true],
    ['the 摸底表', () => ({ action: 'targetList', communityId: a1 }), [USERS.staffA1]],
    ['the pairings', () => ({ action: 'pairList', communityId: a1 }), [USERS.staffA1]],
    ['the 征集记录', () => ({ action: 'collectionList', communityId: a1 }), [USERS.staffA1]],
    ['the meetings', () => ({ action: 'meetingList', communityId: a1 }), [USERS.staffA1]],
    ['the 基本情况', () => ({ action: 'profileGet', communityId: a1 }), [USERS.staffA1]],
    ['the members to pick from (no mobiles)', () => ({ action: 'choices', communityId: a1 }), [USERS.staffA1]],
    ['the printed 登记表', () => ({ action: 'sheet', communityId: a1, kind: 'pairings' }), [USERS.staffA1]],
    ['one’s own pairings', () => ({ action: 'myPairings' }), ['m-a', 'm-b', 'm-far']],
  ]

  describe.each(CASES)('%s', (_label, input, allowed, byId) => {
    it.each(EVERYONE)('%s', async (who) => {
      const result = await expectNothingWritten(h.db, () => h.asUser(who).call('records', input()))
      const mayByRole = ['staff', 'member'].includes(WHO[who as keyof typeof WHO])
      if (allowed.includes(who)) expect(result).toMatchObject({ ok: true })
      else expect(result).toMatchObject({ ok: false, code: byId && mayByRole ? 'NOT_FOUND' : 'FORBIDDEN' })
    })
  })

  it('shows the paired member the target in full, and a member’s own list nobody else’s', async () => {
    expect(await h.asUser('m-a').ok('records', { action: 'targetGet', targetId })).toMatchObject({ mobile: '13812345678', masked: false })
    const theirs = await h.asUser('m-far').ok('records', { action: 'myPairings' })
    expect(theirs).toEqual([])
    const choices = await staff().ok('records', { action: 'choices', communityId: a1 })
    expect(JSON.stringify(choices)).not.toMatch(/1370000000/)
  })
})
