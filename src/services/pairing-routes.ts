/** 附件4 for a unit, or (without one) the caller's street or district. */
export function pairingSummaryUrl(unitId?: string): string {
  return unitId ? `/packages/unit/pairing-summary/index?unitId=${encodeURIComponent(unitId)}` : '/packages/unit/pairing-summary/index'
}
