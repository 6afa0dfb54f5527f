import { z } from 'zod'
import { fieldWithIdCardNumber } from '../id-card'
import { GENDERS } from '../member'
import { ASSISTANCE_CATEGORIES, COLLECTION_WAYS } from '../records'
import { plainText } from '../text'
import { yearMonth } from '../year-month'
import { action } from './action-contract'
import { count, dateInput, id, isoDate, paging, pageOf } from './common'

// `records` (issue 10, items 2 and 5–8): the community's own records — the
// 服务需求征集记录, the 社区需要帮扶对象基本情况摸底表, 结对帮扶 with its visits,
// the 会议记录本 and the 社区基本情况 — and the printable tables of each
// (src/domain/record-tables.ts).

/**
 * No text of these forms may hold an ID-card number (src/domain/id-card.ts):
 * a stable code, the field named. Checked also when another field is wrong
 * (then it is one of the listed problems), so the message always says it.
 */
function withoutIdCardNumbers<S extends z.ZodType>(schema: S) {
  return schema.superRefine(
    (value, ctx) => {
      const path = fieldWithIdCardNumber(value)
      if (path) ctx.addIssue({ code: 'custom', path, message: '请勿填写身份证号码：系统不保存身份证号码，请删除后再保存', params: { code: 'ID_CARD_NUMBER' } })
    },
    { when: () => true },
  )
}

const communityId = { communityId: id('社区') }
const text = (label: string, max: number, required = false) => plainText(label, { max, required, multiline: max > 60 })
const day = (label: string) => dateInput.refine((d) => !Number.isNaN(d.getTime()), `${label}应为日期`)
const photos = z.array(z.string().trim().min(1).max(1024), { error: '照片应为已上传文件的列表' }).refine((list) => list.length <= 9, { message: '照片最多9张', params: { code: 'TOO_MANY_PHOTOS' } })
const nameList = (label: string) => z.array(text(label, 60, true), { error: `${label}应为名称的列表` }).max(100, `${label}最多100项`)

// ---- 服务需求征集记录 ----------------------------------------------------------

const collectionFields = {
  date: day('征集日期'),
  way: z.enum(COLLECTION_WAYS, { error: '征集方式应为走访、电话、座谈会、意见箱或其他' }),
  collector: text('征集人', 20, true),
  /** The resident or group the need came from. */
  source: text('居民或群体', 40, true),
  content: text('需求内容', 500, true),
  handling: text('办理情况', 500),
}

export const collectionRecordSchema = z.strictObject({
  recordId: z.string(),
  communityId: z.string(),
  date: isoDate,
  way: z.enum(COLLECTION_WAYS),
  collector: z.string(),
  source: z.string(),
  content: z.string(),
  handling: z.string(),
  /** The need it became in the workflow, once made one. */
  needId: z.string().nullable(),
})
export type CollectionRecordView = z.output<typeof collectionRecordSchema>

// ---- 帮扶对象 (摸底表) ---------------------------------------------------------

const targetFields = {
  name: text('姓名', 20, true),
  gender: z.enum(GENDERS, { error: '性别应为“男”或“女”' }),
  birthMonth: yearMonth('出生年月'),
  address: text('住址', 60, true),
  mobile: z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})?$/, '联系电话应为手机号或带区号的固定电话'),
  categories: z.array(z.enum(ASSISTANCE_CATEGORIES, { error: '帮扶类别不在列表中' })).min(1, '请至少选择一个帮扶类别').max(ASSISTANCE_CATEGORIES.length),
  family: text('家庭情况', 300),
  needs: text('帮扶需求', 300),
  surveyor: text('摸底人', 20, true),
  surveyedAt: day('摸底日期'),
}

export const pairedMemberSchema = z.strictObject({ pairingId: z.string(), memberName: z.string(), unitName: z.string(), since: isoDate })

export const targetViewSchema = z.strictObject({
  targetId: z.string(),
  communityId: z.string(),
  name: z.string(),
  gender: z.string(),
  birthMonth: z.string(),
  address: z.string(),
  mobile: z.string(),
  categories: z.array(z.string()),
  family: z.string(),
  needs: z.string(),
  surveyor: z.string(),
  surveyedAt: isoDate,
  /** Members paired with the target now. */
  paired: z.array(pairedMemberSchema),
  /** The mobile and address are masked (a member whose pairing ended). */
  masked: z.boolean(),
})
export type TargetView = z.output<typeof targetViewSchema>

// ---- 结对帮扶 ------------------------------------------------------------------

export const visitViewSchema = z.strictObject({ visitId: z.string(), date: isoDate, content: z.string(), recordedAt: isoDate })

export const pairingViewSchema = z.strictObject({
  pairingId: z.string(),
  communityId: z.string(),
  status: z.enum(['offered', 'active', 'ended']),
  /** Null while a member's offer waits for the staff to choose a target. */
  target: z.strictObject({ targetId: z.string(), name: z.string(), address: z.string(), mobile: z.string(), categories: z.array(z.string()) }).nullable(),
  memberId: z.string(),
  memberName: z.string(),
  unitName: z.string(),
  /** 帮扶内容. */
  content: z.string(),
  startedAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  endReason: z.string().nullable(),
  /** Newest first. */
  visits: z.array(visitViewSchema),
})
export type PairingView = z.output<typeof pairingViewSchema>

const pairingId = { pairingId: id('结对记录') }
const pairingContent = text('帮扶内容', 300, true)

// ---- 会议记录本 ----------------------------------------------------------------

const meetingFields = {
  date: day('会议日期'),
  place: text('会议地点', 60, true),
  host: text('主持人', 20, true),
  recorder: text('记录人', 20, true),
  memberIds: z.array(id('参会党员')).max(200, '参会党员最多200人'),
  unitIds: z.array(id('参会单位')).max(100, '参会单位最多100个'),
  /** Attendees not on the lists (residents, guests). */
  otherAttendees: text('其他参会人员', 200),
  topic: text('会议议题', 60, true),
  content: text('会议内容', 3000, true),
  decisions: text('会议决定', 1000),
  photos,
}

export const meetingViewSchema = z.strictObject({
  meetingId: z.string(),
  communityId: z.string(),
  date: isoDate,
  place: z.string(),
  host: z.string(),
  recorder: z.string(),
  members: z.array(z.strictObject({ memberId: z.string(), name: z.string() })),
  units: z.array(z.strictObject({ unitId: z.string(), name: z.string() })),
  otherAttendees: z.string(),
  topic: z.string(),
  content: z.string(),
  decisions: z.string(),
  /** fileIDs with a temporary link to show each. */
  photos: z.array(z.strictObject({ fileID: z.string(), url: z.string() })),
})
export type MeetingView = z.output<typeof meetingViewSchema>

// ---- 社区基本情况 --------------------------------------------------------------

const population = (label: string) => z.number({ error: `${label}应为数字` }).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(10_000_000, `${label}过大`)

const profileFields = {
  area: text('辖区范围', 500),
  households: population('户数'),
  residents: population('常住人口'),
  partyMembers: population('党员数'),
  offices: nameList('主要办公单位'),
  commercialAreas: nameList('重要商业区'),
  schools: nameList('学校'),
  nursingHomes: nameList('养老院'),
  compounds: nameList('居民小区'),
}

export const profileViewSchema = z.strictObject({
  communityId: z.string(),
  communityName: z.string(),
  area: z.string(),
  households: count,
  residents: count,
  partyMembers: count,
  offices: z.array(z.string()),
  commercialAreas: z.array(z.string()),
  schools: z.array(z.string()),
  nursingHomes: z.array(z.string()),
  compounds: z.array(z.string()),
  /** Null until first saved. */
  updatedAt: isoDate.nullable(),
})
export type ProfileView = z.output<typeof profileViewSchema>

// ---- printable tables ----------------------------------------------------------

export const SHEET_KINDS = ['collections', 'targets', 'pairings', 'meetings'] as const
export type SheetKind = (typeof SHEET_KINDS)[number]

export const tableModelSchema = z.strictObject({
  title: z.string(),
  subtitle: z.string(),
  /** Header rows; a cell spans the columns up to the next non-empty one. */
  header: z.array(z.array(z.string())),
  rows: z.array(z.array(z.string())),
})

export const choicesSchema = z.strictObject({
  members: z.array(z.strictObject({ memberId: z.string(), name: z.string(), unitId: z.string(), unitName: z.string() })),
  units: z.array(z.strictObject({ unitId: z.string(), name: z.string() })),
})

export const recordsContract = {
  /** Staff: the 征集记录, newest first. */
  collectionList: action(z.strictObject({ ...communityId, ...paging }), pageOf(collectionRecordSchema)),
  /** Staff: a new record, or (with recordId) a correction of one. */
  collectionSave: action(withoutIdCardNumbers(z.strictObject({ ...communityId, recordId: id('征集记录').optional(), ...collectionFields })), collectionRecordSchema),
  /** Staff: the record becomes a need in the workflow, once. */
  collectionToNeed: action(z.strictObject({ recordId: id('征集记录') }), collectionRecordSchema),

  /** Staff: every target of the 摸底表, paired or not. */
  targetList: action(z.strictObject({ ...communityId, paired: z.enum(['all', 'paired', 'unpaired']).default('all'), ...paging }), pageOf(targetViewSchema)),
  targetSave: action(withoutIdCardNumbers(z.strictObject({ ...communityId, targetId: id('帮扶对象').optional(), ...targetFields })), targetViewSchema),
  /** Staff, or a member paired with the target. */
  targetGet: action(z.strictObject({ targetId: id('帮扶对象') }), targetViewSchema),

  /** Staff pair a target with a member living in the community. */
  pairCreate: action(withoutIdCardNumbers(z.strictObject({ targetId: id('帮扶对象'), memberId: id('党员'), content: pairingContent })), pairingViewSchema),
  /** A member offers to pair; the staff choose the target (pairConfirm). */
  pairOffer: action(withoutIdCardNumbers(z.strictObject({ content: pairingContent })), pairingViewSchema),
  pairConfirm: action(z.strictObject({ ...pairingId, targetId: id('帮扶对象') }), pairingViewSchema),
  /** Staff end a pairing (or decline an offer); its history stays. */
  pairEnd: action(z.strictObject({ ...pairingId, reason: text('结束原因', 50, true) }), pairingViewSchema),
  /** Staff: the community's pairings (the 结对帮扶登记表 lists active and ended). */
  pairList: action(z.strictObject({ ...communityId, status: z.enum(['offered', 'active', 'ended', 'all']).default('all'), ...paging }), pageOf(pairingViewSchema)),
  /** A member: their own pairings and offers. */
  myPairings: action(z.strictObject({}), z.array(pairingViewSchema)),
  /** The paired member records a visit from their phone. */
  visitAdd: action(withoutIdCardNumbers(z.strictObject({ ...pairingId, date: day('走访日期'), content: text('帮扶情况', 300, true) })), pairingViewSchema),

  meetingList: action(z.strictObject({ ...communityId, ...paging }), pageOf(meetingViewSchema)),
  meetingSave: action(withoutIdCardNumbers(z.strictObject({ ...communityId, meetingId: id('会议记录').optional(), ...meetingFields })), meetingViewSchema),
  meetingGet: action(z.strictObject({ meetingId: id('会议记录') }), meetingViewSchema),

  profileGet: action(z.strictObject(communityId), profileViewSchema),
  profileSave: action(z.strictObject({ ...communityId, ...profileFields }), profileViewSchema),

  /** Staff: members living in the community and their units, to pick pairings and attendees from. */
  choices: action(z.strictObject(communityId), choicesSchema),
  /** Staff: one printable table, every row (src/domain/record-tables.ts). */
  sheet: action(z.strictObject({ ...communityId, kind: z.enum(SHEET_KINDS) }), tableModelSchema),
}
