import { grantsContract } from '../../../src/domain/contracts/grants.contract'
import { defineFunction } from '../../kernel/function-def'
import { grantTargets, listGrants, revokeGrant } from './grant-admin'
import { acceptInvitation, invite, previewInvitation } from './invitations'

/** Roles handed out by invitation (QR or link, expiring, single use) and taken back; all audited. */
export const grants = defineFunction('grants', grantsContract, {
  targets: { permission: 'grants.manage', handle: (_input, ctx) => grantTargets(ctx) },
  invite: { permission: 'grants.manage', handle: (input, ctx) => invite(ctx, input) },
  preview: { permission: 'public', handle: (input, ctx) => previewInvitation(ctx, input) },
  accept: { permission: 'public', handle: (input, ctx) => acceptInvitation(ctx, input) },
  list: { permission: 'grants.manage', handle: (input, ctx) => listGrants(ctx, input) },
  revoke: { permission: 'grants.manage', handle: (input, ctx) => revokeGrant(ctx, input) },
})
