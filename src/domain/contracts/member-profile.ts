import { z } from 'zod'
import { pledgeText } from '../pledge'
import { id, isoDate } from './common'

// The member's photo (报到党员照片) and 一句话承诺 (issue 11 §3, §4), as the
// card, registration and roster actions that set or show them take and give.

export const profileYear = z.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不正确').max(2100, '年度不正确')

/** A photo: an image the caller uploaded (checked by its bytes on the server). */
export const photoInput = { fileID: z.string().trim().min(1, '请先上传照片').max(1024, '照片文件不正确') }

/** The photo as a page shows it: its fileID and a temporary link; null when there is none. */
export const memberPhotoSchema = z.strictObject({ memberId: z.string(), fileID: z.string(), url: z.string() }).nullable()
export type MemberPhoto = z.output<typeof memberPhotoSchema>

export const pledgeViewSchema = z.strictObject({ year: z.number().int(), text: z.string(), updatedAt: isoDate })
export type PledgeView = z.output<typeof pledgeViewSchema>

/** The member's own photo and pledge for the year asked, and whether that year is still open for writing. */
export const memberProfileSchema = z.strictObject({
  photo: memberPhotoSchema,
  pledge: pledgeViewSchema.nullable(),
  year: z.number().int(),
  yearClosed: z.boolean(),
})
export type MemberProfile = z.output<typeof memberProfileSchema>

export const pledgeSaveInput = z.strictObject({ year: profileYear, text: pledgeText })

export const sheetPhotosInput = z.strictObject({ unitId: id('单位'), memberIds: z.array(id('党员')).max(100, '一次最多100人') })
export const sheetPhotosSchema = z.array(z.strictObject({ memberId: z.string(), url: z.string() }))
