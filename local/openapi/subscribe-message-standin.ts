import { randomBytes } from 'node:crypto'
import * as cloud from 'wx-server-sdk'
import { MESSAGE_KINDS } from '../../src/domain/message-kinds'
import { fieldValueProblem } from '../../src/domain/subscribe-fields'
import type { Database } from '../../server/kernel/database'
import { getRows } from '../../server/db/read'
import { kindOfTemplate } from '../../server/messages/templates'
import type { OpenapiAnswer, OpenapiHandler } from './openapi-seam'
import { useGrant } from './wechat-grants'

// WeChat's subscribeMessage.send, answered locally with the refusals the
// platform gives and in its shape: 40003 for an unknown recipient, 40037 for a
// template this app has not configured, 47003 naming the first field whose
// value breaks its type's rule, 43101 when the user has no accepted
// subscription left. The templates are the ones configured in MESSAGE_KINDS
// and the TEMPLATE_* variables, as the console holds them in the cloud.

const rid = () => [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-')
const refuse = (errcode: number, what: string): OpenapiAnswer => ({ errcode, errmsg: `${what} rid: ${rid()}` })

type WireData = Record<string, { value?: unknown } | undefined>

async function isKnownUser(db: Database, openid: string): Promise<boolean> {
  return openid !== '' && (await getRows(db.collection('users').where({ openid }).limit(1))).length === 1
}

export async function answerSubscribeMessage(db: Database, request: Record<string, unknown>): Promise<OpenapiAnswer> {
  const touser = typeof request.touser === 'string' ? request.touser : ''
  const templateId = typeof request.template_id === 'string' ? request.template_id : ''
  if (!(await isKnownUser(db, touser))) return refuse(40003, 'invalid openid')
  const kind = kindOfTemplate(templateId)
  if (!kind) return refuse(40037, 'invalid template id')
  const state = request.miniprogram_state
  if (state !== undefined && state !== 'developer' && state !== 'trial' && state !== 'formal') return refuse(47003, 'argument invalid! miniprogram_state invalid')
  const data = (request.data ?? {}) as WireData
  for (const field of Object.values(MESSAGE_KINDS[kind].fields)) {
    const value = data[field.key]?.value
    if (typeof value !== 'string' || fieldValueProblem(field.type, value)) return refuse(47003, `argument invalid! data.${field.key}.value invalid`)
  }
  if (!(await useGrant(db, touser, templateId))) return refuse(43101, 'user refuse to accept the msg')
  return { errcode: 0, errmsg: 'ok', msgid: Number.parseInt(randomBytes(6).toString('hex'), 16) }
}

/** The open-API calls the local runtime answers; any other fails as an API this app may not call. */
export const localOpenapi: OpenapiHandler = async (apiName, data) => {
  if (apiName === 'subscribeMessage.send') return answerSubscribeMessage(cloud.database(), data)
  return refuse(48001, `api unauthorized (the local runtime does not emulate openapi.${apiName})`)
}
