// Stable error codes and their Chinese messages. Codes never change once
// shipped: clients and tests match on them; messages may be improved.

export const ERROR_MESSAGES = {
  BAD_JSON: '请求内容不是有效的 JSON',
  PAYLOAD_TOO_LARGE: '提交的内容过大（不能超过 100KB）',
  UNKNOWN_FUNCTION: '没有这个功能',
  UNKNOWN_ACTION: '没有这个操作',
  VALIDATION_FAILED: '填写的内容有误',
  AUTH_REQUIRED: '请先登录',
  NOT_REGISTERED: '您还未在系统中登记，请联系所在单位或社区',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '要找的记录不存在',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  INTERNAL: '系统繁忙，请稍后再试',

  // 联系证 (card) and its QR token
  CONFIG_MISSING: '服务器未配置联系证密钥，请联系管理员',
  CARD_NOT_OURS: '这不是双报到联系证的二维码',
  CARD_VERSION: '该联系证版本已不再使用，请联系所在单位重新发放',
  CARD_BAD_SIGNATURE: '联系证二维码校验失败，可能是伪造或被改动过的二维码',
  CARD_REVOKED: '该联系证已作废，请使用新发放的联系证',
  CARD_NOT_FOUND: '没有找到这张联系证，请核对联系证号',
  CARD_NO_INVALID: '联系证号有误（校验位不符），请核对后重新输入',
  CARD_ALREADY_BOUND: '该联系证已被其他微信绑定；如非本人操作，请联系所在单位重新发放联系证',

  // roster (党员名册)
  NOT_SPREADSHEET: '上传的文件不是电子表格，请上传 .xlsx 或 .csv 格式的名册',
  MISSING_COLUMNS: '名册缺少必需的列',
  EMPTY_ROSTER: '名册中没有党员数据',
  TOO_MANY_ROWS: '名册行数过多，请分批导入（每次不超过5000行）',
  IMPORT_HAS_ERRORS: '名册中有填写错误的行，未导入任何数据。请修改后重新导入，或选择“只导入无误的行”',
  UNKNOWN_COMMUNITY: '居住社区不在本区社区名单中',
  MOBILE_TAKEN: '本单位已有党员使用这个手机号码',
  UNIT_IMMUTABLE: '党员所在单位不能修改',
  TOTALS_INCONSISTENT: '居住地在社区的党员人数不能多于本单位在职党员总数',
  JOINED_IN_FUTURE: '加入本单位的日期不能晚于今天',

  // 报到 and registration
  MEMBER_LIVES_ELSEWHERE: '该党员居住在其他社区，应到居住地社区报到',
  TOO_FEW_CLAIMS: '请至少认领2个服务项目',
  CLAIM_NOT_AVAILABLE: '所选服务项目已停用或不属于该社区',
  NOT_REPORTED: '该党员尚未报到',

  // posts (服务岗位)
  UNKNOWN_CATEGORY: '没有这个服务项目类别',
  POST_EXISTS: '本社区该类别下已有同名服务岗位',
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
