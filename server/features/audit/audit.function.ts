import { auditContract, type AuditRow } from '../../../src/domain/contracts/audit.contract'
import type { AuditDoc } from '../../audit/audit-log'
import { defineFunction } from '../../kernel/function-def'
import { countOf, getRows } from '../../db/read'

// The district reads the audit log, newest first, optionally one action's
// entries (both served by the `audit` indexes). A deployment is one district,
// so its 区委组织部 reads every entry.

export const audit = defineFunction('audit', auditContract, {
  list: {
    permission: 'audit.read',
    async handle(input, { db }) {
      const filter = input.kind ? { action: input.kind } : {}
      const [total, docs] = await Promise.all([
        countOf(db.collection('audit').where(filter)),
        getRows<AuditDoc>(
          db
            .collection('audit')
            .where(filter)
            .orderBy('at', 'desc')
            .orderBy('_id', 'asc')
            .skip((input.page - 1) * input.pageSize)
            .limit(input.pageSize),
        ),
      ])
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
