import { z } from 'zod'
import { id } from './common'

// `card`: 联系证. The unit issues, revokes and reissues; the member shows theirs.

export const cardInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('mine') }).strict(),
  z.object({ action: z.literal('issue'), memberId: id('党员') }).strict(),
  z.object({ action: z.literal('revoke'), memberId: id('党员') }).strict(),
  /** Cards to print: one member, or the whole unit. */
  z.object({ action: z.literal('sheet'), unitId: id('单位'), memberId: id('党员').optional() }).strict(),
])
export type CardInput = z.input<typeof cardInput>

export interface CardView {
  cardNo: string
  memberId: string
  name: string
  unitName: string
  communityName: string
  status: 'active' | 'revoked'
  /** What the QR code holds (a signed token); only for an active card. */
  token: string | null
  issuedAt: string
}
