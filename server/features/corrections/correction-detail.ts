import { can } from '../../../src/domain/access'
import { chineseDate, inChina } from '../../../src/domain/china-time'
import type { CorrectionDetail } from '../../../src/domain/contracts/corrections.contract'
import { docsByIds } from '../../db/by-ids'
import type { ActivityDoc, AttendanceDoc, MemberDoc, RegistrationDoc } from '../../db/docs'
import { findById, notFound } from '../../db/load'
import { getRows } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { registrationId } from '../report/registration-target'
import type { CorrectionDoc } from './correction-doc'
import { correctionView } from './correction-view'
import { photoOf } from './member-photo'

// A request as the community's staff open it: with what the community holds
// now on that field, so they can judge it before fixing it on its own page
// (the registration, the attendance list). No mobile number is shown.

/** Most recent activity records shown for a request that names no activity. */
export const RECENT_ATTENDANCE = 20

/** The request, for the staff of its community only (anyone else: NOT_FOUND). */
export async function staffCorrection(ctx: KnownContext, correctionId: string): Promise<CorrectionDoc> {
  const doc = await findById<CorrectionDoc>(ctx.db, 'corrections', correctionId)
  if (!doc || !can(ctx.principal, 'correction.resolve', { communityId: doc.communityId, streetId: doc.streetId, districtId: doc.districtId })) throw notFound('核对请求')
  return doc
}

const time = (d: Date | null) => (d ? inChina(d).format('M月D日 HH:mm') : '未签退')

function attendanceLine(a: AttendanceDoc, activity: ActivityDoc | undefined): string {
  const title = activity ? `${chineseDate(activity.startAt)} ${activity.title}` : a.activityId
  return `${title}：签到 ${time(a.inAt)}，签退 ${time(a.outAt)}${a.activityCancelled ? '（活动已取消）' : ''}`
}

async function heldLines(ctx: KnownContext, doc: CorrectionDoc, member: MemberDoc | undefined): Promise<string[]> {
  const { db } = ctx
  switch (doc.field) {
    case 'specialty':
    case 'claims': {
      const registration = await findById<RegistrationDoc>(db, 'registrations', registrationId(doc.memberId, doc.communityId))
      if (doc.field === 'specialty') return [`爱好特长（报到登记表）：${registration?.hobbies || '未填写'}`, `专业特长（单位名册）：${member?.specialty || '未填写'}`]
      if (!registration || registration.claims.length === 0) return ['尚未认领服务项目']
      return registration.claims.map((c) => ('postId' in c ? `${c.categoryName}·${c.postName}` : `个人自选·${c.custom}`))
    }
    case 'photo':
      return [member?.photoFileId ? '已有照片' : '尚无照片']
    case 'activity': {
      const query = doc.activityId
        ? db.collection('attendance').where({ activityId: doc.activityId, memberId: doc.memberId }).limit(1)
        : db.collection('attendance').where({ memberId: doc.memberId, communityId: doc.communityId }).orderBy('inAt', 'desc').limit(RECENT_ATTENDANCE)
      const records = await getRows<AttendanceDoc>(query)
      const activities = await docsByIds<ActivityDoc>(db, 'activities', records.map((r) => r.activityId), { title: true, startAt: true })
      if (records.length === 0) return [doc.activityId ? `${doc.activityTitle ?? '该活动'}：没有签到记录` : '在本社区没有活动记录']
      return records.map((r) => attendanceLine(r, activities.get(r.activityId)))
    }
  }
}

export async function correctionDetail(ctx: KnownContext, correctionId: string): Promise<CorrectionDetail> {
  const doc = await staffCorrection(ctx, correctionId)
  const member = await findById<MemberDoc>(ctx.db, 'members', doc.memberId)
  const [lines, photo] = await Promise.all([heldLines(ctx, doc, member), doc.field === 'photo' && member ? photoOf(member) : Promise.resolve(null)])
  return { correction: correctionView(doc), held: { lines, photoUrl: photo?.url ?? '' } }
}
