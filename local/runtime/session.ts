import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../../server/kernel/database'
import { getRows } from '../../server/db/read'

// The dev sign-in's sessions live on the server, in the local-only
// `devSessions` collection: the cookie carries a random session id (signed,
// so a forged one is refused before any read), a session ends at sign-out or
// after SESSION_TTL_MS, and an old cookie is worth nothing once it has. The
// bridge injects the session's OPENID as the WXContext, as WeChat does.

export const SESSION_COOKIE = 'sbd_session'
export const SESSION_TTL_MS = 12 * 3600 * 1000
/** Collections only the local runtime has (never created in the cloud). */
export const LOCAL_COLLECTIONS = ['devSessions'] as const

interface SessionDoc {
  _id: string
  openid: string
  createdAt: Date
  expiresAt: Date
}

function sessionId(request: FastifyRequest): string | null {
  const raw = request.cookies[SESSION_COOKIE]
  if (!raw) return null
  const unsigned = request.unsignCookie(raw)
  return unsigned.valid && unsigned.value ? unsigned.value : null
}

export async function sessionOpenid(db: Database, request: FastifyRequest, now: Date): Promise<string | null> {
  const id = sessionId(request)
  if (!id) return null
  const [session] = await getRows<SessionDoc>(db.collection('devSessions').where({ _id: id }).limit(1))
  return session && session.expiresAt.getTime() > now.getTime() ? session.openid : null
}

export async function startSession(db: Database, reply: FastifyReply, openid: string, now: Date): Promise<void> {
  const id = randomBytes(24).toString('base64url')
  await db.collection('devSessions').doc(id).set({ data: { openid, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) } })
  reply.setCookie(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: SESSION_TTL_MS / 1000 })
}

export async function endSession(db: Database, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const id = sessionId(request)
  if (id) await db.collection('devSessions').where({ _id: id }).remove()
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}
