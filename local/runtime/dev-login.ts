import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { MOBILE_PATTERN } from '../../src/domain/mobile'
import { ROLE_LABELS, ROLES, type Grant, type Role } from '../../src/domain/roles'
import type { Database } from '../../server/kernel/database'
import { getRows, scanAll } from '../../server/db/read'
import type { LocalPhoneCodes } from './phone-codes'
import { endSession, sessionOpenid, startSession } from './session'

// Local runtime only: pick any seeded demo user and act as them. WeChat gives
// the real app a trusted OPENID; this page stands in for that on a PC.

interface DemoUser {
  _id: string
  openid: string
  name: string
  grants: Grant[]
}

const SHOWN_PER_ROLE = 12

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page(groups: Array<[Role, DemoUser[], number]>): string {
  const sections = groups
    .map(([role, users, total]) => {
      const buttons = users
        .map((u) => `<button name="openid" value="${escape(u.openid)}" data-role="${role}">${escape(u.name)}</button>`)
        .join('')
      const more = total > users.length ? `<p class="more">共 ${total} 人，仅列出前 ${users.length} 人</p>` : ''
      return `<section><h2>${ROLE_LABELS[role]}</h2><form method="post" action="/dev/login">${buttons}</form>${more}</section>`
    })
    .join('')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>选择演示用户 · 双报到</title><style>
body{font:15px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;background:#f5f5f5;color:#222}
header{background:#c8161d;color:#fff;padding:16px 20px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.85;font-size:13px}
main{max-width:880px;margin:0 auto;padding:12px}section{background:#fff;border-radius:8px;margin:12px 0;padding:12px 16px}
h2{font-size:16px;margin:0 0 8px;color:#c8161d}button{margin:4px;padding:6px 12px;border:1px solid #ddd;border-radius:6px;background:#fff;cursor:pointer;font-size:14px}
button:hover{border-color:#c8161d;color:#c8161d}.more{color:#888;font-size:12px;margin:4px}
</style></head><body><header><h1>选择演示用户</h1><p>本页面只在本地运行环境中提供，用于以不同角色体验系统；微信小程序中以微信身份登录。</p></header>
<main><section><h2>新微信用户</h2><p class="more">尚未登记的微信用户：接受邀请、居民登记、首次设置。</p>
<form method="post" action="/dev/login"><input name="newUser" id="dev-new-user" value="${Math.random().toString(36).slice(2, 10)}" pattern="[a-z0-9-]{1,32}">
<button id="dev-new-user-submit">以新微信用户进入</button></form></section>${sections}</main></body></html>`
}

// A form post (or JSON) naming the demo user: only a plain string ever reaches
// the query, never an operator object such as {"$eq": ...}.
const signInBody = z.object({ openid: z.string().trim().min(1).max(64) })
// A WeChat user the system does not know yet (an invitee, a resident, the
// first administrator): any short label, signed in as OPENID `new-<label>`.
const newUserBody = z.object({ newUser: z.string().trim().regex(/^[a-z0-9-]{1,32}$/) })
export const newUserOpenid = (label: string) => `new-${label}`
const phoneNumberBody = z.object({ mobile: z.string().trim().regex(MOBILE_PATTERN) }).strict()

export interface DevLoginOptions {
  db: Database
  phoneCodes: LocalPhoneCodes
  sessionClock: () => Date
}

export function registerDevLogin(app: FastifyInstance, { db, phoneCodes, sessionClock }: DevLoginOptions): void {
  app.get('/dev/login', async (_request, reply) => {
    const users = await scanAll<DemoUser>(db, 'users', {}, { fields: { openid: true, name: true, grants: true } })
    const groups = ROLES.map((role): [Role, DemoUser[], number] => {
      const withRole = users.filter((u) => u.grants.some((g) => g.role === role))
      return [role, withRole.slice(0, SHOWN_PER_ROLE), withRole.length]
    }).filter(([, , total]) => total > 0)
    return reply.type('text/html; charset=utf-8').send(page(groups))
  })

  app.post('/dev/login', async (request, reply) => {
    const fresh = newUserBody.safeParse(request.body)
    if (fresh.success) {
      await startSession(db, reply, newUserOpenid(fresh.data.newUser), sessionClock())
      return reply.redirect('/', 303)
    }
    const body = signInBody.safeParse(request.body)
    const found = body.success ? await getRows(db.collection('users').where({ openid: body.data.openid }).limit(1)) : []
    if (!body.success || found.length === 0) return reply.code(400).type('text/plain; charset=utf-8').send('没有这个演示用户')
    await startSession(db, reply, body.data.openid, sessionClock())
    return reply.redirect('/', 303)
  })

  app.post('/dev/logout', async (request, reply) => {
    await endSession(db, request, reply)
    return reply.redirect('/dev/login', 303)
  })

  // WeChat's getPhoneNumber, played locally: a code for the number the signed-in
  // demo user gives as theirs, which account.bindCard resolves (phone-codes.ts).
  app.post('/dev/phone-number', async (request, reply) => {
    const openid = await sessionOpenid(db, request, sessionClock())
    if (!openid) return reply.code(401).send({ ok: false, code: 'AUTH_REQUIRED', message: '请先选择演示用户登录' })
    const body = phoneNumberBody.safeParse(request.body)
    if (!body.success) return reply.code(400).send({ ok: false, code: 'VALIDATION_FAILED', message: '手机号码格式不正确，应为11位手机号' })
    return reply.send({ ok: true, data: { code: phoneCodes.issue(openid, body.data.mobile) } })
  })
}
