import { z } from 'zod'
import { mobile } from '../member'
import { plainText } from '../text'
import { action } from './action-contract'
import { id, isoDate, noInput, pageOf, paging } from './common'

// `residents`: a resident registers themself to their community (street →
// community → name and mobile) and is a resident at once; the community's
// staff see who registered and remove a fake registration.

export const placeChoiceSchema = z.strictObject({
  streetId: z.string(),
  name: z.string(),
  communities: z.array(z.strictObject({ communityId: z.string(), name: z.string() })),
})
export type PlaceChoice = z.output<typeof placeChoiceSchema>

export const residentRowSchema = z.strictObject({
  residentId: z.string(),
  name: z.string(),
  /** Masked: staff judge a registration by its name and time, and need not see the number. */
  mobile: z.string(),
  registeredAt: isoDate,
})
export type ResidentRow = z.output<typeof residentRowSchema>

export const residentsContract = {
  /** Public: the streets and their communities a resident chooses from. */
  places: action(noInput, z.array(placeChoiceSchema)),
  /** Public: the caller becomes a resident of the community, once. */
  register: action(
    z.object({ communityId: id('社区'), name: plainText('姓名', { max: 20, required: true }), mobile }).strict(),
    z.strictObject({ communityName: z.string() }),
  ),
  /** The community's registered residents, newest first. */
  list: action(z.object({ communityId: id('社区'), ...paging }).strict(), pageOf(residentRowSchema)),
  remove: action(
    z.object({ residentId: id('居民'), reason: plainText('移除原因', { max: 50 }).default('') }).strict(),
    z.strictObject({ removed: z.literal(true) }),
  ),
}
