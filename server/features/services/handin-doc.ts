import type { HandInView } from '../../../src/domain/contracts/services.contract'
import type { Quarter } from '../../../src/domain/quarter'
import { dateLocked, type LockedThrough, type QuarterHandInStatus } from '../../../src/domain/service-entry-rules'

// serviceHandIns: one document per unit × community × year (`_id` =
// handInId()), holding each quarter the unit has handed in there. The first
// hand-in of a year may cover several quarters at once (000 did 1–10月);
// later ones add a quarter. The fourth quarter may be handed in early (from
// 12月1日) and again later: each batch moves its `coveredThrough` on and keeps
// the quarter's last `handedInAt`. The overall `status` and `waitingSince` are
// derived from the quarters on every write, so lists and the timer query them.

export interface QuarterHandIn {
  status: QuarterHandInStatus
  handedInAt: Date
  handedInBy: string
  entries: number
  hours: number
  returnReason: string | null
  returnedAt: Date | null
  confirmedAt: Date | null
  confirmedBy: string | null
  /** The last day the quarter's hand-ins cover (the fourth quarter may be handed in early, in batches); absent: the whole quarter. */
  coveredThrough?: Date
}

export interface ServiceHandInDoc {
  _id: string
  unitId: string
  unitName: string
  communityId: string
  communityName: string
  streetId: string
  districtId: string
  year: number
  quarters: Partial<Record<`${Quarter}`, QuarterHandIn>>
  status: 'waiting' | 'returned' | 'confirmed'
  /** The earliest hand-in of a quarter still waiting; null when none waits. */
  waitingSince: Date | null
  updatedAt: Date
}

export function handInId(unitId: string, communityId: string, year: number): string {
  return `${unitId}:${communityId}:${year}`
}

export type QuarterStates = Partial<Record<Quarter, QuarterHandInStatus>>

export function quarterStatesOf(doc: Pick<ServiceHandInDoc, 'quarters'> | null | undefined): QuarterStates {
  const states: QuarterStates = {}
  for (const [q, value] of Object.entries(doc?.quarters ?? {})) if (value) states[Number(q) as Quarter] = value.status
  return states
}

/** Each handed-in quarter's last covered day (only those handed in early carry one). */
export function lockedThroughOf(doc: Pick<ServiceHandInDoc, 'quarters'> | null | undefined): LockedThrough {
  const through: LockedThrough = {}
  for (const [q, value] of Object.entries(doc?.quarters ?? {})) if (value?.coveredThrough) through[Number(q) as Quarter] = value.coveredThrough
  return through
}

/** Is an entry dated `date` locked by this hand-in document? */
export function lockedByHandIn(doc: Pick<ServiceHandInDoc, 'quarters'> | null | undefined, date: Date): boolean {
  return dateLocked(date, quarterStatesOf(doc), lockedThroughOf(doc))
}

/** The four quarters' last covered day as the contract carries them (null: not handed in, or covered whole). */
export function quarterThroughView(doc: Pick<ServiceHandInDoc, 'quarters'> | null | undefined) {
  const through = lockedThroughOf(doc)
  const iso = (q: Quarter) => (through[q] ? through[q]!.toISOString() : null)
  return { 1: iso(1), 2: iso(2), 3: iso(3), 4: iso(4) }
}

/** The four quarters' states as the contract carries them. */
export function quarterStatesView(states: QuarterStates) {
  return { 1: states[1] ?? null, 2: states[2] ?? null, 3: states[3] ?? null, 4: states[4] ?? null }
}

export function waitingSinceOf(quarters: ServiceHandInDoc['quarters']): Date | null {
  const waiting = Object.values(quarters)
    .filter((q) => q?.status === 'handedIn')
    .map((q) => q!.handedInAt.getTime())
  return waiting.length ? new Date(Math.min(...waiting)) : null
}

export function handInView(doc: ServiceHandInDoc): HandInView {
  return {
    handInId: doc._id,
    unitId: doc.unitId,
    unitName: doc.unitName,
    communityId: doc.communityId,
    communityName: doc.communityName,
    year: doc.year,
    status: doc.status,
    waitingSince: doc.waitingSince ? doc.waitingSince.toISOString() : null,
    quarters: (Object.entries(doc.quarters) as Array<[string, QuarterHandIn | undefined]>)
      .filter((e): e is [string, QuarterHandIn] => e[1] !== undefined)
      .map(([q, v]) => ({
        quarter: Number(q) as Quarter,
        status: v.status,
        handedInAt: v.handedInAt.toISOString(),
        entries: v.entries,
        hours: v.hours,
        returnReason: v.returnReason,
        confirmedAt: v.confirmedAt ? v.confirmedAt.toISOString() : null,
        coveredThrough: v.coveredThrough ? v.coveredThrough.toISOString() : null,
      }))
      .sort((a, b) => a.quarter - b.quarter),
  }
}
