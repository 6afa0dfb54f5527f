import { inChina } from '../../../src/domain/china-time'
import { CORRECTION_FIELD_LABELS, CORRECTION_STATUS_LABELS } from '../../../src/domain/corrections'
import { fitThing } from '../../../src/domain/subscribe-fields'
import { findById } from '../../db/load'
import { scanAll } from '../../db/read'
import type { UserDoc } from '../../db/users'
import type { KnownContext } from '../../kernel/function-def'
import { sendMessage } from '../../messages/send-message'
import type { CorrectionDoc } from './correction-doc'

// The community's staff hear when a request is raised; the one who raised it
// hears when it is resolved. Keyed by the request (and the recipient), so a
// repeat sends nothing; a failed send does not fail the raise or the resolve.

const minute = (date: Date) => inChina(date).format('YYYY-MM-DD HH:mm')
const what = (doc: CorrectionDoc) => fitThing(`${doc.memberName}的${CORRECTION_FIELD_LABELS[doc.field]}`)

export const STAFF_PAGE = 'packages/staff/corrections/index'
export const UNIT_PAGE = 'packages/unit/corrections/index'

/** Each staff member of the request's community (one query for them all). */
export async function notifyRaised(ctx: KnownContext, doc: CorrectionDoc): Promise<number> {
  const _ = ctx.db.command
  const staff = await scanAll<UserDoc>(ctx.db, 'users', { grants: _.elemMatch({ role: 'staff', 'scope.communityId': doc.communityId }) }, { fields: { openid: true } })
  for (const user of staff) {
    await sendMessage(
      ctx.db,
      {
        kind: 'correctionRaised',
        touser: user.openid,
        key: `correctionRaised:${doc._id}:${user.openid}`,
        values: { item: what(doc), unit: fitThing(doc.unitName), time: minute(doc.raisedAt) },
        page: `${STAFF_PAGE}?id=${doc._id}`,
      },
      ctx.now(),
    )
  }
  return staff.length
}

export async function notifyResolved(ctx: KnownContext, doc: CorrectionDoc): Promise<void> {
  const raiser = await findById<UserDoc>(ctx.db, 'users', doc.raisedBy)
  if (!raiser || doc.status === 'open') return
  await sendMessage(
    ctx.db,
    {
      kind: 'correctionResolved',
      touser: raiser.openid,
      key: `correctionResolved:${doc._id}`,
      values: { item: what(doc), result: CORRECTION_STATUS_LABELS[doc.status], time: minute(doc.resolvedAt ?? ctx.now()) },
      page: UNIT_PAGE,
    },
    ctx.now(),
  )
}
