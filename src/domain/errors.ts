// Stable error codes and their Chinese messages. Codes never change once
// shipped: clients and tests match on them; messages may be improved.

export const ERROR_MESSAGES = {
  BAD_JSON: '请求内容不是有效的 JSON',
  PAYLOAD_TOO_LARGE: '提交的内容过大（不能超过 100KB）',
  UNKNOWN_FUNCTION: '没有这个功能',
  METHOD_NOT_ALLOWED: '请以 POST 方式调用',
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
  CARD_PROOF_REQUIRED: '手工输入联系证号时，请同时填写党员的姓氏或手机号后4位',
  CARD_PROOF_MISMATCH: '联系证号与党员姓氏或手机号后4位不符，请核对后重新输入',
  TOO_MANY_ATTEMPTS: '核对失败次数过多，请稍后再试',

  // binding a WeChat account to a member (account.bindCard)
  BIND_PROOF_REQUIRED: '请先验证手机号，或填写单位发放的绑定码',
  PHONE_MISMATCH: '微信手机号与单位名册登记的手机号不一致。请联系单位党组织更新名册手机号，或索取绑定码',
  PHONE_CODE_INVALID: '手机号验证已失效，请重新验证',
  BINDING_CODE_INVALID: '绑定码不正确、已使用或已过期，请向单位党组织重新索取',

  // setting up a district: the first admin, places, invitations, residents
  SETUP_NOT_CONFIGURED: '未配置首次设置码，请部署时生成设置码或配置管理员 OPENID',
  SETUP_DONE: '本区已完成首次设置，设置码不能再次使用；请向区委组织部管理员索取邀请',
  SETUP_CODE_INVALID: '设置码不正确，请核对部署时打印的设置码',
  NAME_TAKEN: '已有同名的记录',
  INVITATION_INVALID: '这不是有效的邀请二维码或链接',
  INVITATION_EXPIRED: '邀请已过期，请联系邀请人重新发送',
  INVITATION_USED: '邀请已被使用，每个邀请只能接受一次；请联系邀请人重新发送',
  INVITATION_CANCELLED: '邀请人已无权授予这项权限，邀请已失效',
  GRANT_OUT_OF_SCOPE: '您不能授予或撤销这个范围的权限',
  GRANT_NOT_FOUND: '该用户没有这项权限，可能已被撤销',
  CANNOT_REVOKE_SELF: '不能撤销自己的权限，请由其他管理员操作',
  ALREADY_REGISTERED: '您已登记为居民，无需重复登记',
  RESIDENT_REMOVED: '您的居民登记已被社区移除，如有疑问请联系社区',

  // roster (党员名册)
  NOT_SPREADSHEET: '上传的文件不是电子表格，请上传 .xlsx 或 .csv 格式的名册',
  MISSING_COLUMNS: '名册缺少必需的列',
  EMPTY_ROSTER: '名册中没有党员数据',
  TOO_MANY_ROWS: '名册行数过多，请分批导入（每次不超过10000行）',
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

  // activities: sign-up, sign-in codes, attendance
  ACTIVITY_NOT_OPEN: '活动尚未发布',
  ACTIVITY_CANCELLED: '活动已取消',
  ACTIVITY_ENDED: '活动已结束',
  ACTIVITY_CLOSED: '已结束或已取消的活动不能修改',
  ACTIVITY_NOT_STARTED: '活动还没有开始，不能结束',
  ACTIVITY_NOT_FOR_YOU: '该活动不面向您所在的社区或单位',
  END_BEFORE_START: '结束时间应晚于开始时间',
  SIGNUP_WINDOW_INVALID: '报名截止时间应早于活动结束时间，且晚于报名开始时间',
  SIGNUP_NOT_REQUIRED: '该活动无需报名，到场扫码签到即可',
  SIGNUP_NOT_YET_OPEN: '报名尚未开始',
  SIGNUP_CLOSED: '报名已截止',
  ALREADY_SIGNED_UP: '您已报名该活动，无需重复报名',
  NOT_SIGNED_UP: '您没有报名该活动',
  CAPACITY_BELOW_SIGNUPS: '人数上限不能少于已报名的人数',
  SIGNIN_CODE_INVALID: '这不是活动签到二维码',
  SIGNIN_CODE_FORGED: '签到码校验失败，可能是伪造或被改动过的二维码',
  SIGNIN_CODE_EXPIRED: '签到码已过期，请扫描现场屏幕上最新的签到码',
  SIGNIN_CODE_OTHER_ACTIVITY: '这是其他活动的签到码',
  SIGNIN_OUT_CODE: '这是签退码，您还没有签到，请先扫描签到码',
  SIGNIN_TOO_EARLY: '活动还没有开始，暂不能签到',
  SIGNIN_TOO_LATE: '活动已结束，不能再签到或签退',
  ATTENDANCE_EXISTS: '该党员已有本活动的签到记录',
  ATTENDANCE_TIME_INVALID: '签退时间应晚于签到时间',
  NOT_A_VOLUNTEER_ITEM: '没有这个志愿专业服务项目',

  // 结对共建 (unit ↔ community pairing) and 支部
  PAIRING_EXISTS: '该单位（支部）已与这个社区结对',
  BRANCH_NOT_IN_UNIT: '所选支部不属于该单位',
  UNIT_OTHER_DISTRICT: '该单位不在本区，不能与本区社区结对',
  COMMUNITY_NOT_PAIRED: '本单位未与该社区结对，只能在结对社区组织活动',

  // uploads (云存储)
  FILE_TOO_LARGE: '文件过大，请压缩或分批上传',
  FILE_EMPTY: '上传的文件是空的，请重新选择',
  NOT_IMAGE: '上传的文件不是图片，请上传 JPG、PNG、WebP 或 GIF 格式的图片',
  NOT_PDF: '上传的文件不是 PDF 文件',
  NOT_WORD: '上传的文件不是 Word 文档，请上传 .docx 格式的文件',
  FILE_NOT_FOUND: '没有找到上传的文件，可能已被删除，请重新上传',
  FILE_NOT_OURS: '这个文件不是您在本系统上传的，请重新上传',
  FILE_LINK_EXPIRED: '文件链接已过期，请回到页面重新打开',
  FILE_LINK_INVALID: '文件链接无效，可能被改动过，请回到页面重新打开',
  UPLOAD_FAILED: '文件上传失败，请检查网络后重试',

  // posts (服务岗位)
  UNKNOWN_CATEGORY: '没有这个服务项目类别',
  POST_EXISTS: '本社区该类别下已有同名服务岗位',

  // subscription messages (订阅消息) and timer triggers
  TEMPLATE_NOT_CONFIGURED: '该类消息的订阅消息模板未配置，未发送',
  NO_SUBSCRIPTION: '用户没有可用的订阅（未订阅或已用完），未发送',
  MESSAGE_FIELD_INVALID: '消息内容不符合订阅消息模板的字段要求，未发送',
  SUBSCRIPTION_REFUSED: '用户拒绝接收或已没有订阅次数（43101），未发送',
  SEND_FAILED: '订阅消息发送失败',
  NO_TIMER_HANDLER: '该云函数没有定时任务',

  // the community's records: 征集记录, 摸底表, 结对帮扶, 会议记录本
  ID_CARD_NUMBER: '请勿填写身份证号码：系统不保存身份证号码，请删除后再保存',
  DATE_IN_FUTURE: '日期不能晚于今天',
  TOO_MANY_PHOTOS: '照片最多9张',
  ALREADY_CONVERTED: '该征集记录已转为需求，不能重复转换',
  PAIRING_OTHER_COMMUNITY: '该党员不住在本社区，不能与本社区的帮扶对象结对',
  ALREADY_PAIRED: '该党员已与这位帮扶对象结对',
  PAIRING_ENDED: '该结对已结束',
  PAIRING_NOT_ACTIVE: '结对申请尚未确认帮扶对象',
  OFFER_PENDING: '您已提交结对申请，请等待社区安排帮扶对象',
  VISIT_BEFORE_PAIRING: '走访日期不能早于结对时间',
  // residents' needs (服务需求) and the 微心愿 wall
  NEED_STATE_INVALID: '该需求当前的状态不能进行这项操作',
  NEED_NOT_YOURS: '这不是您的需求或您的服务任务',
  NEED_ALREADY_CLAIMED: '该微心愿已被其他党员认领',
  NEED_ALREADY_RATED: '您已评价过该需求，不能重复评价',
  NEED_NOT_CLOSABLE_YET: '需求办结满7天仍未评价的，才能关闭',
  NEED_NOT_A_RESIDENT: '只有本社区登记的居民可以提交服务需求',
  MERGE_TARGET_INVALID: '只能合并到本社区另一条未办结的需求',
  HELPER_NOT_IN_COMMUNITY: '该党员不居住在本社区，不能分配',
  DONE_IN_FUTURE: '服务时间不能晚于现在',
  // each member's year (issue 11): 服务清单, hand-ins, evaluations, 反馈卡, 通报, closing a year
  YEAR_CLOSED: '该年度已结束（已关账），评价、反馈卡和通报只能查看，不能修改',
  // 服务清单 and its quarterly hand-in (issue 11 §1–2)
  SERVICE_DATE_FUTURE: '服务日期不能晚于今天',
  SERVICE_QUARTER_HANDED_IN: '该季度的服务清单已上交社区，不能再补填或修改',
  SERVICE_HOURS_INVALID: '服务时长应大于0，并以半小时（0.5）为单位',
  SERVICE_DAY_OVER_24: '同一天的服务时长合计不能超过24小时',
  SERVICE_ENTRY_LOCKED: '该记录已上交社区，不能修改或删除',
  SERVICE_ENTRY_PREFILLED: '系统自动带入的记录不能删除，可以修改内容和时长',
  SERVICE_NOT_REPORTED: '您还没有到居住地社区报到，报到后才能填写和上交服务清单',
  SERVICE_QUARTER_NOT_ENDED: '该季度还没有结束，季度结束后才能上交',
  SERVICE_RETURNS_PENDING: '还有退回党员修改的记录没有改好，改好后再上交',
  SERVICE_NOT_RETURNABLE: '只能退回尚未上交的记录',
  SERVICE_HANDIN_NOT_WAITING: '该上交记录没有等待确认的季度',
  SERVICE_ENTRY_NOT_IN_HANDIN: '所选记录不属于这次上交，或已确认',
  SERVICE_DATE_TOO_EARLY: '服务日期太早，不能填写',
  SERVICE_HANDIN_CHANGED: '上交内容已有变化，请刷新后再确认',
  // 数据核对 (000 §二.(一)), the member's photo and 一句话承诺 (issue 11 §3, §4)
  CORRECTION_RESOLVED: '该核对请求已处理，不能再次处理',
  CORRECTION_ANSWER_REQUIRED: '不予更正时请说明原因',
  CORRECTION_ACTIVITY_INVALID: '所选活动不存在，或不在该党员报到的社区',
  PLEDGE_YEAR_INVALID: '一句话承诺只能填写今年、明年或往年（未关账的年度）',
  // the annual evaluation and the 反馈卡 (issue 11 §5–§7)
  RATING_COMMENT_REQUIRED: '评价等次与系统建议不同，请填写评语说明理由',
  PLEDGE_JUDGEMENT_REQUIRED: '该党员写了一句话承诺，请判断是否兑现',
  EVALUATION_YEAR_NOT_STARTED: '该年度尚未开始，不能评价',
  EVALUATION_NOT_CONFIRMED: '该党员的年度评价尚未确认，不能出具反馈卡',
  CARD_NOT_ISSUED: '该党员的反馈卡尚未出具',
  CARDS_SCOPE_REQUIRED: '请指定社区或单位',
  // the half-yearly bulletin (每半年通报) and closing a year (issue 11 §8, §9)
  BULLETIN_NOT_OPEN: '半年通报须从该半年的最后一个月（6月或12月）起提交或发布',
  BULLETIN_NOT_SUBMITTED: '该单位尚未提交这半年的通报',
  YEAR_NOT_ENDED: '该年度尚未结束，须在12月31日之后才能关账',
  CLOSE_DATE_INVALID: '自动关账日期不存在，请重新选择（2月最多28日）',
  // reminders on 我的 (issue 12 §4)
  MESSAGE_KIND_NOT_YOURS: '您当前的身份不会收到这种消息，无需订阅',
  // the ledger's exports (issue 12 §2–3)
  EXPORT_EMPTY: '这一类材料还没有内容，没有生成文件',
  EXPORT_NOT_READY: '还有类别的材料尚未导出，请先逐类导出后再打包',

  // 台账 (issue 12 §1): the ledger's year and its 文件清单 documents
  LEDGER_YEAR_FUTURE: '该年度还没有到，不能查看或导出该年度台账',
  NOT_LEDGER_DOCUMENT: '文件清单只收 PDF、图片（JPG、PNG、WebP、GIF）或 Word（.docx）文件，请转换格式后再上传',
  LEDGER_DATE_FUTURE: '发文日期不能晚于今天',
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
