// Stable error codes and their Chinese messages. Codes never change once
// shipped: clients and tests match on them; messages may be improved.

export const ERROR_MESSAGES = {
  BAD_JSON: '请求内容不是有效的 JSON',
  PAYLOAD_TOO_LARGE: '提交的内容过大（不能超过 100KB）',
  UNKNOWN_FUNCTION: '没有这个功能',
  VALIDATION_FAILED: '填写的内容有误',
  AUTH_REQUIRED: '请先登录',
  NOT_REGISTERED: '您还未在系统中登记，请联系所在单位或社区',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '要找的记录不存在',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  INTERNAL: '系统繁忙，请稍后再试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES | (string & {})

/**
 * A failure the caller can act on. Domain rules throw it; the function kernel
 * turns it into `{ ok: false, code, message }`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES] ?? code)
    this.name = 'AppError'
  }
}
