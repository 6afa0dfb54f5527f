import { rosterInput } from '../../../src/domain/contracts/roster.contract'
import { defineFunction } from '../../kernel/function-def'
import { importRoster } from './roster-import'
import { listRoster } from './roster-list'
import { saveMember } from './roster-save'
import { setTotals } from './roster-totals'

/** 党员名册: the unit's secretary or liaison lists, imports and edits members, and declares the 附件3 totals. */
export const roster = defineFunction({
  name: 'roster',
  input: rosterInput,
  async handle(input, ctx) {
    switch (input.action) {
      case 'list':
        return listRoster(ctx, input)
      case 'import':
        return importRoster(ctx, input)
      case 'save':
        return saveMember(ctx, input)
      case 'setTotals':
        return setTotals(ctx, input)
    }
  },
})
