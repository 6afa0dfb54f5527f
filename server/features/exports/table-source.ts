import { LEDGER_CATEGORIES, type LedgerCategory } from '../../../src/domain/export-tables'
import type { TableModel } from '../../../src/domain/table-model'
import type { Database } from '../../kernel/database'
import { ledgerTables } from '../ledger/ledger-tables'

// Where an export's tables come from: the ledger's own tables
// (server/features/ledger/ledger-tables.ts), category by category, read in
// pages and yielded as built, so a category of 2,000 members' forms is never
// whole in memory. The scope was checked by the caller.

export interface LedgerScope {
  communityId: string
  communityName: string
  year: number
  category: LedgerCategory
}

export type TableSource = (db: Database, scope: LedgerScope) => AsyncIterable<TableModel>

/** 'files' … 'evaluations' are the ledger's categories 一 … 五. */
export const ledgerSource: TableSource = (db, scope) => ledgerTables(db, scope.communityId, scope.year, (LEDGER_CATEGORIES.indexOf(scope.category) + 1) as 1 | 2 | 3 | 4 | 5)
