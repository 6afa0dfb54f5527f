import { z } from 'zod'
import { GRANTABLE_ROLES } from '../grant-rules'
import { plainText } from '../text'
import { action } from './action-contract'
import { id, isoDate, noInput, pageOf, paging } from './common'

// `grants`: handing out and taking back roles. The granter makes an
// invitation for one role on one place (src/domain/grant-rules.ts says who
// may grant what); the invitee accepts it in WeChat, once, before it expires.
// Every grant and revocation is audited.

/** What an invitation link or QR carries: `inv-<20 hex>.<32 hex>` (lowercase only: one spelling per token). */
export const invitationToken = z
  .string({ error: '缺少邀请' })
  .trim()
  .max(200, '这不是有效的邀请二维码或链接')
  .refine((text) => /^inv-[0-9a-f]{20}\.[0-9a-f]{32}$/.test(text), { message: '这不是有效的邀请二维码或链接', params: { code: 'INVITATION_INVALID' } })

const grantableRole = z.enum(GRANTABLE_ROLES, { error: '没有这个可授予的角色' })

export const grantTargetSchema = z.strictObject({
  role: z.enum(GRANTABLE_ROLES),
  roleLabel: z.string(),
  placeId: z.string(),
  /** "北山街道 · 曙光社区", "区教育局"... */
  placeName: z.string(),
})
export type GrantTarget = z.output<typeof grantTargetSchema>

export const invitationSchema = z.strictObject({
  invitationId: z.string(),
  token: z.string(),
  /** The mini-program page that accepts it, token included (share it, or open it on h5). */
  path: z.string(),
  qrDataUrl: z.string(),
  roleLabel: z.string(),
  placeName: z.string(),
  inviteeName: z.string(),
  expiresAt: isoDate,
})
export type InvitationView = z.output<typeof invitationSchema>

export const heldGrantSchema = z.strictObject({
  userId: z.string(),
  userName: z.string(),
  role: z.enum(GRANTABLE_ROLES),
  roleLabel: z.string(),
  placeId: z.string(),
  placeName: z.string(),
})
export type HeldGrant = z.output<typeof heldGrantSchema>

export const grantsContract = {
  /** The grants the caller may hand out: each role on each place in their scope. */
  targets: action(noInput, z.array(grantTargetSchema)),
  invite: action(
    z.object({ role: grantableRole, placeId: id('范围'), inviteeName: plainText('被邀请人姓名', { max: 20, required: true }) }).strict(),
    invitationSchema,
  ),
  /** Public: what accepting would grant, shown before the invitee accepts. */
  preview: action(
    z.object({ token: invitationToken }).strict(),
    z.strictObject({ roleLabel: z.string(), placeName: z.string(), inviterName: z.string(), inviteeName: z.string(), expiresAt: isoDate }),
  ),
  /** Public: the caller (known or not yet) gains the invitation's grant, once. */
  accept: action(
    z.object({ token: invitationToken }).strict(),
    z.strictObject({ roleLabel: z.string(), placeName: z.string(), accepted: z.boolean() }),
  ),
  /** The grants the caller could revoke, users in their scope holding them. */
  list: action(z.object(paging).strict(), pageOf(heldGrantSchema)),
  revoke: action(z.object({ userId: id('用户'), role: grantableRole, placeId: id('范围') }).strict(), z.strictObject({ revoked: z.literal(true) })),
}
