import { z } from 'zod'
import { normalizeBindingCode } from '../binding-code'
import { cardToken } from './card-ref'
import { action } from './action-contract'

// `account`: a WeChat user links themself to the system. A member scans the
// 联系证 their unit handed them, and proves they are that member: anyone who
// has seen the QR (staff at the desk, say) could scan it too. The proof is
// WeChat's verified phone number matching the roster's mobile, or a one-time
// 绑定码 the unit's secretary handed over.

export const bindingProof = z.union([
  /** The code of WeChat's getPhoneNumber button; the server resolves it to the verified number. */
  z.object({ phoneCode: z.string().trim().min(1, '未获取到微信手机号，请重试').max(256, '微信手机号凭证不正确') }).strict(),
  z
    .object({
      bindingCode: z
        .string()
        .max(20, '绑定码不正确')
        .transform((text, ctx) => normalizeBindingCode(text) ?? (ctx.addIssue({ code: 'custom', message: '绑定码应为8位字母或数字，请核对' }), z.NEVER)),
    })
    .strict(),
])
export type BindingProof = z.output<typeof bindingProof>

export const bindResultSchema = z.strictObject({
  memberName: z.string(),
  /** False when this WeChat user was already linked to the member (nothing written). */
  bound: z.boolean(),
})
export type BindResult = z.output<typeof bindResultSchema>

export const accountContract = {
  bindCard: action(
    z
      .object({ token: cardToken, proof: bindingProof.optional() })
      .strict()
      .refine((input) => input.proof !== undefined, { message: '请先验证手机号，或填写单位发放的绑定码', path: ['proof'], params: { code: 'BIND_PROOF_REQUIRED' } }),
    bindResultSchema,
  ),
}
