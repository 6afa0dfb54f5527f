import { isCardNoWellFormed } from '../../../src/domain/card-no'
import type { CardRef } from '../../../src/domain/contracts/card-ref'
import { AppError } from '../../../src/domain/errors'
import { provesPresence } from '../../../src/domain/presence-proof'
import type { KnownContext } from '../../kernel/function-def'
import type { CommunityDoc } from '../../db/docs'
import { assertNotLocked, countFailure } from '../../access/attempt-limit'
import { writeAudit } from '../../audit/audit-log'
import { findByNumber, requireActive, resolveToken, type ResolvedCard } from '../card/card-resolve'
import { verifyCardToken, type CardClaim } from '../card/card-token'

// The card the community desk holds up, for lookup and confirm alike. A
// scanned QR is the card itself. A typed 联系证号 can be guessed (a counter
// plus a check digit), so it must come with the member's surname or mobile
// tail, and it opens no more than a scan: until the proof holds, the desk
// learns nothing, not even whether the number exists (an unknown number and
// a wrong proof get the same answer). Failed proofs are counted per staff
// user and community and written to the audit log; too many lock the desk
// out for a while.

function deskAttemptKey(communityId: string, userId: string): string {
  return `checkin:${communityId}:${userId}`
}

export async function resolveDeskCard(ctx: KnownContext, community: CommunityDoc, ref: CardRef): Promise<ResolvedCard> {
  if ('token' in ref) return resolveToken(ctx.db, ctx.env.cardSecret, ref.token)
  const key = deskAttemptKey(community._id, ctx.principal.userId)
  await assertNotLocked(ctx, key)
  // The check digit catches typing slips before any lookup; it is public, so it is not a proof and is not counted.
  if (!isCardNoWellFormed(ref.cardNo)) throw new AppError('CARD_NO_INVALID')

  const found = await findByNumber(ctx.db, ref.cardNo)
  if (found && provesPresence(found.member, ref.proof)) {
    if (found.card.status !== 'active') throw new AppError('CARD_REVOKED')
    return requireActive(found.member, found.card.serial)
  }

  const answer = await countFailure(ctx, key, new AppError('CARD_PROOF_MISMATCH'))
  await writeAudit(
    ctx,
    'checkin.proofFailed',
    { communityId: community._id, cardNo: ref.cardNo, ...(found ? { memberId: found.member._id } : {}) },
    { cardFound: found !== null, locked: answer.code === 'TOO_MANY_ATTEMPTS' },
  )
  throw answer
}

/**
 * The card as a claim (member and serial), for a caller that reads the member
 * itself, inside its transaction: a scanned QR needs no read here at all.
 */
export async function deskCardClaim(ctx: KnownContext, community: CommunityDoc, ref: CardRef): Promise<CardClaim> {
  if ('token' in ref) return verifyCardToken(ctx.env.cardSecret, ref.token)
  const { member } = await resolveDeskCard(ctx, community, ref)
  return { memberId: member._id, serial: member.card!.serial }
}
