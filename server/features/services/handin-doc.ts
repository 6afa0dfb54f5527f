import type { HandInView } from '../../../src/domain/contracts/services.contract'
import type { Quarter } from '../../../src/domain/quarter'
import type { QuarterHandInStatus } from '../../../src/domain/service-entry-rules'

// serviceHandIns: one document per unit × community × year (`_id` =
// handInId()), holding each quarter the unit has handed in there. The first
// hand-in of a year may cover several quarters at once (000 did 1–10月);
// later ones add a quarter. The overall `status` and `waitingSince` are
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
      }))
      .sort((a, b) => a.quarter - b.quarter),
  }
}
