import { z } from 'zod'
import { action } from './action-contract'
import { isoDate, pageOf, paging } from './common'

// `audit`: the district reads who granted, revoked, removed or failed a proof, when and from where.

export const auditRowSchema = z.strictObject({
  id: z.string(),
  action: z.string(),
  actorName: z.string(),
  actorUserId: z.string().nullable(),
  target: z.record(z.string(), z.string()),
  details: z.record(z.string(), z.unknown()),
  source: z.string(),
  ip: z.string(),
  at: isoDate,
})
export type AuditRow = z.output<typeof auditRowSchema>

export const auditContract = {
  list: action(
    z.object({ ...paging, /** One action's entries (`grants.revoked`...); empty for all. */ kind: z.string().trim().max(60).regex(/^[A-Za-z.]*$/, '操作类型不正确').default('') }).strict(),
    pageOf(auditRowSchema),
  ),
}
