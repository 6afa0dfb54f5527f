import type { Claim, Registration, RegistrationView } from '../../../src/domain/contracts/report.contract'
import { canSeeMobile } from '../../../src/domain/member-visibility'
import { maskMobile } from '../../../src/domain/mobile'
import type { KnownContext } from '../../kernel/function-def'
import type { RegistrationDoc } from '../../db/docs'
import { namesOf } from '../../db/names'
import { getRows } from '../../db/read'
import { communityCatalog } from './community-catalog'
import { registrationId, type RegistrationTarget } from './registration-target'

/**
 * The 附件1 form as saved, or prefilled from the roster when the member has
 * not registered here yet. Claims of posts retired since are left out: they
 * can no longer be claimed, and the form offers only the live catalog.
 */
export async function registrationView(ctx: KnownContext, target: RegistrationTarget): Promise<RegistrationView> {
  const { db } = ctx
  const { member, community, report } = target
  const [saved] = await getRows<RegistrationDoc>(db.collection('registrations').where({ _id: registrationId(member._id, community._id) }).limit(1))
  const catalog = await communityCatalog(db, community._id)
  const live = new Set(catalog.flatMap((c) => c.posts.map((p) => p.postId)))
  const visible = canSeeMobile(ctx.principal, { memberId: member._id, unitId: member.unitId, reportedCommunityId: report?.communityId ?? null })

  const form: Partial<Registration> = saved
    ? {
        gender: saved.gender as Registration['gender'],
        birthMonth: saved.birthMonth,
        joinPartyMonth: saved.joinPartyMonth,
        education: saved.education as Registration['education'],
        hobbies: saved.hobbies,
        officePhone: saved.officePhone,
        mobile: saved.mobile,
        qq: saved.qq,
        address: saved.address,
        jobTitle: saved.jobTitle,
        willingLiaison: saved.willingLiaison,
        claims: saved.claims.flatMap((c): Claim[] => ('postId' in c ? (live.has(c.postId) ? [{ postId: c.postId }] : []) : [{ custom: c.custom }])),
      }
    : {
        gender: member.gender,
        birthMonth: member.birthMonth,
        joinPartyMonth: member.joinPartyMonth,
        education: member.education,
        officePhone: member.officePhone,
        mobile: member.mobile,
        jobTitle: member.jobTitle,
        claims: [],
      }
  if (form.mobile !== undefined && !visible) form.mobile = maskMobile(form.mobile)

  const units = await namesOf(db, 'units', [member.unitId])
  return {
    memberId: member._id,
    name: member.name,
    unitName: units.get(member.unitId) ?? '',
    communityId: community._id,
    communityName: community.name,
    reported: report !== null,
    form,
    catalog,
  }
}
