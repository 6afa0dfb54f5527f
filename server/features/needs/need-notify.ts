import { inChina } from '../../../src/domain/china-time'
import type { MessageKind, MessageValues } from '../../../src/domain/message-kinds'
import { fitThing as thing } from '../../../src/domain/subscribe-fields'
import type { NeedEvent } from '../../../src/domain/need-rules'
import type { CommunityDoc } from '../../db/docs'
import { findById } from '../../db/load'
import { getRows } from '../../db/read'
import type { UserDoc } from '../../db/users'
import type { KnownContext } from '../../kernel/function-def'
import { sendMessage } from '../../messages/send-message'
import type { NeedDoc } from './need-doc'

// The resident hears when their need is accepted (or not), when a member is
// assigned to it, and when it is completed; the member hears when staff
// assign them. Each through the one message sender, keyed by the need and
// its version, so a repeat sends nothing; a failed send does not fail the move.

/** A `name` field holds up to 10 汉字 (no spaces or digits). */
function nameField(name: string | null): string {
  return [...(name ?? '')].filter((c) => /[\p{Script=Han}A-Za-z·]/u.test(c)).slice(0, 10).join('') || '党员'
}

export const minuteText = (date: Date) => inChina(date).format('YYYY-MM-DD HH:mm')

async function send<K extends MessageKind>(ctx: KnownContext, openid: string | undefined, kind: K, need: NeedDoc, values: MessageValues<K>, page: string): Promise<void> {
  if (!openid) return
  await sendMessage(ctx.db, { kind, touser: openid, key: `${kind}:${need._id}:${need.version}:${openid}`, values, page }, ctx.now())
}

async function residentOpenid(ctx: KnownContext, need: NeedDoc): Promise<string | undefined> {
  return need.residentUserId ? (await findById<UserDoc>(ctx.db, 'users', need.residentUserId))?.openid : undefined
}

async function memberOpenid(ctx: KnownContext, memberId: string): Promise<string | undefined> {
  const [user] = await getRows<UserDoc>(ctx.db.collection('users').where({ 'grants.scope.memberId': memberId }).limit(1))
  return user?.openid
}

export async function notifyTransition(ctx: KnownContext, need: NeedDoc, event: NeedEvent): Promise<void> {
  const time = minuteText(ctx.now())
  const what = thing(need.content)
  const residentPage = `packages/resident/need/index?id=${need._id}`
  switch (event.type) {
    case 'accept':
    case 'reject':
      return send(ctx, await residentOpenid(ctx, need), 'needAccepted', need, { need: what, status: event.type === 'accept' ? '已受理' : '不予受理', time }, residentPage)
    case 'assign':
    {
      const community = thing((await findById<CommunityDoc>(ctx.db, 'communities', need.communityId))?.name ?? '')
      await send(ctx, await memberOpenid(ctx, event.memberId), 'needAssigned', need, { need: what, community, time }, `packages/member/need/index?id=${need._id}`)
      return send(ctx, await residentOpenid(ctx, need), 'needMatched', need, { need: what, member: nameField(need.assignedMemberName), time }, residentPage)
    }
    case 'claim':
      return send(ctx, await residentOpenid(ctx, need), 'needMatched', need, { need: what, member: nameField(need.assignedMemberName), time }, residentPage)
    case 'complete':
      return send(ctx, await residentOpenid(ctx, need), 'needCompleted', need, { need: what, member: nameField(need.assignedMemberName), time }, residentPage)
    default:
      return
  }
}
