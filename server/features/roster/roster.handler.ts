import { rosterInput } from '../../../src/domain/contracts/roster.contract'
import { defineFunction } from '../../kernel/function-def'
import { issueBindingCode } from '../account/binding-code'
import { communityChoices } from './roster-communities'
import { importRoster } from './roster-import'
import { listRoster } from './roster-list'
import { getMember } from './roster-member'
import { saveMember } from './roster-save'
import { setTotals } from './roster-totals'

/**
 * 党员名册: the unit's secretary or liaison lists, imports, reads and edits
 * members, and declares the 附件3 totals; the communities a residence is chosen from.
 */
export const roster = defineFunction({
  name: 'roster',
  input: rosterInput,
  async handle(input, ctx) {
    switch (input.action) {
      case 'list':
        return listRoster(ctx, input)
      case 'get':
        return getMember(ctx, input)
      case 'communities':
        return communityChoices(ctx, input.unitId)
      case 'import':
        return importRoster(ctx, input)
      case 'save':
        return saveMember(ctx, input)
      case 'setTotals':
        return setTotals(ctx, input)
      case 'bindingCode':
        return issueBindingCode(ctx, input)
    }
  },
})
