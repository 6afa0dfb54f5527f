import { auditContract, type AuditRow } from '../../../src/domain/contracts/audit.contract'
import type { AuditDoc } from '../../audit/audit-log'
import { defineFunction } from '../../kernel/function-def'
import { readPage } from '../../db/read'

// The district reads the audit log, newest first, optionally one action's
// entries (both served by the `audit` indexes). A deployment is one district,
// so its 区委组织部 reads every entry.

export const audit = defineFunction('audit', auditContract, {
  list: {
    permission: 'audit.read',
    async handle(input, { db }) {
      const filter = input.kind ? { action: input.kind } : {}
      const { docs, total } = await readPage<AuditDoc>(db, 'audit', filter, ['at', 'desc'], input)
      const rows: AuditRow[] = docs.map((d) => ({
        id: d._id,
        action: d.action,
        actorName: d.actor.name ?? '',
        actorUserId: d.actor.userId,
        target: d.target,
        details: d.details,
        source: d.origin.source,
        ip: d.origin.ip,
        at: d.at.toISOString(),
      }))
      return { rows, total, page: input.page, pageSize: input.pageSize }
    },
  },
})
