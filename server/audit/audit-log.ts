import type { FunctionContext } from '../kernel/function-def'
import { newId } from '../db/new-id'

// The `audit` collection: who did what, when, and from where. One small
// writer for every feature that must leave a trace (failed proofs at the
// desk or at binding, grants, revocations, removals). Entries are only ever
// added; the district reads them.

export interface AuditDoc {
  _id: string
  /** What happened, as `<feature>.<event>`, e.g. `checkin.proofFailed`. */
  action: string
  /** The caller: their user id when the system knows them, and always the OPENID. */
  actor: { userId: string | null; openid: string; name: string | null }
  /** The records concerned, by id (member, card, community, unit...). */
  target: Record<string, string>
  /** Anything else worth keeping; never a secret, a code or a full mobile. */
  details: Record<string, unknown>
  origin: { source: string; ip: string }
  at: Date
}

export async function writeAudit(
  ctx: FunctionContext,
  action: string,
  target: Record<string, string>,
  details: Record<string, unknown> = {},
): Promise<void> {
  const entry: AuditDoc = {
    _id: newId('audit'),
    action,
    actor: { userId: ctx.principal?.userId ?? null, openid: ctx.openid, name: ctx.principal?.name ?? null },
    target,
    details,
    origin: ctx.origin,
    at: ctx.now(),
  }
  const { _id, ...data } = entry
  await ctx.db.collection('audit').doc(_id).set({ data })
}
