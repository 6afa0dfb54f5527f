import type { ActionCall } from '../../src/domain/contracts'
import type { LedgerOverview } from '../../src/domain/contracts/ledger.contract'
import type { LedgerItem } from '../../src/domain/ledger'
import type { TableModel } from '../../src/domain/table-model'
import { countOf } from '../../server/db/read'
import { ledgerTables } from '../../server/features/ledger/ledger-tables'
import type { Database } from '../../server/kernel/database'
import { SAMPLES } from '../domain/support/sample-files'
import { openHarness, type Harness } from './support/bridge-client'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMember, addMembers, COMMUNITIES, DISTRICT, seedCity, UNITS, USERS } from './support/fixture'

// 台账 (issue 12 §1): the overview's counts and missing items against seeded
// records, who may read it, the 文件清单's documents, and each category's tables.

let h: Harness
const a1 = COMMUNITIES.a1
const YEAR = 2026
const staff = () => h.asUser(USERS.staffA1)

async function report(db: Database, memberId: string, unit: keyof typeof UNITS, community: typeof a1 | typeof COMMUNITIES.b1 = a1, registered = true) {
  const reportedAt = new Date('2026-02-01T02:00:00Z')
  await db.collection('reports').doc(`report-${memberId}`).set({
    data: { memberId, unitId: UNITS[unit]._id, communityId: community._id, streetId: community.streetId, districtId: DISTRICT, reportedAt, receivedBy: 'user-staff-a1', cardNo: 'X', status: 'active' },
  })
  if (!registered) return
  await db.collection('registrations').doc(`registration-${memberId}-${community._id}`).set({
    data: {
      memberId, unitId: UNITS[unit]._id, communityId: community._id, streetId: community.streetId, districtId: DISTRICT,
      gender: '男', birthMonth: '1985-07', joinPartyMonth: '2008-06', education: '大学本科', hobbies: '书法', officePhone: '', mobile: '13700000009', qq: '', address: '曙光路1号',
      jobTitle: '科长', willingLiaison: true,
      claims: [{ postId: 'p1', postName: '政策宣讲员', category: 'manage', categoryName: '社区管理协助项目', order: 2 }, { custom: '陪老人下棋', category: 'custom', categoryName: '个人自选项目' }],
      claimCount: 2, savedBy: 'x', savedAt: reportedAt,
    },
  })
}

const facts = { reported: true, reportedAt: '2026-02-01T02:00:00.000Z', claimedPosts: 2, communityActivities: 3, unitActivities: 1, activityHours: 8, serviceEntries: 2, serviceHours: 3, needsCompleted: 0, needRatingMean: null, pairingVisits: 0, pledge: null }

async function entry(db: Database, id: string, memberId: string, quarter: 1 | 2 | 3, status: string) {
  const date = new Date(`2026-0${quarter * 3 - 1}-10T00:00:00+08:00`)
  await db.collection('serviceEntries').doc(id).set({
    data: { memberId, unitId: UNITS.u1._id, communityId: a1._id, districtId: DISTRICT, date, year: YEAR, quarter, place: '社区活动室', content: `服务${id}`, kind: 'own', hours: 1.5, photoFileId: null, source: null, status, returnReason: null, returnedBy: null, handInId: null, createdAt: date, updatedAt: date },
  })
}

beforeAll(async () => {
  h = await openHarness({
    now: new Date('2026-12-04T02:00:00Z'),
    seed: async (db) => {
      await seedCity(db)
      await addMembers(db, [
        ['m-a', 'u1', 'a1', '张伟', '13700000001'],
        ['m-b', 'u2', 'a1', '李娜', '13700000002'],
        ['m-c', 'u1', 'a1', '王强', '13700000003'],
        ['m-far', 'u1', 'b1', '冯静', '13700000004'],
      ])
      await report(db, 'm-a', 'u1')
      await report(db, 'm-b', 'u2')
      await report(db, 'm-c', 'u1', a1, false)
      await report(db, 'm-far', 'u1', COMMUNITIES.b1)
      const own = { communityId: a1._id, streetId: a1.streetId, districtId: DISTRICT }
      await db.collection('evaluations').doc(`m-a:${YEAR}`).set({
        data: { memberId: 'm-a', unitId: UNITS.u1._id, ...own, year: YEAR, proposed: '好', rating: '好', comment: '积极参加', pledgeKept: null, facts, confirmedBy: 'user-staff-a1', confirmedAt: new Date('2026-11-20T02:00:00Z') },
      })
      await db.collection('feedbackCards').doc(`m-a:${YEAR}`).set({
        data: {
          memberId: 'm-a', unitId: UNITS.u1._id, ...own, year: YEAR, memberName: '张伟', unitName: UNITS.u1.name, communityName: a1.name, partyOrgName: '中共曙光社区委员会',
          reportedAt: new Date('2026-02-01T02:00:00Z'), claimedPosts: ['政策宣讲员'], facts, rating: '好', comment: '积极参加', evaluationConfirmedAt: new Date('2026-11-20T02:00:00Z'), issuedAt: new Date('2026-11-25T02:00:00Z'), issuedBy: 'user-staff-a1',
        },
      })
      await entry(db, 'se-1', 'm-a', 1, 'confirmed')
      await entry(db, 'se-2', 'm-a', 1, 'confirmed')
      await entry(db, 'se-3', 'm-a', 2, 'handedIn')
      await entry(db, 'se-4', 'm-a', 3, 'draft')
      const q = (status: string) => ({ status, handedInAt: new Date('2026-07-02T02:00:00Z'), handedInBy: 'x', entries: 1, hours: 1.5, returnReason: null, returnedAt: null, confirmedAt: null, confirmedBy: null })
      await db.collection('serviceHandIns').doc(`${UNITS.u1._id}:${a1._id}:${YEAR}`).set({
        data: { unitId: UNITS.u1._id, unitName: UNITS.u1.name, communityId: a1._id, communityName: a1.name, streetId: a1.streetId, districtId: DISTRICT, year: YEAR, quarters: { 1: q('confirmed'), 2: q('handedIn') }, status: 'waiting', waitingSince: null, updatedAt: new Date() },
      })
      const meeting = (id: string, date: string) =>
        db.collection('meetings').doc(id).set({
          data: { ...own, createdBy: 'x', createdAt: new Date(date), updatedAt: new Date(date), date: new Date(date), place: '会议室', host: '李书记', recorder: '小王', memberIds: ['m-a'], unitIds: [], otherAttendees: '', topic: '双报到推进会', content: '部署工作', decisions: '', photos: [] },
        })
      await meeting('meet-2026', '2026-04-01T02:00:00Z')
      await meeting('meet-2025', '2025-04-01T02:00:00Z')
    },
  })
  for (const id of [USERS.staffA1, USERS.staffA2, USERS.secretary1, 'm-a']) await h.asUser(id).ok('bootstrap', { action: 'get' })
})
afterAll(() => h.close())

const itemOf = (o: LedgerOverview, item: LedgerItem) => o.categories.flatMap((c) => c.items).find((i) => i.item === item)!

describe('the overview', () => {
  it('counts each item of the five categories and says what is missing', async () => {
    const o = await staff().ok('ledger', { action: 'overview', communityId: a1._id, year: YEAR })
    expect(o.categories.map((c) => c.title)).toEqual(['一、文件清单', '二、报到清单', '三、需求清单', '四、服务清单', '五、评价清单'])
    expect(o.categories[1]!.items.map((i) => i.item)).toEqual(['summary', 'units', 'registration'])
    expect(itemOf(o, 'meetings').count).toBe(1)
    expect(itemOf(o, 'summary').count).toBe(3)
    expect(itemOf(o, 'units').count).toBe(2)
    expect(itemOf(o, 'registration')).toMatchObject({ count: 2, missing: ['1 人已报到但未填写附件1报到登记表：王强'] })
    expect(itemOf(o, 'profile')).toMatchObject({ count: 0, missing: ['社区基本情况未填写'] })
    expect(itemOf(o, 'serviceSheet').count).toBe(2)
    expect(itemOf(o, 'serviceSheet').missing).toEqual(['区财政局：第一季度、第二季度、第三季度服务清单未上交', '区教育局：第三季度服务清单未上交'])
    expect(itemOf(o, 'evaluations').count).toBe(1)
    expect(itemOf(o, 'evaluations').missing[0]).toMatch(/^2 人尚未确认年度评价：/)
    expect(itemOf(o, 'feedbackCard')).toMatchObject({ count: 1 })
    expect(itemOf(o, 'documents').missing).toEqual(['尚未上传上级文件或工作机制材料'])
  })

  it('is the community staff’s own: another community’s staff get NOT_FOUND, a member or secretary FORBIDDEN, a future year is refused', async () => {
    expect((await h.asUser(USERS.staffA2).fail('ledger', { action: 'overview', communityId: a1._id, year: YEAR })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.staffA2).fail('ledger', { action: 'tables', communityId: a1._id, year: YEAR, item: 'summary' })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.secretary1).fail('ledger', { action: 'overview', communityId: a1._id, year: YEAR })).code).toBe('FORBIDDEN')
    expect((await h.asUser('m-a').fail('ledger', { action: 'overview', communityId: a1._id, year: YEAR })).code).toBe('FORBIDDEN')
    expect((await staff().fail('ledger', { action: 'overview', communityId: a1._id, year: 2027 })).code).toBe('LEDGER_YEAR_FUTURE')
    expect((await staff().fail('ledger', { action: 'overview', communityId: 'community-none', year: YEAR })).code).toBe('NOT_FOUND')
  })
})

describe('文件清单 documents', () => {
  const add = (fileID: string, title = '关于进一步做好“双报到”活动台账资料整理工作的补充通知') =>
    ({ action: 'documentAdd', communityId: a1._id, year: YEAR, fileID, title, issuedBy: '中共梧州市委组织部', issuedAt: '2026-03-01' }) as const

  it('files an uploaded PDF, image or Word file, lists newest first and removes', async () => {
    const pdfFile = await staff().uploaded('pdf', '通知.pdf', SAMPLES.pdf)
    const pdf = await staff().ok('ledger', add(pdfFile))
    expect(pdf).toMatchObject({ format: 'pdf', issuedBy: '中共梧州市委组织部', year: YEAR })
    const word = await staff().ok('ledger', { ...add(await staff().uploaded('word', '方案.docx', SAMPLES.docx), '工作方案'), issuedAt: '2026-05-01' })
    expect(word.format).toBe('docx')
    // The same upload filed again is the same entry, corrected in place.
    const again = await staff().ok('ledger', add(pdfFile, '补充通知'))
    expect(again.documentId).toBe(pdf.documentId)
    const list = await staff().ok('ledger', { action: 'documentList', communityId: a1._id, year: YEAR })
    expect(list.rows.map((r) => r.title)).toEqual(['工作方案', '补充通知'])
    const overview = await staff().ok('ledger', { action: 'overview', communityId: a1._id, year: YEAR })
    expect(itemOf(overview, 'documents')).toMatchObject({ count: 2, missing: [] })

    expect((await h.asUser(USERS.staffA2).fail('ledger', { action: 'documentRemove', documentId: word.documentId })).code).toBe('NOT_FOUND')
    await staff().ok('ledger', { action: 'documentRemove', documentId: word.documentId })
    expect(await countOf(h.db.collection('ledgerDocuments').where({ communityId: a1._id }))).toBe(1)
  })

  it('refuses a file that is not a PDF, image or Word file, writing nothing', async () => {
    const sheet = await staff().uploaded('spreadsheet', '名册.xlsx', SAMPLES.xlsxShell)
    const fail = await expectNothingWritten(h.db, () => staff().fail('ledger', add(sheet)))
    expect(fail.code).toBe('NOT_LEDGER_DOCUMENT')
    expect(fail.message).toMatch(/PDF/)
    const future = await staff().uploaded('pdf', '通知.pdf', SAMPLES.pdf)
    expect((await expectNothingWritten(h.db, () => staff().fail('ledger', { ...add(future), issuedAt: '2026-12-30' }))).code).toBe('LEDGER_DATE_FUTURE')
    expect((await expectNothingWritten(h.db, () => staff().rawFail('ledger', { ...add(future), title: '' }))).code).toBe('VALIDATION_FAILED')
  })
})

describe('tables', () => {
  async function all(category: 1 | 2 | 3 | 4 | 5): Promise<TableModel[]> {
    const tables: TableModel[] = []
    for await (const t of ledgerTables(h.db, a1._id, YEAR, category)) tables.push(t)
    return tables
  }

  it('category 一: the 文件清单 and the year’s 会议记录本', async () => {
    const [documents, meetings] = await all(1)
    expect(documents!.title).toBe('曙光社区2026年“双报到”活动文件清单')
    expect(meetings!.title).toBe('曙光社区会议记录本')
    expect(meetings!.rows).toHaveLength(1)
  })

  it('category 二: the 汇总表 first, the units, then 附件1 per member with its receipt', async () => {
    const tables = await all(2)
    expect(tables[0]!.title).toBe('曙光社区进社区报到的在职党员信息汇总表')
    expect(tables[0]!.rows.map((r) => r[1])).toEqual(expect.arrayContaining(['政策宣讲员', '陪老人下棋', '（尚未认领）']))
    expect(tables[1]!.rows).toEqual([['1', '区财政局', '1'], ['2', '区教育局', '2']])
    const forms = tables.slice(2)
    expect(forms).toHaveLength(3)
    const zhang = forms.find((t) => t.rows[0]![1] === '张伟')!
    expect(zhang.title).toBe('西湖区在职党员向社区报到登记表')
    expect(zhang.rows[5]![1]).toBe('社区管理协助项目：政策宣讲员\n个人自选项目：陪老人下棋')
    expect(zhang.layout!.footer![1]![0]).toBe('张伟同志，系中共党员，于2026年2月1日已向我党组织报到。感谢贵单位党组织对社区党建工作的关心和支持。')
  })

  it('category 三, 四 and 五 hold their tables with the expected titles and rows', async () => {
    expect((await all(3)).map((t) => t.title)).toEqual(['曙光社区社区基本情况', '曙光社区服务需求征集记录本', '曙光社区需要帮扶对象基本情况摸底表'])
    const four = await all(4)
    expect(four.map((t) => t.title)).toEqual(['曙光社区在职党员结对帮扶社区困难群众情况登记表', '2026年在职党员参与社区服务活动情况登记表', '在职党员进社区服务清单', '在职党员进社区服务清单'])
    expect(four[1]!.rows).toHaveLength(3)
    expect(four[2]!.subtitle).toMatch(/2026年第一季度　共 2 次，3 小时/)
    const five = await all(5)
    expect(five[0]!.title).toBe('曙光社区2026年度在职党员评价表')
    expect(five[0]!.rows[0]!.slice(1, 3)).toEqual(['张伟', '区教育局'])
    expect(five[1]!.title).toBe('2026年度在职党员社区表现反馈卡')
  })

  it('the page reads one item’s tables a page at a time', async () => {
    const page = await staff().ok('ledger', { action: 'tables', communityId: a1._id, year: YEAR, item: 'registration', page: 1, pageSize: 2 })
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 })
    expect(page.tables).toHaveLength(2)
    const summary = await staff().ok('ledger', { action: 'tables', communityId: a1._id, year: YEAR, item: 'summary' })
    expect(summary.tables[0]!.layout?.orientation).toBe('landscape')
  })
})

describe('cost', () => {
  const overviewRequests = async () => {
    const { result, requests } = await recordDbRequests(() => staff().call('ledger', { action: 'overview', communityId: a1._id, year: YEAR }))
    expect(result.ok).toBe(true)
    return requests.filter((r) => r.collection !== 'devSessions' && r.collection !== 'users').length
  }

  const requestsOf = async (input: ActionCall<'ledger', 'tables'> | ActionCall<'ledger', 'documentList'>) => {
    const { result, requests } = await recordDbRequests(() => staff().call('ledger', input as ActionCall<'ledger', 'tables'>))
    expect(result.ok).toBe(true)
    return requests.filter((r) => r.collection !== 'devSessions' && r.collection !== 'users').length
  }
  const registrationPage: ActionCall<'ledger', 'tables'> = { action: 'tables', communityId: a1._id, year: YEAR, item: 'registration', page: 1, pageSize: 10 }
  const documentPage: ActionCall<'ledger', 'documentList'> = { action: 'documentList', communityId: a1._id, year: YEAR }

  it('the overview costs the same 17 requests with 40 more members reported, a page of 附件1 and of documents the same too', async () => {
    expect(await overviewRequests()).toBe(17)
    const before = { registration: await requestsOf(registrationPage), documents: await requestsOf(documentPage) }
    expect(before).toEqual({ registration: 6, documents: 3 })
    for (let i = 0; i < 40; i++) {
      await addMember(h.db, { id: `m-more-${i}`, unit: i % 2 ? 'u1' : 'u2', community: 'a1', name: `党员${i}`, mobile: `1390000${String(i).padStart(4, '0')}` })
      await report(h.db, `m-more-${i}`, i % 2 ? 'u1' : 'u2', a1, i % 3 !== 0)
    }
    expect(await overviewRequests()).toBe(17)
    expect({ registration: await requestsOf(registrationPage), documents: await requestsOf(documentPage) }).toEqual(before)
    const o = await staff().ok('ledger', { action: 'overview', communityId: a1._id, year: YEAR })
    expect(itemOf(o, 'registration').missing[0]).toMatch(/^15 人已报到但未填写附件1报到登记表：.+ 等15人$/)
  })
})
