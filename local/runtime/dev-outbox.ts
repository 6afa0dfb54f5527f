import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { MESSAGE_KINDS, type MessageKind } from '../../src/domain/message-kinds'
import type { Database } from '../../server/kernel/database'
import { getRows } from '../../server/db/read'
import { kindOfTemplate } from '../../server/messages/templates'
import { grantLocally } from '../openapi/wechat-grants'
import { devPage, escapeHtml, formatChinaTime } from './dev-page'
import { sessionOpenid } from './session'

// Local runtime only. /dev/outbox: every subscription message the product
// tried to send (the `messages` records), newest first — who, which template,
// the fields, the page, when, and what became of it. POST /dev/subscribe: the
// h5 stand-in of Taro.requestSubscribeMessage — the signed-in user accepts the
// templates asked for, on WeChat's side (see local/openapi/wechat-grants).

const SHOWN = 200

interface MessageRecord {
  _id: string
  key: string
  kind: MessageKind
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  status: string
  code?: string
  reason?: string
  createdAt: Date
}

const STATUS_LABELS: Record<string, string> = {
  sent: '<span class="ok">已发送</span>',
  not_attempted: '<span class="bad">未发送</span>',
  refused: '<span class="bad">被拒绝</span>',
  failed: '<span class="bad">发送失败</span>',
  pending: '发送中',
}

function row(m: MessageRecord, names: Map<string, string>): string {
  const fields = Object.values(MESSAGE_KINDS[m.kind]?.fields ?? {})
    .map((f) => `${escapeHtml(f.label)}（${escapeHtml(f.key)}）：${escapeHtml(m.data?.[f.key]?.value ?? '')}`)
    .join('<br>')
  const reason = m.reason ? `<br><span class="muted">${escapeHtml(m.code ?? '')} ${escapeHtml(m.reason)}</span>` : ''
  return `<tr data-key="${escapeHtml(m.key)}" data-status="${escapeHtml(m.status)}"><td>${formatChinaTime(new Date(m.createdAt))}</td>
<td>${escapeHtml(names.get(m.touser) ?? '')}<br><code>${escapeHtml(m.touser)}</code></td>
<td>${escapeHtml(MESSAGE_KINDS[m.kind]?.title ?? m.kind)}<br><code>${escapeHtml(m.templateId || '（未配置）')}</code></td>
<td>${fields}</td><td><code>${escapeHtml(m.page || '')}</code></td><td>${STATUS_LABELS[m.status] ?? escapeHtml(m.status)}${reason}</td></tr>`
}

const subscribeBody = z.object({ templateIds: z.array(z.string().min(1).max(128)).min(1).max(3) }).strict()

export function registerDevOutbox(app: FastifyInstance, db: Database, sessionClock: () => Date): void {
  app.get('/dev/outbox', async (_request, reply) => {
    const messages = await getRows<MessageRecord>(db.collection('messages').orderBy('createdAt', 'desc').limit(SHOWN))
    const openids = [...new Set(messages.map((m) => m.touser))]
    const users = openids.length
      ? await getRows<{ openid: string; name: string }>(db.collection('users').where({ openid: db.command.in(openids) }).limit(openids.length))
      : []
    const names = new Map(users.map((u) => [u.openid, u.name]))
    const table = messages.length
      ? `<table><thead><tr><th>时间</th><th>接收人</th><th>消息与模板</th><th>字段</th><th>页面</th><th>结果</th></tr></thead><tbody>${messages.map((m) => row(m, names)).join('')}</tbody></table>`
      : '<p class="muted">还没有订阅消息</p>'
    const intro = `本页面只在本地运行环境中提供：订阅消息（cloud.openapi.subscribeMessage.send）在本地不发往微信，记录在此，最近 ${SHOWN} 条。`
    return reply.type('text/html; charset=utf-8').send(devPage('订阅消息发件箱', intro, `<section>${table}</section>`))
  })

  app.post('/dev/subscribe', async (request, reply) => {
    const openid = await sessionOpenid(db, request, sessionClock())
    if (!openid) return reply.code(401).send({ errMsg: 'requestSubscribeMessage:fail 请先选择演示用户登录' })
    const parsed = subscribeBody.safeParse(request.body)
    if (!parsed.success) return reply.code(400).send({ errMsg: 'requestSubscribeMessage:fail 请一次订阅1到3个模板', errCode: 10001 })
    const unknown = parsed.data.templateIds.filter((id) => !kindOfTemplate(id))
    if (unknown.length > 0) return reply.code(400).send({ errMsg: `requestSubscribeMessage:fail No template data return, verify the template id exist`, errCode: 20001 })
    await grantLocally(db, openid, parsed.data.templateIds)
    return reply.send({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(parsed.data.templateIds.map((id) => [id, 'accept'])) })
  })
}
