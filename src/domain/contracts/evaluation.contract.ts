import { z } from 'zod'
import { RATINGS } from '../evaluation-facts'
import { action } from './action-contract'
import { count, id, isoDate, pageOf } from './common'

// `evaluation` (issue 11 §5–§7): the community rates each member reported
// there for the year (the system proposes, staff confirm or change it with a
// comment), issues the 在职党员社区表现反馈卡 from the confirmed rating with the
// community party organisation's seal; the member, the unit and the community
// read the cards; the unit sees its year (distribution, report rate, the 95% flag).

const year = { year: z.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份超出范围').max(2100, '年份超出范围').optional() }
const smallPaging = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50, '每页最多50人').default(20),
}
const rating = z.enum(RATINGS, { error: '综合评价应为 好、较好、一般 或 差' })

export const factsSchema = z.strictObject({
  reported: z.boolean(),
  reportedAt: isoDate.nullable(),
  claimedPosts: count,
  communityActivities: count,
  unitActivities: count,
  activityHours: z.number().min(0),
  serviceEntries: count,
  serviceHours: z.number().min(0),
  needsCompleted: count,
  needRatingMean: z.number().nullable(),
  pairingVisits: count,
  pledge: z.string().nullable(),
})

/** One member's year as staff see it: the facts now (or as confirmed), the proposal and the confirmed rating. */
export const evaluationRowSchema = z.strictObject({
  memberId: z.string(),
  memberName: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  facts: factsSchema,
  proposed: rating,
  reasons: z.array(z.string()),
  /** Null until confirmed. */
  rating: rating.nullable(),
  comment: z.string(),
  pledgeKept: z.boolean().nullable(),
  confirmedAt: isoDate.nullable(),
  cardIssuedAt: isoDate.nullable(),
  /** A card was issued, then the rating re-confirmed: 评价已修改，需重新出具反馈卡 (not counted as issued). */
  cardStale: z.boolean(),
})
export type EvaluationRow = z.output<typeof evaluationRowSchema>

const distribution = z.strictObject({ 好: count, 较好: count, 一般: count, 差: count })

export const evaluationListSchema = pageOf(evaluationRowSchema).extend({
  year: z.number().int(),
  communityName: z.string(),
  yearClosed: z.boolean(),
  /** Over every member reported here for the year, whatever the page. */
  counts: z.strictObject({ reported: count, pending: count, rated: count, carded: count, noCard: count }),
  distribution,
  /** From 12月1日 to 12月20日 (and after, until every card is out) the staff see the cards still missing. */
  cardsDue: z.strictObject({ showMissing: z.boolean(), dueDate: isoDate }),
})

/** The 在职党员社区表现反馈卡, as printed. */
export const feedbackCardSchema = z.strictObject({
  memberId: z.string(),
  year: z.number().int(),
  memberName: z.string(),
  unitName: z.string(),
  communityName: z.string(),
  reportedAt: isoDate.nullable(),
  claimedPosts: z.array(z.string()),
  facts: factsSchema,
  rating,
  comment: z.string(),
  /** The community party organisation that stamps it, and its seal's link (null: no seal uploaded). */
  partyOrgName: z.string(),
  sealUrl: z.string().nullable(),
  issuedAt: isoDate,
})
export type FeedbackCard = z.output<typeof feedbackCardSchema>

export const unitYearRowSchema = z.strictObject({
  memberId: z.string(),
  memberName: z.string(),
  communityName: z.string(),
  reported: z.boolean(),
  rating: rating.nullable(),
  cardIssuedAt: isoDate.nullable(),
})

export const unitYearSchema = pageOf(unitYearRowSchema).extend({
  year: z.number().int(),
  unitName: z.string(),
  distribution: distribution.extend({ 未评价: count }),
  rate: z.strictObject({ reported: count, total: count, rate: z.number().min(0).max(1), belowThreshold: z.boolean() }),
  /** 报到率低于95%，不得评为年度先进党组织: from 12月 of the year, and for past years. */
  advancedBarred: z.boolean(),
  flagText: z.string().nullable(),
})

export const myRecordSchema = z.strictObject({
  year: z.number().int(),
  communityName: z.string().nullable(),
  facts: factsSchema,
  services: z.array(z.strictObject({ date: isoDate, content: z.string(), kind: z.string(), hours: z.number(), status: z.string() })),
  rating: rating.nullable(),
  comment: z.string(),
  card: feedbackCardSchema.nullable(),
})

const memberYear = { memberId: id('党员'), ...year }

export const evaluationContract = {
  /** Staff: the year's members reported here, with the proposal, the confirmed rating and the card; filtered, paged, with the distribution. */
  list: action(
    z.strictObject({ communityId: id('社区'), ...year, filter: z.enum(['pending', 'rated', 'noCard', 'all'], { error: '筛选条件不正确' }).default('pending'), ...smallPaging }),
    evaluationListSchema,
  ),
  /** Staff: one member's facts and proposal (or the confirmed evaluation). */
  get: action(z.strictObject(memberYear), evaluationRowSchema),
  /** Staff: confirm the proposed rating or another (a comment is required when it differs); re-confirming replaces it until the year is closed. */
  confirm: action(
    z.strictObject({
      ...memberYear,
      rating,
      comment: z.string().trim().max(200, '评语不超过200字').default(''),
      pledgeKept: z.boolean({ error: '请判断一句话承诺是否兑现' }).nullable().default(null),
    }),
    evaluationRowSchema,
  ),
  /** Staff: issue the 反馈卡 of the named members (each must be confirmed), or of every confirmed member when none are named. */
  issueCards: action(
    z.strictObject({ communityId: id('社区'), ...year, memberIds: z.array(id('党员')).min(1, '请选择党员').max(50, '一次最多50人').optional() }),
    z.strictObject({ issued: count, skipped: count }),
  ),
  /** Staff: the community party organisation's seal (an image, uploaded once; a new upload replaces it). */
  sealSave: action(z.strictObject({ communityId: id('社区'), fileID: z.string().trim().min(1, '请先上传印章图片').max(1024, '文件标识过长') }), z.strictObject({ sealUrl: z.string().nullable() })),
  sealGet: action(z.strictObject({ communityId: id('社区') }), z.strictObject({ partyOrgName: z.string(), sealUrl: z.string().nullable() })),
  /** Member (own), secretary/liaison (own unit), staff (own community): one issued card. */
  card: action(z.strictObject(memberYear), feedbackCardSchema),
  /** Staff (communityId) or secretary/liaison (unitId): the issued cards of the year, paged, for printing. */
  cards: action(
    z.strictObject({ communityId: id('社区').optional(), unitId: id('单位').optional(), ...year, ...smallPaging }),
    pageOf(feedbackCardSchema).extend({ year: z.number().int() }),
  ),
  /** Member: 我的年度记录 — counts, services, pledge, the rating once confirmed, the card once issued. */
  myRecord: action(z.strictObject({ ...year }), myRecordSchema),
  /** Secretary, liaison: the unit's year — ratings, report rate against 95%, the flag, members paged. */
  unitYear: action(z.strictObject({ unitId: id('单位'), ...year, ...smallPaging }), unitYearSchema),
}
