import { z } from 'zod'
import { normalizeSetupCode } from '../setup-code'
import { plainText } from '../text'
import { action } from './action-contract'
import { noInput } from './common'

// `setup`: the first administrator of a new deployment. The one-time 首次设置码
// the deploy step printed (or the OPENID set as SETUP_ADMIN_OPENID) makes the
// caller the district's 区委组织部 admin and creates the district.

export const setupCode = z
  .string()
  .max(30, '设置码不正确')
  .transform((text, ctx) => normalizeSetupCode(text) ?? (ctx.addIssue({ code: 'custom', message: '设置码应为12位字母或数字，请核对部署时打印的设置码' }), z.NEVER))

export const setupContract = {
  /** Public: whether this deployment still waits for its first administrator. */
  status: action(noInput, z.strictObject({ open: z.boolean() })),
  /** Public: the caller becomes the new district's 区委组织部 admin, once for the deployment. */
  claim: action(
    z
      .object({
        /** Omitted only by the OPENID named in SETUP_ADMIN_OPENID. */
        code: setupCode.optional(),
        districtName: plainText('区名称', { max: 30, required: true }),
        adminName: plainText('姓名', { max: 20, required: true }),
      })
      .strict(),
    z.strictObject({ districtId: z.string(), districtName: z.string() }),
  ),
}
