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
  UNKNOWN_ACTION: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
}

export function httpStatusOf(code: string): number {
  return STATUS[code] ?? 422
}
