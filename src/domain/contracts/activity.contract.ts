import { z } from 'zod'
import { ACTIVITY_STATUSES, ORGANISER_KINDS } from '../activity-status'
import { DEFAULT_SIGNIN_MARGINS } from '../signin-window'
import { plainText } from '../text'
import { action } from './action-contract'
import { count, id, isoDate, paging, pageOf } from './common'

// `activity` (issue 9): community staff plan and run activities; members sign
// up and sign in by scanning the organiser's rotating code; the year's counts
// against the rule (002 §三.1).

/** A moment, as the client sends it: full ISO time with its offset. */
const moment = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}应为完整的日期和时间，如 2026-05-10T09:00:00+08:00` }).transform((text) => new Date(text))

const finite = (label: string, min: number, max: number) =>
  z.number({ error: `${label}应为数字` }).refine(Number.isFinite, `${label}应为数字`).refine((n) => n >= min && n <= max, `${label}超出范围`)

const geoPoint = { lat: finite('纬度', -90, 90), lng: finite('经度', -180, 180) }

/** Where the activity takes place, for the location flag (never a refusal). */
export const geofenceSchema = z.strictObject({ ...geoPoint, radius: finite('签到范围', 10, 5_000) })

/** What wx.getLocation reported, when the member allowed it. */
export const reportedPositionSchema = z.strictObject({ ...geoPoint, accuracy: finite('定位精度', 0, 100_000) })

// Each field as sent, without defaults: create fills the defaults in, update takes any subset.
const fields = {
  title: plainText('活动名称', { max: 40, required: true }),
  /** The community's service post it serves (its catalog), if any. */
  postId: id('服务项目').nullable(),
  description: plainText('活动内容', { max: 1000, multiline: true }),
  place: plainText('活动地点', { max: 60, required: true }),
  startAt: moment('开始时间'),
  endAt: moment('结束时间'),
  signupRequired: z.boolean({ error: '请选择是否需要报名' }),
  /** 0 = unlimited. */
  capacity: z.number({ error: '人数上限应为数字' }).int('人数上限应为整数').min(0, '人数上限不能为负数').max(10_000, '人数上限过大'),
  /** Null: open from publication. */
  signupOpensAt: moment('报名开始时间').nullable(),
  /** Null: the start. */
  signupClosesAt: moment('报名截止时间').nullable(),
  location: geofenceSchema.nullable(),
  /** How early the sign-in code is taken before the start (people arrive early). */
  signinEarlyMin: z.number({ error: '提前签到时间应为数字' }).int('提前签到时间应为整数（分钟）').min(0, '提前签到时间不能为负数').max(240, '提前签到最多提前240分钟'),
}

const createFields = {
  ...fields,
  postId: fields.postId.default(null),
  description: fields.description.default(''),
  signupRequired: fields.signupRequired.default(false),
  capacity: fields.capacity.default(0),
  signupOpensAt: fields.signupOpensAt.default(null),
  signupClosesAt: fields.signupClosesAt.default(null),
  location: fields.location.default(null),
  signinEarlyMin: fields.signinEarlyMin.default(DEFAULT_SIGNIN_MARGINS.beforeStartMin),
}

/** The centre's activity serves its item, not a post the caller picks. */
const { postId: _postId, ...volunteerFields } = createFields

const updateFields = Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])) as {
  [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>
}

const activityId = { activityId: id('活动') }

export const SIGNUP_STATES = ['signedUp', 'waitlisted'] as const
export const ATTENDANCE_METHODS = ['code', 'card', 'manual', 'scheduledEnd'] as const

export const activityViewSchema = z.strictObject({
  activityId: z.string(),
  organiserKind: z.enum(ORGANISER_KINDS),
  /** The organising unit of a unit-organised activity. */
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  postId: z.string().nullable(),
  postName: z.string().nullable(),
  description: z.string(),
  place: z.string(),
  startAt: isoDate,
  endAt: isoDate,
  status: z.enum(ACTIVITY_STATUSES),
  signupRequired: z.boolean(),
  capacity: count,
  signupOpensAt: isoDate.nullable(),
  signupClosesAt: isoDate,
  signedUp: count,
  waitlisted: count,
  location: geofenceSchema.nullable(),
  signinEarlyMin: count,
  cancelReason: z.string().nullable(),
  /** For a member: it serves a post they claimed in 附件1. */
  claimedPost: z.boolean(),
  /** For a member: their sign-up, and their place in the waitlist (1 = next). */
  mySignup: z.enum(SIGNUP_STATES).nullable(),
  myWaitlistPosition: count.nullable(),
  /** For a member: their own attendance (已签到 at inAt; minutes once credited). */
  myAttendance: z.strictObject({ inAt: isoDate, outAt: isoDate.nullable(), minutes: count.nullable() }).nullable(),
})
export type ActivityView = z.output<typeof activityViewSchema>

export const signupResultSchema = z.strictObject({
  status: z.enum([...SIGNUP_STATES, 'cancelled']),
  /** On the waitlist: the place (1 = next). */
  position: count.nullable(),
})

export const signinResultSchema = z.strictObject({
  activityId: z.string(),
  title: z.string(),
  /** When the organiser scanned the member; null for the member's own scan. */
  memberName: z.string().nullable(),
  direction: z.enum(['in', 'out']),
  /** True when this scan found the record already there (已签到 at `at`); nothing written. */
  already: z.boolean(),
  at: isoDate,
  /** Outside the activity's radius (the organiser sees it; the sign-in stands). */
  flagged: z.boolean(),
})
export type SigninResult = z.output<typeof signinResultSchema>

export const signinCodeSchema = z.strictObject({
  token: z.string(),
  /** The token as a PNG data URL, drawn by the function (no QR library in the app). */
  qr: z.string(),
  direction: z.enum(['in', 'out']),
  /** The server's time: the display shows the code, not its own clock. */
  serverNow: isoDate,
  /** When to fetch the next code. */
  refreshAt: isoDate,
  /** When this code stops being accepted. */
  expiresAt: isoDate,
})

export const attendanceRowSchema = z.strictObject({
  memberId: z.string(),
  memberName: z.string(),
  unitName: z.string(),
  inAt: isoDate,
  inMethod: z.enum(ATTENDANCE_METHODS),
  outAt: isoDate.nullable(),
  outMethod: z.enum(ATTENDANCE_METHODS).nullable(),
  /** Credited minutes; null while under way without a sign-out. */
  minutes: count.nullable(),
  reason: z.string().nullable(),
  distance: count.nullable(),
  accuracy: z.number().nullable(),
  flagged: z.boolean(),
  /** Earlier versions replaced by corrections, oldest first. */
  corrections: z.array(z.strictObject({ inAt: isoDate, outAt: isoDate.nullable(), correctedAt: isoDate, correction: z.string() })),
})
export type AttendanceRow = z.output<typeof attendanceRowSchema>

const signupRowSchema = z.strictObject({ memberId: z.string(), memberName: z.string(), unitName: z.string(), at: isoDate })

export const attendanceSchema = z.strictObject({
  activityId: z.string(),
  signedUp: z.array(signupRowSchema),
  /** In arrival order. */
  waitlist: z.array(signupRowSchema),
  attended: z.array(attendanceRowSchema),
})

export const myYearSchema = z.strictObject({
  year: z.number().int(),
  required: count,
  /** Community-organised activities attended this year. */
  community: count,
  /** Unit-organised activities attended this year (in a paired community). */
  unit: count,
  minutes: count,
})

export const activityContract = {
  /** Staff: a draft community-organised activity; with `unitId`, its secretary or liaison: a unit-organised one in a community the unit is paired with. */
  create: action(z.strictObject({ communityId: id('社区'), unitId: id('单位').optional(), ...createFields }), activityViewSchema),
  /** The organiser: change fields; a published activity's new time or place is sent to those signed up. */
  update: action(
    z.strictObject({ ...activityId, ...updateFields, note: plainText('变更说明', { max: 20 }).default('') }),
    activityViewSchema,
  ),
  publish: action(z.strictObject(activityId), activityViewSchema),
  /** Those signed up are told, with the reason. */
  cancel: action(z.strictObject({ ...activityId, reason: plainText('取消原因', { max: 20, required: true }) }), activityViewSchema),
  /** Members signed in but not out get the scheduled end. */
  end: action(z.strictObject(activityId), activityViewSchema),
  /** A member: the published community activities where they live or their unit is paired, and their unit's own; staff: their community's, their drafts too; with `unitId`, its secretary or liaison: the unit's, drafts too. Upcoming: soonest first; past: latest first. */
  list: action(
    z.strictObject({ communityId: id('社区').optional(), unitId: id('单位').optional(), when: z.enum(['upcoming', 'past']).default('upcoming'), ...paging }),
    pageOf(activityViewSchema),
  ),
  get: action(z.strictObject(activityId), activityViewSchema),
  signUp: action(z.strictObject(activityId), signupResultSchema),
  cancelSignUp: action(z.strictObject(activityId), signupResultSchema),
  /** The organiser's display: the current code. */
  signinCode: action(z.strictObject({ ...activityId, direction: z.enum(['in', 'out']) }), signinCodeSchema),
  /** A member scans the organiser's code; `activityId` when scanned from that activity's page. */
  signIn: action(
    z.strictObject({ token: z.string().trim().min(1, '缺少签到码').max(300, '这不是活动签到二维码'), activityId: id('活动').optional(), location: reportedPositionSchema.optional() }),
    signinResultSchema,
  ),
  /** The organiser scans a member's 联系证 (a member without a phone at hand). */
  signInByCard: action(z.strictObject({ ...activityId, token: z.string().trim().min(1, '缺少联系证二维码').max(300, '这不是双报到联系证的二维码') }), signinResultSchema),
  /** The organiser adds a record by hand, with the reason. */
  addRecord: action(
    z.strictObject({ ...activityId, memberId: id('党员'), inAt: moment('签到时间'), outAt: moment('签退时间').nullable().default(null), reason: plainText('补录原因', { max: 50, required: true }) }),
    attendanceRowSchema,
  ),
  /** The organiser corrects a record's times with a reason; the record keeps the version it replaces. */
  correctRecord: action(
    z.strictObject({ ...activityId, memberId: id('党员'), inAt: moment('签到时间').optional(), outAt: moment('签退时间').nullable().optional(), reason: plainText('更正原因', { max: 50, required: true }) }),
    attendanceRowSchema,
  ),
  /** The organiser: sign-ups, waitlist and attendance with hours and flags. */
  attendance: action(z.strictObject(activityId), attendanceSchema),
  /** A member: this year's counts against the rule. */
  myYear: action(z.strictObject({ year: z.number().int().min(2000).max(2100).optional() }), myYearSchema),
  /** The 区志愿者工作指导中心: a draft for one 志愿专业服务 item, held in a community, open to the district's members who chose the item. */
  createVolunteer: action(
    z.strictObject({ communityId: id('社区'), item: z.string({ error: '请选择志愿专业服务项目' }).trim().min(1, '请选择志愿专业服务项目').max(20, '没有这个志愿专业服务项目'), ...volunteerFields }),
    activityViewSchema,
  ),
}
