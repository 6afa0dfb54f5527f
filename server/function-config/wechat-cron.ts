import { Cron } from 'croner'

// WeChat Cloud's timer-trigger cron, as its docs define it: seven fields
// separated by spaces — second minute hour day-of-month month weekday year —
// each made of numbers (and month/weekday names) with only `, - * /`; the
// time zone is UTC+8; when both day-of-month and weekday are given they are
// OR-ed. Anything croner accepts beyond that (L, W, #, ?, +, weekday 7, a
// year past 2099) would be refused on upload, so it is refused here first.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

interface FieldRule {
  label: string
  min: number
  max: number
  names?: readonly string[]
  /** The first name's number (JAN is 1, SUN is 0). */
  namesFrom?: number
}

const FIELDS: readonly FieldRule[] = [
  { label: '秒', min: 0, max: 59 },
  { label: '分钟', min: 0, max: 59 },
  { label: '小时', min: 0, max: 23 },
  { label: '日', min: 1, max: 31 },
  { label: '月', min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { label: '星期', min: 0, max: 6, names: WEEKDAYS, namesFrom: 0 },
  { label: '年', min: 1970, max: 2099 },
]

/** croner options that give WeChat's reading of a 7-field expression. */
export const WECHAT_CRON_OPTIONS = {
  mode: '7-part',
  // WeChat's `1/10` means "from 1, every 10"; croner calls that a sloppy range.
  sloppyRanges: true,
  // UTC+8, China Standard Time, which has no daylight saving.
  utcOffset: 480,
  // Day-of-month OR weekday, as WeChat (and Vixie cron) read them.
  domAndDow: false,
} as const

function valueOf(text: string, rule: FieldRule): number | undefined {
  if (/^\d+$/.test(text)) return Number(text)
  const named = rule.names?.indexOf(text.toUpperCase()) ?? -1
  return named >= 0 ? named + (rule.namesFrom ?? 0) : undefined
}

function itemProblem(item: string, rule: FieldRule): string | undefined {
  const [range, step, ...extra] = item.split('/')
  if (extra.length > 0 || range === '') return `“${item}”写法不对`
  if (step !== undefined && !/^[1-9]\d*$/.test(step)) return `“${item}”的间隔应为正整数`
  if (range === '*') return undefined
  const bounds = range!.split('-')
  if (bounds.length > 2) return `“${item}”写法不对`
  const values = bounds.map((b) => valueOf(b, rule))
  if (values.some((v) => v === undefined)) return `“${item}”不是有效的${rule.label}`
  if (values.some((v) => v! < rule.min || v! > rule.max)) return `“${item}”超出范围（${rule.label}为 ${rule.min}-${rule.max}）`
  if (values.length === 2 && values[0]! > values[1]!) return `“${item}”的范围起点大于终点`
  return undefined
}

/** Why `expression` is not a WeChat timer cron, in Chinese; undefined when it is one that fires. */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== 7) {
    return `定时触发器的 cron 表达式应有7个字段（秒 分钟 小时 日 月 星期 年），现在有${fields.length}个`
  }
  for (const [index, field] of fields.entries()) {
    const rule = FIELDS[index]!
    for (const item of field.split(',')) {
      const problem = itemProblem(item, rule)
      if (problem) return `第${index + 1}个字段（${rule.label}）：${problem}`
    }
  }
  let schedule: Cron
  try {
    schedule = wechatSchedule(expression)
  } catch (error) {
    return `cron 表达式无法解析：${(error as Error).message}`
  }
  // Deterministic whatever today is: does it ever fire within WeChat's years?
  if (!schedule.nextRun(new Date('1970-01-01T00:00:00+08:00'))) return '这个 cron 表达式永远不会触发（例如2月31日）'
  return undefined
}

/** A paused croner schedule for a valid expression: it computes run times and never runs anything itself. */
export function wechatSchedule(expression: string): Cron {
  return new Cron(expression.trim(), { ...WECHAT_CRON_OPTIONS, paused: true })
}
