import type { MessageKind, MessageValues } from '../../../src/domain/message-kinds'
import { fitThing as thing } from '../../../src/domain/subscribe-fields'
import type { ActivityDoc, SignupDoc } from '../../db/docs'
import { scan, scanAll } from '../../db/read'
import type { UserDoc } from '../../db/users'
import type { KnownContext } from '../../kernel/function-def'
import { sendMessage } from '../../messages/send-message'

// Those signed up or waiting hear of a change of time or place and of a
// cancellation (issue 9 §2), each through the one message sender: its key
// makes a repeated notice send nothing. A failed send does not fail the edit.

interface Notice<K extends MessageKind> {
  kind: K
  key: string
  values: MessageValues<K>
}

export async function notifySignedUp<K extends MessageKind>(ctx: KnownContext, activity: ActivityDoc, noticeFor: (memberId: string) => Notice<K>): Promise<void> {
  const _ = ctx.db.command
  for await (const signups of scan<SignupDoc>(ctx.db, 'signups', { activityId: activity._id, status: _.in(['signedUp', 'waitlisted']) }, { pageSize: 100 })) {
    const memberIds = signups.map((s) => s.memberId)
    // The WeChat users acting as these members (normally one each).
    const users = await scanAll<UserDoc>(ctx.db, 'users', { 'grants.scope.memberId': _.in(memberIds) })
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
}
