// An invitation hands one grant to whoever accepts it in WeChat: a signed
// token (server/features/grants/invitation-token.ts) shown as a QR code or a
// link, valid for a few days and once. Pure rules; the server loads and applies.

export const INVITATION_TTL_MS = 3 * 24 * 3600 * 1000

export interface InvitationState {
  expiresAt: Date
  acceptedBy?: string | null
}

export type InvitationRefusal = 'INVITATION_USED' | 'INVITATION_EXPIRED'

/**
 * Why `userId` cannot accept the invitation now, or null when they can.
 * Accepted already by this same user is not a refusal: answering it again writes nothing.
 */
export function invitationRefusal(invitation: InvitationState, userId: string | null, now: Date): InvitationRefusal | null {
  if (invitation.acceptedBy) return invitation.acceptedBy === userId ? null : 'INVITATION_USED'
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'INVITATION_EXPIRED'
  return null
}
