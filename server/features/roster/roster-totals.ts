import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import { updateDoc } from '../../db/write'
import { authorizedUnit } from './roster-access'

export interface TotalsInput {
  unitId: string
  declaredMemberTotal: number
  declaredResidentTotal: number
}

/** The numbers the unit declares on 附件3: 在职党员 N 人（其中居住地在社区的党员 M 人）. */
export async function setTotals(ctx: KnownContext, input: TotalsInput): Promise<{ declaredMemberTotal: number; declaredResidentTotal: number }> {
  const unit = await authorizedUnit(ctx, input.unitId, 'roster.manage')
  if (input.declaredResidentTotal > input.declaredMemberTotal) throw new AppError('TOTALS_INCONSISTENT')
  await updateDoc(ctx.db, 'units', unit._id, { declaredMemberTotal: input.declaredMemberTotal, declaredResidentTotal: input.declaredResidentTotal })
  return { declaredMemberTotal: input.declaredMemberTotal, declaredResidentTotal: input.declaredResidentTotal }
}
