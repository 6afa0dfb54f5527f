import { z } from 'zod'
import { plainText } from '../text'
import { action } from './action-contract'
import { count, id, isoDate } from './common'

const postName = plainText('岗位名称', { max: 30, required: true })

// `posts`: a community's service catalog (附件1 preloaded; staff add, rename, retire).

export const postViewSchema = z.strictObject({
  postId: z.string(),
  category: z.string(),
  categoryName: z.string(),
  kind: z.enum(['community', 'volunteer', 'custom']),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  claimCount: count,
})
export type PostView = z.output<typeof postViewSchema>

export const summaryRowSchema = z.strictObject({
  postName: z.string(),
  categoryName: z.string(),
  memberName: z.string(),
  gender: z.string(),
  unitName: z.string(),
  jobTitle: z.string(),
  mobile: z.string(),
  reportedAt: isoDate,
})
export type SummaryRow = z.output<typeof summaryRowSchema>

const ofPost = z.object({ postId: id('服务项目') }).strict()

export const postsContract = {
  list: action(z.object({ communityId: id('社区'), includeRetired: z.boolean().default(false) }).strict(), z.array(postViewSchema)),
  add: action(
    z
      .object({
        communityId: id('社区'),
        category: z.string().trim().min(1, '请选择类别').max(30),
        name: postName,
        description: plainText('岗位说明', { max: 100, multiline: true }).default(''),
      })
      .strict(),
    postViewSchema,
  ),
  rename: action(z.object({ postId: id('服务项目'), name: postName }).strict(), postViewSchema),
  retire: action(ofPost, postViewSchema),
  restore: action(ofPost, postViewSchema),
  /** 在职党员信息汇总表: the community's reported members sorted by claimed post (梧州 §一.(二)). */
  summary: action(z.object({ communityId: id('社区') }).strict(), z.array(summaryRowSchema)),
}
