import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { BINDING_CODE_ALPHABET, BINDING_CODE_LENGTH, BINDING_CODE_TTL_MS, formatBindingCode } from '../../../src/domain/binding-code'
import type { BindingCodeIssued } from '../../../src/domain/contracts/roster.contract'
import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import type { MemberBindingCode, MemberDoc } from '../../db/docs'
import { loadMember } from '../../db/load'
import { updateDoc } from '../../db/write'
import { writeAudit } from '../../audit/audit-log'
import { authorizedUnit } from '../roster/roster-access'

// The unit's fallback for binding a member's WeChat (src/domain/binding-code.ts).
// Only a keyed hash is stored, bound to the member, so neither a database
// reader nor another member's code can bind this member.

export function hashBindingCode(secret: string, memberId: string, code: string): string {
  return createHmac('sha256', secret).update(`binding:${memberId}:${code}`, 'utf8').digest('hex')
}

/** True when `code` is the member's current code and it has not expired. */
export function bindingCodeMatches(secret: string, member: MemberDoc, code: string, now: Date): boolean {
  const stored: MemberBindingCode | null | undefined = member.bindingCode
  if (!stored || stored.expiresAt.getTime() <= now.getTime()) return false
  const given = Buffer.from(hashBindingCode(secret, member._id, code), 'hex')
  const expected = Buffer.from(stored.hash, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function newBindingCode(): string {
  let code = ''
  for (let i = 0; i < BINDING_CODE_LENGTH; i++) code += BINDING_CODE_ALPHABET[randomInt(BINDING_CODE_ALPHABET.length)]
  return code
}

/**
 * The unit's secretary makes a new code for one member (any earlier code stops
 * working) and hands it over in person. Shown once: only its hash is kept.
 */
export async function issueBindingCode(ctx: KnownContext, input: { unitId: string; memberId: string }): Promise<BindingCodeIssued> {
  if (!ctx.env.cardSecret) throw new AppError('CONFIG_MISSING')
  const unit = await authorizedUnit(ctx, input.unitId, 'binding.issue')
  const member = await loadMember(ctx.db, input.memberId)
  if (member.unitId !== unit._id) throw new AppError('NOT_FOUND', '该党员不在本单位名册中')

  const code = newBindingCode()
  const now = ctx.now()
  const stored: MemberBindingCode = {
    hash: hashBindingCode(ctx.env.cardSecret, member._id, code),
    expiresAt: new Date(now.getTime() + BINDING_CODE_TTL_MS),
    issuedBy: ctx.principal.userId,
    issuedAt: now,
  }
  await updateDoc(ctx.db, 'members', member._id, { bindingCode: ctx.db.command.set(stored), updatedAt: now })
  await writeAudit(ctx, 'account.bindingCodeIssued', { unitId: unit._id, memberId: member._id })
  return { memberName: member.name, code: formatBindingCode(code), expiresAt: stored.expiresAt.toISOString() }
}
