import { inChina } from '../../src/domain/china-time'
import { activeKey, endedKey } from '../../src/domain/pairing'
import type { ActivityDoc, AttendanceDoc, BranchDoc, UnitPairingDoc } from '../../server/db/docs'
import { attendanceId } from '../../server/features/activity/signin'
import type { Database } from '../../server/kernel/database'
import type { DemoData } from './demo-data'
import { createRandom } from './random'

// 结对共建 in the demo city: the first ten units have two party branches (支部)
// with their members split between them; every unit pairs with a community,
// the branched units' 第二党支部 with a second one, and one pairing has ended
// (history). Each active pairing has had unit-organised activities in the
// months before the seed, with attendance, so 附件4 and the members' unit
// count have something to show (some members attended none: short of 2).

const BRANCHED_UNITS = 10
const BRANCH_NAMES = ['第一党支部', '第二党支部']
const DAY = 86_400_000
const TITLES = ['结对共建：社区环境整治', '结对共建：政策宣讲进社区', '结对共建：关爱空巢老人', '结对共建：文明创建志愿服务']

export function buildDemoPairing(data: DemoData, now: Date) {
  const random = createRandom(20130105)
  const started = new Date(now.getTime() - 300 * DAY)
  const street = new Map(data.streets.map((s) => [s._id, s.name]))
  const branches: BranchDoc[] = data.units.slice(0, BRANCHED_UNITS).flatMap((u) =>
    BRANCH_NAMES.map((name, b) => ({ _id: `branch-${u._id.slice('unit-'.length)}-${b + 1}`, unitId: u._id, districtId: u.districtId, name, createdAt: started })),
  )
  // Members of a branched unit: first half 第一党支部, second half 第二党支部.
  const memberBranch = new Map<string, string>()
  for (const unit of data.units.slice(0, BRANCHED_UNITS)) {
    const ofUnit = data.members.filter((m) => m.unitId === unit._id)
    ofUnit.forEach((m, i) => memberBranch.set(m._id, `branch-${unit._id.slice('unit-'.length)}-${i < ofUnit.length / 2 ? 1 : 2}`))
  }

  const term = (unit: DemoData['units'][number], communityIndex: number, branch: BranchDoc | null, ended: boolean): UnitPairingDoc => {
    const community = data.communities[communityIndex % data.communities.length]!
    const _id = `pairing-${unit._id.slice('unit-'.length)}-${branch ? branch.name.slice(1, 2) : 'all'}-${community._id.slice('community-'.length)}`
    return {
      _id,
      unitId: unit._id,
      unitName: unit.name,
      partyOrgName: unit.partyOrgName,
      branchId: branch?._id ?? null,
      branchName: branch?.name ?? null,
      communityId: community._id,
      communityName: community.name,
      streetId: community.streetId,
      streetName: street.get(community.streetId) ?? '',
      districtId: community.districtId,
      status: ended ? 'ended' : 'active',
      key: ended ? endedKey(_id) : activeKey({ unitId: unit._id, branchId: branch?._id ?? null, communityId: community._id }),
      startedAt: started,
      endedAt: ended ? new Date(now.getTime() - 120 * DAY) : null,
      note: ended ? '' : '共建文明社区',
      endReason: ended ? '结对调整' : null,
      createdBy: 'user-demo-district',
      endedBy: ended ? 'user-demo-district' : null,
    }
  }
  const unitPairings = data.units.flatMap((unit, u) => [
    term(unit, u, null, false),
    ...(u < BRANCHED_UNITS ? [term(unit, u + 3, branches[u * 2 + 1]!, false)] : []),
    ...(u === data.units.length - 1 ? [term(unit, u + 2, null, true)] : []),
  ])

  // Two unit-wide activities per unit in its paired community, ended, with attendance.
  const activities: ActivityDoc[] = []
  const attendance: AttendanceDoc[] = []
  for (const pairing of unitPairings.filter((p) => p.status === 'active' && p.branchId === null)) {
    for (let k = 0; k < 2; k++) {
      const startAt = new Date(now.getTime() - (40 + 70 * k + random.int(0, 20)) * DAY)
      startAt.setUTCHours(1, 0, 0, 0)
      const endAt = new Date(startAt.getTime() + 3 * 3_600_000)
      const activity: ActivityDoc = {
        _id: `activity-demo-${pairing._id.slice('pairing-'.length)}-${k + 1}`,
        organiserKind: 'unit',
        unitId: pairing.unitId,
        unitName: pairing.unitName,
        communityId: pairing.communityId,
        streetId: pairing.streetId,
        districtId: pairing.districtId,
        title: TITLES[(activities.length + k) % TITLES.length]!,
        postId: null,
        postName: null,
        description: `${pairing.unitName}组织党员到结对的${pairing.communityName}开展服务。`,
        place: `${pairing.communityName}党群服务中心`,
        startAt,
        endAt,
        status: 'ended',
        signupRequired: false,
        capacity: 0,
        signupOpensAt: null,
        signupClosesAt: startAt,
        location: null,
        signedUp: 0,
        waitlist: [],
        cancelReason: null,
        createdBy: 'user-demo-district',
        createdAt: new Date(startAt.getTime() - 14 * DAY),
        updatedAt: endAt,
        endedAt: endAt,
      }
      activities.push(activity)
      for (const member of data.members.filter((m) => m.unitId === pairing.unitId && random.next() < 0.6)) {
        attendance.push({
          _id: attendanceId(activity._id, member._id),
          activityId: activity._id,
          memberId: member._id,
          unitId: member.unitId,
          organiserKind: 'unit',
          communityId: activity.communityId,
          year: inChina(startAt).year(),
          inAt: new Date(startAt.getTime() + random.int(0, 20) * 60_000),
          inMethod: 'code',
          outAt: endAt,
          outMethod: 'scheduledEnd',
          reason: null,
          location: null,
          recordedBy: 'user-demo-district',
        })
      }
    }
  }
  return { branches, unitPairings, activities, attendance, memberBranch }
}

/** Writes the demo pairings (by id, so a seed interrupted and run again is safe). */
export async function seedDemoPairing(db: Database, data: DemoData, now = new Date()): Promise<void> {
  const built = buildDemoPairing(data, now)
  for (const collection of ['branches', 'unitPairings', 'activities', 'attendance'] as const) {
    for (const { _id, ...doc } of built[collection]) await db.collection(collection).doc(_id).set({ data: doc })
  }
  for (const [memberId, branchId] of built.memberBranch) await db.collection('members').doc(memberId).update({ data: { branchId } })
}
