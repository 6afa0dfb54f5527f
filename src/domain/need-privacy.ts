import type { NeedState } from './need-rules'

// Who sees a need's contact details (issue 10 §9): the resident who submitted
// it, the community's staff, and the member assigned to it while they serve
// it. Everyone else — other members, the 微心愿 wall — sees them masked.

export type NeedViewer = { kind: 'owner' } | { kind: 'staff' } | { kind: 'member'; memberId: string } | { kind: 'other' }

export function seesContact(viewer: NeedViewer, need: { state: NeedState; assignedMemberId: string | null }): boolean {
  if (viewer.kind === 'owner' || viewer.kind === 'staff') return true
  return viewer.kind === 'member' && need.state === 'serving' && need.assignedMemberId === viewer.memberId
}

/** The first few characters of an address, then ****. */
export function maskAddress(address: string): string {
  const chars = [...address]
  return chars.length <= 4 ? '****' : `${chars.slice(0, 4).join('')}****`
}

/** 张三丰 → 张**: the wall shows whose wish it is without naming them. */
export function maskName(name: string): string {
  const chars = [...name]
  return chars.length === 0 ? '' : `${chars[0]}${'*'.repeat(Math.min(2, Math.max(1, chars.length - 1)))}`
}
