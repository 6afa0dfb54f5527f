import { performance } from 'node:perf_hooks'
import { countDbRequests, type DbRequest } from '../local/embedded-db'
import type { Result } from '../src/domain/result'
import { clockFor, DEFAULT_NEED_DEADLINES, NEED_STATES, submittedEntry, type NeedState } from '../src/domain/need-rules'
import type { NeedDoc } from '../server/features/needs/need-doc'
import { FUNCTIONS } from '../server/functions'
import type { Database } from '../server/kernel/database'
import { runFunction } from '../server/kernel/run-function'
import { ms, type Row } from './measure'

// A community with 10,000 needs (issue 10): the staff list filtered by state
// and by overdue, paged, through the same runFunction the cloud runs — p95
// and the database requests per page — and the requests of the workflow's
// actions, each held to a budget (test/integration/needs-budgets.test.ts).

export const NEED_BUDGETS = {
  /** users, count, page. */
  'needs.list': 3,
  /** users, community, post, write. */
  'needs.submit': 4,
  /** users, need, conditional write, the resident's user, message add + settle. */
  'needs.accept': 6,
  /** users, the caller's member (principal), need, the member's roster name, conditional write, the resident's user, message add + settle. */
  'needs.claim': 8,
  /** users, need. */
  'needs.get': 2,
} as const
export type NeedBudgeted = keyof typeof NEED_BUDGETS

const COMMUNITY = 'community-needs'
const scope = { communityId: COMMUNITY, streetId: 'street-needs', districtId: 'district-needs' }
export const NEED_USERS = { staff: 'needs-staff', resident: 'needs-resident', member: 'needs-member-0' } as const
export const NOW = new Date('2026-06-01T02:00:00Z')
const BATCH = 1_000
const HOUR = 3600_000

/** State of the i-th need: most are done, a fifth still open; each urgency and age spread over. */
function stateOf(i: number): NeedState {
  const open: NeedState[] = ['pending', 'accepted', 'published', 'serving']
  return i % 5 === 0 ? open[(i / 5) % open.length]! : NEED_STATES[4 + (i % 6)]!
}

export async function loadNeedsCommunity(db: Database, count: number): Promise<void> {
  await db.collection('communities').doc(COMMUNITY).set({ data: { name: '需求社区', streetId: scope.streetId, districtId: scope.districtId } })
  await db.collection('posts').doc('needs-post').set({ data: { communityId: COMMUNITY, category: 'convenience', categoryName: '便民服务项目', kind: 'community', name: '水电维修', description: '', active: true, order: 0 } })
  const members = Array.from({ length: 20 }, (_, i) => ({ _id: `needs-member-${i}`, unitId: 'unit-needs', communityId: COMMUNITY, streetId: scope.streetId, districtId: scope.districtId, name: `党员${i}`, mobile: `1360000${String(i).padStart(4, '0')}`, specialty: '' }))
  await db.collection('members').add({ data: members as never })
  await db.collection('users').add({
    data: [
      { openid: NEED_USERS.staff, name: '社区工作人员', grants: [{ role: 'staff', scope }] },
      { _id: 'user-needs-resident', openid: NEED_USERS.resident, name: '居民', grants: [{ role: 'resident', scope: { communityId: COMMUNITY } }] },
      ...members.map((m) => ({ openid: m._id, name: m.name, grants: [{ role: 'member', scope: { memberId: m._id, unitId: m.unitId, communityId: COMMUNITY } }] })),
    ] as never,
  })
  for (let start = 0; start < count; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => {
      const i = start + k
      const state = stateOf(i)
      const urgency = i % 7 === 0 ? 'urgent' : 'normal'
      // Submitted up to 20 days before now, so open needs span none, yellow and red.
      const submittedAt = new Date(NOW.getTime() - (i % 480) * HOUR)
      const acceptedAt = state === 'pending' ? null : new Date(submittedAt.getTime() + HOUR)
      const doc: Omit<NeedDoc, '_id'> & { _id: string } = {
        _id: `need-${String(i).padStart(6, '0')}`,
        ...scope,
        postId: 'needs-post',
        categoryName: '水电维修',
        content: `需求${i}`,
        address: `需求社区${i % 30}栋`,
        contactName: '居民',
        mobile: '13912345678',
        suitableTime: '',
        urgency,
        channel: 'self',
        sourceRecordId: null,
        photos: [],
        state,
        deadlines: DEFAULT_NEED_DEADLINES,
        ...clockFor(state, urgency, DEFAULT_NEED_DEADLINES, { submittedAt, acceptedAt }),
        version: 0,
        submittedAt,
        acceptedAt,
        completedAt: null,
        residentUserId: 'user-needs-resident',
        enteredBy: 'user-needs-resident',
        assignedMemberId: state === 'serving' ? members[i % members.length]!._id : null,
        assignedMemberName: null,
        rejectReason: null,
        mergedInto: null,
        additions: [],
        completion: null,
        rating: null,
        comment: null,
        history: [submittedEntry({ role: 'resident', userId: 'user-needs-resident', name: '居民' }, submittedAt)],
        updatedAt: submittedAt,
      }
      return doc
    })
    await db.collection('needs').add({ data: docs as never })
  }
}

async function call<T>(db: Database, openid: string, input: Record<string, unknown>): Promise<{ data: T; requests: DbRequest[]; ms: number }> {
  const start = performance.now()
  const { result, requests } = await countDbRequests(() => runFunction(FUNCTIONS.get('needs')!, input, { db, openid, env: { cardSecret: '' }, now: () => NOW, checkResults: false }))
  const r = result as Result<T>
  if (!r.ok) throw new Error(`needs.${String(input.action)}: ${r.code} ${r.message}`)
  return { data: r.data, requests, ms: performance.now() - start }
}

export interface NeedMeasure {
  action: NeedBudgeted
  variant: string
  requests: DbRequest[]
}

/** One call of each budgeted action (the list in each filter, first page and deep page). */
export async function measureNeedActions(db: Database): Promise<NeedMeasure[]> {
  const list = (filter: Record<string, unknown>) => call<{ total: number }>(db, NEED_USERS.staff, { action: 'list', communityId: COMMUNITY, ...filter })
  const submit = await call<{ needId: string }>(db, NEED_USERS.resident, { action: 'submit', postId: 'needs-post', content: '水管漏水', address: '需求社区1栋', contactName: '居民', mobile: '13912345678' })
  const needId = submit.data.needId
  const accept = await call(db, NEED_USERS.staff, { action: 'accept', needId })
  await call(db, NEED_USERS.staff, { action: 'publish', needId })
  const claim = await call(db, NEED_USERS.member, { action: 'claim', needId })
  const get = await call(db, NEED_USERS.staff, { action: 'get', needId })
  return [
    { action: 'needs.list', variant: '全部，第1页', requests: (await list({})).requests },
    { action: 'needs.list', variant: '待受理，第1页', requests: (await list({ state: 'pending' })).requests },
    { action: 'needs.list', variant: '超时（红），第1页', requests: (await list({ overdue: 'red' })).requests },
    { action: 'needs.list', variant: '全部，第100页', requests: (await list({ page: 100 })).requests },
    { action: 'needs.submit', variant: '居民提交', requests: submit.requests },
    { action: 'needs.accept', variant: '受理', requests: accept.requests },
    { action: 'needs.claim', variant: '认领微心愿', requests: claim.requests },
    { action: 'needs.get', variant: '详情', requests: get.requests },
  ]
}

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)]!

/** The bench's rows: the staff list at 10,000 needs in each filter, p95 over repeated pages, and the requests per page. */
export async function benchNeeds(db: Database, count = 10_000): Promise<Row[]> {
  await loadNeedsCommunity(db, count)
  const filters: Array<[string, Record<string, unknown>]> = [
    ['全部', {}],
    ['待受理', { state: 'pending' }],
    ['服务中', { state: 'serving' }],
    ['超时（黄或红）', { overdue: 'any' }],
    ['超时（红）', { overdue: 'red' }],
    ['待受理且超时', { state: 'pending', overdue: 'any' }],
  ]
  const rows: Row[] = []
  for (const [label, filter] of filters) {
    const samples: number[] = []
    let total = 0
    let requests = 0
    for (let i = 0; i < 40; i++) {
      const page = 1 + (i % 10) * 5
      const r = await call<{ total: number }>(db, NEED_USERS.staff, { action: 'list', communityId: COMMUNITY, pageSize: 20, page, ...filter })
      samples.push(r.ms)
      total = r.data.total
      requests = Math.max(requests, r.requests.length)
    }
    rows.push({ benchmark: `需求列表 ${count.toLocaleString('en-US')} 条 · ${label}`, result: `p95 ${ms(p95(samples))}`, detail: `每页 20 条，第1–46页；共 ${total.toLocaleString('en-US')} 条；每页 ${requests} 次数据库请求` })
  }
  for (const m of await measureNeedActions(db)) {
    rows.push({ benchmark: `请求数 ${m.action}（${m.variant}）`, result: `${m.requests.length} 次`, detail: `预算 ${NEED_BUDGETS[m.action]}` })
  }
  return rows
}
