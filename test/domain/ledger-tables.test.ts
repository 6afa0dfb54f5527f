import { checkLedgerYear, LEDGER_CATEGORIES, LEDGER_ITEMS, ledgerOverview, quartersDue, type LedgerFacts, type LedgerItem } from '../../src/domain/ledger'
import {
  activityRegisterTable,
  claimLines,
  communityProfileTable,
  documentsTable,
  evaluationsTable,
  feedbackCardTable,
  registrationTable,
  reportingUnitsTable,
  reportSummaryTable,
  type RegistrationSheet,
} from '../../src/domain/ledger-tables'
import type { TableModel } from '../../src/domain/table-model'
import { SAMPLE_REGISTRATION } from './support/sample-registration'

// The 台账's categories and what each misses, and the table builders in the
// seeds' layouts (002 附件1, 附件2; 000 §一.(二)–(六)).

/** Every row as wide as the widest header row or the layout's widths; merges inside the grid. */
function expectWellFormed(t: TableModel) {
  const width = t.layout?.widths?.length ?? t.header[0]!.length
  for (const row of [...t.header, ...t.rows]) expect(row).toHaveLength(width)
  for (const m of t.layout?.bodyMerges ?? []) {
    expect(m.col + m.colSpan).toBeLessThanOrEqual(width)
    expect(m.row + m.rowSpan).toBeLessThanOrEqual(t.rows.length)
    // A merged block's covered cells are empty: the text stands in its top-left cell.
    for (let r = m.row; r < m.row + m.rowSpan; r++) for (let c = m.col; c < m.col + m.colSpan; c++) if (r !== m.row || c !== m.col) expect(t.rows[r]![c]).toBe('')
  }
}

const sheet: RegistrationSheet = {
  ...SAMPLE_REGISTRATION,
  memberName: '张伟',
  mobile: '13700000001',
  communityName: '曙光社区',
  address: '曙光路1号',
  unitName: '区教育局',
  claims: [
    { categoryName: '社区管理协助项目', name: '政策宣讲员' },
    { categoryName: '便民服务项目', name: '水电维修' },
    { categoryName: '社区管理协助项目', name: '民情联络员' },
  ],
  partyOrgName: null,
  reportedAt: '2026-02-01T02:00:00.000Z',
}

describe('附件1 报到登记表 with its receipt', () => {
  it('lays the form out as the seed’s grid, claims grouped by category, the receipt as its footer', () => {
    const t = registrationTable(sheet)
    expectWellFormed(t)
    expect(t.title).toBe('西湖区在职党员向社区报到登记表')
    expect(t.rows[0]).toEqual(['姓名', '张伟', '性别', '男', '出生年月', '1985-07', '入党时间', '2008-06'])
    expect(t.rows[2]![1]).toBe('办公室电话：0571-87654321　手机号码：13700000001　QQ号：—')
    expect(t.rows[4]![4]).toBe('☑是　□否')
    expect(t.rows[5]![1]).toBe('社区管理协助项目：政策宣讲员、民情联络员\n便民服务项目：水电维修')
    expect(t.layout!.footer).toEqual([
      ['回执'],
      ['张伟同志，系中共党员，于2026年2月1日已向我党组织报到。感谢贵单位党组织对社区党建工作的关心和支持。'],
      ['中共曙光社区委员会（盖章）'],
      ['2026年2月1日'],
      ['注：本表一式2份，在职党员所在单位和报到社区各留存1份。'],
    ])
  })

  it('leaves both boxes empty for a member who has not filled the form in, and says nothing was claimed', () => {
    const t = registrationTable({ ...sheet, willingLiaison: null, claims: [], partyOrgName: '中共曙光社区党委' })
    expect(t.rows[4]![4]).toBe('□是　□否')
    expect(t.rows[5]![1]).toBe('（尚未认领）')
    expect(t.layout!.footer![2]).toEqual(['中共曙光社区党委（盖章）'])
    expect(registrationTable({ ...sheet, willingLiaison: false }).rows[4]![4]).toBe('□是　☑否')
  })

  it('names a custom claim’s category as 个人自选项目 when it has none', () => {
    expect(claimLines([{ categoryName: '', name: '陪老人下棋' }])).toBe('个人自选项目：陪老人下棋')
  })
})

describe('the other tables', () => {
  it('汇总表: rows in the given (claimed post) order, numbered', () => {
    const row = { postName: '政策宣讲员', categoryName: '社区管理协助项目', memberName: '张伟', gender: '男', unitName: '区教育局', jobTitle: '科长', mobile: '137****0001', reportedAt: '2026-02-01T02:00:00.000Z' }
    const t = reportSummaryTable('曙光社区', [row, { ...row, postName: '水电维修', memberName: '李娜' }])
    expectWellFormed(t)
    expect(t.title).toBe('曙光社区进社区报到的在职党员信息汇总表')
    expect(t.rows.map((r) => [r[0], r[1], r[3]])).toEqual([['1', '政策宣讲员', '张伟'], ['2', '水电维修', '李娜']])
    expect(t.rows[0]![8]).toBe('2026年2月1日')
  })

  it('报到单位 with the total in its footer', () => {
    const t = reportingUnitsTable('曙光社区', 2026, [{ unitName: '区财政局', members: 1 }, { unitName: '区教育局', members: 2 }])
    expectWellFormed(t)
    expect(t.subtitle).toBe('2026年，共 2 个单位、3 名党员')
    expect(t.layout!.footer).toEqual([['合计', '', '3']])
  })

  it('社区基本情况: no rows until filled', () => {
    const base = { communityId: 'c', communityName: '曙光社区', area: '东至东湖路', households: 1200, residents: 3400, partyMembers: 150, offices: ['区教育局'], commercialAreas: [], schools: ['曙光小学'], nursingHomes: [], compounds: ['曙光小区', '东湖苑'] }
    expect(communityProfileTable({ ...base, updatedAt: null }).rows).toEqual([])
    const t = communityProfileTable({ ...base, updatedAt: '2026-03-01T02:00:00.000Z' })
    expectWellFormed(t)
    expect(t.rows[1]).toEqual(['社区人口情况', '1200 户，3400 人，其中党员 150 人'])
    expect(t.rows[3]).toEqual(['重要商业区', '—'])
    expect(t.rows[6]).toEqual(['居民小区', '曙光小区、东湖苑'])
  })

  it('附件2 in the seed’s ten columns, a line per service, its 备注 as footer', () => {
    const t = activityRegisterTable(2026, '曙光社区', [
      { index: 1, memberId: 'm', name: '张伟', gender: '男', birthMonth: '1985-07', unitAndTitle: '区教育局 科长', address: '曙光路1号', mobile: '13700000001', claimedItems: '政策宣讲员', services: ['3月5日 环境整治', '5月1日 义诊'], evaluation: null },
    ])
    expectWellFormed(t)
    expect(t.title).toBe('2026年在职党员参与社区服务活动情况登记表')
    expect(t.subtitle).toBe('(社区用)　社区名称：曙光社区')
    expect(t.header[0]).toHaveLength(10)
    expect(t.rows[0]![8]).toBe('3月5日 环境整治\n5月1日 义诊')
    expect(t.rows[0]![9]).toBe('')
    expect(t.layout!.footer![0]![0]).toMatch(/^备注：此表由社区按年度填写/)
  })

  it('the year’s evaluations, with the distribution in the subtitle', () => {
    const line = { memberName: '张伟', unitName: '区教育局', activities: 4, activityHours: 8, serviceEntries: 2, serviceHours: 3, proposed: '好' as const, rating: '较好' as const, comment: '参加次数偏少', pledgeKept: false, confirmedAt: '2026-11-20T02:00:00.000Z' }
    const t = evaluationsTable('曙光社区', 2026, [line])
    expectWellFormed(t)
    expect(t.subtitle).toBe('已评价 1 人：好 0 人，较好 1 人，一般 0 人，差 0 人')
    expect(t.rows[0]).toEqual(['1', '张伟', '区教育局', '4 次，8 小时', '2 条，3 小时', '好', '较好', '未兑现', '参加次数偏少', '2026年11月20日'])
  })

  it('the 反馈卡 as a two-column table in 仿宋, stamped in its footer', () => {
    const facts = { reported: true, reportedAt: null, claimedPosts: 1, communityActivities: 3, unitActivities: 1, activityHours: 8, serviceEntries: 2, serviceHours: 3, needsCompleted: 1, needRatingMean: null, pairingVisits: 0, pledge: null }
    const t = feedbackCardTable({ year: 2026, memberName: '张伟', unitName: '区教育局', communityName: '曙光社区', reportedAt: null, claimedPosts: [], facts, rating: '好', comment: '', partyOrgName: '中共曙光社区委员会', issuedAt: '2026-11-25T02:00:00.000Z' })
    expectWellFormed(t)
    expect(t.layout!.font).toBe('仿宋')
    expect(t.rows.find((r) => r[0] === '综合评价')).toEqual(['综合评价', '好'])
    expect(t.rows.find((r) => r[0] === '一句话承诺')).toEqual(['一句话承诺', '—'])
    expect(t.layout!.footer).toEqual([['中共曙光社区委员会（盖章）'], ['2026年11月25日']])
  })

  it('the 文件清单 lists each document’s format by name', () => {
    const t = documentsTable('曙光社区', 2026, [{ title: '补充通知', issuedBy: '中共梧州市委组织部', issuedAt: '2026-03-01T00:00:00.000Z', format: 'docx', note: '' }, { title: '工作意见', issuedBy: '西湖区委组织部', issuedAt: '2013-01-04T00:00:00.000Z', format: 'none', note: '示例' }])
    expectWellFormed(t)
    expect(t.rows.map((r) => r[4])).toEqual(['Word', '无附件'])
  })
})

describe('the five categories and what each misses', () => {
  const zero = Object.fromEntries(LEDGER_ITEMS.map((i) => [i, 0])) as Record<LedgerItem, number>
  const facts: LedgerFacts = {
    year: 2026,
    now: new Date('2026-12-04T02:00:00Z'),
    counts: { ...zero, documents: 2, meetings: 3, summary: 10, registration: 9, evaluations: 8, feedbackCard: 8 },
    profileFilled: true,
    withoutRegistration: { count: 1, names: ['王强'] },
    withoutRating: { count: 7, names: ['甲', '乙', '丙', '丁', '戊'] },
    withoutCard: { count: 0, names: [] },
    units: [{ unitName: '区教育局', handedIn: [1, 2, 3] }, { unitName: '区财政局', handedIn: [2] }],
  }

  it('files the 汇总表 first in category 二, right after its table of contents', () => {
    expect(LEDGER_CATEGORIES[1]!.items[0]).toBe('summary')
    expect(LEDGER_CATEGORIES.flatMap((c) => c.items).sort()).toEqual([...LEDGER_ITEMS].sort())
  })

  it('counts each item and lists what is missing', () => {
    const items = ledgerOverview(facts).flatMap((c) => c.items)
    const of = (item: LedgerItem) => items.find((i) => i.item === item)!
    expect(of('registration')).toMatchObject({ count: 9, unit: '份', missing: ['1 人已报到但未填写附件1报到登记表：王强'] })
    expect(of('evaluations').missing).toEqual(['7 人尚未确认年度评价：甲、乙、丙、丁、戊 等7人'])
    expect(of('feedbackCard').missing).toEqual([])
    expect(of('serviceSheet').missing).toEqual(['区财政局：第一季度、第三季度服务清单未上交'])
    expect(of('profile').missing).toEqual([])
    expect(of('collections').missing).toEqual(['2026年尚无服务需求征集记录'])
    expect(ledgerOverview({ ...facts, profileFilled: false }).flatMap((c) => c.items).find((i) => i.item === 'profile')!.missing).toEqual(['社区基本情况未填写'])
  })

  it('asks for a quarter only once it has ended (China time)', () => {
    expect(quartersDue(2026, new Date('2026-09-30T15:59:59Z'))).toEqual([1, 2])
    expect(quartersDue(2026, new Date('2026-09-30T16:00:00Z'))).toEqual([1, 2, 3])
    expect(quartersDue(2025, new Date('2026-01-01T00:00:00Z'))).toEqual([1, 2, 3, 4])
    expect(quartersDue(2027, new Date('2026-12-04T00:00:00Z'))).toEqual([])
  })

  it('refuses a year still to come, takes this year and past ones', () => {
    expect(checkLedgerYear(2026, 2026)).toEqual({ ok: true })
    expect(checkLedgerYear(2025, 2026)).toEqual({ ok: true })
    expect(checkLedgerYear(2027, 2026)).toMatchObject({ ok: false, code: 'LEDGER_YEAR_FUTURE' })
  })
})
