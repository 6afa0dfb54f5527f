import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { CATEGORY_LABELS, LEDGER_CATEGORIES } from '../src/domain/export-tables'
import type { Database } from '../server/kernel/database'
import { addAll } from './dataset'
import type { CallRequest, CallResult } from './ledger-export-call'
import { mb, ms, type Row } from './measure'

// Issue 12 §3: a community of 2,000 members with a year of records exports
// its whole 台账 — each category rendered by one call (xlsx, then PDF), then
// the zip of the category files. Each call runs in a process of its own, as a
// function call does (ledger-export-call.ts), reading the bench's database
// file: its peak RSS is the call's, not the data loading's. Prints each call's
// time (what must fit in 60 s) and peak RSS, and the totals.

const MEMBERS = 2_000
const ENTRIES_PER_MEMBER = 12
const COMMUNITY = { _id: 'community-ledger', name: '基准社区', streetId: 'street-ledger', districtId: 'district-ledger' }
const YEAR = 2026
const owned = { communityId: COMMUNITY._id, streetId: COMMUNITY.streetId, districtId: COMMUNITY.districtId, createdBy: 'bench', createdAt: new Date(), updatedAt: new Date() }
const day = (i: number) => new Date(Date.UTC(YEAR, 0, 1 + (i % 360), -8 + 24))

async function loadCommunity(db: Database): Promise<void> {
  await db.collection('communities').add({ data: COMMUNITY })
  await addAll(db, 'units', 40, (i) => ({ _id: `unit-${i}`, name: `西湖区第${i}单位`, districtId: COMMUNITY.districtId }))
  await addAll(db, 'members', MEMBERS, (i) => ({
    _id: `lm-${String(i).padStart(5, '0')}`, unitId: `unit-${i % 40}`, unitName: `西湖区第${i % 40}单位`, communityId: COMMUNITY._id, streetId: COMMUNITY.streetId, districtId: COMMUNITY.districtId,
    name: `党员${i}`, gender: i % 2 ? '男' : '女', birthMonth: '1985-07', joinPartyMonth: '2008-06', education: '大学本科', mobile: `139${String(i).padStart(8, '0')}`, jobTitle: '科员',
    joinedUnitAt: new Date(Date.UTC(2020, 0, 1)), report: { reportId: `lr-${i}`, communityId: COMMUNITY._id, reportedAt: day(i) },
  }))
  // Each member reported here, with the 附件1 registration and two claimed posts: what the ledger's forms read.
  const memberId = (i: number) => `lm-${String(i).padStart(5, '0')}`
  await addAll(db, 'reports', MEMBERS, (i) => ({
    _id: `lr-${i}`, memberId: memberId(i), unitId: `unit-${i % 40}`, communityId: COMMUNITY._id, streetId: COMMUNITY.streetId, districtId: COMMUNITY.districtId,
    reportedAt: day(i), receivedBy: 'bench', cardNo: '', status: 'active',
  }))
  await addAll(db, 'registrations', MEMBERS, (i) => ({
    _id: `lg-${i}`, memberId: memberId(i), unitId: `unit-${i % 40}`, communityId: COMMUNITY._id, streetId: COMMUNITY.streetId, districtId: COMMUNITY.districtId,
    gender: i % 2 ? '男' : '女', birthMonth: '1985-07', joinPartyMonth: '2008-06', education: '大学本科', hobbies: '书法', officePhone: '0571-87654321', mobile: `139${String(i).padStart(8, '0')}`,
    qq: '', address: `东湖路${i}号`, jobTitle: '科员', willingLiaison: i % 5 === 0,
    claims: [
      { postId: 'p-1', postName: '理发', category: 'convenience', categoryName: '便民服务', order: 1 },
      { postId: 'p-2', postName: '政策宣讲员', category: 'community', categoryName: '社区管理协助', order: 2 },
    ],
    claimCount: 2, savedBy: 'bench', savedAt: day(i),
  }))
  await addAll(db, 'serviceEntries', MEMBERS * ENTRIES_PER_MEMBER, (i) => {
    const member = i % MEMBERS
    const d = day(Math.floor(i / MEMBERS) * 30 + (member % 28))
    return {
      _id: `le-${i}`, memberId: `lm-${String(member).padStart(5, '0')}`, unitId: `unit-${member % 40}`, communityId: COMMUNITY._id, districtId: COMMUNITY.districtId, date: d, year: YEAR, quarter: Math.floor(d.getUTCMonth() / 3) + 1,
      place: '社区服务中心', content: `为辖区独居老人提供上门服务，协助打扫卫生、代购生活用品（第${i}次）`, kind: 'volunteer', hours: 2, photoFileId: null, source: null, status: 'confirmed', returnReason: null, returnedBy: null,
    }
  })
  // The year rated and carded: 五、评价清单 is the evaluations table and 2,000 反馈卡.
  const facts = (i: number) => ({
    reported: true, reportedAt: day(i).toISOString(), claimedPosts: 2, communityActivities: 6, unitActivities: 2, activityHours: 16, serviceEntries: ENTRIES_PER_MEMBER, serviceHours: ENTRIES_PER_MEMBER * 2,
    needsCompleted: 1, needRatingMean: 5, pairingVisits: 4, pledge: '立足岗位作表率，服务社区献爱心',
  })
  const confirmedAt = new Date(Date.UTC(YEAR, 11, 10))
  await addAll(db, 'evaluations', MEMBERS, (i) => ({
    _id: `lv-${i}`, memberId: memberId(i), unitId: `unit-${i % 40}`, communityId: COMMUNITY._id, streetId: COMMUNITY.streetId, districtId: COMMUNITY.districtId, year: YEAR,
    proposed: '好', rating: i % 7 === 0 ? '较好' : '好', comment: '积极参加社区活动，服务群众热情主动', pledgeKept: true, facts: facts(i), confirmedBy: 'bench', confirmedAt,
  }))
  await addAll(db, 'feedbackCards', MEMBERS, (i) => ({
    _id: `lf-${i}`, memberId: memberId(i), unitId: `unit-${i % 40}`, communityId: COMMUNITY._id, streetId: COMMUNITY.streetId, districtId: COMMUNITY.districtId, year: YEAR,
    memberName: `党员${i}`, unitName: `西湖区第${i % 40}单位`, communityName: COMMUNITY.name, partyOrgName: `${COMMUNITY.name}党委`, reportedAt: day(i), claimedPosts: ['理发', '政策宣讲员'],
    facts: facts(i), rating: '好', comment: '积极参加社区活动，服务群众热情主动', evaluationConfirmedAt: confirmedAt, sealFileId: null, issuedAt: new Date(Date.UTC(YEAR, 11, 15)), issuedBy: 'bench',
  }))
  await addAll(db, 'needCollections', 600, (i) => ({ _id: `lc-${i}`, ...owned, date: day(i), way: '走访', collector: '王强', source: `居民${i}`, content: '小区路灯损坏，夜间出行不便，希望尽快修复并定期检查', handling: '已联系物业维修', needId: null, convertingSince: null }))
  await addAll(db, 'assistTargets', 300, (i) => ({ _id: `lt-${i}`, ...owned, name: `对象${i}`, gender: '女', birthMonth: '1941-03', address: `东湖路${i}号`, mobile: '13812345678', categories: ['孤寡老人'], family: '独居，子女在外地', needs: '定期探望，代购药品', surveyor: '王强', surveyedAt: day(i) }))
  await addAll(db, 'meetings', 48, (i) => ({ _id: `lmt-${i}`, ...owned, date: day(i * 7), place: '社区会议室', host: '李娜', recorder: '王强', memberIds: [], unitIds: [], otherAttendees: '居民代表', topic: '双报到工作推进会', content: '通报报到情况，征集服务项目，安排下一阶段活动', decisions: '开展环境整治', photos: [] }))
}

/** The call's process, bundled with esbuild (see ledger-export-call.ts). */
async function bundleCall(): Promise<string> {
  const outfile = resolve('dist/.tools/ledger-export-call.js')
  await build({ entryPoints: [resolve('bench/ledger-export-call.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' })
  return outfile
}

/**
 * V8's old space for a call, as a function's memory bounds it. Uncapped on a
 * machine with gigabytes free, V8 lets garbage pile up to about three times
 * the live data before it collects; each call is also run so, and its peak
 * printed beside. Under 80 MB the 服务清单 PDF slows to a crawl collecting.
 */
const CALL_HEAP_MB = 128

/** One call in a process of its own; `heapMb` caps V8's old space (undefined: V8's own choice for this machine). */
function call(script: string, request: CallRequest, heapMb?: number): CallResult {
  const flags = heapMb ? [`--max-old-space-size=${heapMb}`] : []
  const output = execFileSync(process.execPath, [...flags, script, JSON.stringify(request)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  return JSON.parse(output.trim().split('\n').pop()!) as CallResult
}

export async function benchLedgerExport(db: Database, database: string): Promise<Row[]> {
  await loadCommunity(db)
  const script = await bundleCall()
  const dir = mkdtempSync(join(tmpdir(), 'sbd-ledger-'))
  const base = { database, community: COMMUNITY, year: YEAR }
  const rows: Row[] = []
  try {
    for (const format of ['xlsx', 'pdf'] as const) {
      const files: Array<{ name: string; path: string }> = []
      const calls = LEDGER_CATEGORIES.map((category) => {
        const path = join(dir, `${category}.${format}`)
        const request: CallRequest = { ...base, out: path, job: { kind: 'category', category, format } }
        const uncapped = call(script, request).peakMb
        const result = call(script, request, CALL_HEAP_MB)
        if (result.rendered) files.push({ name: `${category}.${format}`, path })
        return { category, ...result, uncapped }
      })
      const longest = calls.reduce((a, b) => (b.ms > a.ms ? b : a))
      const peak = calls.reduce((a, b) => (b.peakMb > a.peakMb ? b : a))
      rows.push({
        benchmark: `台账导出 ${format}（2,000 党员，5 类，每类一次调用，V8 老生代上限 ${CALL_HEAP_MB} MB）`,
        result: ms(calls.reduce((n, c) => n + c.ms, 0)),
        detail: `${files.length} 个文件 ${mb(calls.reduce((n, c) => n + c.bytes, 0))}；最长一次 ${longest.category} ${ms(longest.ms)}；峰值 RSS ${peak.peakMb.toFixed(0)} MB（${peak.category}，其中调用前 ${peak.restMb.toFixed(0)} MB）`,
      })
      for (const c of calls) rows.push({ benchmark: `  ${CATEGORY_LABELS[c.category].order}、${CATEGORY_LABELS[c.category].name} ${format}`, result: ms(c.ms), detail: c.rendered ? `${mb(c.bytes)}；峰值 RSS ${c.peakMb.toFixed(0)} MB（不设上限 ${c.uncapped.toFixed(0)} MB）` : '无内容（EXPORT_EMPTY）' })
      const zip = call(script, { ...base, out: join(dir, `ledger-${format}.zip`), job: { kind: 'zip', files } }, CALL_HEAP_MB)
      rows.push({ benchmark: `台账打包 zip（${format}）`, result: ms(zip.ms), detail: `${files.length} 个文件 ${mb(zip.bytes)}；峰值 RSS ${zip.peakMb.toFixed(0)} MB` })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}
