import { z } from 'zod'
import { plainText } from '../text'
import { action } from './action-contract'
import { count, id, noInput } from './common'

// `org`: the district's places — streets, their communities, and the units
// whose members report. Only the district's 区委组织部 creates them.

const placeName = (label: string) => plainText(label, { max: 30, required: true })
const partyOrgName = plainText('党组织名称', { max: 50 }).optional()
const total = (label: string) => z.number({ error: `${label}应为数字` }).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(100_000, `${label}过大`)

export const orgCommunitySchema = z.strictObject({ communityId: z.string(), name: z.string(), partyOrgName: z.string() })
export const orgStreetSchema = z.strictObject({ streetId: z.string(), name: z.string(), communities: z.array(orgCommunitySchema) })
export const orgUnitSchema = z.strictObject({ unitId: z.string(), name: z.string(), partyOrgName: z.string(), declaredMemberTotal: count.nullable() })
export const orgTreeSchema = z.strictObject({
  district: z.strictObject({ districtId: z.string(), name: z.string() }),
  streets: z.array(orgStreetSchema),
  units: z.array(orgUnitSchema),
})
export type OrgTree = z.output<typeof orgTreeSchema>

const created = z.strictObject({ id: z.string(), name: z.string() })

export const orgContract = {
  tree: action(noInput, orgTreeSchema),
  createStreet: action(z.object({ name: placeName('街道名称') }).strict(), created),
  createCommunity: action(z.object({ streetId: id('街道'), name: placeName('社区名称'), partyOrgName }).strict(), created),
  createUnit: action(
    z
      .object({
        name: placeName('单位名称'),
        partyOrgName,
        declaredMemberTotal: total('在职党员总数').optional(),
        declaredResidentTotal: total('居住在社区的党员数').optional(),
      })
      .strict()
      .refine((u) => u.declaredMemberTotal === undefined || u.declaredResidentTotal === undefined || u.declaredResidentTotal <= u.declaredMemberTotal, {
        message: '居住地在社区的党员人数不能多于本单位在职党员总数',
        path: ['declaredResidentTotal'],
      }),
    created,
  ),
}
