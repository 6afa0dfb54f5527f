// HTTP status for a failure code on the local bridge. The body is always the
// Result JSON; the status only helps tools and logs.
const STATUS: Record<string, number> = {
  BAD_JSON: 400,
  VALIDATION_FAILED: 400,
  AUTH_REQUIRED: 401,
  NOT_REGISTERED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_FUNCTION: 404,
  METHOD_NOT_ALLOWED: 405,
  UNKNOWN_ACTION: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  FILE_NOT_FOUND: 404,
  FILE_NOT_OURS: 403,
  FILE_LINK_EXPIRED: 403,
  FILE_LINK_INVALID: 403,
  INTERNAL: 500,
}

export function httpStatusOf(code: string): number {
  return STATUS[code] ?? 422
}
