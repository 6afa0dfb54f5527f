import { AppError } from '../../../src/domain/errors'
import { decideCancel, decideSignup, type MemberSignup } from '../../../src/domain/signup'
import type { ActivityDoc, SignupDoc } from '../../db/docs'
import { findInTransaction, inTransaction, type Txn } from '../../db/transaction'
import type { KnownContext } from '../../kernel/function-def'
import { memberActivity } from './activity-access'

// Sign-up and cancel, each one transaction over the activity document (seats
// taken, waitlist) and the member's sign-up document (by id, so a transaction
// can read it). Every sign-up writes the activity document, so two never both
// commit on the same counters: the loser re-runs and sees the winner's seat.
// Fifty members at once contend for one document, hence more attempts than
// the default.

const SIGNUP_ATTEMPTS = 80

export function signupId(activityId: string, memberId: string): string {
  return `${activityId}:${memberId}`
}

export async function setSignupStatus(t: Txn, activityId: string, memberId: string, status: SignupDoc['status'], now: Date): Promise<void> {
  await t.collection('signups').doc(signupId(activityId, memberId)).set({ data: { activityId, memberId, status, at: now, updatedAt: now } })
}

function mineOf(signup: SignupDoc | null): MemberSignup {
  return signup && signup.status !== 'cancelled' ? signup.status : null
}

async function readBoth(t: Txn, activityId: string, memberId: string): Promise<{ activity: ActivityDoc; signup: SignupDoc | null }> {
  const activity = (await t.collection('activities').doc<ActivityDoc>(activityId).get()).data
  const signup = await findInTransaction<SignupDoc>(t, 'signups', signupId(activityId, memberId))
  return { activity, signup }
}

export interface SignupOutcome {
  status: SignupDoc['status']
  position: number | null
}

export async function signUp(ctx: KnownContext, activityId: string): Promise<SignupOutcome> {
  const { member } = await memberActivity(ctx, activityId)
  const now = ctx.now()
  return inTransaction(
    ctx.db,
    async (t) => {
      const { activity, signup } = await readBoth(t, activityId, member._id)
      const plan = decideSignup(activity, mineOf(signup), now)
      if ('refuse' in plan) throw new AppError(plan.refuse)
      const _ = ctx.db.command
      if (plan.write === 'signedUp') {
        await t.collection('activities').doc(activityId).update({ data: { signedUp: _.inc(1), updatedAt: now } })
      } else {
        await t.collection('activities').doc(activityId).update({ data: { waitlist: [...activity.waitlist, member._id], updatedAt: now } })
      }
      await setSignupStatus(t, activityId, member._id, plan.write, now)
      return { status: plan.write, position: plan.write === 'waitlisted' ? plan.position : null }
    },
    { attempts: SIGNUP_ATTEMPTS },
  )
}

/** A cancelled seat goes to the first on the waitlist, in the same transaction. */
export async function cancelSignUp(ctx: KnownContext, activityId: string): Promise<SignupOutcome> {
  const { member } = await memberActivity(ctx, activityId)
  const now = ctx.now()
  return inTransaction(
    ctx.db,
    async (t) => {
      const { activity, signup } = await readBoth(t, activityId, member._id)
      const plan = decideCancel(activity, mineOf(signup), now)
      if ('refuse' in plan) throw new AppError(plan.refuse)
      const waitlist = activity.waitlist.filter((id) => id !== member._id && id !== (plan.write === 'cancelSeat' ? plan.promote : null))
      const signedUp = plan.write === 'cancelSeat' && !plan.promote ? activity.signedUp - 1 : activity.signedUp
      await t.collection('activities').doc(activityId).update({ data: { waitlist, signedUp, updatedAt: now } })
      if (plan.write === 'cancelSeat' && plan.promote) await setSignupStatus(t, activityId, plan.promote, 'signedUp', now)
      await setSignupStatus(t, activityId, member._id, 'cancelled', now)
      return { status: 'cancelled' as const, position: null }
    },
    { attempts: SIGNUP_ATTEMPTS },
  )
}
