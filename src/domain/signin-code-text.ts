// What anyone can read off an activity's sign-in code without the secret
// (the layout is in server/features/activity/signin-token.ts): which activity
// it is for and whether it signs in or out. The member's page reads it to ask
// for the position only when that activity has a place to compare it with;
// only the server can tell whether the code is genuine and current.

/** `SBA<version>.<base64url activity id>.<window><i|o>.<mac>` */
export const SIGNIN_CODE_SHAPE = /^SBA(\d{1,3})\.([A-Za-z0-9_-]{1,120})\.(0|[1-9]\d{0,14})([io])\.([A-Za-z0-9_-]{1,64})$/

/** base64url of an ASCII id (activity ids are), without padding. */
function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/')
  return atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
}

/** The activity and direction a scanned text claims, or null when it is not a sign-in code at all. */
export function readSigninCode(text: string): { activityId: string; direction: 'in' | 'out' } | null {
  const parts = SIGNIN_CODE_SHAPE.exec(text.trim())
  if (!parts) return null
  try {
    return { activityId: fromBase64Url(parts[2]!), direction: parts[4] === 'i' ? 'in' : 'out' }
  } catch {
    return null
  }
}
