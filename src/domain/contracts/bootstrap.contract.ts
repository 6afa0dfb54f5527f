import { z } from 'zod'
import { MENU_ENTRIES } from '../menu'
import { ROLES } from '../roles'
import { action } from './action-contract'
import { noInput } from './common'

// `bootstrap`: who the caller is, their grants, and the menu entries they are offered.

export const grantViewSchema = z.strictObject({
  role: z.enum(ROLES),
  roleLabel: z.string(),
  /** Name of the unit, community, street or district the grant acts in. */
  scopeName: z.string(),
  scope: z.strictObject({
    districtId: z.string().optional(),
    streetId: z.string().optional(),
    communityId: z.string().optional(),
    unitId: z.string().optional(),
    memberId: z.string().optional(),
    branchId: z.string().optional(),
  }),
})
export type GrantView = z.output<typeof grantViewSchema>

export const bootstrapDataSchema = z.strictObject({
  /** False for a WeChat user the system does not know yet. */
  known: z.boolean(),
  user: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  grants: z.array(grantViewSchema),
  /** The menu entries the tabs show this user (menu.ts). */
  menu: z.array(z.enum(MENU_ENTRIES)),
})
export type BootstrapData = z.output<typeof bootstrapDataSchema>

export const bootstrapContract = {
  /** Public: also answers callers the system does not know yet (`known: false`). */
  get: action(noInput, bootstrapDataSchema),
}
