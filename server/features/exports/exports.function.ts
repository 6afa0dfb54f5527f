import { exportsContract } from '../../../src/domain/contracts/exports.contract'
import { defineFunction } from '../../kernel/function-def'
import { exportCategory, exportLedger, exportUnitForm } from './export-actions'

/** 台账导出 (issue 12 §2–3): a category as xlsx or PDF, the whole 台账 as a zip, the unit's 附件3 and 附件4. */
export const exports = defineFunction('exports', exportsContract, {
  category: { permission: 'ledger.print', handle: (input, ctx) => exportCategory(ctx, input) },
  ledger: { permission: 'ledger.print', handle: (input, ctx) => exportLedger(ctx, input) },
  unitForm: { permission: 'unit.stats', handle: (input, ctx) => exportUnitForm(ctx, input) },
})
