// Residents' service needs (issue 10 §1, §3): the states a need passes
// through, who may move it where, and its deadlines. Every move is decided
// here as a plan (the fields to set and the history entry to append); the
// handler loads the need, asks for the plan, and writes it only if the need is
// still in the state it was read in, so two people pressing at once (two
// members claiming one wish) move it once.

export const NEED_STATES = ['pending', 'accepted', 'rejected', 'merged', 'withdrawn', 'published', 'serving', 'completed', 'rated', 'closed'] as const
export type NeedState = (typeof NEED_STATES)[number]

export const NEED_STATE_LABELS: Record<NeedState, string> = {
  pending: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  merged: '已合并',
  withdrawn: '已撤回',
  published: '微心愿待认领',
  serving: '服务中',
  completed: '已完成',
  rated: '已评价',
  closed: '已关闭',
}

export const URGENCIES = ['normal', 'urgent'] as const
export type Urgency = (typeof URGENCIES)[number]
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '紧急' }

/** States nothing moves out of. */
export const FINAL_STATES: readonly NeedState[] = ['rejected', 'merged', 'withdrawn', 'rated', 'closed']
/** States of a need whose service is done: it counts as the member's service. */
export const DONE_STATES: readonly NeedState[] = ['completed', 'rated', 'closed']

export const MAX_NEED_PHOTOS = 3
export const MAX_RATING = 5
/** Staff may close a completed need the resident has not rated after this long. */
export const CLOSE_UNRATED_AFTER_MS = 7 * 24 * 3600_000

/** Hours to accept and to finish, per urgency; a community may set its own. */
export interface NeedDeadlines {
  acceptHours: number
  acceptHoursUrgent: number
  finishHours: number
  finishHoursUrgent: number
}

/** Issue 10 §3 (after Beijing 12345: emergencies 2 h, general 7 days). */
export const DEFAULT_NEED_DEADLINES: NeedDeadlines = { acceptHours: 24, acceptHoursUrgent: 2, finishHours: 7 * 24, finishHoursUrgent: 24 }

export function deadlinesOf(community: { needDeadlines?: Partial<NeedDeadlines> | null }): NeedDeadlines {
  return { ...DEFAULT_NEED_DEADLINES, ...(community.needDeadlines ?? {}) }
}

/** When a need turns yellow (its deadline) and red (twice its time): null when no clock runs. */
export interface NeedClock {
  yellowAt: Date | null
  redAt: Date | null
}

const STOPPED: NeedClock = { yellowAt: null, redAt: null }

function clockFrom(start: Date, hours: number): NeedClock {
  const ms = hours * 3600_000
  return { yellowAt: new Date(start.getTime() + ms), redAt: new Date(start.getTime() + 2 * ms) }
}

/** The accept clock runs from submission; the finish clock from acceptance; neither once done. */
export function clockFor(state: NeedState, urgency: Urgency, deadlines: NeedDeadlines, times: { submittedAt: Date; acceptedAt: Date | null }): NeedClock {
  const urgent = urgency === 'urgent'
  if (state === 'pending') return clockFrom(times.submittedAt, urgent ? deadlines.acceptHoursUrgent : deadlines.acceptHours)
  if ((state === 'accepted' || state === 'published' || state === 'serving') && times.acceptedAt) {
    return clockFrom(times.acceptedAt, urgent ? deadlines.finishHoursUrgent : deadlines.finishHours)
  }
  return STOPPED
}

export type OverdueLevel = 'none' | 'yellow' | 'red'

export function overdueLevel(clock: NeedClock, now: Date): OverdueLevel {
  if (clock.redAt && now.getTime() >= clock.redAt.getTime()) return 'red'
  if (clock.yellowAt && now.getTime() >= clock.yellowAt.getTime()) return 'yellow'
  return 'none'
}

/** What the transition rules read of a need. */
export interface NeedFacts {
  state: NeedState
  urgency: Urgency
  submittedAt: Date
  acceptedAt: Date | null
  completedAt: Date | null
  /** The user who submitted it (null when staff entered it for a resident with no account). */
  residentUserId: string | null
  assignedMemberId: string | null
}

export type Actor = ({ role: 'resident' } | { role: 'staff' } | { role: 'member'; memberId: string }) & { userId: string; name: string }

export type NeedEvent =
  | { type: 'addInfo' }
  | { type: 'withdraw' }
  | { type: 'accept' }
  | { type: 'reject'; reason: string }
  | { type: 'merge'; intoNeedId: string }
  | { type: 'assign'; memberId: string; memberName: string }
  | { type: 'publish' }
  | { type: 'claim'; memberName: string }
  | { type: 'decline'; reason: string }
  | { type: 'complete'; hours: number }
  | { type: 'rate'; rating: number }
  | { type: 'close' }

export type NeedRefusal = 'NEED_STATE_INVALID' | 'NEED_NOT_YOURS' | 'NEED_ALREADY_CLAIMED' | 'NEED_ALREADY_RATED' | 'NEED_NOT_CLOSABLE_YET'

export interface HistoryEntry {
  event: NeedEvent['type'] | 'submit'
  from: NeedState | null
  to: NeedState
  by: string
  byName: string
  byRole: Actor['role']
  at: Date
  /** A reason, the member's name, a merge target: what a reader of the history wants to know. */
  note: string
}

export interface NeedPlan {
  to: NeedState
  /** Fields set besides the state, the clock and the history. */
  set: Partial<Pick<NeedFacts, 'acceptedAt' | 'completedAt' | 'assignedMemberId'>> & { rejectReason?: string; mergedInto?: string }
  entry: HistoryEntry
}

/** Who may fire each event, from which states, and where it leads. */
const RULES: Record<NeedEvent['type'], { roles: Actor['role'][]; from: readonly NeedState[]; to: NeedState | null }> = {
  addInfo: { roles: ['resident'], from: ['pending', 'accepted', 'published', 'serving'], to: null },
  withdraw: { roles: ['resident'], from: ['pending'], to: 'withdrawn' },
  accept: { roles: ['staff'], from: ['pending'], to: 'accepted' },
  reject: { roles: ['staff'], from: ['pending'], to: 'rejected' },
  merge: { roles: ['staff'], from: ['pending', 'accepted'], to: 'merged' },
  assign: { roles: ['staff'], from: ['accepted', 'published'], to: 'serving' },
  publish: { roles: ['staff'], from: ['accepted'], to: 'published' },
  claim: { roles: ['member'], from: ['published'], to: 'serving' },
  decline: { roles: ['member'], from: ['serving'], to: 'accepted' },
  complete: { roles: ['member'], from: ['serving'], to: 'completed' },
  rate: { roles: ['resident'], from: ['completed'], to: 'rated' },
  close: { roles: ['staff'], from: ['completed'], to: 'closed' },
}

function noteOf(event: NeedEvent): string {
  switch (event.type) {
    case 'reject':
    case 'decline':
      return event.reason
    case 'merge':
      return event.intoNeedId
    case 'assign':
    case 'claim':
      return event.memberName
    case 'complete':
      return `${event.hours}小时`
    case 'rate':
      return `${event.rating}分`
    default:
      return ''
  }
}

/** Is the actor the one the event belongs to: the resident's own need, the assigned member's work. */
function ownsIt(need: NeedFacts, type: NeedEvent['type'], actor: Actor): boolean {
  if (actor.role === 'resident') return need.residentUserId === actor.userId
  if (actor.role === 'member' && (type === 'decline' || type === 'complete')) return need.assignedMemberId === actor.memberId
  return true
}

/** Why `actor` may not fire `type` on `need` now, or null when they may. Scope (which community) is the handler's check. */
function refusalOf(need: NeedFacts, type: NeedEvent['type'], actor: Actor, now: Date): NeedRefusal | null {
  const rule = RULES[type]
  if (!rule.roles.includes(actor.role) || !ownsIt(need, type, actor)) return 'NEED_NOT_YOURS'
  if (!rule.from.includes(need.state)) {
    if (type === 'claim' && need.state === 'serving') return 'NEED_ALREADY_CLAIMED'
    if (type === 'rate' && need.state === 'rated') return 'NEED_ALREADY_RATED'
    return 'NEED_STATE_INVALID'
  }
  if (type === 'close' && need.completedAt && now.getTime() < need.completedAt.getTime() + CLOSE_UNRATED_AFTER_MS) return 'NEED_NOT_CLOSABLE_YET'
  return null
}

/** The events `actor` may fire on `need` now: what a page offers. */
export function allowedEvents(need: NeedFacts, actor: Actor, now: Date): NeedEvent['type'][] {
  return (Object.keys(RULES) as NeedEvent['type'][]).filter((type) => refusalOf(need, type, actor, now) === null)
}

/** The plan for `event` on `need` by `actor` at `now`, or the refusal. */
export function planNeedTransition(need: NeedFacts, event: NeedEvent, actor: Actor, now: Date): NeedPlan | { refuse: NeedRefusal } {
  const refusal = refusalOf(need, event.type, actor, now)
  if (refusal) return { refuse: refusal }
  const to = RULES[event.type].to ?? need.state
  const set: NeedPlan['set'] = {}
  if (event.type === 'accept') set.acceptedAt = now
  if (event.type === 'reject') set.rejectReason = event.reason
  if (event.type === 'merge') set.mergedInto = event.intoNeedId
  if (event.type === 'assign') set.assignedMemberId = event.memberId
  if (event.type === 'claim' && actor.role === 'member') set.assignedMemberId = actor.memberId
  if (event.type === 'decline') set.assignedMemberId = null
  if (event.type === 'complete') set.completedAt = now
  return { to, set, entry: { event: event.type, from: need.state, to, by: actor.userId, byName: actor.name, byRole: actor.role, at: now, note: noteOf(event) } }
}

/** The first entry of every need's history. */
export function submittedEntry(actor: Actor, now: Date): HistoryEntry {
  return { event: 'submit', from: null, to: 'pending', by: actor.userId, byName: actor.name, byRole: actor.role, at: now, note: actor.role === 'staff' ? '社区代录' : '' }
}
