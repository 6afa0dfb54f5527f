import type { CardRef } from '../../../src/domain/contracts/card-ref'
import type { ScannedMember } from '../../../src/domain/contracts/report.contract'
import type { KnownContext } from '../../kernel/function-def'
import { resolveDeskCard } from './desk-card'
import { deskCommunity } from './desk-community'
import { scannedMember } from './scanned-member'

/** Staff scan or type a card: who is it? Writes nothing (but a failed proof for a typed number is counted and audited). */
export async function lookup(ctx: KnownContext, input: { communityId: string; card: CardRef }): Promise<ScannedMember> {
  const community = await deskCommunity(ctx, input.communityId)
  return scannedMember(ctx.db, ctx.principal, community, await resolveDeskCard(ctx, community, input.card))
}
