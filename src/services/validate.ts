import type { z } from 'zod'
import type { FunctionContract } from '../domain/contracts/action-contract'
import { FIELD_LABELS } from '../domain/field-labels'

// Client-side validation with the server's own zod schemas (src/domain). The
// schemas carry their Chinese messages; zod's built-in English messages (a
// length limit without a message, a missing field) are replaced here by short
// Chinese ones that name the field, without loading zod's locale tables.

export type Checked<T> = { ok: true; data: T } | { ok: false; message: string; field?: string }

type RawIssue = { code?: string; origin?: string; minimum?: unknown; maximum?: unknown; input?: unknown }

const GENERIC = '\u200b'

function chineseIssue(issue: RawIssue): string {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `${GENERIC}不能超过${String(issue.maximum)}个字`
      if (issue.origin === 'array') return `${GENERIC}最多${String(issue.maximum)}项`
      return `${GENERIC}不能大于${String(issue.maximum)}`
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${GENERIC}不能为空` : `${GENERIC}至少${String(issue.minimum)}个字`
      if (issue.origin === 'array') return `${GENERIC}至少${String(issue.minimum)}项`
      return `${GENERIC}不能小于${String(issue.minimum)}`
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? `${GENERIC}未填写` : `${GENERIC}格式不正确`
    default:
      return `${GENERIC}填写有误`
  }
}

function fieldOf(path: readonly PropertyKey[]): string | undefined {
  return [...path].reverse().find((p): p is string => typeof p === 'string')
}

/** The first problem as one Chinese sentence, e.g. "请填写家庭详址" or "爱好特长不能超过100个字". */
export function check<S extends z.ZodType>(schema: S, value: unknown): Checked<z.output<S>> {
  const parsed = schema.safeParse(value, { error: (issue) => chineseIssue(issue as RawIssue) })
  if (parsed.success) return { ok: true, data: parsed.data }
  const issue = parsed.error.issues[0]!
  const field = fieldOf(issue.path)
  let message = issue.message
  if (message.startsWith(GENERIC)) {
    const label = field ? (FIELD_LABELS[field] ?? '') : ''
    message = label + message.slice(GENERIC.length)
  }
  return { ok: false, message, field }
}

/** Checks a call's input (all but `action`) against its action's schema in the function's contract. */
export function checkCall<C extends FunctionContract, A extends keyof C & string>(contract: C, call: { action: A }): Checked<z.output<C[A]['input']>> {
  const { action, ...input } = call
  return check(contract[action]!.input, input) as Checked<z.output<C[A]['input']>>
}
