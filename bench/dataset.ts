import type { Database } from '../server/kernel/database'

// A city-scale data set: 1,000 units, 50,000 members (70% reported), 500,000
// attendance records over 50 activities. Written through the SDK's batch add (one call
// inserts up to BATCH documents), the way a migration would load it.

export const SCALE = { units: 1_000, members: 50_000, attendance: 500_000, activities: 50, communities: 60 }
const BATCH = 1_000

export const unitId = (i: number) => `unit-${String(i).padStart(4, '0')}`
export const memberId = (i: number) => `member-${String(i).padStart(6, '0')}`
export const communityId = (i: number) => `community-${String(i).padStart(3, '0')}`
export const activityId = (i: number) => `activity-${String(i).padStart(3, '0')}`
export const mobileOf = (i: number) => `139${String(i).padStart(8, '0')}`

export async function addAll(db: Database, collection: string, count: number, make: (i: number) => Record<string, unknown>) {
  for (let start = 0; start < count; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => make(start + k))
    await db.collection(collection).add({ data: docs as never })
  }
}

/** 70% of members have an active report: the district view has something to count. */
export const isReported = (i: number) => i % 10 < 7 && i % SCALE.communities !== 0

export async function loadCity(db: Database): Promise<void> {
  await db.collection('districts').add({ data: { _id: 'district-bench', name: '基准区' } })
  await addAll(db, 'communities', SCALE.communities, (i) => ({ _id: communityId(i), name: `社区${i}`, streetId: 'street-bench', districtId: 'district-bench' }))
  await addAll(db, 'units', SCALE.units, (i) => ({ _id: unitId(i), name: `单位${i}`, districtId: 'district-bench', declaredMemberTotal: 50, declaredResidentTotal: 50 }))
  await addAll(db, 'members', SCALE.members, (i) => ({
    _id: memberId(i),
    unitId: unitId(i % SCALE.units),
    communityId: communityId(i % SCALE.communities),
    streetId: 'street-bench',
    districtId: 'district-bench',
    name: `党员${i}`,
    mobile: mobileOf(i),
    joinedUnitAt: new Date(Date.UTC(2020, 0, 1)),
  }))
  await addAll(db, 'reports', SCALE.members, (i) => ({
    _id: `report-${i}`,
    memberId: memberId(i),
    unitId: unitId(i % SCALE.units),
    communityId: communityId(i % SCALE.communities),
    streetId: 'street-bench',
    districtId: 'district-bench',
    // Members that never reported get a report of a community they moved away from.
    status: isReported(i) ? 'active' : 'moved',
    reportedAt: new Date(Date.UTC(2025, 0, 1)),
    receivedBy: 'bench',
    cardNo: '',
  }))
  await loadAttendance(db)
}

/** The 500,000 attendance records alone (what the group-by benchmark reads). */
export async function loadAttendance(db: Database): Promise<void> {
  await addAll(db, 'attendance', SCALE.attendance, (i) => {
    const member = i % SCALE.members
    return {
      activityId: activityId(Math.floor(i / (SCALE.attendance / SCALE.activities))),
      memberId: memberId(member),
      unitId: unitId(member % SCALE.units),
      method: 'scan',
      signedInAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
    }
  })
}
