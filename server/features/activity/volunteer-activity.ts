import { AppError } from '../../../src/domain/errors'
import { VOLUNTEER_CATEGORY } from '../../../src/domain/service-catalog'
import type { ActivityView } from '../../../src/domain/contracts/activity.contract'
import type { PostDoc } from '../../db/docs'
import { loadCommunity, notFound } from '../../db/load'
import { getRows } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { centreDistrict, isVolunteerItem } from '../participation/volunteers'
import { insertDraft, type ActivityFields, type Organiser } from './activity-edit'

// The 区志愿者工作指导中心 publishes a professional-service activity for one
// 志愿专业服务 item, held in one of its district's communities: it serves that
// community's post of the item (so it counts as community-organised there),
// and is open to every member of the district who chose the item.

export async function createVolunteerActivity(ctx: KnownContext, input: Omit<ActivityFields, 'postId'> & { communityId: string; item: string }): Promise<ActivityView> {
  const districtId = centreDistrict(ctx)
  if (!isVolunteerItem(input.item)) throw new AppError('NOT_A_VOLUNTEER_ITEM')
  const community = await loadCommunity(ctx.db, input.communityId)
  if (community.districtId !== districtId) throw notFound('社区')
  const [post] = await getRows<PostDoc>(ctx.db.collection('posts').where({ communityId: community._id, category: VOLUNTEER_CATEGORY, name: input.item, active: true }).limit(1))
  const { item, ...fields } = input
  const organiser: Organiser = {
    organiserKind: 'volunteerCentre',
    postId: post?._id ?? null,
    postName: item,
    volunteerItem: item,
  }
  return insertDraft(ctx, community, { ...fields, postId: organiser.postId }, organiser)
}
