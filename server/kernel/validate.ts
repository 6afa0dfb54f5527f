import { z } from 'zod'
import { zhCN } from 'zod/locales'
import { AppError } from '../../src/domain/errors'
import { FIELD_LABELS } from '../../src/domain/field-labels'

// Messages in Chinese, for every schema the functions parse.
z.config(zhCN())

const MAX_LISTED_ISSUES = 3

/** The 1-based item number when the field sits in a list (claims, rows). */
function itemOf(path: readonly PropertyKey[]): number | undefined {
  const row = path.find((p) => typeof p === 'number')
  return typeof row === 'number' ? row + 1 : undefined
}

function where(path: readonly PropertyKey[]): string {
  const named = [...path].reverse().find((p) => typeof p === 'string') as string | undefined
  if (!named) return ''
  const item = itemOf(path)
  return (item ? `第${item}项的` : '') + (FIELD_LABELS[named] ?? named)
}

/** A schema that names its own field (src/domain/text.ts, params.label) says it in the message: field names are shared by different forms. */
function namesItsField(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && typeof issue.params?.label === 'string'
}

/** Parses untrusted input; the error names the fields in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues
  const lines = issues.slice(0, MAX_LISTED_ISSUES).map((i) => {
    // zod's locale says "出现未知的键(key)"; a user reads "不支持的字段".
    if (i.code === 'unrecognized_keys') return `不支持的字段：${i.keys.join('、')}`
    if (namesItsField(i)) return itemOf(i.path) ? `第${itemOf(i.path)}项：${i.message}` : i.message
    const field = where(i.path)
    return field ? `${field}：${i.message}` : i.message
  })
  const more = issues.length > MAX_LISTED_ISSUES ? `等${issues.length}处问题` : ''
  // A rule may name its own stable code (zod refine `params.code`, e.g.
  // TOO_FEW_CLAIMS); when it is the only thing wrong, that code is the answer.
  const details = { issues: issues.map((i) => ({ path: i.path.map(String), message: i.message })) }
  const ruleCode = ruleCodeOf(issues)
  if (ruleCode) throw new AppError(ruleCode, issues[0]!.message, details)
  throw new AppError('VALIDATION_FAILED', `填写的内容有误：${lines.join('；')}${more}`, details)
}

function ruleCodeOf(issues: readonly z.core.$ZodIssue[]): string | undefined {
  const codes = new Set(issues.map((i) => (i.code === 'custom' && typeof i.params?.code === 'string' ? i.params.code : '')))
  const [only] = codes
  return codes.size === 1 && only ? only : undefined
}
