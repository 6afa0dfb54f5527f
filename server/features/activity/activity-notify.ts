import { inChina } from '../../../src/domain/china-time'
import type { MessageKind, MessageValues } from '../../../src/domain/message-kinds'
import { fitThing as thing } from '../../../src/domain/subscribe-fields'
import type { ActivityDoc, SignupDoc } from '../../db/docs'
import { scan, scanAll } from '../../db/read'
import type { UserDoc } from '../../db/users'
import type { KnownContext } from '../../kernel/function-def'
import { sendMessage } from '../../messages/send-message'

// Those signed up or waiting hear of a change of time or place and of a
// cancellation (issue 9 §2), and one given a seat from the waitlist hears it;
// each through the one message sender: its key makes a repeated notice send
// nothing. A failed send does not fail the edit.

interface Notice<K extends MessageKind> {
  kind: K
  key: string
  values: MessageValues<K>
}

/** What a notice says the activity's time is: 2026-05-10 09:00~11:00. */
export function timeText(activity: Pick<ActivityDoc, 'startAt' | 'endAt'>): string {
  return `${inChina(activity.startAt).format('YYYY-MM-DD HH:mm')}~${inChina(activity.endAt).format('HH:mm')}`
}

/** Tells these members (each WeChat user acting as one of them) through the one sender. */
export async function notifyMembers<K extends MessageKind>(ctx: KnownContext, activity: ActivityDoc, memberIds: readonly string[], noticeFor: (memberId: string) => Notice<K>): Promise<void> {
  if (memberIds.length === 0) return
  // The WeChat users acting as these members (normally one each).
  const users = await scanAll<UserDoc>(ctx.db, 'users', { 'grants.scope.memberId': ctx.db.command.in([...memberIds]) })
  for (const user of users) {
    for (const grant of user.grants) {
      const memberId = grant.role === 'member' ? grant.scope.memberId : undefined
      if (!memberId || !memberIds.includes(memberId)) continue
      const notice = noticeFor(memberId)
      const values = Object.fromEntries(Object.entries(notice.values as Record<string, string>).map(([k, v]) => [k, k === 'time' ? v : thing(v)]))
      await sendMessage(ctx.db, { kind: notice.kind, touser: user.openid, key: notice.key, values: values as MessageValues<K>, page: `packages/member/activity/index?id=${activity._id}` }, ctx.now())
    }
  }
}

export async function notifySignedUp<K extends MessageKind>(ctx: KnownContext, activity: ActivityDoc, noticeFor: (memberId: string) => Notice<K>): Promise<void> {
  const _ = ctx.db.command
  for await (const signups of scan<SignupDoc>(ctx.db, 'signups', { activityId: activity._id, status: _.in(['signedUp', 'waitlisted']) }, { pageSize: 100 })) {
    await notifyMembers(ctx, activity, signups.map((s) => s.memberId), noticeFor)
  }
}

/** Members given a seat from the waitlist (a cancellation, a larger capacity) hear that it is theirs. */
export async function notifyPromoted(ctx: KnownContext, activity: ActivityDoc, memberIds: readonly string[], at: Date): Promise<void> {
  await notifyMembers(ctx, activity, memberIds, (memberId) => ({
    kind: 'waitlistPromoted',
    key: `waitlistPromoted:${activity._id}:${memberId}:${at.getTime()}`,
    values: { activity: activity.title, time: timeText(activity), place: activity.place, note: '候补成功，您已获得名额' },
  }))
}
