import { z } from 'zod'

export const id = (label: string) => z.string().trim().min(1, `缺少${label}`).max(64, `${label}不正确`)

/**
 * A calendar date as the client sends it: "2026-01-05" (midnight UTC, as a date
 * input gives it) or a full ISO time with its offset. Nothing else: not `true`,
 * not null, not a number of milliseconds, not "2026-02-30".
 */
export const dateInput = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: '应为日期，如 2026-01-05' })
  .transform((text) => new Date(text.length === 10 ? `${text}T00:00:00Z` : text))

export const paging = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
}

/** An action that takes nothing but its name. */
export const noInput = z.object({}).strict()

/** An ISO 8601 date-time, as results carry dates. */
export const isoDate = z.string()

export const count = z.number().int().min(0)

/** One page of `row`s out of `total`. */
export function pageOf<R extends z.ZodType>(row: R) {
  return z.strictObject({ rows: z.array(row), total: count, page: count, pageSize: count })
}
