import { render, screen } from '@testing-library/react'
import type { BulletinFigures, BulletinPreview, BulletinReview, DistrictBulletin, YearsView } from '../../src/domain/contracts/bulletin.contract'
import { halfKey, recentHalves } from '../../src/domain/half-year'
import { callFunction } from '../../src/services/call-function'
import UnitBulletinPage from '../../src/packages/unit/bulletin/index'
import BulletinReviewPage from '../../src/packages/admin/bulletins/index'
import YearClosePage, { CLOSE_CONFIRM_TEXT } from '../../src/packages/admin/year-close/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'
import { showModal } from './support/taro'
import { type, tap } from './support/dom'

// The bulletin pages: the unit previews, notes and submits its 半年通报 and
// reads the district's ranking (own unit highlighted, the 95% line drawn);
// the district sees who submitted, opens one and publishes; 年度关账 asks
// for a confirmation that says closing is final.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

beforeEach(() => {
  freshPage(mockedCall)
})

// The pages offer the half the browser's clock is in first.
const current = recentHalves(new Date(), 4)[0]!

const figures: BulletinFigures = {
  unitId: 'u1',
  unitName: '区卫健局',
  year: current.year,
  half: current.half,
  asOf: '2026-07-01T00:00:00.000Z',
  generatedAt: '2026-12-04T02:00:00.000Z',
  memberTotal: 4,
  reported: 2,
  notReported: 2,
  rate: 0.5,
  belowThreshold: true,
  notReportedNames: ['王芳', '陈静'],
  claimedPosts: 5,
  activities: { community: 1, unit: 1, attendances: 3, hours: 4.5 },
  ownActivities: 1,
  services: { entries: 2, hours: 3.5 },
  ratings: { year: current.year, counts: { 好: 2, 较好: 1, 一般: 0, 差: 0 }, total: 3 },
}

const preview = (over: Partial<BulletinPreview> = {}): BulletinPreview => ({ figures, submitted: null, yearClosed: false, opensAt: '2026-05-31T16:00:00.000Z', canSubmit: true, ...over })

const published: DistrictBulletin = {
  bulletinId: 'district:d1:2026H1',
  districtId: 'd1',
  districtName: '西湖区',
  year: current.year,
  half: current.half,
  asOf: '2026-07-01T00:00:00.000Z',
  rows: [
    { rank: 1, unitId: 'u2', unitName: '区财政局', memberTotal: 1, reported: 1, rate: 1, belowThreshold: false, submitted: true },
    { rank: 2, unitId: 'u1', unitName: '区卫健局', memberTotal: 4, reported: 2, rate: 0.5, belowThreshold: true, submitted: true },
  ],
  aboveLine: 1,
  totals: { units: 2, submitted: 2, memberTotal: 5, reported: 3, rate: 0.6 },
  publishedAt: '2026-12-04T02:00:00.000Z',
  publishedBy: '区委组织部',
  publishCount: 1,
}

describe('半年通报 (the unit)', () => {
  it('previews every figure, and submits the note for the half', async () => {
    let submitted: BulletinPreview['submitted'] = null
    routeCalls(mockedCall, bootstrapFor('张书记', 'secretary'), {
      'bulletin.preview': () => ok(preview({ submitted })),
      'bulletin.submit': (data) => {
        submitted = { bulletinId: `u1:${halfKey(current)}`, figures, note: String(data.note), submittedAt: '2026-12-04T02:00:00.000Z', submittedBy: '张书记', submitCount: 1 }
        return ok(submitted)
      },
    })
    render(<UnitBulletinPage />)
    expect(await screen.findByText('50.0%（已报到 2 人 / 在职党员 4 人），低于95%')).toBeTruthy()
    expect(screen.getByText('2 人：王芳、陈静')).toBeTruthy()
    expect(screen.getByText('社区组织 1 场、单位组织 1 场，共 3 人次、4.5 小时')).toBeTruthy()
    expect(screen.getByText('2 条、3.5 小时')).toBeTruthy()
    expect(screen.getByText('好 2 人，较好 1 人，一般 0 人，差 0 人')).toBeTruthy()
    expect(document.getElementById('bulletin-status')!.textContent).toContain('尚未报送')
    expect(callsTo(mockedCall, 'bulletin', 'preview')).toEqual([{ action: 'preview', unitId: 'u1', year: current.year, half: current.half }])

    type('bulletin-note', '督促王芳、陈静报到')
    await tap('bulletin-submit')
    expect(callsTo(mockedCall, 'bulletin', 'submit')).toEqual([{ action: 'submit', unitId: 'u1', year: current.year, half: current.half, note: '督促王芳、陈静报到' }])
    expect(await screen.findByText('已报送（第1次）')).toBeTruthy()
    expect(document.getElementById('bulletin-status')!.textContent).toContain('第1次')
    expect(document.getElementById('bulletin-submit')!.textContent).toBe('重新报送')
  })

  it('shows a closed year read-only, with no submit', async () => {
    routeCalls(mockedCall, bootstrapFor('张书记', 'liaison'), { 'bulletin.preview': () => ok(preview({ yearClosed: true, canSubmit: false })) })
    render(<UnitBulletinPage />)
    expect(await screen.findByText(/该年度已关账，通报只能查看/)).toBeTruthy()
    expect(document.getElementById('bulletin-submit')).toBeNull()
  })

  it('shows the district’s ranking with the unit highlighted and the 95% line', async () => {
    routeCalls(mockedCall, bootstrapFor('张书记', 'secretary'), { 'bulletin.preview': () => ok(preview()), 'bulletin.published': () => ok(published) })
    render(<UnitBulletinPage />)
    await screen.findByText('2 人：王芳、陈静')
    await tap('bulletin-view-district')
    await screen.findByText('区财政局')
    const rows = [...document.querySelectorAll('#bulletin-ranking .sheet-row')].map((r) => r.id)
    expect(rows).toEqual(['bulletin-ranking-row-u2', 'bulletin-ranking-line', 'bulletin-ranking-row-u1'])
    expect(document.getElementById('bulletin-ranking-row-u1')!.className).toContain('ranking-row--mine')
    expect(document.getElementById('bulletin-ranking-row-u2')!.className).not.toContain('ranking-row--mine')
  })

  it('says when the district has not published', async () => {
    routeCalls(mockedCall, bootstrapFor('张书记', 'secretary'), { 'bulletin.preview': () => ok(preview()), 'bulletin.published': () => ok(null) })
    render(<UnitBulletinPage />)
    await screen.findByText('2 人：王芳、陈静')
    await tap('bulletin-view-district')
    expect(await screen.findByText('全区通报尚未发布')).toBeTruthy()
  })
})

const review = (over: Partial<BulletinReview> = {}): BulletinReview => ({
  scopeName: '西湖区',
  year: current.year,
  half: current.half,
  rows: [
    { unitId: 'u3', unitName: '区档案馆', submitted: false, submittedAt: null, submitCount: 0, rate: 0.9, belowThreshold: true, rateSource: 'current' },
    { unitId: 'u1', unitName: '区卫健局', submitted: true, submittedAt: '2026-12-04T02:00:00.000Z', submitCount: 2, rate: 0.5, belowThreshold: true, rateSource: 'bulletin' },
  ],
  submitted: 1,
  notSubmitted: 1,
  published: null,
  yearClosed: false,
  opensAt: '2026-11-30T16:00:00.000Z',
  ...over,
})

describe('单位通报 (street and district)', () => {
  it('lists who submitted, opens one, and the district publishes after confirming', async () => {
    let done: DistrictBulletin | null = null
    routeCalls(mockedCall, bootstrapFor('李部长', 'districtAdmin'), {
      'bulletin.review': () => ok(review({ published: done })),
      'bulletin.open': () => ok({ bulletinId: 'u1:x', figures, note: '下一步督促报到', submittedAt: '2026-12-04T02:00:00.000Z', submittedBy: '张书记', submitCount: 2 }),
      'bulletin.publish': () => {
        done = published
        return ok(published)
      },
    })
    render(<BulletinReviewPage />)
    expect(await screen.findByText('西湖区：已报送 1 个单位，未报送 1 个')).toBeTruthy()
    expect(screen.getByText('90.0%（当前）')).toBeTruthy()
    await tap('review-publish')
    expect(showModal).toHaveBeenCalled()
    expect(callsTo(mockedCall, 'bulletin', 'publish')).toEqual([{ action: 'publish', year: current.year, half: current.half }])
    expect(await screen.findByText('区财政局')).toBeTruthy()
    expect(document.getElementById('review-publish')!.textContent).toBe('重新发布全区通报')

    await tap('review-row-u1')
    expect(await screen.findByText('下一步督促报到')).toBeTruthy()
    expect(callsTo(mockedCall, 'bulletin', 'open')).toEqual([{ action: 'open', unitId: 'u1', year: current.year, half: current.half }])
  })

  it('offers the street no publishing', async () => {
    routeCalls(mockedCall, bootstrapFor('王主任', 'streetAdmin'), { 'bulletin.review': () => ok(review({ scopeName: '北山街道' })) })
    render(<BulletinReviewPage />)
    expect(await screen.findByText('北山街道：已报送 1 个单位，未报送 1 个')).toBeTruthy()
    expect(document.getElementById('review-publish')).toBeNull()
  })
})

describe('年度关账', () => {
  const years: YearsView = {
    years: [
      { year: 2026, closed: false, closedAt: null, closedBy: null, closable: false, autoCloseAt: '2027-01-30T16:00:00.000Z' },
      { year: 2025, closed: true, closedAt: '2026-01-30T18:00:00.000Z', closedBy: '定时任务', closable: false, autoCloseAt: '2026-01-30T16:00:00.000Z' },
      { year: 2024, closed: false, closedAt: null, closedBy: null, closable: true, autoCloseAt: '2025-01-30T16:00:00.000Z' },
    ],
    closeDate: { month: 1, day: 31 },
  }

  it('closes an ended year after a confirmation that says it is final', async () => {
    routeCalls(mockedCall, bootstrapFor('李部长', 'districtAdmin'), {
      'bulletin.years': () => ok(years),
      'bulletin.closeYear': () => ok({ year: 2024, closed: true, closedAt: '2026-12-04T02:00:00.000Z', closedBy: '李部长', newlyClosed: true }),
    })
    render(<YearClosePage />)
    expect(await screen.findByText('年度未结束')).toBeTruthy()
    expect(document.getElementById('year-close-2026')).toBeNull()
    expect(document.getElementById('year-close-2025')).toBeNull()
    await tap('year-close-2024')
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: CLOSE_CONFIRM_TEXT }))
    expect(CLOSE_CONFIRM_TEXT).toContain('不能撤销')
    expect(callsTo(mockedCall, 'bulletin', 'closeYear')).toEqual([{ action: 'closeYear', year: 2024 }])
    expect(await screen.findByText('2024年度已关账')).toBeTruthy()
  })

  it('does not close when the confirmation is cancelled', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' })
    routeCalls(mockedCall, bootstrapFor('李部长', 'districtAdmin'), { 'bulletin.years': () => ok(years) })
    render(<YearClosePage />)
    await screen.findByText('年度未结束')
    await tap('year-close-2024')
    expect(callsTo(mockedCall, 'bulletin', 'closeYear')).toEqual([])
  })

  it('sets the auto-close date; refuses an impossible month before calling, and shows the server’s refusal', async () => {
    routeCalls(mockedCall, bootstrapFor('李部长', 'districtAdmin'), {
      'bulletin.years': () => ok(years),
      'bulletin.setCloseDate': (data) => (data.day === 29 ? fail('CLOSE_DATE_INVALID', '自动关账日期不存在，请重新选择（2月最多28日）') : ok({ month: data.month, day: data.day })),
    })
    render(<YearClosePage />)
    await screen.findByText('年度未结束')
    type('close-date-month', '13')
    await tap('close-date-save')
    expect(document.getElementById('close-date-error')!.textContent).toContain('月份应为1–12')
    expect(callsTo(mockedCall, 'bulletin', 'setCloseDate')).toEqual([])
    type('close-date-month', '2')
    type('close-date-day', '29')
    await tap('close-date-save')
    expect(await screen.findByText('自动关账日期不存在，请重新选择（2月最多28日）')).toBeTruthy()
    type('close-date-day', '15')
    await tap('close-date-save')
    expect(await screen.findByText('已设置：每年2月15日自动关闭上一年度')).toBeTruthy()
    expect(callsTo(mockedCall, 'bulletin', 'setCloseDate')).toEqual([
      { action: 'setCloseDate', month: 2, day: 29 },
      { action: 'setCloseDate', month: 2, day: 15 },
    ])
  })
})
