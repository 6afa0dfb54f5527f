import { z } from 'zod'

export const id = (label: string) => z.string().trim().min(1, `缺少${label}`).max(64, `${label}不正确`)

export const paging = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
}

export interface Page<T> {
  rows: T[]
  total: number
  page: number
  pageSize: number
}
