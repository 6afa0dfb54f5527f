import { AppError } from '../../../src/domain/errors'
import { decideCancel, decideSignup, type MemberSignup } from '../../../src/domain/signup'
import { isTransactionConflict } from '../../db/db-errors'
import type { ActivityDoc, SignupDoc } from '../../db/docs'
import { findInTransaction, inTransaction, type Txn } from '../../db/transaction'
import type { KnownContext } from '../../kernel/function-def'
import { memberActivity } from './activity-access'
import { notifyPromoted } from './activity-notify'

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

interface SignupTurn {
  t: Txn
  activity: ActivityDoc
  mine: MemberSignup
  memberId: string
  now: Date
}

/**
 * The frame both actions share: the member's activity, then one transaction
 * that reads the activity and the member's sign-up and runs `body` on them.
 */
async function inSignupTransaction(ctx: KnownContext, activityId: string, body: (turn: SignupTurn) => Promise<SignupOutcome>): Promise<SignupOutcome> {
  const { member } = await memberActivity(ctx, activityId)
  const now = ctx.now()
  try {
    return await inTransaction(
      ctx.db,
      async (t) => {
        const activity = (await t.collection('activities').doc<ActivityDoc>(activityId).get()).data
        const signup = await findInTransaction<SignupDoc>(t, 'signups', signupId(activityId, member._id))
        return body({ t, activity, mine: mineOf(signup), memberId: member._id, now })
      },
      { attempts: SIGNUP_ATTEMPTS },
    )
  } catch (error) {
    // Still losing after every attempt: ask the member to try again, nothing written.
    if (isTransactionConflict(error)) throw new AppError('CONFLICT', '报名人数较多，请稍后重试')
    throw error
  }
}

export interface SignupOutcome {
  status: SignupDoc['status']
  position: number | null
  /** A cancelled seat given to the first waiting: who, to be told once the transaction commits. */
  promoted?: { activity: ActivityDoc; memberId: string }
}

export function signUp(ctx: KnownContext, activityId: string): Promise<SignupOutcome> {
  return inSignupTransaction(ctx, activityId, async ({ t, activity, mine, memberId, now }) => {
    const plan = decideSignup(activity, mine, now)
    if ('refuse' in plan) throw new AppError(plan.refuse)
    const seat = plan.write === 'signedUp' ? { signedUp: ctx.db.command.inc(1) } : { waitlist: [...activity.waitlist, memberId] }
    await t.collection('activities').doc(activityId).update({ data: { ...seat, updatedAt: now } })
    await setSignupStatus(t, activityId, memberId, plan.write, now)
    return { status: plan.write, position: plan.write === 'waitlisted' ? plan.position : null }
  })
}

/** A cancelled seat goes to the first on the waitlist, in the same transaction. */
export async function cancelSignUp(ctx: KnownContext, activityId: string): Promise<SignupOutcome> {
  const outcome = await inSignupTransaction(ctx, activityId, async ({ t, activity, mine, memberId, now }) => {
    const plan = decideCancel(activity, mine, now)
    if ('refuse' in plan) throw new AppError(plan.refuse)
    const promote = plan.write === 'cancelSeat' ? plan.promote : null
    const waitlist = activity.waitlist.filter((id) => id !== memberId && id !== promote)
    const signedUp = plan.write === 'cancelSeat' && !promote ? activity.signedUp - 1 : activity.signedUp
    await t.collection('activities').doc(activityId).update({ data: { waitlist, signedUp, updatedAt: now } })
    if (promote) await setSignupStatus(t, activityId, promote, 'signedUp', now)
    await setSignupStatus(t, activityId, memberId, 'cancelled', now)
    return { status: 'cancelled', position: null, promoted: promote ? { activity, memberId: promote } : undefined }
  })
  // Told after the commit: a transaction that re-runs sends nothing twice.
  if (outcome.promoted) await notifyPromoted(ctx, outcome.promoted.activity, [outcome.promoted.memberId], ctx.now())
  return { status: outcome.status, position: outcome.position }
}
