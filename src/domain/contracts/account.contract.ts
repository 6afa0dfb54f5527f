import { z } from 'zod'
import { action } from './action-contract'

// `account`: a WeChat user links themself to the system. A member proves who
// they are by scanning the 联系证 their unit handed them: only the server can
// make its QR, and a reissued card cuts the link of the old one.

export const bindResultSchema = z.strictObject({
  memberName: z.string(),
  /** False when this WeChat user was already linked to the member (nothing written). */
  bound: z.boolean(),
})
export type BindResult = z.output<typeof bindResultSchema>

export const accountContract = {
  bindCard: action(z.object({ token: z.string().trim().min(1, '二维码内容为空').max(512, '这不是双报到联系证的二维码') }).strict(), bindResultSchema),
}
