import { invalidParam } from './errors'

// The cloud database's result limits for cloud functions. The builder already
// clamps get() limits, but the engine enforces them too so that a caller that
// bypasses the builder (raw requests, a future SDK) still meets the platform.
export const GET_DEFAULT_LIMIT = 100
export const GET_MAX_LIMIT = 1000
export const AGGREGATE_DEFAULT_LIMIT = 20

export function clampGetLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) return GET_DEFAULT_LIMIT
  return Math.min(Math.floor(limit), GET_MAX_LIMIT)
}

export function checkOffset(offset: unknown): number {
  if (offset === undefined || offset === null) return 0
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw invalidParam(`skip must be a non-negative integer, got ${JSON.stringify(offset)}`)
  }
  return offset
}

/** CloudBase aborts a transaction not committed or aborted within 30 s of its start. */
export const TRANSACTION_LIFETIME_MS = 30_000
