import { ASSISTANCE_CATEGORIES, COLLECTION_WAYS } from '../../src/domain/records'
import type { Database } from '../../server/kernel/database'
import type { CollectionRecordDoc, MeetingDoc, PairingDoc, ProfileDoc, TargetDoc, VisitDoc } from '../../server/features/records/record-docs'
import { chineseName, mobileNumber } from './chinese-names'
import type { DemoData } from './demo-data'
import { createRandom } from './random'

// The community's own records in the demo (issue 10): in each community a
// 征集记录本, eight 摸底 targets of whom some are paired with members living
// there (with visits recorded; one pairing ended), an open offer, a few
// meetings, and the 社区基本情况. demo-member-1 (曙光社区) is paired, so
// signing in as them shows a target and its visits. Pure data, the same on
// every machine; written by id, so a second seed changes nothing.

const day = (month: number, date: number) => new Date(Date.UTC(2026, month - 1, date))

const NEEDS = ['楼道灯不亮，晚上出行不便', '希望开设老年人智能手机课', '小区健身器材损坏', '独居老人需要定期探望', '希望组织暑期青少年托管', '垃圾分类点异味大', '想请律师讲解遗嘱继承', '电动车充电难']
const FAMILIES = ['独居，子女在外地工作', '夫妻二人均患慢性病', '父母在外务工，由祖父母照看', '一级肢体残疾，需轮椅出行', '家庭主要劳动力患重病', '低保户，一人抚养两个孩子']
const HELP = ['代购药品、陪同就医', '打扫卫生、维修水电', '课业辅导、陪伴交流', '政策咨询、申请救助', '节日慰问、心理疏导']
const VISITS = ['上门探望，测量血压', '帮忙打扫卫生', '陪同到医院复诊', '送去米面油', '辅导孩子作业', '帮助申请临时救助', '更换坏掉的水龙头']
const STREET_NAMES = ['文一路', '东湖路', '学院路', '古墩路', '保俶路', '莲花街']

export function buildDemoRecords(data: DemoData) {
  const random = createRandom(20260310)
  const needCollections: CollectionRecordDoc[] = []
  const assistTargets: TargetDoc[] = []
  const assistancePairings: PairingDoc[] = []
  const assistanceVisits: VisitDoc[] = []
  const meetings: MeetingDoc[] = []
  const communityProfiles: ProfileDoc[] = []

  for (const [c, community] of data.communities.entries()) {
    const staffUser = data.users.find((u) => u.grants.some((g) => g.role === 'staff' && g.scope.communityId === community._id))!
    const owned = (createdAt: Date) => ({ communityId: community._id, streetId: community.streetId, districtId: community.districtId, createdBy: staffUser._id, createdAt, updatedAt: createdAt })
    const residents = data.members.filter((m) => m.communityId === community._id)

    for (let i = 0; i < 6; i++) {
      const date = day(3 + i, random.int(1, 28))
      needCollections.push({
        _id: `demo-collection-${c + 1}-${i + 1}`,
        ...owned(date),
        date,
        way: COLLECTION_WAYS[i % COLLECTION_WAYS.length]!,
        collector: staffUser.name,
        source: i % 3 === 0 ? `${community.profile.compounds[0]}居民` : chineseName(random, random.next() < 0.5 ? '男' : '女'),
        content: NEEDS[(c + i) % NEEDS.length]!,
        handling: i < 3 ? '已联系相关单位办理，居民满意' : '',
        needId: null,
        convertingSince: null,
      })
    }

    for (let t = 0; t < 8; t++) {
      const gender = random.next() < 0.5 ? ('男' as const) : ('女' as const)
      const surveyedAt = day(3, random.int(1, 20))
      const categories = [ASSISTANCE_CATEGORIES[(c + t) % 7]!, ...(t % 3 === 0 ? [ASSISTANCE_CATEGORIES[(c + t + 2) % 7]!] : [])]
      assistTargets.push({
        _id: `demo-target-${c + 1}-${t + 1}`,
        ...owned(surveyedAt),
        name: chineseName(random, gender),
        gender,
        birthMonth: `${random.int(1936, 2015)}-${String(random.int(1, 12)).padStart(2, '0')}`,
        address: `${random.pick(STREET_NAMES)}${random.int(1, 300)}号${random.int(1, 6)}单元${random.int(1, 6)}0${random.int(1, 4)}室`,
        mobile: mobileNumber(random),
        categories: [...new Set(categories)],
        family: FAMILIES[(c + t) % FAMILIES.length]!,
        needs: HELP[(c + t) % HELP.length]!,
        surveyor: staffUser.name,
        surveyedAt,
      })
    }

    // Targets 1–4 are paired now, target 5's pairing has ended; 6–8 wait. One member offers to pair.
    for (let p = 0; p < 5; p++) {
      const member = residents[p]!
      const startedAt = day(4, 1 + p * 3)
      const ended = p === 4
      const _id = `demo-pairing-${c + 1}-${p + 1}`
      assistancePairings.push({
        _id,
        ...owned(startedAt),
        status: ended ? 'ended' : 'active',
        targetId: `demo-target-${c + 1}-${p + 1}`,
        memberId: member._id,
        unitId: member.unitId,
        content: HELP[(c + p) % HELP.length]!,
        startedAt,
        endedAt: ended ? day(9, 30) : null,
        endReason: ended ? '帮扶对象已搬离本社区' : null,
        liveKey: ended ? _id : 'live',
      })
      for (let v = 0; v < 2 + (p % 3); v++) {
        const date = day(5 + v * 2, random.int(1, 28))
        assistanceVisits.push({ _id: `demo-visit-${c + 1}-${p + 1}-${v + 1}`, pairingId: _id, communityId: community._id, memberId: member._id, date, content: VISITS[(p + v) % VISITS.length]!, recordedAt: date })
      }
    }
    const offering = residents[5]!
    assistancePairings.push({
      _id: `demo-pairing-${c + 1}-offer`,
      ...owned(day(11, 2)),
      status: 'offered',
      targetId: null,
      memberId: offering._id,
      unitId: offering.unitId,
      content: '懂水电维修，可以每月上门帮困难家庭检修',
      startedAt: null,
      endedAt: null,
      endReason: null,
      liveKey: 'live',
    })

    const topics = ['双报到工作推进会', '在职党员服务项目认领协调会', '结对帮扶工作座谈会']
    for (const [m, topic] of topics.entries()) {
      const date = day(3 + m * 3, 12)
      const present = residents.slice(m, m + 4)
      meetings.push({
        _id: `demo-meeting-${c + 1}-${m + 1}`,
        ...owned(date),
        date,
        place: `${community.name}党群服务中心会议室`,
        host: staffUser.name,
        recorder: chineseName(random, '女'),
        memberIds: present.map((x) => x._id),
        unitIds: [...new Set(present.map((x) => x.unitId))],
        otherAttendees: '居民代表3人、物业负责人1人',
        topic,
        content: `通报本社区在职党员报到和服务开展情况，讨论${topic.replace(/会$/, '')}的下一步安排。`,
        decisions: '各结对党员每月至少走访一次；下月组织一次环境整治活动。',
        photos: [],
      })
    }

    communityProfiles.push({
      _id: community._id,
      communityId: community._id,
      area: community.profile.area,
      households: community.profile.households,
      residents: community.profile.population,
      partyMembers: residents.length + random.int(60, 180),
      offices: community.profile.offices,
      commercialAreas: community.profile.commercialAreas,
      schools: community.profile.schools,
      nursingHomes: community.profile.nursingHomes,
      compounds: community.profile.compounds,
      updatedBy: staffUser._id,
      updatedAt: day(3, 1),
    })
  }

  return { needCollections, assistTargets, assistancePairings, assistanceVisits, meetings, communityProfiles }
}

/** Writes the demo records, by id. */
export async function seedDemoRecords(db: Database, data: DemoData): Promise<void> {
  for (const [collection, docs] of Object.entries(buildDemoRecords(data))) {
    for (const { _id, ...doc } of docs as Array<{ _id: string }>) await db.collection(collection).doc(_id).set({ data: doc })
  }
}
