import { timingSafeEqual } from 'node:crypto'
import { AppError } from '../../../src/domain/errors'
import type { Grant } from '../../../src/domain/roles'
import type { FunctionContext } from '../../kernel/function-def'
import { hashSetupCode } from '../../kernel/setup-env'
import { assertNotLocked, countFailure } from '../../access/attempt-limit'
import { writeAudit } from '../../audit/audit-log'
import { isDuplicateKey } from '../../db/db-errors'
import { findById } from '../../db/load'
import { newId } from '../../db/new-id'
import { inTransaction } from '../../db/transaction'
import { findUserByOpenid } from '../../db/users'

// The deployment's first administrator. One document, meta/setup, records that
// the district was set up; the claim reads and writes it in the same
// transaction as the district and the admin's grant, so two claims at once
// cannot both succeed and a used code is refused ever after.

const SETUP_DOC = 'setup'

interface SetupDoc {
  _id: string
  done: boolean
  districtId?: string
  userId?: string
  at?: Date
}

export interface ClaimInput {
  code?: string
  districtName: string
  adminName: string
}

const attemptKey = (openid: string) => `setup:${openid}`

export async function setupOpen(ctx: FunctionContext): Promise<boolean> {
  const doc = await findById<SetupDoc>(ctx.db, 'meta', SETUP_DOC)
  return !doc?.done
}

function codeMatches(expectedHash: string, code: string): boolean {
  const given = Buffer.from(hashSetupCode(code), 'hex')
  const expected = Buffer.from(expectedHash, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** A refused claim: counted against the caller (too many lock them out), audited, answered; nothing else written. */
async function refuse(ctx: FunctionContext, failure: AppError): Promise<AppError> {
  const answer = await countFailure(ctx, attemptKey(ctx.openid), failure)
  await writeAudit(ctx, 'setup.refused', {}, { reason: failure.code, locked: answer.code === 'TOO_MANY_ATTEMPTS' })
  return answer
}

export async function claimSetup(ctx: FunctionContext, input: ClaimInput): Promise<{ districtId: string; districtName: string }> {
  if (!ctx.openid) throw new AppError('AUTH_REQUIRED')
  await assertNotLocked(ctx, attemptKey(ctx.openid))
  const setup = ctx.env.setup ?? { codeHash: '', adminOpenid: '' }
  if (!(await setupOpen(ctx))) throw await refuse(ctx, new AppError('SETUP_DONE'))
  const namedAdmin = setup.adminOpenid !== '' && setup.adminOpenid === ctx.openid
  if (!namedAdmin) {
    if (!setup.codeHash) throw new AppError('SETUP_NOT_CONFIGURED')
    if (!input.code || !codeMatches(setup.codeHash, input.code)) throw await refuse(ctx, new AppError('SETUP_CODE_INVALID'))
  }

  const existing = await findUserByOpenid(ctx.db, ctx.openid)
  // A transaction reads only documents that exist: make the marker first (a racing claim may have).
  try {
    await ctx.db.collection('meta').add({ data: { _id: SETUP_DOC, done: false } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  const now = ctx.now()
  const districtId = newId('district')
  const userId = existing?._id ?? newId('user')
  const grant: Grant = { role: 'districtAdmin', scope: { districtId } }
  await inTransaction(ctx.db, async (t) => {
    const marker = (await t.collection('meta').doc<SetupDoc>(SETUP_DOC).get()).data
    if (marker.done) throw new AppError('SETUP_DONE')
    await t.collection('meta').doc(SETUP_DOC).set({ data: { done: true, districtId, userId, at: now } })
    await t.collection('districts').doc(districtId).set({ data: { name: input.districtName, createdAt: now } })
    if (existing) await t.collection('users').doc(userId).update({ data: { grants: [...(existing.grants ?? []), grant] } })
    else await t.collection('users').doc(userId).set({ data: { openid: ctx.openid, name: input.adminName, grants: [grant] } })
  })
  const claimed = { ...ctx, principal: { userId, openid: ctx.openid, name: existing?.name ?? input.adminName, grants: [grant] } }
  await writeAudit(claimed, 'setup.claimed', { districtId, userId }, { by: namedAdmin ? 'adminOpenid' : 'setupCode' })
  return { districtId, districtName: input.districtName }
}
