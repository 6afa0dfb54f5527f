import type { Registration } from '../../src/domain/contracts/report.contract'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, postId, seedCity, USERS } from './support/fixture'

// A community's service posts and the 在职党员信息汇总表 sorted by claimed post.

let h: Harness
const a1 = COMMUNITIES.a1._id

async function reportAndRegister(memberId: string, secretary: string, claims: Registration['claims']) {
  const card = await h.asUser(secretary).ok('card', { action: 'issue', memberId })
  await h.asUser(USERS.staffA1).ok('report', { action: 'confirm', communityId: a1, card: { token: card.token! } })
  if (claims.length === 0) return
  await h.asUser(memberId).ok('report', {
    action: 'registrationSave',
    form: { gender: '女', birthMonth: '1988-01', joinPartyMonth: '2010-01', education: '大学本科', hobbies: '', officePhone: '', mobile: memberMobile.get(memberId)!, qq: '', address: '曙光新村', jobTitle: '', willingLiaison: false, claims },
  })
}
const memberMobile = new Map([
  ['m-zhang', '13300000001'],
  ['m-ai', '13300000002'],
  ['m-bai', '13300000003'],
  ['m-new', '13300000004'],
  ['m-far', '13300000005'],
])

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: 'm-zhang', unit: 'u1', community: 'a1', name: '张三', mobile: memberMobile.get('m-zhang')! })
      await addMember(db, { id: 'm-ai', unit: 'u2', community: 'a1', name: '艾琳', mobile: memberMobile.get('m-ai')! })
      await addMember(db, { id: 'm-bai', unit: 'u1', community: 'a1', name: '白雪', mobile: memberMobile.get('m-bai')! })
      await addMember(db, { id: 'm-new', unit: 'u2', community: 'a1', name: '新人', mobile: memberMobile.get('m-new')! })
      await addMember(db, { id: 'm-far', unit: 'u2', community: 'b1', name: '远方', mobile: memberMobile.get('m-far')! })
    },
  })
  // 张三 and 艾琳 claim 助老 (结对帮扶) and 顾问员 (社区管理协助); 白雪 claims 巡逻 and something of her own.
  await reportAndRegister('m-zhang', USERS.secretary1, [{ postId: postId('a1', 'pairing', 1) }, { postId: postId('a1', 'management', 1) }])
  await reportAndRegister('m-ai', USERS.secretary2, [{ postId: postId('a1', 'management', 1) }, { postId: postId('a1', 'pairing', 1) }])
  await reportAndRegister('m-bai', USERS.secretary1, [{ postId: postId('a1', 'stability', 1) }, { custom: '社区摄影' }])
  await reportAndRegister('m-new', USERS.secretary2, [])
})
afterAll(() => h.close())

it('staff list the catalog in 附件1 order with claim counts', async () => {
  const list = await h.asUser(USERS.staffA1).ok('posts', { action: 'list', communityId: a1 })
  expect(list[0]).toMatchObject({ name: '顾问员', categoryName: '社区管理协助项目', claimCount: 2, active: true })
  expect(list.find((p) => p.name === '助老')!.claimCount).toBe(2)
  expect(list.find((p) => p.name === '巡逻')!.claimCount).toBe(1)
  expect(list.find((p) => p.name === '理发')!.claimCount).toBe(0)
  expect(list.map((p) => p.category).filter((c, i, all) => all.indexOf(c) === i)).toEqual(['management', 'convenience', 'stability', 'culture', 'pairing', 'civility', 'volunteer'])
})

it('staff add, rename, retire and restore posts; duplicates and unknown categories are refused', async () => {
  const staff = h.asUser(USERS.staffA1)
  const added = await staff.ok('posts', { action: 'add', communityId: a1, category: 'convenience', name: '磨刀', description: '每月一次' })
  expect(added).toMatchObject({ category: 'convenience', categoryName: '便民服务项目', kind: 'community', active: true, claimCount: 0 })
  const renamed = await staff.ok('posts', { action: 'rename', postId: added.postId, name: '磨剪刀' })
  expect(renamed.name).toBe('磨剪刀')
  expect((await staff.ok('posts', { action: 'retire', postId: added.postId })).active).toBe(false)
  const visible = await staff.ok('posts', { action: 'list', communityId: a1 })
  expect(visible.map((p) => p.postId)).not.toContain(added.postId)
  const everything = await staff.ok('posts', { action: 'list', communityId: a1, includeRetired: true })
  expect(everything.find((p) => p.postId === added.postId)).toMatchObject({ active: false })
  expect((await staff.ok('posts', { action: 'restore', postId: added.postId })).active).toBe(true)

  await expectNothingWritten(h.db, async () => {
    expect((await staff.fail('posts', { action: 'add', communityId: a1, category: 'convenience', name: '理发' })).code).toBe('POST_EXISTS')
    expect((await staff.fail('posts', { action: 'rename', postId: added.postId, name: '水电维修' })).code).toBe('POST_EXISTS')
    expect((await staff.fail('posts', { action: 'add', communityId: a1, category: 'custom', name: '自选' })).code).toBe('UNKNOWN_CATEGORY')
    expect((await staff.fail('posts', { action: 'add', communityId: a1, category: 'nope', name: '什么' })).code).toBe('UNKNOWN_CATEGORY')
    expect((await staff.fail('posts', { action: 'add', communityId: a1, category: 'convenience', name: '' })).code).toBe('VALIDATION_FAILED')
  })
})

it('a post name is plain visible text, and its messages call it 岗位名称', async () => {
  const staff = h.asUser(USERS.staffA1)
  const add = (name: unknown) => staff.rawFail('posts', { action: 'add', communityId: a1, category: 'convenience', name })
  await expectNothingWritten(h.db, async () => {
    for (const name of ['修\u0000车', '修\ud800车', '修\u200b车', '\u202e车修', '修\n车', '修\ufeff车']) {
      const failure = await add(name)
      expect([JSON.stringify(name), failure.code, failure.message]).toEqual([JSON.stringify(name), 'VALIDATION_FAILED', '填写的内容有误：岗位名称含有不可见或无法显示的字符，请删除后重新输入'])
    }
    for (const [name, message] of [['修'.repeat(31), '岗位名称不能超过30个字'], ['  ', '请填写岗位名称'], [7, '请填写岗位名称']] as const) {
      const failure = await add(name)
      expect(failure.message).toBe(`填写的内容有误：${message}`)
      expect(failure.message).not.toContain('姓名')
    }
    const renamed = await staff.fail('posts', { action: 'rename', postId: postId('a1', 'civility', 1), name: '护\u200d河' })
    expect(renamed.message).toContain('岗位名称含有不可见')
  })
  // Visible characters, emoji included, are kept; text is normalised (NFC) and trimmed.
  const added = await staff.ok('posts', { action: 'add', communityId: a1, category: 'convenience', name: ' 修伞☂ ', description: '第一行\n第二行' })
  expect(added).toMatchObject({ name: '修伞☂', description: '第一行\n第二行' })
})

it('members and residents of the community see active posts; others do not', async () => {
  const fromMember = await h.asUser('m-zhang').ok('posts', { action: 'list', communityId: a1, includeRetired: true })
  expect(fromMember.every((p) => p.active)).toBe(true)
  expect((await h.asUser(USERS.residentA1).ok('posts', { action: 'list', communityId: a1 })).length).toBeGreaterThan(20)
  for (const openid of [USERS.staffB1, USERS.residentB1, 'm-far', USERS.secretary1, USERS.streetA]) {
    expect([openid, (await h.asUser(openid).fail('posts', { action: 'list', communityId: a1 })).code]).toEqual([openid, 'FORBIDDEN'])
  }
  // Only staff of the community edit.
  const target = postId('a1', 'civility', 1)
  await expectNothingWritten(h.db, async () => {
    // Staff of another community may manage posts, but not this one's: to them it does not exist.
    const refusals: Array<[string, string]> = [[USERS.staffB1, 'NOT_FOUND'], [USERS.residentA1, 'FORBIDDEN'], ['m-zhang', 'FORBIDDEN'], [USERS.district, 'FORBIDDEN']]
    for (const [openid, code] of refusals) {
      expect((await h.asUser(openid).fail('posts', { action: 'retire', postId: target })).code).toBe(code)
      expect((await h.asUser(openid).fail('posts', { action: 'add', communityId: a1, category: 'civility', name: '护河' })).code).toBe('FORBIDDEN')
    }
  })
})

it('the summary is sorted by category, post, then member name, not by unit', async () => {
  const rows = await h.asUser(USERS.staffA1).ok('posts', { action: 'summary', communityId: a1 })
  expect(rows.map((r) => [r.postName, r.memberName, r.unitName])).toEqual([
    ['顾问员', '艾琳', '区财政局'],
    ['顾问员', '张三', '区教育局'],
    ['巡逻', '白雪', '区教育局'],
    ['助老', '艾琳', '区财政局'],
    ['助老', '张三', '区教育局'],
    ['社区摄影', '白雪', '区教育局'],
    ['（尚未认领）', '新人', '区财政局'],
  ])
  expect(rows[0]).toMatchObject({ categoryName: '社区管理协助项目', mobile: '13300000002', gender: '女' }) // the 附件1 form corrected the roster's gender
  expect((await h.asUser(USERS.staffB1).fail('posts', { action: 'summary', communityId: a1 })).code).toBe('FORBIDDEN')
  expect((await h.asUser('m-zhang').fail('posts', { action: 'summary', communityId: a1 })).code).toBe('FORBIDDEN')
})
