import type { LedgerCategoryNo } from '../../../domain/ledger'

// ---- SLOT FOR THE EXPORT BUTTONS (issue 12 §2, the exports helper) ----------
//
// The lead wires the exports helper's actions here at merge: for a category,
// buttons #ledger-export-<no>-xlsx and #ledger-export-<no>-pdf; for the whole
// 台账 (category omitted), #ledger-export-all. Each calls the export function
// with { communityId, year, category } and opens the returned download link.
// Until then the slot renders nothing, so no button promises what is not there.

export interface ExportSlotProps {
  communityId: string
  year: number
  /** Omitted: the whole 台账 as a zip. */
  category?: LedgerCategoryNo
}

export function LedgerExportSlot(_props: ExportSlotProps) {
  return null
}
