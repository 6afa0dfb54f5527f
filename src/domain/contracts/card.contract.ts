import { z } from 'zod'
import { id, paging, type Page } from './common'

// `card`: 联系证. The unit issues, revokes and reissues; the member shows theirs.

export const cardInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('mine') }).strict(),
  z.object({ action: z.literal('issue'), memberId: id('党员') }).strict(),
  z.object({ action: z.literal('revoke'), memberId: id('党员') }).strict(),
  /**
   * Cards to print: one member, or the whole unit's active cards by name, a
   * page at a time (each card carries a QR image, so a unit of thousands does
   * not fit one reply; the client asks for pages until it has `total`).
   */
  z.object({ action: z.literal('sheet'), unitId: id('单位'), memberId: id('党员').optional(), ...paging }).strict(),
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
  /** The token as a QR code, a PNG data URL (`data:image/png;base64,...`); only for an active card. */
  qrDataUrl: string | null
  issuedAt: string
}

export type CardSheet = Page<CardView>
