import type { FastifyReply, FastifyRequest } from 'fastify'

// The dev sign-in keeps the chosen demo user's OPENID in a signed cookie; the
// bridge injects it as the WXContext, as WeChat does for the mini-program.
export const SESSION_COOKIE = 'sbd_session'

export function sessionOpenid(request: FastifyRequest): string | null {
  const raw = request.cookies[SESSION_COOKIE]
  if (!raw) return null
  const unsigned = request.unsignCookie(raw)
  return unsigned.valid && unsigned.value ? unsigned.value : null
}

export function startSession(reply: FastifyReply, openid: string): void {
  reply.setCookie(SESSION_COOKIE, openid, { path: '/', httpOnly: true, sameSite: 'lax', signed: true })
}

export function endSession(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}
