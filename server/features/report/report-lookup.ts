import { authorize } from '../../../src/domain/access'
import type { ScannedMember } from '../../../src/domain/contracts/report.contract'
import type { KnownContext } from '../../kernel/function-def'
import { communityScope, loadCommunity } from '../../db/load'
import { resolveCard, type CardRef } from '../card/card-resolve'
import { scannedMember } from './scanned-member'

/** Staff scan or type a card: who is it? Writes nothing. */
export async function lookup(ctx: KnownContext, input: { communityId: string; card: CardRef }): Promise<ScannedMember> {
  const community = await loadCommunity(ctx.db, input.communityId)
  authorize(ctx.principal, 'checkin.scan', communityScope(community))
  const { member, card } = await resolveCard(ctx.db, ctx.env.cardSecret, input.card)
  return scannedMember(ctx.db, ctx.principal, community, member, card)
}
