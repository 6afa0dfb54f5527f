import { render, screen } from '@testing-library/react'
import type { EvaluationRow, FeedbackCard } from '../../src/domain/contracts/evaluation.contract'
import type { EvaluationFacts } from '../../src/domain/evaluation-facts'
import { callFunction } from '../../src/services/call-function'
import StaffEvaluationPage from '../../src/packages/staff/evaluation/index'
import RecordPage from '../../src/packages/member/record/index'
import UnitEvaluationPage from '../../src/packages/unit/evaluation/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'
import { type, tap, text } from './support/dom'

// The annual evaluation pages: staff see each member's facts and the proposed
// rating, confirm it (another rating needs a comment), issue the 反馈卡 and,
// from 12月1日, see the cards still missing; the member sees their year and
// the card once issued; the unit sees the distribution and the 95% flag.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

beforeEach(() => {
  freshPage(mockedCall)
})

const facts = (over: Partial<EvaluationFacts> = {}): EvaluationFacts => ({
  reported: true,
  reportedAt: '2025-01-20T02:00:00.000Z',
  claimedPosts: 2,
  communityActivities: 3,
  unitActivities: 2,
  activityHours: 9.5,
  serviceEntries: 4,
  serviceHours: 6,
  needsCompleted: 1,
  needRatingMean: 5,
  pairingVisits: 2,
  pledge: '每月为社区老人义务理发一次',
  ...over,
})

const row = (over: Partial<EvaluationRow> = {}): EvaluationRow => ({
  memberId: 'm-1',
  memberName: '张伟',
  unitName: '区卫健局',
  year: 2026,
  facts: facts(),
  proposed: '较好',
  reasons: ['认领服务岗位2个', '参加社区组织的活动3次', '服务时长15.5小时（不足20小时）'],
  rating: null,
  comment: '',
  pledgeKept: null,
  confirmedAt: null,
  cardIssuedAt: null,
  cardStale: false,
  ...over,
})

const card = (over: Partial<FeedbackCard> = {}): FeedbackCard => ({
  memberId: 'm-1',
  year: 2026,
  memberName: '张伟',
  unitName: '区卫健局',
  communityName: '西溪社区',
  reportedAt: '2025-01-20T02:00:00.000Z',
  claimedPosts: ['理发', '助老'],
  facts: facts(),
  rating: '好',
  comment: '积极参加社区活动',
  partyOrgName: '中共西溪社区委员会',
  sealUrl: 'http://127.0.0.1:8080/files/bucket/demo/seals/c1.png?sign=x&t=1',
  issuedAt: '2026-12-03T08:00:00.000Z',
  ...over,
})

type Counts = { reported: number; pending: number; rated: number; carded: number; noCard: number }
const list = (rows: EvaluationRow[], over: { counts?: Partial<Counts>; showMissing?: boolean; yearClosed?: boolean } = {}) => ({
  year: 2026,
  communityName: '西溪社区',
  yearClosed: over.yearClosed ?? false,
  rows,
  total: rows.length,
  page: 1,
  pageSize: 20,
  counts: { reported: 3, pending: 1, rated: 2, carded: 1, noCard: 2, ...over.counts },
  distribution: { 好: 1, 较好: 1, 一般: 0, 差: 0 },
  cardsDue: { showMissing: over.showMissing ?? true, dueDate: '2026-12-20T15:59:59.000Z' },
})

describe('党员评价 (staff)', () => {
  it('lists each member with the facts, the pledge and the proposal with its reasons, and the distribution', async () => {
    const rated = row({ memberId: 'm-2', memberName: '李娜', rating: '好', proposed: '好', comment: '服务热情', pledgeKept: true, confirmedAt: '2026-11-20T02:00:00.000Z', cardIssuedAt: '2026-12-01T02:00:00.000Z' })
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), { 'evaluation.list': () => ok(list([row(), rated])) })
    render(<StaffEvaluationPage />)
    await screen.findByText('张伟 · 区卫健局')
    const first = text('evaluation-row-m-1')!
    expect(first).toContain('认领岗位2个 · 社区活动3次 · 单位活动2次 · 活动9.5小时 · 服务清单4条6小时 · 需求1件 · 走访2次')
    expect(first).toContain('一句话承诺：每月为社区老人义务理发一次')
    expect(first).toContain('系统建议：较好（认领服务岗位2个；参加社区组织的活动3次；服务时长15.5小时（不足20小时））')
    expect(first).toContain('待评价')
    expect(first).toContain('反馈卡未出具')
    // Only a confirmed member can be issued a card.
    expect(document.getElementById('evaluation-issue-m-1')).toBeNull()
    expect(text('evaluation-row-m-2')).toContain('已评价：好，服务热情')
    expect(text('evaluation-row-m-2')).toContain('反馈卡已出具')
    expect(document.getElementById('evaluation-issue-m-2')).not.toBeNull()
    expect(text('evaluation-distribution')).toBe('好 1 · 较好 1 · 一般 0 · 差 0 · 待评价 1')
    expect(callsTo(mockedCall, 'evaluation', 'list')).toEqual([{ action: 'list', communityId: 'c1', year: expect.any(Number), filter: 'pending', page: 1, pageSize: 20 }])

    await tap('evaluation-filter-noCard')
    expect(callsTo(mockedCall, 'evaluation', 'list').at(-1)).toMatchObject({ filter: 'noCard', page: 1 })
  })

  it('says a card issued before the rating was changed must be issued again', async () => {
    const stale = row({ rating: '一般', comment: '参加活动较少', confirmedAt: '2026-12-02T02:00:00.000Z', cardIssuedAt: '2026-12-01T02:00:00.000Z', cardStale: true })
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), { 'evaluation.list': () => ok(list([stale])) })
    render(<StaffEvaluationPage />)
    await screen.findByText('张伟 · 区卫健局')
    expect(text('evaluation-card-state-m-1')).toBe('评价已修改，需重新出具反馈卡')
    expect(text('evaluation-row-m-1')).not.toContain('反馈卡已出具')
    expect(document.getElementById('evaluation-issue-m-1')).not.toBeNull()
  })

  it('confirms the proposal as it stands, with the pledge judged', async () => {
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
      'evaluation.list': () => ok(list([row()])),
      'evaluation.confirm': (data) => ok(row({ rating: data.rating as EvaluationRow['rating'], pledgeKept: data.pledgeKept as boolean, confirmedAt: '2026-12-04T02:00:00.000Z' })),
    })
    render(<StaffEvaluationPage />)
    await screen.findByText('张伟 · 区卫健局')
    await tap('evaluation-confirm-m-1')
    expect(text('evaluation-form')).toContain('评价 张伟（系统建议：较好）')
    expect(document.getElementById('evaluation-rating-较好')!.className).toContain('chip--selected')
    expect(text('evaluation-form')).toContain('评语（选填）')
    await tap('evaluation-pledge-kept')
    await tap('evaluation-save')
    expect(callsTo(mockedCall, 'evaluation', 'confirm')).toEqual([{ action: 'confirm', memberId: 'm-1', year: expect.any(Number), rating: '较好', comment: '', pledgeKept: true }])
    // Saved: the form closes and the list is read again.
    expect(document.getElementById('evaluation-form')).toBeNull()
    expect(callsTo(mockedCall, 'evaluation', 'list')).toHaveLength(2)
  })

  it('a changed rating needs a comment: refused without one, sent with it', async () => {
    // The server's rule (evaluation-confirm.ts): another rating than the proposal needs a comment.
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
      'evaluation.list': () => ok(list([row({ facts: facts({ pledge: null }) })])),
      'evaluation.confirm': (data) =>
        data.rating !== '较好' && !data.comment ? fail('RATING_COMMENT_REQUIRED', '系统建议为“较好”，改为“好”时请填写评语说明理由') : ok(row({ rating: data.rating as EvaluationRow['rating'], comment: data.comment as string })),
    })
    render(<StaffEvaluationPage />)
    await screen.findByText('张伟 · 区卫健局')
    await tap('evaluation-confirm-m-1')
    // No pledge this year: nothing to judge.
    expect(document.getElementById('evaluation-pledge-kept')).toBeNull()
    await tap('evaluation-rating-好')
    expect(text('evaluation-form')).toContain('评语（改变系统建议时必填）')
    await tap('evaluation-save')
    expect(await screen.findByText('系统建议为“较好”，改为“好”时请填写评语说明理由')).toBeTruthy()
    expect(document.getElementById('evaluation-form')).not.toBeNull()

    type('evaluation-comment', '防汛期间连续在社区值守')
    await tap('evaluation-save')
    expect(callsTo(mockedCall, 'evaluation', 'confirm')).toEqual([
      { action: 'confirm', memberId: 'm-1', year: expect.any(Number), rating: '好', comment: '', pledgeKept: null },
      { action: 'confirm', memberId: 'm-1', year: expect.any(Number), rating: '好', comment: '防汛期间连续在社区值守', pledgeKept: null },
    ])
    expect(document.getElementById('evaluation-form')).toBeNull()
  })

  it('issues one member\'s card, or every confirmed member\'s, and says how many', async () => {
    const rated = row({ rating: '较好', confirmedAt: '2026-11-20T02:00:00.000Z' })
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
      'evaluation.list': () => ok(list([rated])),
      'evaluation.issueCards': (data) => ok({ issued: data.memberIds ? 1 : 12, skipped: 0 }),
    })
    render(<StaffEvaluationPage />)
    await screen.findByText('张伟 · 区卫健局')
    await tap('evaluation-issue-m-1')
    expect(text('evaluation-notice')).toContain('已出具反馈卡 1 张')
    await tap('evaluation-issue-all')
    expect(text('evaluation-notice')).toContain('已出具反馈卡 12 张')
    expect(callsTo(mockedCall, 'evaluation', 'issueCards')).toEqual([
      { action: 'issueCards', communityId: 'c1', year: expect.any(Number), memberIds: ['m-1'] },
      { action: 'issueCards', communityId: 'c1', year: expect.any(Number) },
    ])
  })

  it('shows the cards still missing from 12月1日, not before, and none once all are out', async () => {
    const answer = { current: list([row()], { showMissing: false }) }
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), { 'evaluation.list': () => ok(answer.current) })
    const first = render(<StaffEvaluationPage />)
    await screen.findByText('张伟 · 区卫健局')
    expect(document.getElementById('evaluation-missing-cards')).toBeNull()
    first.unmount()

    answer.current = list([row()], { showMissing: true, counts: { noCard: 2 } })
    const second = render(<StaffEvaluationPage />)
    await screen.findByText('张伟 · 区卫健局')
    expect(text('evaluation-missing-cards')).toBe('反馈卡须在12月20日前出具：还有 2 名报到党员没有反馈卡')
    second.unmount()

    answer.current = list([row()], { showMissing: true, counts: { noCard: 0, carded: 3 } })
    render(<StaffEvaluationPage />)
    await screen.findByText('张伟 · 区卫健局')
    expect(document.getElementById('evaluation-missing-cards')).toBeNull()
  })

  it('a closed year is read-only', async () => {
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), { 'evaluation.list': () => ok(list([row({ rating: '好', year: 2025 })], { yearClosed: true })) })
    render(<StaffEvaluationPage />)
    await screen.findByText('张伟 · 区卫健局')
    expect(text('evaluation-closed')).toBe('该年度已关账，评价和反馈卡只能查看。')
    expect(document.getElementById('evaluation-confirm-m-1')).toBeNull()
    expect((document.getElementById('evaluation-issue-all') as HTMLButtonElement).disabled).toBe(true)
  })

  it('prints the issued cards with the seal over the signature line', async () => {
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
      'evaluation.list': () => ok(list([row()])),
      'evaluation.cards': () => ok({ year: 2026, rows: [card(), card({ memberId: 'm-2', memberName: '李娜', sealUrl: null })], total: 2, page: 1, pageSize: 50 }),
    })
    render(<StaffEvaluationPage />)
    await screen.findByText('张伟 · 区卫健局')
    await tap('evaluation-print-cards')
    await screen.findByText('姓名：张伟')
    expect(document.querySelectorAll('#evaluation-cards .feedback-card')).toHaveLength(2)
    expect(document.querySelector('#feedback-card-m-1 .feedback-card__seal')!.getAttribute('src')).toContain('demo/seals/c1.png')
    expect(document.querySelector('#feedback-card-m-2 .feedback-card__seal')).toBeNull()
    expect(text('feedback-card-m-1')).toContain('中共西溪社区委员会（盖章）')
  })
})

describe('我的年度记录 (member)', () => {
  const record = (over: Record<string, unknown> = {}) => ({
    year: 2026,
    communityName: '西溪社区',
    facts: facts(),
    services: [{ date: '2026-03-09T16:00:00.000Z', content: '为老人义务理发', kind: 'own', hours: 2, status: 'confirmed' }],
    rating: null,
    comment: '',
    card: null,
    ...over,
  })

  it('shows the year\'s counts and pledge, and that neither rating nor card is out yet', async () => {
    routeCalls(mockedCall, bootstrapFor('张伟', 'member'), { 'evaluation.myRecord': () => ok(record()) })
    render(<RecordPage />)
    await screen.findByText('报到社区：西溪社区')
    expect(text('record-counts')).toContain('社区组织的活动 3 次，单位组织的结对社区活动 2 次，共 9.5 小时')
    expect(text('record-pledge')).toBe('一句话承诺：每月为社区老人义务理发一次')
    expect(text('record-rating')).toBe('综合评价：社区尚未确认')
    expect(text('record-no-card')).toBe('反馈卡尚未出具')
    expect(text('record-services')).toContain('为老人义务理发 2小时')
    expect(document.querySelector('.feedback-card')).toBeNull()
  })

  it('shows the rating and the card once issued, and asks for another year', async () => {
    routeCalls(mockedCall, bootstrapFor('张伟', 'member'), { 'evaluation.myRecord': (data) => ok(record({ year: data.year, rating: '好', comment: '积极参加社区活动', card: card() })) })
    render(<RecordPage />)
    await screen.findByText('姓名：张伟')
    expect(text('record-rating')).toBe('综合评价：好（积极参加社区活动）')
    expect(document.getElementById('record-no-card')).toBeNull()
    const shown = text('feedback-card-m-1')!
    expect(shown).toContain('认领服务岗位：理发、助老')
    expect(shown).toContain('综合评价：好')
    expect(shown).toContain('社区评语：积极参加社区活动')
    expect(document.querySelector('#feedback-card-m-1 .feedback-card__seal')).not.toBeNull()
    const year = callsTo(mockedCall, 'evaluation', 'myRecord')[0]!.year as number
    await tap('record-prev-year')
    expect(callsTo(mockedCall, 'evaluation', 'myRecord').at(-1)).toEqual({ action: 'myRecord', year: year - 1 })
  })

  it('tells a member who has not reported', async () => {
    routeCalls(mockedCall, bootstrapFor('张伟', 'member'), { 'evaluation.myRecord': () => ok(record({ communityName: null, facts: facts({ reported: false, reportedAt: null, pledge: null }), services: [] })) })
    render(<RecordPage />)
    expect(await screen.findByText('尚未到社区报到')).toBeTruthy()
    expect(text('record-pledge')).toBe('一句话承诺：未填写')
  })
})

describe('本单位年度评价 (unit)', () => {
  const unitYear = (over: Record<string, unknown> = {}) => ({
    year: 2026,
    unitName: '区卫健局',
    rows: [
      { memberId: 'm-1', memberName: '张伟', communityName: '西溪社区', reported: true, rating: '好', cardIssuedAt: '2026-12-03T08:00:00.000Z' },
      { memberId: 'm-2', memberName: '王芳', communityName: '', reported: false, rating: null, cardIssuedAt: null },
    ],
    total: 2,
    page: 1,
    pageSize: 20,
    distribution: { 好: 10, 较好: 8, 一般: 5, 差: 1, 未评价: 6 },
    rate: { reported: 27, total: 30, rate: 0.9, belowThreshold: true },
    advancedBarred: true,
    flagText: '报到率低于95%，不得评为年度先进党组织',
    ...over,
  })

  it('shows the distribution, the rate under 95% with the flag, and each member', async () => {
    routeCalls(mockedCall, bootstrapFor('赵书记', 'secretary'), { 'evaluation.unitYear': () => ok(unitYear()) })
    render(<UnitEvaluationPage />)
    await screen.findByText('区卫健局')
    expect(text('unit-evaluation-distribution')).toBe('好 10 · 较好 8 · 一般 5 · 差 1 · 未评价 6')
    expect(text('unit-evaluation-rate')).toContain('（27/30），低于95%')
    expect(text('unit-evaluation-flag')).toBe('报到率低于95%，不得评为年度先进党组织')
    const table = text('unit-evaluation-table')!
    expect(table).toContain('张伟西溪社区好反馈卡已出具')
    expect(table).toContain('王芳未报到未评价—')
    expect(callsTo(mockedCall, 'evaluation', 'unitYear')).toEqual([{ action: 'unitYear', unitId: 'u1', year: expect.any(Number), page: 1, pageSize: 20 }])
  })

  it('has no flag at or above 95%', async () => {
    routeCalls(mockedCall, bootstrapFor('赵书记', 'secretary'), { 'evaluation.unitYear': () => ok(unitYear({ rate: { reported: 29, total: 30, rate: 29 / 30, belowThreshold: false }, advancedBarred: false, flagText: null })) })
    render(<UnitEvaluationPage />)
    await screen.findByText('区卫健局')
    expect(text('unit-evaluation-rate')).not.toContain('低于95%')
    expect(document.getElementById('unit-evaluation-flag')).toBeNull()
  })

  it('the liaison reads the issued cards of the unit', async () => {
    routeCalls(mockedCall, bootstrapFor('王联络', 'liaison'), {
      'evaluation.unitYear': () => ok(unitYear()),
      'evaluation.cards': () => ok({ year: 2026, rows: [card()], total: 1, page: 1, pageSize: 50 }),
    })
    render(<UnitEvaluationPage />)
    await screen.findByText('区卫健局')
    await tap('unit-evaluation-cards')
    await screen.findByText('姓名：张伟')
    expect(callsTo(mockedCall, 'evaluation', 'cards')).toEqual([{ action: 'cards', unitId: 'u1', year: expect.any(Number), page: 1, pageSize: 50 }])
    expect(document.querySelectorAll('#unit-cards .feedback-card')).toHaveLength(1)
  })
})
