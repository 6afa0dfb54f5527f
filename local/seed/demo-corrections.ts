import { CORRECTION_FIELDS, OPEN_KEY } from '../../src/domain/corrections'
import { pledgeId } from '../../src/domain/pledge'
import type { PledgeDoc } from '../../server/db/docs'
import type { CorrectionDoc } from '../../server/features/corrections/correction-doc'
import type { Database } from '../../server/kernel/database'
import type { DemoData } from './demo-data'
import { createRandom } from './random'

// 数据核对, photos and 一句话承诺 in the demo (issue 11 §3, §4): most members
// have a pledge for 2025 and 2026 and a photo; some have neither; each of the
// first units has raised requests with its members' communities, some open,
// some fixed, some declined. Pure data, the same on every machine; written a
// batch at a time, replacing its own records when run again.

const BATCH = 500
const PLEDGES = ['每月为社区老人义务理发一次', '每季度参加两次社区环境整治', '结对帮扶一户困难家庭', '每月到社区开展一次政策宣讲', '为社区青少年义务辅导功课', '每月参加一次社区夜间巡逻', '为居民免费维修小家电', '每季度为居民提供一次法律咨询', '组织一次社区健康讲座', '带头做好垃圾分类宣传']
const TEXTS: Record<(typeof CORRECTION_FIELDS)[number], string[]> = {
  specialty: ['特长应为书法和摄影，登记表上写成了唱歌', '漏登记了其持有的心理咨询师资格'],
  claims: ['认领的是理发，不是水电维修', '还认领了助老服务，登记表上没有'],
  photo: ['照片不是本人，请换成单位提供的照片', '照片模糊，已重新提供'],
  activity: ['11月参加了社区义诊，但没有签到记录', '9月的垃圾分类宣传活动签退时间有误'],
}
const ANSWERS = { fixed: ['已按单位意见更正', '已补登签到记录'], declined: ['签到名单上没有该党员，请提供现场照片', '登记表由本人填写并签字，如需修改请本人到社区办理'] }

const day = (month: number, date: number, hour = 2) => new Date(Date.UTC(2026, month - 1, date, hour))

export function buildDemoCorrections(data: DemoData) {
  const random = createRandom(20261204)
  const pledges: PledgeDoc[] = []
  const photoless = new Set<string>()
  for (const member of data.members) {
    // About one in eight members has no photo; about one in six no pledge for a year.
    if (random.int(1, 8) === 1) photoless.add(member._id)
    for (const year of [2025, 2026]) {
      if (random.int(1, 6) === 1) continue
      pledges.push({
        _id: pledgeId(member._id, year),
        memberId: member._id,
        unitId: member.unitId,
        communityId: member.report?.communityId ?? member.communityId,
        districtId: member.districtId,
        year,
        text: PLEDGES[random.int(0, PLEDGES.length - 1)]!,
        updatedAt: year === 2025 ? new Date(Date.UTC(2025, 1, random.int(1, 28))) : day(random.int(1, 3), random.int(1, 28)),
      })
    }
  }

  const corrections: CorrectionDoc[] = []
  const communities = new Map(data.communities.map((c) => [c._id, c]))
  for (const unit of data.units.slice(0, 4)) {
    const raiser = data.users.find((u) => u.grants.some((g) => (g.role === 'secretary' || g.role === 'liaison') && g.scope.unitId === unit._id))
    const staffOf = (communityId: string) => data.users.find((u) => u.grants.some((g) => g.role === 'staff' && g.scope.communityId === communityId))
    const reported = data.members.filter((m) => m.unitId === unit._id && m.report)
    reported.slice(0, 5).forEach((member, i) => {
      const community = communities.get(member.report!.communityId)!
      const field = CORRECTION_FIELDS[i % CORRECTION_FIELDS.length]!
      const status = (['open', 'fixed', 'declined', 'open', 'fixed'] as const)[i]!
      const raisedAt = day(10 + (i % 2), 3 + i * 4)
      const staff = staffOf(community._id)
      const id = `demo-correction-${unit._id}-${i + 1}`
      corrections.push({
        _id: id,
        memberId: member._id,
        memberName: member.name,
        unitId: unit._id,
        unitName: unit.name,
        communityId: community._id,
        communityName: community.name,
        streetId: community.streetId,
        districtId: community.districtId,
        field,
        activityId: null,
        activityTitle: null,
        activityKey: '',
        text: TEXTS[field][i % 2]!,
        status,
        liveKey: status === 'open' ? OPEN_KEY : id,
        raisedBy: raiser?._id ?? '',
        raisedByName: raiser?.name ?? '',
        raisedAt,
        answer: status === 'open' ? null : ANSWERS[status][i % 2]!,
        resolvedBy: status === 'open' ? null : (staff?._id ?? ''),
        resolvedByName: status === 'open' ? null : (staff?.name ?? ''),
        resolvedAt: status === 'open' ? null : new Date(raisedAt.getTime() + 3 * 86_400_000),
      })
    })
  }
  return { pledges, corrections, photoless }
}

/**
 * `photoFileId`: the one demo photo (local/seed/demo-images.ts) every member
 * but the photoless has, written to the local file store by the seed; null
 * where the seed has no file store, and then no member has a photo (rather
 * than a fileID with no file behind it, which pages show as a broken image).
 */
export async function seedDemoCorrections(db: Database, data: DemoData, photoFileId: string | null): Promise<void> {
  const _ = db.command
  const { pledges, corrections, photoless } = buildDemoCorrections(data)
  for (const [collection, docs] of [['pledges', pledges], ['corrections', corrections]] as const) {
    for (let start = 0; start < docs.length; start += BATCH) {
      const batch = docs.slice(start, start + BATCH)
      await db.collection(collection).where({ _id: _.in(batch.map((d) => d._id)) }).remove()
      await db.collection(collection).add({ data: batch as never })
    }
  }
  if (!photoFileId) return
  const withPhoto = data.members.filter((m) => !photoless.has(m._id)).map((m) => m._id)
  for (let start = 0; start < withPhoto.length; start += BATCH) {
    await db.collection('members').where({ _id: _.in(withPhoto.slice(start, start + BATCH)) }).update({ data: { photoFileId } })
  }
}
