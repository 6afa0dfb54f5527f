import { ledgerContract } from '../../../src/domain/contracts/ledger.contract'
import { defineFunction } from '../../kernel/function-def'
import { addDocument, listDocuments, removeDocument } from './documents'
import { ledgerCommunity, requireLedgerYear } from './ledger-access'
import { itemTablesPage } from './ledger-tables'
import { overview } from './overview'

/** 台账 (issue 12): the five categories of a community's year, the 文件清单's documents, and every table, a page at a time. */
export const ledger = defineFunction('ledger', ledgerContract, {
  overview: { permission: 'ledger.print', handle: (input, ctx) => overview(ctx, input) },
  documentList: { permission: 'ledger.print', handle: (input, ctx) => listDocuments(ctx, input) },
  documentAdd: { permission: 'ledger.print', handle: (input, ctx) => addDocument(ctx, input) },
  documentRemove: { permission: 'ledger.print', handle: (input, ctx) => removeDocument(ctx, input.documentId) },
  tables: {
    permission: 'ledger.print',
    handle: async (input, ctx) => {
      const community = await ledgerCommunity(ctx, input.communityId)
      requireLedgerYear(ctx, input.year)
      const { tables, total } = await itemTablesPage(ctx.db, community, input.year, input.item, input)
      return { tables, total, page: input.page, pageSize: input.pageSize }
    },
  },
})
