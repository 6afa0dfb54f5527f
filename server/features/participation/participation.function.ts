import { participationContract } from '../../../src/domain/contracts/participation.contract'
import { defineFunction } from '../../kernel/function-def'
import { communityRegister } from './register'
import { unitActivities, unitMembers } from './unit-year'
import { volunteerItems, volunteersOf } from './volunteers'

/** 参与情况: who took part, as the unit, the community and the volunteer centre see it. */
export const participation = defineFunction('participation', participationContract, {
  unitMembers: { permission: 'participation.unit', handle: (input, ctx) => unitMembers(ctx, input) },
  unitActivities: { permission: 'participation.unit', handle: (input, ctx) => unitActivities(ctx, input) },
  register: { permission: 'participation.register', handle: (input, ctx) => communityRegister(ctx, input) },
  volunteerItems: { permission: 'volunteers.read', handle: (_input, ctx) => volunteerItems(ctx) },
  volunteers: { permission: 'volunteers.read', handle: (input, ctx) => volunteersOf(ctx, input) },
})
