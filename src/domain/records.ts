import { inChina } from './china-time'
import { AppError } from './errors'
import { maskMobile } from './mobile'

// The community's own records (issue 10, items 2 and 5–8; 000 §一.(三)–(五)):
// the 服务需求征集记录, the 帮扶对象摸底表, 结对帮扶 and its visits, the 会议记录本
// and the 社区基本情况. The decisions here are pure: handlers load, ask, apply.

/** How a need was collected (服务需求征集记录本). */
export const COLLECTION_WAYS = ['走访', '电话', '座谈会', '意见箱', '其他'] as const
export type CollectionWay = (typeof COLLECTION_WAYS)[number]

/** 帮扶类别 of the 摸底表; a target may have several. */
export const ASSISTANCE_CATEGORIES = ['低保', '残疾', '孤寡老人', '空巢老人', '留守儿童', '重病', '困难家庭', '其他'] as const
export type AssistanceCategory = (typeof ASSISTANCE_CATEGORIES)[number]

export type PairingStatus = 'offered' | 'active' | 'ended'

export interface PairingFacts {
  status: PairingStatus
  memberId: string
  startedAt: Date | null
}

// ---- who sees an assistance target --------------------------------------------

/**
 * What a caller sees of a target (000 §一.(四) is the community's own list):
 * the community's staff and a member paired with it now see all of it; a
 * member whose pairing ended keeps their history with the mobile and address
 * masked; anyone else, nothing.
 */
export type TargetSight = 'full' | 'masked' | 'none'

export function targetSight(viewer: { staffOfCommunity: boolean; memberId: string | null }, pairings: readonly PairingFacts[]): TargetSight {
  if (viewer.staffOfCommunity) return 'full'
  const mine = pairings.filter((p) => viewer.memberId !== null && p.memberId === viewer.memberId)
  if (mine.some((p) => p.status === 'active')) return 'full'
  return mine.some((p) => p.status === 'ended') ? 'masked' : 'none'
}

/** A target's mobile and address as a reader with this sight sees them. */
export function contactFor(target: { address: string; mobile: string }, masked: boolean): { address: string; mobile: string } {
  return masked ? { address: maskAddress(target.address), mobile: maskMobile(target.mobile) } : { address: target.address, mobile: target.mobile }
}

/** 东湖路12号3单元 → 东湖路****: enough for a reader to know the street, no door to knock on. */
export function maskAddress(address: string): string {
  const chars = [...address]
  return chars.length <= 3 ? '****' : `${chars.slice(0, 3).join('')}****`
}

// ---- 结对帮扶 -------------------------------------------------------------------

export interface PairingRequest {
  targetCommunityId: string
  memberCommunityId: string
  /** This member's pairings with this target, any status. */
  existing: readonly PairingFacts[]
}

/** Staff pair a target with a member (or confirm a member's offer): the member must live in the target's community. */
export function decidePairing(request: PairingRequest): void {
  if (request.memberCommunityId !== request.targetCommunityId) throw new AppError('PAIRING_OTHER_COMMUNITY')
  if (request.existing.some((p) => p.status === 'active')) throw new AppError('ALREADY_PAIRED')
}

/** Ending keeps the pairing and its visits; an ended one stays ended. */
export function decideEnd(pairing: PairingFacts): void {
  if (pairing.status === 'ended') throw new AppError('PAIRING_ENDED')
}

/** A member offers to pair one offer at a time: an open one waits for the staff to choose a target. */
export function decideOffer(mine: readonly PairingFacts[]): void {
  if (mine.some((p) => p.status === 'offered')) throw new AppError('OFFER_PENDING')
}

/** A visit is recorded by the paired member, on a live pairing, on a day between its start and today. */
export function decideVisit(pairing: PairingFacts, callerMemberId: string, visitDate: Date, today: Date): void {
  if (pairing.memberId !== callerMemberId) throw new AppError('NOT_FOUND', '结对记录不存在')
  if (pairing.status !== 'active') throw new AppError(pairing.status === 'ended' ? 'PAIRING_ENDED' : 'PAIRING_NOT_ACTIVE')
  requirePast(visitDate, today)
  if (pairing.startedAt && dayOf(visitDate) < dayOf(pairing.startedAt)) throw new AppError('VISIT_BEFORE_PAIRING')
}

/** A record's date (a visit, a meeting, a survey) is a day that has come: today or before. */
export function requirePast(date: Date, today: Date): void {
  if (dayOf(date) > chinaDay(today)) throw new AppError('DATE_IN_FUTURE')
}

/** Today's calendar day in China, as a date input names it. */
function chinaDay(now: Date): string {
  return inChina(now).format('YYYY-MM-DD')
}

/** The calendar day (UTC) of a date-input date, to compare days, not instants. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10)
}

// ---- 征集记录 → 需求 -----------------------------------------------------------

/** How long a conversion under way holds the record; a mark older than this was left by a call that died. */
export const CONVERSION_HOLD_MS = 60_000

/** A collection record becomes a need once; a second press is refused with the need it made. */
export function decideConversion(record: { needId: string | null; convertingSince: Date | null }, now: Date): void {
  if (record.needId) throw new AppError('ALREADY_CONVERTED', undefined, { needId: record.needId })
  if (record.convertingSince && now.getTime() - record.convertingSince.getTime() < CONVERSION_HOLD_MS) throw new AppError('CONFLICT')
}
