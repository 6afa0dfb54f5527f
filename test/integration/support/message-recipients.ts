import { MESSAGE_KINDS, type MessageKind } from '../../../src/domain/message-kinds'
import { receives } from '../../../src/domain/message-recipients'
import type { Role } from '../../../src/domain/roles'
import { scanAll } from '../../../server/db/read'
import type { Database } from '../../../server/kernel/database'

// Every message a test made a feature send went to a user holding one of the
// roles its kind names (src/domain/message-recipients.ts), checked when the
// harness closes: the features' own integration tests then check the map
// against what each sender really does. A recipient the database does not
// know (a test's made-up openid) cannot be checked and is let be.

export async function messagesToWrongRoles(db: Database): Promise<string[]> {
  const sent = await scanAll<{ _id: string; kind: MessageKind; touser: string }>(db, 'messages', {}, { fields: { kind: true, touser: true } })
  if (sent.length === 0) return []
  const openids = [...new Set(sent.map((m) => m.touser))]
  const users = await scanAll<{ _id: string; openid: string; grants?: Array<{ role: Role }> }>(db, 'users', { openid: db.command.in(openids) }, { fields: { openid: true, grants: true } })
  const rolesOf = new Map(users.map((u) => [u.openid, (u.grants ?? []).map((g) => g.role)]))
  return sent
    .filter((m) => m.kind in MESSAGE_KINDS && rolesOf.has(m.touser) && !receives(rolesOf.get(m.touser)!, m.kind))
    .map((m) => `${m.kind} → ${m.touser} (${rolesOf.get(m.touser)!.join(', ') || 'no role'})`)
}
