import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CATEGORY_LABELS, LEDGER_CATEGORIES, materialLabel, type LedgerCategory } from '../src/domain/export-tables'
import type { Database } from '../server/kernel/database'
import { writePdf } from '../server/exports/pdf'
import { writeXlsx } from '../server/exports/xlsx'
import { writeZip } from '../server/exports/zip'
import { ledgerSource, type LedgerScope } from '../server/features/exports/table-source'
import { addAll } from './dataset'
import { mb, ms, timed, type Row } from './measure'

// Issue 12 §3: a community of 2,000 members with a year of records exports
// its whole 台账 — each category rendered as one call would (xlsx, then PDF),
// then the zip of the stored category files. Prints the time of each format
// (all categories, and the longest single category: what one call must fit in
// 60 s) and the process's peak RSS while exporting.

const MEMBERS = 2_000
const ENTRIES_PER_MEMBER = 12
const COMMUNITY = { _id: 'community-ledger', name: '基准社区', streetId: 'street-ledger', districtId: 'district-ledger' }
const YEAR = 2026
const owned = { communityId: COMMUNITY._id, streetId: COMMUNITY.streetId, districtId: COMMUNITY.districtId, createdBy: 'bench', createdAt: new Date(), updatedAt: new Date() }
const day = (i: number) => new Date(Date.UTC(YEAR, 0, 1 + (i % 360), -8 + 24))

async function loadCommunity(db: Database): Promise<void> {
  await db.collection('communities').add({ data: COMMUNITY })
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
  await addAll(db, 'needCollections', 600, (i) => ({ _id: `lc-${i}`, ...owned, date: day(i), way: '走访', collector: '王强', source: `居民${i}`, content: '小区路灯损坏，夜间出行不便，希望尽快修复并定期检查', handling: '已联系物业维修', needId: null, convertingSince: null }))
  await addAll(db, 'assistTargets', 300, (i) => ({ _id: `lt-${i}`, ...owned, name: `对象${i}`, gender: '女', birthMonth: '1941-03', address: `东湖路${i}号`, mobile: '13812345678', categories: ['孤寡老人'], family: '独居，子女在外地', needs: '定期探望，代购药品', surveyor: '王强', surveyedAt: day(i) }))
  await addAll(db, 'meetings', 48, (i) => ({ _id: `lmt-${i}`, ...owned, date: day(i * 7), place: '社区会议室', host: '李娜', recorder: '王强', memberIds: [], unitIds: [], otherAttendees: '居民代表', topic: '双报到工作推进会', content: '通报报到情况，征集服务项目，安排下一阶段活动', decisions: '开展环境整治', photos: [] }))
}

async function toFile(path: string, write: (out: ReturnType<typeof createWriteStream>) => Promise<unknown>) {
  const out = createWriteStream(path)
  await once(out, 'open')
  await write(out)
  return statSync(path).size
}

export async function benchLedgerExport(db: Database): Promise<Row[]> {
  await loadCommunity(db)
  const dir = mkdtempSync(join(tmpdir(), 'sbd-ledger-'))
  // What loading the data left behind is not the export's: collected when the bench may (node --expose-gc).
  ;(globalThis as { gc?: () => void }).gc?.()
  const base = process.memoryUsage().rss
  const peak = { rss: process.memoryUsage().rss }
  const sampler = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss)), 20)
  const rows: Row[] = []
  try {
    for (const format of ['xlsx', 'pdf'] as const) {
      ;(globalThis as { gc?: () => void }).gc?.()
      peak.rss = process.memoryUsage().rss
      const files: Array<{ name: string; path: string }> = []
      let longest = { ms: 0, category: '' as LedgerCategory | '' }
      let bytes = 0
      const all = await timed(async () => {
        for (const category of LEDGER_CATEGORIES) {
          const scope: LedgerScope = { communityId: COMMUNITY._id, communityName: COMMUNITY.name, year: YEAR, category }
          const path = join(dir, `${category}.${format}`)
          const one = await timed(async () => {
            try {
              return await toFile(path, (out) =>
                format === 'xlsx'
                  ? writeXlsx(ledgerSource(db, scope), out)
                  : writePdf({ title: category, tables: () => ledgerSource(db, scope), cover: { material: materialLabel(category), category: CATEGORY_LABELS[category].name, communityName: COMMUNITY.name, year: YEAR } }, out),
              )
            } catch (error) {
              if ((error as { code?: string }).code === 'EXPORT_EMPTY') return 0
              throw error
            }
          })
          if (one.value > 0) files.push({ name: `${category}.${format}`, path })
          bytes += one.value
          if (one.ms > longest.ms) longest = { ms: one.ms, category }
        }
      })
      rows.push({
        benchmark: `台账导出 ${format}（2,000 党员，5 类）`,
        result: ms(all.ms),
        detail: `${files.length} 个文件 ${mb(bytes)}；最长一类 ${longest.category} ${ms(longest.ms)}（一次调用）；峰值内存 RSS ${mb(peak.rss)}（导出前 ${mb(base)}）`,
      })
      peak.rss = process.memoryUsage().rss
      const zipPath = join(dir, `ledger-${format}.zip`)
      const zip = await timed(() => toFile(zipPath, (out) => writeZip(files.map((f) => ({ name: f.name, open: async () => createReadStream(f.path) })), out)))
      rows.push({ benchmark: `台账打包 zip（${format}）`, result: ms(zip.ms), detail: `${files.length} 个文件 ${mb(zip.value)}；峰值内存 RSS ${mb(peak.rss)}` })
    }
  } finally {
    clearInterval(sampler)
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}
