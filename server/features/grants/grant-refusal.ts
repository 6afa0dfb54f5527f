import type { AppError } from '../../../src/domain/errors'
import type { FunctionContext } from '../../kernel/function-def'
import { countFailure } from '../../access/attempt-limit'
import { writeAudit } from '../../audit/audit-log'

/** The attempt-limit key of one caller's refused grants and invitations. */
export const grantAttemptKey = (openid: string) => `grant:${openid}`

/**
 * A refused grant, revocation or invitation (out of scope, forged, used,
 * expired): counted against the caller, who is locked out after too many,
 * and audited. Nothing else is written. Returns the error to answer with.
 */
export async function refuseGrant(ctx: FunctionContext, failure: AppError, target: Record<string, string>, details: Record<string, unknown> = {}): Promise<AppError> {
  const answer = await countFailure(ctx, grantAttemptKey(ctx.openid), failure)
  await writeAudit(ctx, 'grants.refused', target, { reason: failure.code, locked: answer.code === 'TOO_MANY_ATTEMPTS', ...details })
  return answer
}
