import { z } from 'zod'

// The one way any function names a 联系证: the text its QR holds, or, at the
// community desk, the number printed on it together with a proof that the
// member is present. `account` and `report` parse the same schemas, so the
// same bad text gets the same answer everywhere.

/** The longest text a 联系证 QR holds is about 60 characters; anything much longer is some other QR. */
const MAX_TOKEN = 512

/**
 * A scanned QR text. An over-long text is some other QR (a link, a payment
 * code): answered as CARD_NOT_OURS, like any foreign code.
 */
export const cardToken = z
  .string()
  .trim()
  .min(1, '二维码内容为空')
  .refine((t) => t.length <= MAX_TOKEN, { message: '这不是双报到联系证的二维码', params: { code: 'CARD_NOT_OURS' } })

/**
 * A typed 联系证号 opens no more than a scanned card: numbers are a counter
 * plus a check digit and can be guessed, so the desk also gives the member's
 * surname (or full name) or the last 4 digits of their mobile, which the
 * member tells them. Without it nothing is looked up at all.
 */
export const typedCard = z
  .object({
    cardNo: z.string().trim().regex(/^\d{6,12}$/, '联系证号应为6到12位数字'),
    proof: z.string().trim().max(20, '核对信息不能超过20个字').default(''),
  })
  .strict()
  .refine((c) => c.proof !== '', { message: '请填写党员的姓氏或手机号后4位', path: ['proof'], params: { code: 'CARD_PROOF_REQUIRED' } })

export const cardRef = z.union([z.object({ token: cardToken }).strict(), typedCard])
export type CardRef = z.output<typeof cardRef>
