import type { ProfileView } from '../../../src/domain/contracts/records.contract'
import type { CommunityDoc } from '../../db/docs'
import { findById } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'
import type { ProfileDoc } from './record-docs'
import { iso, staffCommunity } from './records-access'

// 社区基本情况 (000 §一.(三)): 辖区范围, 人口情况, 主要办公单位, 重要商业区, 学校,
// 养老院, 居民小区. One document per community, its id the community's.

export type ProfileFields = Omit<ProfileDoc, '_id' | 'communityId' | 'updatedBy' | 'updatedAt'>

const EMPTY: ProfileFields = { area: '', households: 0, residents: 0, partyMembers: 0, offices: [], commercialAreas: [], schools: [], nursingHomes: [], compounds: [] }

export function profileView(community: CommunityDoc, doc: ProfileDoc | undefined): ProfileView {
  const { _id, communityId: _c, updatedBy: _u, updatedAt, ...fields } = doc ?? { ...EMPTY, _id: '', communityId: '', updatedBy: '', updatedAt: null }
  return { communityId: community._id, communityName: community.name, ...fields, updatedAt: iso(updatedAt) }
}

export async function getProfile(ctx: KnownContext, communityId: string): Promise<ProfileView> {
  const community = await staffCommunity(ctx, communityId)
  return profileView(community, await findById<ProfileDoc>(ctx.db, 'communityProfiles', communityId))
}

export async function saveProfile(ctx: KnownContext, input: ProfileFields & { communityId: string }): Promise<ProfileView> {
  const community = await staffCommunity(ctx, input.communityId)
  const { communityId, ...fields } = input
  const doc: ProfileDoc = { _id: communityId, communityId, ...fields, updatedBy: ctx.principal.userId, updatedAt: ctx.now() }
  const { _id, ...data } = doc
  await ctx.db.collection('communityProfiles').doc(_id).set({ data })
  return profileView(community, doc)
}
