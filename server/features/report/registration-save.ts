import type { Registration, RegistrationView } from '../../../src/domain/contracts/report.contract'
import { AppError } from '../../../src/domain/errors'
import { checkMemberDates } from '../../../src/domain/member'
import type { KnownContext } from '../../kernel/function-def'
import { isDuplicateKey } from '../../db/db-errors'
import type { MemberDoc, RegistrationDoc } from '../../db/docs'
import { inTransaction } from '../../db/transaction'
import { applyTallyPlan, fieldKey, memberContribution } from '../../db/unit-tallies'
import { memberChange } from '../../../src/domain/unit-tally'
import { resolveClaims } from './claims'
import { registrationTarget, registrationId } from './registration-target'
import { registrationView } from './registration-view'

/**
 * Saves 附件1 with its claims. The form also corrects the roster (mobile,
 * office phone, job title, ...), in the same transaction, so the unit and the
 * community never disagree about the member; the member's claim mirror and
 * the unit's tally follow it.
 */
export async function saveRegistration(ctx: KnownContext, memberId: string | undefined, form: Registration): Promise<RegistrationView> {
  const { db } = ctx
  const target = await registrationTarget(ctx, memberId, 'registration.fill')
  const { member, community } = target
  const now = ctx.now()

  const dateProblems = checkMemberDates(form, now)
  if (dateProblems.length > 0) throw new AppError('VALIDATION_FAILED', `填写的内容有误：${dateProblems.join('；')}`)
  const claims = await resolveClaims(db, community._id, form.claims)

  const { claims: _claims, ...fields } = form
  const registration: Omit<RegistrationDoc, '_id'> = {
    ...fields,
    memberId: member._id,
    unitId: member.unitId,
    communityId: community._id,
    streetId: community.streetId,
    districtId: community.districtId,
    claims,
    claimCount: claims.length,
    savedBy: ctx.principal.userId,
    savedAt: now,
  }
  const roster: Partial<MemberDoc> & { formerMobiles?: unknown } = {
    gender: form.gender,
    birthMonth: form.birthMonth,
    joinPartyMonth: form.joinPartyMonth,
    education: form.education,
    officePhone: form.officePhone,
    mobile: form.mobile,
    jobTitle: form.jobTitle,
    updatedAt: now,
  }
  // The unit's roster finds members by mobile; remember the old number so a
  // re-import of an older spreadsheet still finds this member.
  if (form.mobile !== member.mobile) roster.formerMobiles = db.command.addToSet(member.mobile)

  try {
    const plan = await inTransaction(db, async (t) => {
      // Claims count in the unit's tally where the member is reported: read the member here, in the snapshot the change is made in.
      const current = (await t.collection('members').doc<MemberDoc>(member._id).get()).data
      const claimCounts = { ...current.claimCounts, [fieldKey(community._id)]: claims.length }
      await t.collection('members').doc(member._id).update({ data: { ...roster, claimCounts: db.command.set(claimCounts) } })
      await t.collection('registrations').doc(registrationId(member._id, community._id)).set({ data: registration })
      return memberChange(memberContribution(current), memberContribution({ ...current, claimCounts }))
    })
    await applyTallyPlan(db, plan)
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('MOBILE_TAKEN', '本单位已有其他党员使用这个手机号码，请核对')
    throw error
  }
  return registrationView(ctx, { ...target, member: { ...member, ...form } as MemberDoc })
}
