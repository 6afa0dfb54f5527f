import { z } from 'zod'

export const id = (label: string) => z.string().trim().min(1, `缺少${label}`).max(64, `${label}不正确`)

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
