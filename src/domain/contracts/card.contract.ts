import { z } from 'zod'
import { action } from './action-contract'
import { id, isoDate, pageOf, paging } from './common'
import { memberPhotoSchema, memberProfileSchema, photoInput, pledgeSaveInput, pledgeViewSchema, profileYear, sheetPhotosInput, sheetPhotosSchema } from './member-profile'

// `card`: 联系证. The unit issues, revokes and reissues; the member shows theirs.

export const cardViewSchema = z.strictObject({
  cardNo: z.string(),
  memberId: z.string(),
  name: z.string(),
  unitName: z.string(),
  communityName: z.string(),
  status: z.enum(['active', 'revoked']),
  /** What the QR code holds (a signed token); only for an active card. */
  token: z.string().nullable(),
  /** The token as a QR code, a PNG data URL (`data:image/png;base64,...`); only for an active card. */
  qrDataUrl: z.string().nullable(),
  issuedAt: isoDate,
})
export type CardView = z.output<typeof cardViewSchema>

export const cardSheetSchema = pageOf(cardViewSchema)
export type CardSheet = z.output<typeof cardSheetSchema>

const ofMember = z.object({ memberId: id('党员') }).strict()

export const cardContract = {
  /** The member's own latest card (active, or revoked so the page can say so); null when none was issued. */
  mine: action(z.object({}).strict(), cardViewSchema.nullable()),
  issue: action(ofMember, cardViewSchema),
  revoke: action(ofMember, cardViewSchema),
  /**
   * Cards to print: one member, or the whole unit's active cards by name, a
   * page at a time (each card carries a QR image, so a unit of thousands does
   * not fit one reply; the client asks for pages until it has `total`).
   */
  sheet: action(z.object({ unitId: id('单位'), memberId: id('党员').optional(), ...paging }).strict(), cardSheetSchema),
  // issue 11 §3, §4: the member's own photo and 一句话承诺, shown on the card page.
  /** The member's own photo and pledge for a year. */
  profile: action(z.strictObject({ year: profileYear }), memberProfileSchema),
  /** The member sets their own photo: an image they uploaded; anything else is refused (NOT_IMAGE), nothing written. */
  photoSet: action(z.strictObject(photoInput), memberPhotoSchema),
  /** The member writes their 一句话承诺 for a year, until the district closes it (YEAR_CLOSED). */
  pledgeSave: action(pledgeSaveInput, pledgeViewSchema),
  /** The photos of the cards on a print sheet's page (the unit's members only). */
  sheetPhotos: action(sheetPhotosInput, sheetPhotosSchema),
}
