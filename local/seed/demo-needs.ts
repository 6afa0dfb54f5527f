import { clockFor, DEFAULT_NEED_DEADLINES, submittedEntry, type Actor, type HistoryEntry, type NeedState, type Urgency } from '../../src/domain/need-rules'
import { inChina } from '../../src/domain/china-time'
import type { CommunityDoc, MemberDoc, PostDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import type { UserDoc } from '../../server/db/users'
import type { NeedDoc } from '../../server/features/needs/need-doc'
import type { Database } from '../../server/kernel/database'

// Demo needs (issue 10): in every community with a demo resident, one need in
// each state of the workflow, times set back from now so that some are on
// time, some yellow and some red on the staff list, and the completed ones
// count as the serving member's hours.

const HOUR = 3600_000

interface Spec {
  state: NeedState
  urgency: Urgency
  /** Hours before now it was submitted. */
  age: number
  content: string
  post: string
}

const SPECS: Spec[] = [
  { state: 'pending', urgency: 'normal', age: 3, content: '家里厨房水龙头一直漏水，想请人帮忙看看', post: '水电维修' },
  { state: 'pending', urgency: 'urgent', age: 5, content: '楼道灯坏了好几天，老人晚上下楼不安全', post: '水电维修' },
  { state: 'pending', urgency: 'normal', age: 30, content: '想了解一下医保异地报销的政策', post: '政策宣讲员' },
  { state: 'accepted', urgency: 'normal', age: 20, content: '电脑连不上网，孩子上网课需要', post: '网络维护' },
  { state: 'published', urgency: 'normal', age: 48, content: '微心愿：想要一套小学三年级的课外读物', post: '助学' },
  { state: 'serving', urgency: 'normal', age: 60, content: '独居老人每周需要有人陪同去菜场买菜', post: '助老' },
  { state: 'serving', urgency: 'urgent', age: 40, content: '电饭煲坏了，想请懂行的党员帮忙修一修', post: '小家电维修' },
  { state: 'completed', urgency: 'normal', age: 120, content: '给行动不便的老人理发', post: '理发' },
  { state: 'rated', urgency: 'normal', age: 240, content: '孩子数学作业辅导', post: '助学' },
  { state: 'rejected', urgency: 'normal', age: 100, content: '希望社区帮忙协调小区停车位', post: '其他' },
]

export async function seedDemoNeeds(db: Database, now: Date): Promise<void> {
  const [communities, users, members, posts] = await Promise.all([
    scanAll<CommunityDoc>(db, 'communities'),
    scanAll<UserDoc>(db, 'users', { 'grants.role': db.command.in(['resident', 'staff']) }),
    scanAll<MemberDoc>(db, 'members', {}, { fields: { name: true, communityId: true } }),
    scanAll<PostDoc>(db, 'posts', {}, { fields: { name: true, communityId: true } }),
  ])
  for (const community of communities) {
    const resident = users.find((u) => u.grants.some((g) => g.role === 'resident' && g.scope.communityId === community._id))
    const staffUser = users.find((u) => u.grants.some((g) => g.role === 'staff' && g.scope.communityId === community._id))
    const helpers = members.filter((m) => m.communityId === community._id)
    if (!resident || !staffUser || helpers.length === 0) continue
    const residentActor: Actor = { role: 'resident', userId: resident._id, name: resident.name }
    const staffActor: Actor = { role: 'staff', userId: staffUser._id, name: staffUser.name }
    for (const [i, spec] of SPECS.entries()) {
      const post = posts.find((p) => p.communityId === community._id && p.name === spec.post)
      const helper = helpers[i % helpers.length]!
      const submittedAt = new Date(now.getTime() - spec.age * HOUR)
      const acceptedAt = spec.state === 'pending' || spec.state === 'rejected' ? null : new Date(submittedAt.getTime() + HOUR)
      const servedBy = ['serving', 'completed', 'rated'].includes(spec.state)
      const done = spec.state === 'completed' || spec.state === 'rated'
      const completedAt = done ? new Date(submittedAt.getTime() + 30 * HOUR) : null
      const memberActor: Actor = { role: 'member', userId: `user-demo-member-${Number(helper._id.slice('member-'.length))}`, name: helper.name, memberId: helper._id }
      const at = (hours: number) => new Date(submittedAt.getTime() + hours * HOUR)
      const entry = (event: HistoryEntry['event'], from: NeedState, to: NeedState, actor: Actor, when: Date, note = ''): HistoryEntry => ({ event, from, to, by: actor.userId, byName: actor.name, byRole: actor.role, at: when, note })
      const history: HistoryEntry[] = [submittedEntry(residentActor, submittedAt)]
      if (spec.state === 'rejected') history.push(entry('reject', 'pending', 'rejected', staffActor, at(2), '不属于社区服务范围，已转物业'))
      if (acceptedAt) history.push(entry('accept', 'pending', 'accepted', staffActor, acceptedAt))
      if (spec.state === 'published') history.push(entry('publish', 'accepted', 'published', staffActor, at(2)))
      if (servedBy) history.push(entry('assign', 'accepted', 'serving', staffActor, at(2), helper.name))
      if (done) history.push(entry('complete', 'serving', 'completed', memberActor, completedAt!, '2小时'))
      if (spec.state === 'rated') history.push(entry('rate', 'completed', 'rated', residentActor, at(40), '5分'))
      const need: Omit<NeedDoc, '_id'> = {
        communityId: community._id,
        streetId: community.streetId,
        districtId: community.districtId,
        postId: post?._id ?? null,
        categoryName: post?.name ?? '其他',
        content: spec.content,
        address: `${community.name}${(i % 6) + 1}栋${(i % 3) + 1}单元${100 + i}`,
        contactName: resident.name,
        mobile: `1370000${String(i + 1).padStart(4, '0')}`,
        suitableTime: i % 2 ? '工作日晚上' : '周末上午',
        urgency: spec.urgency,
        channel: i === 2 ? 'phone' : 'self',
        sourceRecordId: null,
        photos: [],
        state: spec.state,
        deadlines: DEFAULT_NEED_DEADLINES,
        ...clockFor(spec.state, spec.urgency, DEFAULT_NEED_DEADLINES, { submittedAt, acceptedAt }),
        version: history.length,
        submittedAt,
        acceptedAt,
        completedAt,
        residentUserId: resident._id,
        enteredBy: i === 2 ? staffUser._id : resident._id,
        assignedMemberId: servedBy ? helper._id : null,
        assignedMemberName: servedBy ? helper.name : null,
        rejectReason: spec.state === 'rejected' ? '不属于社区服务范围，已转物业' : null,
        mergedInto: null,
        additions: [],
        completion: done ? { what: `已上门服务：${spec.post}`, doneAt: completedAt!, hours: 2, photos: [], year: inChina(completedAt!).year() } : null,
        rating: spec.state === 'rated' ? 5 : null,
        comment: spec.state === 'rated' ? '党员很耐心，谢谢社区' : null,
        history,
        updatedAt: history[history.length - 1]!.at,
      }
      await db.collection('needs').doc(`need-demo-${community._id.slice('community-'.length)}-${i + 1}`).set({ data: need })
    }
  }
}
