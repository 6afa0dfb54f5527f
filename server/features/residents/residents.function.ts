import { residentsContract } from '../../../src/domain/contracts/residents.contract'
import { defineFunction } from '../../kernel/function-def'
import { listResidents, placeChoices, registerResident, removeResident } from './residents'

/** Residents register themselves to their community; its staff see them and remove a fake one. */
export const residents = defineFunction('residents', residentsContract, {
  places: { permission: 'public', handle: (_input, ctx) => placeChoices(ctx) },
  register: { permission: 'public', handle: (input, ctx) => registerResident(ctx, input) },
  list: { permission: 'residents.manage', handle: (input, ctx) => listResidents(ctx, input) },
  remove: { permission: 'residents.manage', handle: (input, ctx) => removeResident(ctx, input) },
})
