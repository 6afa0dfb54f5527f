import { can } from '../../../src/domain/access'
import type { CorrectionView } from '../../../src/domain/contracts/corrections.contract'
import { planResolve, type CorrectionOutcome } from '../../../src/domain/corrections'
import { notFound } from '../../db/load'
import { findInTransaction, inTransaction } from '../../db/transaction'
import type { KnownContext } from '../../kernel/function-def'
import type { CorrectionDoc } from './correction-doc'
import { notifyResolved } from './correction-notify'
import { correctionView } from './correction-view'

// The community's staff resolve an open request: 已更正 (they fixed the data on
// its own page) or 不予更正 with the reason. Read and written in one
// transaction, so two staff pressing at once resolve it once; the raiser is
// told afterwards.

export async function resolveCorrection(ctx: KnownContext, input: { correctionId: string; outcome: CorrectionOutcome; answer: string }): Promise<CorrectionView> {
  const now = ctx.now()
  const resolved = await inTransaction(ctx.db, async (t) => {
    const doc = await findInTransaction<CorrectionDoc>(t, 'corrections', input.correctionId)
    if (!doc || !can(ctx.principal, 'correction.resolve', { communityId: doc.communityId, streetId: doc.streetId, districtId: doc.districtId })) throw notFound('核对请求')
    const plan = planResolve(doc.status, input.outcome, input.answer)
    const change = { status: plan.status, answer: plan.answer, liveKey: doc._id, resolvedBy: ctx.principal.userId, resolvedByName: ctx.principal.name, resolvedAt: now }
    await t.collection('corrections').doc(doc._id).update({ data: change })
    return { ...doc, _id: input.correctionId, ...change } as CorrectionDoc
  })
  await notifyResolved(ctx, resolved)
  return correctionView(resolved)
}
