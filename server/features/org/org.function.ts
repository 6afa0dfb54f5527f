import { orgContract } from '../../../src/domain/contracts/org.contract'
import { defineFunction } from '../../kernel/function-def'
import { createCommunity, createStreet, createUnit, orgTree } from './org-edit'

/** The district's streets, communities and units. */
export const org = defineFunction('org', orgContract, {
  tree: { permission: 'org.manage', handle: (_input, ctx) => orgTree(ctx) },
  createStreet: { permission: 'org.manage', handle: (input, ctx) => createStreet(ctx, input) },
  createCommunity: { permission: 'org.manage', handle: (input, ctx) => createCommunity(ctx, input) },
  createUnit: { permission: 'org.manage', handle: (input, ctx) => createUnit(ctx, input) },
})
