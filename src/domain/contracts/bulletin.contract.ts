import { z } from 'zod'
import { RATINGS } from '../evaluation-facts'
import { plainText } from '../text'
import { action } from './action-contract'
import { count, id, isoDate } from './common'

// `bulletin` (issue 11 §8, §9): the unit's 每半年通报 (002 §四.3) — generated
// from the records, previewed, submitted to the district with a note; the
// street's and district's view of who submitted; the district-wide bulletin
// ranking units by report rate; and closing a year.

const rate = z.number().min(0).max(1)
const hours = z.number().min(0)

const year = z.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不正确').max(2100, '年度不正确')
const half = z.union([z.literal(1), z.literal(2)], { error: '半年应为1（上半年）或2（下半年）' })
const period = { year, half }
const unitId = { unitId: id('单位') }

/** How many not-reported names a bulletin lists; the count is always whole. */
export const NOT_REPORTED_NAMES_MAX = 50

export const bulletinFiguresSchema = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  half: z.number().int(),
  /** The moment the figures describe: the half's end, or the generation while the half is under way. */
  asOf: isoDate,
  generatedAt: isoDate,
  /** Members on the roster by `asOf` (joined the unit before it), and those with a report standing at `asOf`. */
  memberTotal: count,
  reported: count,
  notReported: count,
  rate,
  belowThreshold: z.boolean(),
  /** The first NOT_REPORTED_NAMES_MAX names, by name; `notReported` is the count. */
  notReportedNames: z.array(z.string()),
  /** Posts claimed (附件1): the unit's tally at generation (claims keep no history). */
  claimedPosts: count,
  /** Activities the unit's members attended in the half (cancelled ones aside). */
  activities: z.strictObject({ community: count, unit: count, attendances: count, hours }),
  /** Unit-organised activities the unit held in the half (cancelled ones aside). */
  ownActivities: count,
  /** Confirmed 服务清单 entries of the half's quarters. */
  services: z.strictObject({ entries: count, hours }),
  /** The year's confirmed evaluations so far, per rating. */
  ratings: z.strictObject({ year: z.number().int(), counts: z.record(z.enum(RATINGS), count), total: count }),
})
export type BulletinFigures = z.output<typeof bulletinFiguresSchema>

export const submittedBulletinSchema = z.strictObject({
  bulletinId: z.string(),
  figures: bulletinFiguresSchema,
  note: z.string(),
  submittedAt: isoDate,
  submittedBy: z.string(),
  /** 1 on the first submission; each resubmission replaces the snapshot and counts up. */
  submitCount: count,
})
export type SubmittedBulletin = z.output<typeof submittedBulletinSchema>

export const yearStatusSchema = z.strictObject({
  year: z.number().int(),
  closed: z.boolean(),
  closedAt: isoDate.nullable(),
  /** 'timer', or the name of the district admin who closed it. */
  closedBy: z.string().nullable(),
})
export type YearStatus = z.output<typeof yearStatusSchema>

export const previewSchema = z.strictObject({
  /** Freshly generated from the records. */
  figures: bulletinFiguresSchema,
  /** The last submitted snapshot, if any. */
  submitted: submittedBulletinSchema.nullable(),
  yearClosed: z.boolean(),
  /** The first day of the half's last month; submitting is refused before. */
  opensAt: isoDate,
  canSubmit: z.boolean(),
})
export type BulletinPreview = z.output<typeof previewSchema>

export const rankedRowSchema = z.strictObject({
  rank: count,
  unitId: z.string(),
  unitName: z.string(),
  memberTotal: count,
  reported: count,
  rate,
  belowThreshold: z.boolean(),
  /** Had the unit submitted its bulletin when this was published. */
  submitted: z.boolean(),
})

export const districtBulletinSchema = z.strictObject({
  bulletinId: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  year: z.number().int(),
  half: z.number().int(),
  asOf: isoDate,
  rows: z.array(rankedRowSchema),
  /** Rows at or above the 95% line come first; the line is drawn after this many. */
  aboveLine: count,
  totals: z.strictObject({ units: count, submitted: count, memberTotal: count, reported: count, rate }),
  publishedAt: isoDate,
  publishedBy: z.string(),
  publishCount: count,
})
export type DistrictBulletin = z.output<typeof districtBulletinSchema>

export const reviewRowSchema = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  submitted: z.boolean(),
  submittedAt: isoDate.nullable(),
  submitCount: count,
  /** The submitted bulletin's rate; for a unit that has not submitted, its rate now (the tally). */
  rate,
  belowThreshold: z.boolean(),
  rateSource: z.enum(['bulletin', 'current']),
})

export const reviewSchema = z.strictObject({
  scopeName: z.string(),
  year: z.number().int(),
  half: z.number().int(),
  rows: z.array(reviewRowSchema),
  submitted: count,
  notSubmitted: count,
  /** The district's published bulletin of the half, if any. */
  published: districtBulletinSchema.nullable(),
  yearClosed: z.boolean(),
  opensAt: isoDate,
})
export type BulletinReview = z.output<typeof reviewSchema>

export const yearsSchema = z.strictObject({
  years: z.array(yearStatusSchema.extend({ closable: z.boolean(), autoCloseAt: isoDate })),
  closeDate: z.strictObject({ month: z.number().int(), day: z.number().int() }),
})
export type YearsView = z.output<typeof yearsSchema>

export const closeResultSchema = yearStatusSchema.extend({
  /** False when the year had already been closed (the first close is what is reported). */
  newlyClosed: z.boolean(),
})

export const bulletinContract = {
  /** The unit (secretary or liaison): the half's bulletin generated now, with what was submitted. */
  preview: action(z.strictObject({ ...unitId, ...period }), previewSchema),
  /** Stores the snapshot (replacing an earlier one) with the note, from the half's last month on, until the year is closed. */
  submit: action(z.strictObject({ ...unitId, ...period, note: plainText('说明和下一步工作', { max: 1000, multiline: true }) }), submittedBulletinSchema),
  /** The unit: the district's published bulletin of the half (null when not published). */
  published: action(z.strictObject({ ...unitId, ...period }), districtBulletinSchema.nullable()),
  /** The street (its units) or the district: who submitted the half's bulletin. */
  review: action(z.strictObject({ ...period, streetId: id('街道').optional() }), reviewSchema),
  /** The street or district opens one unit's submitted bulletin. */
  open: action(z.strictObject({ ...unitId, ...period }), submittedBulletinSchema),
  /** The district publishes (or republishes) the district-wide bulletin ranking units by rate. */
  publish: action(z.strictObject(period), districtBulletinSchema),
  /** Is the caller's district's year closed? */
  yearStatus: action(z.strictObject({ year }), yearStatusSchema),
  /** The district admin: recent years with their state, and the timer's closing date. */
  years: action(z.strictObject({}), yearsSchema),
  /** The district admin closes a year (after 12月31日); final, idempotent. */
  closeYear: action(z.strictObject({ year }), closeResultSchema),
  /** The day the timer closes the previous year (default 1月31日). */
  setCloseDate: action(
    z.strictObject({
      month: z.number({ error: '月份应为数字' }).int('月份应为整数').min(1, '月份应为1–12').max(12, '月份应为1–12'),
      day: z.number({ error: '日期应为数字' }).int('日期应为整数').min(1, '日期应为1–31').max(31, '日期应为1–31'),
    }),
    yearsSchema.shape.closeDate,
  ),
}
