import { z } from 'zod'
import { plainText } from '../text'
import { id } from './common'

const postName = plainText('岗位名称', { max: 30, required: true })

// `posts`: a community's service catalog (附件1 preloaded; staff add, rename, retire).

export const postsInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('list'), communityId: id('社区'), includeRetired: z.boolean().default(false) }).strict(),
  z
    .object({
      action: z.literal('add'),
      communityId: id('社区'),
      category: z.string().trim().min(1, '请选择类别').max(30),
      name: postName,
      description: plainText('岗位说明', { max: 100, multiline: true }).default(''),
    })
    .strict(),
  z.object({ action: z.literal('rename'), postId: id('服务项目'), name: postName }).strict(),
  z.object({ action: z.literal('retire'), postId: id('服务项目') }).strict(),
  z.object({ action: z.literal('restore'), postId: id('服务项目') }).strict(),
  /** 在职党员信息汇总表: the community's reported members sorted by claimed post (梧州 §一.(二)). */
  z.object({ action: z.literal('summary'), communityId: id('社区') }).strict(),
])
export type PostsInput = z.input<typeof postsInput>

export interface PostView {
  postId: string
  category: string
  categoryName: string
  kind: 'community' | 'volunteer' | 'custom'
  name: string
  description: string
  active: boolean
  claimCount: number
}

export interface SummaryRow {
  postName: string
  categoryName: string
  memberName: string
  gender: string
  unitName: string
  jobTitle: string
  mobile: string
  reportedAt: string
}
