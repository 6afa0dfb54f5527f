import { z } from 'zod'

// `account`: a WeChat user links themself to the system. A member proves who
// they are by scanning the 联系证 their unit handed them: only the server can
// make its QR, and a reissued card cuts the link of the old one.

export const accountInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('bindCard'), token: z.string().trim().min(1, '二维码内容为空').max(512, '这不是双报到联系证的二维码') }).strict(),
])
export type AccountInput = z.input<typeof accountInput>

export interface BindResult {
  memberName: string
  /** False when this WeChat user was already linked to the member (nothing written). */
  bound: boolean
}
