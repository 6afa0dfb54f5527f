import type { EDUCATIONS } from '../../src/domain/member'
import { SERVICE_CATALOG } from '../../src/domain/service-catalog'
import type { Grant } from '../../src/domain/roles'
import { chineseName, mobileNumber } from './chinese-names'
import { buildDemoReporting } from './demo-reporting'
import { createRandom } from './random'

// The demo city: one district, 2 streets, 6 communities, 20 units, 600 members
// and users of every role, with cards issued and about 70% reported
// (demo-reporting.ts). Pure data, the same on every machine.

const DISTRICT = { _id: 'district-xihu', name: '西湖区' }

const STREETS = [
  { _id: 'street-beishan', name: '北山街道', districtId: DISTRICT._id },
  { _id: 'street-xixi', name: '西溪街道', districtId: DISTRICT._id },
]

const COMMUNITY_SPECS: Array<[id: string, name: string, streetId: string, compounds: string[]]> = [
  ['community-shuguang', '曙光社区', 'street-beishan', ['曙光新村', '杭大新村', '黄龙苑']],
  ['community-taoyuan', '桃源社区', 'street-beishan', ['桃源岭小区', '宝石新村']],
  ['community-xihu', '西湖社区', 'street-beishan', ['北山路住宅区', '保俶北路小区']],
  ['community-gudang', '古荡社区', 'street-xixi', ['古荡新村', '府苑新村', '华星小区']],
  ['community-jialv', '嘉绿苑社区', 'street-xixi', ['嘉绿苑东区', '嘉绿苑西区']],
  ['community-lianhua', '莲花社区', 'street-xixi', ['莲花苑', '文新新村', '青蓝苑']],
]

const UNIT_NAMES = [
  '区发展和改革局', '区教育局', '区卫生健康局', '区财政局', '区人力资源和社会保障局',
  '区住房和城乡建设局', '区市场监督管理局', '区司法局', '区文化和旅游局', '区民政局',
  '区科学技术局', '区统计局', '区审计局', '区城市管理局', '区农业农村局',
  '区档案馆', '区人民医院', '区第一中学', '区图书馆', '区行政服务中心',
]

// Weighted towards the degrees most in-service members hold.
const EDUCATION: ReadonlyArray<(typeof EDUCATIONS)[number]> = ['大学专科', '大学本科', '大学本科', '大学本科', '硕士研究生', '硕士研究生', '博士研究生', '中专']
const SPECIALTIES = ['法律咨询', '医疗保健', '书法', '摄影', '计算机维护', '财务会计', '心理咨询', '篮球', '乒乓球', '声乐', '烹饪', '水电维修', '英语', '中医推拿', '']
const JOB_TITLES = ['科员', '副科长', '科长', '主任科员', '工程师', '医生', '护士', '教师', '馆员', '办事员']

export const MEMBERS_PER_UNIT = 30

function communityProfile(name: string, streetName: string, compounds: string[], random: ReturnType<typeof createRandom>) {
  const households = random.int(2200, 4800)
  return {
    area: `${streetName}${name.replace('社区', '')}片区，约${random.int(6, 18) / 10}平方公里`,
    population: households * 3 - random.int(0, 500),
    households,
    offices: ['街道社区卫生服务站', `${name}警务室`],
    commercialAreas: [`${name.replace('社区', '')}商业街`],
    schools: [`${name.replace('社区', '')}小学`, `${name.replace('社区', '')}幼儿园`],
    nursingHomes: [`${name.replace('社区', '')}居家养老服务照料中心`],
    compounds,
  }
}

export function buildDemoData(seed = 20130104) {
  const random = createRandom(seed)
  const streetName = new Map(STREETS.map((s) => [s._id, s.name]))

  const communities = COMMUNITY_SPECS.map(([_id, name, streetId, compounds]) => ({
    _id,
    name,
    streetId,
    districtId: DISTRICT._id,
    profile: communityProfile(name, streetName.get(streetId)!, compounds, random),
  }))

  const posts = communities.flatMap((c) =>
    SERVICE_CATALOG.flatMap((category) =>
      category.items.map((item, i) => ({
        _id: `post-${c._id.slice('community-'.length)}-${category.key}-${i + 1}`,
        communityId: c._id,
        category: category.key,
        categoryName: category.name,
        kind: category.kind,
        name: item.name,
        description: item.description ?? '',
        active: true,
        order: i,
      })),
    ),
  )

  const units = UNIT_NAMES.map((name, i) => ({
    _id: `unit-${String(i + 1).padStart(2, '0')}`,
    name,
    partyOrgName: `中共杭州市西湖区${name.replace(/^区/, '')}委员会`,
    districtId: DISTRICT._id,
    declaredMemberTotal: MEMBERS_PER_UNIT,
    declaredResidentTotal: MEMBERS_PER_UNIT,
  }))

  const members = units.flatMap((unit, u) =>
    Array.from({ length: MEMBERS_PER_UNIT }, (_, k) => {
      const gender = random.next() < 0.55 ? ('男' as const) : ('女' as const)
      const birthYear = random.int(1965, 1999)
      const community = communities[(u * 7 + k) % communities.length]!
      return {
        _id: `member-${String(u * MEMBERS_PER_UNIT + k + 1).padStart(4, '0')}`,
        unitId: unit._id,
        unitName: unit.name,
        communityId: community._id,
        communityName: community.name,
        streetId: community.streetId,
        districtId: DISTRICT._id,
        name: chineseName(random, gender),
        gender,
        birthMonth: `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}`,
        joinPartyMonth: `${birthYear + random.int(20, 26)}-${String(random.int(1, 12)).padStart(2, '0')}`,
        education: random.pick(EDUCATION),
        specialty: random.pick(SPECIALTIES),
        officePhone: `0571-${random.int(8500, 8899)}${String(random.int(0, 9999)).padStart(4, '0')}`,
        mobile: mobileNumber(random),
        jobTitle: random.pick(JOB_TITLES),
        joinedUnitAt: new Date(Date.UTC(random.int(2005, 2024), random.int(0, 11), random.int(1, 28))),
      }
    }),
  )

  const user = (openid: string, name: string, grants: Grant[]) => ({ _id: `user-${openid}`, openid, name, grants })
  const users = [
    user('demo-district', `${chineseName(random, '女')}`, [{ role: 'districtAdmin', scope: { districtId: DISTRICT._id } }]),
    ...STREETS.map((s, i) => user(`demo-street-${i + 1}`, chineseName(random, '男'), [{ role: 'streetAdmin', scope: { streetId: s._id, districtId: DISTRICT._id } }])),
    ...communities.flatMap((c, i) => [
      user(`demo-staff-${i + 1}`, chineseName(random, '女'), [{ role: 'staff', scope: { communityId: c._id, streetId: c.streetId, districtId: DISTRICT._id }, placeName: c.name }]),
      user(`demo-resident-${i + 1}`, chineseName(random, random.next() < 0.5 ? '男' : '女'), [{ role: 'resident', scope: { communityId: c._id } }]),
    ]),
    ...units.flatMap((unit, i) => [
      user(`demo-secretary-${i + 1}`, chineseName(random, '男'), [{ role: 'secretary', scope: { unitId: unit._id, districtId: DISTRICT._id } }]),
      user(`demo-liaison-${i + 1}`, chineseName(random, '女'), [{ role: 'liaison', scope: { unitId: unit._id, districtId: DISTRICT._id } }]),
    ]),
    ...members.map((m, i) =>
      user(`demo-member-${i + 1}`, m.name, [{ role: 'member', scope: { memberId: m._id, unitId: m.unitId, communityId: m.communityId } }]),
    ),
  ]

  // Residents registered themselves (residents.register): one registration each.
  const residents = users
    .filter((u) => u.grants.some((g) => g.role === 'resident'))
    .map((u, i) => {
      const community = communities.find((c) => c._id === u.grants[0]!.scope.communityId)!
      return {
        _id: `resident-${u._id}`,
        userId: u._id,
        communityId: community._id,
        streetId: community.streetId,
        districtId: DISTRICT._id,
        name: u.name,
        mobile: `1370000${String(i + 1).padStart(4, '0')}`,
        registeredAt: new Date(Date.UTC(2026, 0, 5 + i)),
        status: 'active',
      }
    })

  // Drawn after everything above, so the existing demo data stays as it was.
  const reporting = buildDemoReporting(members, units, communities, posts, random)

  return {
    districts: [DISTRICT],
    streets: STREETS,
    communities,
    units,
    members: reporting.members,
    posts,
    users,
    cards: reporting.cards,
    reports: reporting.reports,
    registrations: reporting.registrations,
    residents,
    // The demo district is set up: its 区委组织部 user is ready, so no setup code is taken.
    meta: [{ _id: 'setup', done: true, districtId: DISTRICT._id, userId: 'user-demo-district', at: new Date(Date.UTC(2026, 0, 1)) }],
  }
}

export type DemoData = ReturnType<typeof buildDemoData>
