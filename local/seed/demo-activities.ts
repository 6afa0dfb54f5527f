import { countedKind, type OrganiserKind } from '../../src/domain/activity-status'
import { inChina } from '../../src/domain/china-time'
import type { ActivityDoc, AttendanceDoc, SignupDoc } from '../../server/db/docs'
import type { Database } from '../../server/kernel/database'
import type { DemoData } from './demo-data'
import { createRandom, type Random } from './random'

// The demo's year of activities (issue 9), so that every view has something
// to show: each community's monthly activities over the past twelve months,
// two or three of each unit's in the community most of its members live in,
// the volunteer centre's professional services, and a few upcoming with
// sign-ups and a waitlist. Attendance came by code, by 联系证, by hand (with a
// reason), one far outside the radius (flagged), one corrected; members who
// have not reported took part in nothing, and many are short of the unit rule.
// Written in batches: a few requests whatever the size.

const DAY = 86_400_000
const HOUR = 3_600_000
const BATCH = 1_000
const CENTRE_USER = 'user-demo-volunteer-centre'

const COMMUNITY_TITLES = ['社区环境整治', '政策宣讲进小区', '义务巡逻', '关爱独居老人', '垃圾分类宣传', '便民维修服务日', '书画进社区', '消防安全检查', '助学结对走访', '文明劝导', '邻里节', '健康讲座']
const UNIT_TITLES = ['结对共建志愿服务', '党员进社区服务日', '结对帮扶走访']
const CENTRE_ITEMS = ['健康服务', '心理疏导', '法律援助咨询']

type Doc<T> = T & { _id: string }

interface Built {
  activities: Array<Doc<ActivityDoc>>
  signups: Array<Doc<SignupDoc>>
  attendance: Array<Doc<AttendanceDoc>>
  users: Array<{ _id: string; openid: string; name: string; grants: unknown[] }>
}

function activity(id: string, kind: OrganiserKind, community: DemoData['communities'][number], title: string, startAt: Date, hours: number, status: ActivityDoc['status'], createdBy: string, extra: Partial<ActivityDoc> = {}): Doc<ActivityDoc> {
  return {
    _id: id,
    organiserKind: kind,
    communityId: community._id,
    streetId: community.streetId,
    districtId: community.districtId,
    title,
    postId: null,
    postName: null,
    description: `${community.name}${title}，欢迎在职党员参加。`,
    place: `${community.name}党群服务中心`,
    startAt,
    endAt: new Date(startAt.getTime() + hours * HOUR),
    status,
    signupRequired: false,
    capacity: 0,
    signupOpensAt: null,
    signupClosesAt: startAt,
    location: { lat: 30.27 + community.name.length / 1000, lng: 120.13, radius: 300 },
    signedUp: 0,
    waitlist: [],
    cancelReason: null,
    createdBy,
    createdAt: new Date(startAt.getTime() - 14 * DAY),
    updatedAt: startAt,
    ...extra,
  }
}

function pickSome<T>(list: readonly T[], share: number, random: Random): T[] {
  return list.filter(() => random.next() < share)
}

export function buildDemoActivities(data: DemoData, now: Date, random: Random = createRandom(2026)): Built {
  const built: Built = { activities: [], signups: [], attendance: [], users: [] }
  const staffOf = (communityId: string) => `user-demo-staff-${data.communities.findIndex((c) => c._id === communityId) + 1}`
  const membersById = new Map(data.members.map((m) => [m._id, m]))
  // Only reported members take part.
  const reportedIn = new Map<string, string[]>()
  for (const r of data.reports) reportedIn.set(r.communityId, [...(reportedIn.get(r.communityId) ?? []), r.memberId])

  const attend = (a: Doc<ActivityDoc>, memberIds: readonly string[], recordedBy: string) => {
    for (const memberId of memberIds) {
      const member = membersById.get(memberId)!
      const n = built.attendance.length
      const inAt = new Date(a.startAt.getTime() + random.int(-10, 20) * 60_000)
      const method = n % 11 === 3 ? 'card' : n % 17 === 5 ? 'manual' : 'code'
      const forgotOut = n % 7 === 2
      const record: Doc<AttendanceDoc> = {
        _id: `${a._id}:${memberId}`,
        activityId: a._id,
        memberId,
        unitId: member.unitId,
        organiserKind: countedKind(a.organiserKind),
        communityId: a.communityId,
        year: inChina(a.startAt).year(),
        inAt,
        inMethod: method,
        outAt: forgotOut ? a.endAt : new Date(a.endAt.getTime() - random.int(0, 30) * 60_000),
        outMethod: forgotOut ? 'scheduledEnd' : method === 'manual' ? 'manual' : 'code',
        reason: method === 'manual' ? '忘带手机，现场签到表补录' : null,
        location: method === 'code' && a.location ? { lat: a.location.lat, lng: a.location.lng, accuracy: random.int(15, 60), distance: random.int(5, 120), flagged: false } : null,
        recordedBy,
      }
      built.attendance.push(record)
    }
  }

  // Each community, once a month over the past year; the latest two months' sign-up-required ones had seats.
  data.communities.forEach((community, c) => {
    const here = reportedIn.get(community._id) ?? []
    for (let month = 12; month >= 1; month -= 1) {
      const startAt = new Date(Math.floor((now.getTime() - month * 30 * DAY - (c * 3 + 2) * DAY) / HOUR) * HOUR)
      const title = COMMUNITY_TITLES[(month + c) % COMMUNITY_TITLES.length]!
      const cancelled = month === 6 && c === 1
      const a = activity(`demo-activity-${community._id.slice('community-'.length)}-${month}`, 'community', community, title, startAt, 2, cancelled ? 'cancelled' : 'ended', staffOf(community._id), cancelled ? { cancelReason: '暴雨预警' } : {})
      built.activities.push(a)
      if (!cancelled) attend(a, pickSome(here, 0.3, random), staffOf(community._id))
    }
  })

  // Each unit: two or three activities in the community most of its members live in (a paired community).
  data.units.forEach((unit, u) => {
    const reported = data.reports.filter((r) => r.unitId === unit._id).map((r) => r.memberId)
    const counts = new Map<string, number>()
    for (const id of reported) counts.set(membersById.get(id)!.communityId, (counts.get(membersById.get(id)!.communityId) ?? 0) + 1)
    const communityId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
    const community = data.communities.find((c) => c._id === communityId)
    if (!community) return
    for (let k = 0; k < 2 + (u % 2); k += 1) {
      const startAt = new Date(Math.floor((now.getTime() - (40 + k * 90 + u * 2) * DAY) / HOUR) * HOUR)
      const a = activity(`demo-activity-${unit._id}-${k + 1}`, 'unit', community, UNIT_TITLES[k]!, startAt, 3, 'ended', `user-demo-secretary-${u + 1}`)
      built.activities.push(a)
      attend(a, pickSome(reported, 0.55, random), `user-demo-secretary-${u + 1}`)
    }
  })

  // The volunteer centre's professional services, for the members who chose each item.
  built.users.push({ _id: CENTRE_USER, openid: 'demo-volunteer-centre', name: '区志愿者工作指导中心', grants: [{ role: 'volunteerCentre', scope: { districtId: data.districts[0]!._id } }] })
  CENTRE_ITEMS.forEach((item, i) => {
    const community = data.communities[i * 2]!
    const chose = data.registrations.filter((r) => (r.claims as Array<{ postName: string; category: string }>).some((c) => c.category === 'volunteer' && c.postName === item)).map((r) => r.memberId as string)
    const post = data.posts.find((p) => p.communityId === community._id && p.category === 'volunteer' && p.name === item)
    const a = activity(`demo-activity-centre-${i + 1}`, 'volunteerCentre', community, `${item}进社区`, new Date(Math.floor((now.getTime() - (20 + i * 60) * DAY) / HOUR) * HOUR), 3, 'ended', CENTRE_USER, { postId: post?._id ?? null, postName: item, volunteerItem: item })
    built.activities.push(a)
    attend(a, pickSome(chose, 0.7, random), CENTRE_USER)
  })

  // One far outside the radius (flagged, not refused), and one corrected by the organiser.
  const flagged = built.attendance.find((r) => r.location)
  if (flagged) flagged.location = { ...flagged.location!, distance: 2_400, accuracy: 35, flagged: true }
  const corrected = built.attendance.find((r) => r.inMethod === 'code' && r !== flagged && r.outMethod === 'scheduledEnd')
  if (corrected) {
    const a = built.activities.find((x) => x._id === corrected.activityId)!
    corrected.history = [{ inAt: corrected.inAt, outAt: corrected.outAt, inMethod: corrected.inMethod, outMethod: corrected.outMethod, reason: null, correctedBy: a.createdBy, correctedAt: a.endAt, correction: '提前离场，按实际时间更正' }]
    corrected.outAt = new Date(a.endAt.getTime() - HOUR)
    corrected.outMethod = 'manual'
  }

  // Upcoming: two per community, sign-up required; the first of each is full with two waiting.
  data.communities.forEach((community, c) => {
    const here = reportedIn.get(community._id) ?? []
    for (let k = 0; k < 2; k += 1) {
      const startAt = new Date(Math.floor((now.getTime() + (3 + c + k * 10) * DAY) / HOUR) * HOUR)
      const capacity = k === 0 ? 8 : 20
      const takers = here.slice(0, k === 0 ? capacity + 2 : 5)
      const seated = takers.slice(0, capacity)
      const waiting = takers.slice(capacity)
      const a = activity(`demo-upcoming-${community._id.slice('community-'.length)}-${k + 1}`, 'community', community, k === 0 ? '社区义诊志愿服务' : '重阳敬老活动', startAt, 2, 'published', staffOf(community._id), {
        signupRequired: true,
        capacity,
        signupClosesAt: new Date(startAt.getTime() - DAY),
        signedUp: seated.length,
        waitlist: waiting,
        updatedAt: now,
      })
      built.activities.push(a)
      takers.forEach((memberId, i) => {
        const status = i < capacity ? 'signedUp' : 'waitlisted'
        built.signups.push({ _id: `${a._id}:${memberId}`, activityId: a._id, memberId, status, at: new Date(now.getTime() - (takers.length - i) * HOUR), updatedAt: now })
      })
    }
  })
  return built
}

/** Writes them a batch at a time; a seed interrupted and run again replaces its own records. */
export async function seedDemoActivities(db: Database, data: DemoData, now: Date): Promise<void> {
  const _ = db.command
  for (const [collection, docs] of Object.entries(buildDemoActivities(data, now))) {
    for (let start = 0; start < docs.length; start += BATCH) {
      const batch = docs.slice(start, start + BATCH) as Array<{ _id: string }>
      await db.collection(collection).where({ _id: _.in(batch.map((d) => d._id)) }).remove()
      await db.collection(collection).add({ data: batch as never })
    }
  }
}
