import type { RosterImportResult } from '../../../src/domain/contracts/roster.contract'
import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import { communityResolver } from './community-resolver'
import { authorizedUnit } from './roster-access'
import { checkRosterRow, flagDuplicateMobiles } from './roster-row-check'
import { readRosterSheet } from './roster-sheet-reader'
import { branchIdsByName } from './roster-branches'
import { upsertRoster } from './roster-write'
import { cellMobile } from './roster-cells'
import { discardUploads, readUpload } from '../../storage/uploads'

export interface ImportInput {
  unitId: string
  fileID: string
  mode: 'check' | 'commit'
  onlyValid: boolean
}

/**
 * Imports a unit's roster (附件3 columns + 居住社区 + 工作职务, and 所在支部 if given) from the file
 * the caller uploaded to storage: downloaded, checked to be a spreadsheet by
 * its bytes, parsed. Every row is checked before anything is written: 'check'
 * writes nothing; 'commit' writes nothing while any row is wrong, unless the
 * unit chose to import the valid rows only. A committed file is deleted: it
 * holds members' mobiles and has served its purpose.
 */
export async function importRoster(ctx: KnownContext, input: ImportInput): Promise<RosterImportResult> {
  const unit = await authorizedUnit(ctx, input.unitId, 'roster.manage')
  const now = ctx.now()
  const upload = await readUpload(ctx, input.fileID, 'spreadsheet')
  const sheetRows = await readRosterSheet(upload.format, upload.bytes)
  const findCommunity = await communityResolver(ctx.db, unit.districtId)
  const checked = sheetRows.map((r) => checkRosterRow(r, findCommunity, now))
  const mobiles = new Map(sheetRows.map((r) => [r.row, cellMobile(r.cells['手机'])]))
  flagDuplicateMobiles(checked, (row) => mobiles.get(row.row) ?? '')

  const errors = checked.filter((r) => r.messages.length > 0).map((r) => ({ row: r.row, messages: r.messages }))
  const valid = checked.filter((r) => r.fields && r.community && r.messages.length === 0)
  const result: RosterImportResult = { rows: checked.length, valid: valid.length, errors, created: 0, updated: 0, committed: false }
  if (input.mode === 'check') return result
  if (errors.length > 0 && !input.onlyValid) {
    throw new AppError('IMPORT_HAS_ERRORS', `名册中有${errors.length}行填写有误，未导入任何数据。请修改后重新导入，或选择“只导入无误的行”`, result)
  }
  const branches = await branchIdsByName(ctx.db, unit, valid.map((r) => r.branchName ?? ''), now)
  const branchOf = (name: string | undefined) => (name === undefined ? {} : { branchId: branches.get(name) ?? null })
  const written = await upsertRoster(ctx.db, unit, valid.map((r) => ({ fields: r.fields!, community: r.community!, ...branchOf(r.branchName) })), now)
  await discardUploads([upload.fileID])
  return { ...result, ...written, committed: true }
}
