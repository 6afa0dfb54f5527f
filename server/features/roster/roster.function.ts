import { rosterContract } from '../../../src/domain/contracts/roster.contract'
import { defineFunction } from '../../kernel/function-def'
import { issueBindingCode } from '../account/binding-code'
import { communityChoices } from './roster-communities'
import { importRoster } from './roster-import'
import { listRoster } from './roster-list'
import { getMember } from './roster-get'
import { removeMember } from './roster-remove'
import { saveMember } from './roster-save'
import { setTotals } from './roster-totals'
import { unitSetsPhoto } from '../corrections/photo-actions'

/**
 * 党员名册: the unit's secretary or liaison lists, imports, reads and edits
 * members, and declares the 附件3 totals; the communities a residence is chosen from.
 */
export const roster = defineFunction('roster', rosterContract, {
  list: { permission: 'roster.read', handle: (input, ctx) => listRoster(ctx, input) },
  get: { permission: 'roster.read', handle: (input, ctx) => getMember(ctx, input) },
  communities: { permission: 'communities.read', handle: (input, ctx) => communityChoices(ctx, input.unitId) },
  import: { permission: 'roster.manage', handle: (input, ctx) => importRoster(ctx, input) },
  save: { permission: 'roster.manage', handle: (input, ctx) => saveMember(ctx, input) },
  remove: { permission: 'roster.manage', handle: (input, ctx) => removeMember(ctx, input) },
  bindingCode: { permission: 'binding.issue', handle: (input, ctx) => issueBindingCode(ctx, input) },
  setTotals: { permission: 'roster.manage', handle: (input, ctx) => setTotals(ctx, input) },
  /** issue 11 §3: the unit hands the member's photo to the community. */
  photoSet: { permission: 'roster.manage', handle: (input, ctx) => unitSetsPhoto(ctx, input) },
})
