// WeChat's rules for the values of a subscription message's fields. A
// template's keys say their type (thing1, character_string2, phrase3, …: the
// key less its trailing number), and the platform refuses a value that breaks
// its type's rule with 47003 "argument invalid! data.<key>.value invalid".
// Lengths are counted in characters (code points), as WeChat counts them.

export const FIELD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

const HAN = /\p{Script=Han}/u
const length = (value: string) => [...value].length

// A date is 2026年3月16日 or 2026-03-16 (or with /); a time is 24-hour 9:05 or 09:05:30.
const DATE = String.raw`\d{4}(?:年\d{1,2}月\d{1,2}日|[-/]\d{1,2}[-/]\d{1,2})`
const TIME = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`
// Either may be a span: two points joined with ~.
const span = (point: string) => new RegExp(`^${point}(?:\\s*~\\s*${point})?$`)
const TIME_VALUE = span(`(?:${DATE}\\s*)?${TIME}`)
const DATE_VALUE = span(`${DATE}(?:\\s*${TIME})?`)

interface Rule {
  label: string
  ok(value: string): boolean
  /** The limit, as WeChat's table states it. */
  limit: string
}

export const FIELD_RULES: Record<FieldType, Rule> = {
  thing: { label: '事物', limit: '20个以内字符', ok: (v) => length(v) <= 20 },
  number: { label: '数字', limit: '32位以内数字，可带小数', ok: (v) => length(v) <= 32 && /^\d+(?:\.\d+)?$/.test(v) },
  letter: { label: '字母', limit: '32位以内字母', ok: (v) => /^[A-Za-z]{1,32}$/.test(v) },
  symbol: { label: '符号', limit: '5位以内符号', ok: (v) => /^[\p{P}\p{S}]{1,5}$/u.test(v) },
  character_string: { label: '字符串', limit: '32位以内数字、字母或符号', ok: (v) => /^[\x21-\x7E](?:[\x20-\x7E]{0,31})$/.test(v) },
  time: { label: '时间', limit: '24小时制时间（可带年月日），时间段用“~”连接', ok: (v) => TIME_VALUE.test(v) },
  date: { label: '日期', limit: '年月日（可带24小时制时间），时间段用“~”连接', ok: (v) => DATE_VALUE.test(v) },
  amount: { label: '金额', limit: '1个币种符号+10位以内纯数字，可带小数，结尾可带“元”', ok: (v) => /^\p{Sc}?\d{1,10}(?:\.\d+)?元?$/u.test(v) },
  phone_number: { label: '电话', limit: '17位以内数字、符号', ok: (v) => /^[0-9+\-()# ]{1,17}$/.test(v) && /\d/.test(v) },
  car_number: {
    label: '车牌',
    limit: '8位以内，第一位与最后一位可为汉字，其余为字母或数字',
    ok: (v) => length(v) <= 8 && /^[\p{Script=Han}A-Z0-9][A-Z0-9]*[\p{Script=Han}A-Z0-9]?$/u.test(v),
  },
  name: {
    label: '姓名',
    limit: '10个以内纯汉字或20个以内纯字母或符号（中文和字母混合按中文名算）',
    ok: (v) => (HAN.test(v) ? length(v) <= 10 && /^[\p{Script=Han}A-Za-z·]+$/u.test(v) : /^[A-Za-z\p{P}\p{S} ]{1,20}$/u.test(v)),
  },
  phrase: { label: '汉字', limit: '5个以内纯汉字', ok: (v) => /^\p{Script=Han}{1,5}$/u.test(v) },
}

/** The type a template key stands for: "character_string12" → character_string; undefined for an unknown one. */
export function fieldTypeOfKey(key: string): FieldType | undefined {
  const type = key.replace(/\d+$/, '')
  return (FIELD_TYPES as readonly string[]).includes(type) && type !== key ? (type as FieldType) : undefined
}

/** Why WeChat would refuse `value` for a field of `type`, in Chinese; undefined when it is fine. */
export function fieldValueProblem(type: FieldType, value: string): string | undefined {
  const rule = FIELD_RULES[type]
  if (value.trim() === '') return `${rule.label}（${type}）不能为空`
  return rule.ok(value) ? undefined : `${rule.label}（${type}）应为${rule.limit}，“${value}”不符合`
}

/** A text cut to fit a `thing` field (20 characters), with … when it was longer. */
export function fitThing(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')]
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`
}
