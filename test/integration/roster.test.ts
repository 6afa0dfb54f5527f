import type { RosterImportResult } from '../../src/domain/contracts/roster.contract'
import type { MemberFields } from '../../src/domain/member'
import type { MemberDoc } from '../../server/db/docs'
import { countOf, scanAll } from '../../server/db/read'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, seedCity, UNITS, USERS } from './support/fixture'
import { encodeGbk, rosterCsvText, rosterRecord, rosterXlsx, type RosterRecord } from './support/roster-files'
import { SAMPLES } from '../domain/support/sample-files'

// 党员名册: import (xlsx, csv), per-row errors in Chinese, check / commit /
// onlyValid, re-import by (unit, mobile), and one-member edits.

let h: Harness
beforeAll(async () => {
  h = await openHarness({ seed: seedCity })
})
afterAll(() => h.close())

const unitId = UNITS.u2._id
const secretary = () => h.asUser(USERS.secretary2)
// The client uploads the file to storage first, then names it by fileID.
const importInput = async (file: Buffer, mode: 'check' | 'commit', extra: object = {}, fileName = '名册.xlsx', caller = secretary()) => ({
  action: 'import' as const,
  unitId,
  fileID: await caller.uploaded('spreadsheet', fileName, file),
  mode,
  ...extra,
})
const unitMembers = () => countOf(h.db.collection('members').where({ unitId }))

describe('files that cannot be read as a roster', () => {
  it('not a spreadsheet, whatever its name: a PDF, an old .xls, a broken zip, a .docx, an image, binary named .csv', async () => {
    const cases: Array<[string, Buffer]> = [
      ['名册.pdf', SAMPLES.pdf],
      ['名册.xls', SAMPLES.xls],
      ['名册.xlsx', SAMPLES.brokenZip],
      ['名册.xlsx', SAMPLES.docx],
      ['照片.png', SAMPLES.png],
      ['名册.csv', SAMPLES.gif],
      ['名册.csv', SAMPLES.binary],
    ]
    for (const [fileName, bytes] of cases) {
      const input = await importInput(bytes, 'commit', {}, fileName)
      const failure = await expectNothingWritten(h.db, async () => secretary().fail('roster', input))
      expect([fileName, failure.code]).toEqual([fileName, 'NOT_SPREADSHEET'])
    }
    const xls = await secretary().fail('roster', await importInput(SAMPLES.xls, 'check', {}, '名册.xls'))
    expect(xls.message).toContain('.xlsx')
  })

  it('the content decides: CSV text named .xlsx is read as CSV', async () => {
    const failure = await secretary().fail('roster', await importInput(SAMPLES.csv, 'check', {}, '名册.xlsx'))
    expect(failure).toMatchObject({ code: 'MISSING_COLUMNS', details: { missing: ['出生年月', '入党时间', '文化程度', '专业特长', '办公电话', '手机', '居住社区', '工作职务'] } })
  })

  it('missing columns are named', async () => {
    const file = await rosterXlsx([rosterRecord()], { columns: ['姓名', '性别', '出生年月', '入党时间', '文化程度', '专业特长', '办公电话', '手机'] })
    const failure = await expectNothingWritten(h.db, async () => secretary().fail('roster', await importInput(file, 'commit')))
    expect(failure).toMatchObject({ code: 'MISSING_COLUMNS', message: '名册缺少以下列：居住社区、工作职务', details: { missing: ['居住社区', '工作职务'] } })
    const noHeader = await rosterXlsx([rosterRecord()], { columns: ['名字', '电话'] })
    expect((await secretary().fail('roster', await importInput(noHeader, 'check'))).code).toBe('MISSING_COLUMNS')
  })

  it('a header with no rows is an empty roster', async () => {
    expect((await secretary().fail('roster', await importInput(await rosterXlsx([]), 'check'))).code).toBe('EMPTY_ROSTER')
  })
})

describe('row errors', () => {
  const bad: RosterRecord[] = [
    rosterRecord({ 姓名: '好人甲', 手机: '13600000001' }), // row 2: fine
    rosterRecord({ 姓名: '未来人', 出生年月: '2099-01', 手机: '13600000002' }), // row 3
    rosterRecord({ 姓名: '错号码', 手机: '1360000' }), // row 4
    rosterRecord({ 姓名: '重复甲', 手机: '13600000005' }), // row 5
    rosterRecord({ 姓名: '重复乙', 手机: '13600000005' }), // row 6
    rosterRecord({ 姓名: '外地人', 居住社区: '火星社区', 手机: '13600000007' }), // row 7
    rosterRecord({ 姓名: '', 性别: '未知', 文化程度: '幼儿园', 手机: '13600000008' }), // row 8
    rosterRecord({ 姓名: '好人乙', 手机: '13600000009', 居住社区: '桃源' }), // row 9: fine ("桃源" = 桃源社区)
  ]

  it('check reports every problem per row in Chinese and writes nothing', async () => {
    const file = await rosterXlsx(bad)
    const result = await expectNothingWritten(h.db, async () => secretary().ok('roster', await importInput(file, 'check')))
    expect(result).toMatchObject({ rows: 8, valid: 2, created: 0, updated: 0, committed: false })
    const byRow = new Map(result.errors.map((e) => [e.row, e.messages.join('；')]))
    expect([...byRow.keys()]).toEqual([3, 4, 5, 6, 7, 8])
    expect(byRow.get(3)).toContain('出生年月不能晚于当前月份')
    expect(byRow.get(4)).toBe('手机号码格式不正确，应为11位手机号')
    expect(byRow.get(5)).toBe('手机号码 13600000005 与第6行重复')
    expect(byRow.get(6)).toBe('手机号码 13600000005 与第5行重复')
    expect(byRow.get(7)).toBe('居住社区“火星社区”不在本区社区名单中')
    expect(byRow.get(8)).toContain('请填写姓名')
    expect(byRow.get(8)).toContain('性别应为“男”或“女”')
    expect(byRow.get(8)).toContain('文化程度应为')
  })

  it('commit with errors writes nothing and returns the errors', async () => {
    const file = await rosterXlsx(bad)
    const failure = await expectNothingWritten(h.db, async () => secretary().fail('roster', await importInput(file, 'commit')))
    expect(failure).toMatchObject({ code: 'IMPORT_HAS_ERRORS', details: { rows: 8, valid: 2, committed: false } })
    expect((failure.details as RosterImportResult).errors).toHaveLength(6)
    expect(failure.message).toContain('6行')
  })

  it('commit with onlyValid writes the valid rows only', async () => {
    const file = await rosterXlsx(bad)
    const result = await secretary().ok('roster', await importInput(file, 'commit', { onlyValid: true }))
    expect(result).toMatchObject({ rows: 8, valid: 2, created: 2, updated: 0, committed: true })
    const names = (await scanAll<MemberDoc>(h.db, 'members', { unitId })).map((m) => m.name).sort()
    expect(names).toEqual(['好人乙', '好人甲'].sort())
    const yi = (await scanAll<MemberDoc>(h.db, 'members', { unitId, name: '好人乙' }))[0]!
    expect(yi).toMatchObject({ communityId: COMMUNITIES.a2._id, streetId: 'street-a', joinedUnitAt: h.clock.now })
  })
})

describe('re-import and other formats', () => {
  it('importing again updates by (unit, mobile) and never duplicates', async () => {
    const before = await unitMembers()
    const records = [rosterRecord({ 姓名: '好人甲', 手机: '13600000001', 工作职务: '副科长' }), rosterRecord({ 姓名: '新来的', 手机: '13600000010' })]
    const result = await secretary().ok('roster', await importInput(await rosterXlsx(records), 'commit'))
    expect(result).toMatchObject({ created: 1, updated: 1, committed: true })
    const again = await secretary().ok('roster', await importInput(await rosterXlsx(records), 'commit'))
    expect(again).toMatchObject({ created: 0, updated: 2 })
    expect(await unitMembers()).toBe(before + 1)
    const jia = (await scanAll<MemberDoc>(h.db, 'members', { unitId, mobile: '13600000001' }))
    expect(jia).toHaveLength(1)
    expect(jia[0]!.jobTitle).toBe('副科长')
  })

  it('the same mobile in another unit is another member', async () => {
    const secretary1 = h.asUser(USERS.secretary1)
    const other = await secretary1.ok('roster', {
      ...(await importInput(await rosterXlsx([rosterRecord({ 手机: '13600000001' })]), 'commit', {}, '名册.xlsx', secretary1)),
      unitId: UNITS.u1._id,
    })
    expect(other.created).toBe(1)
  })

  it('reads a 附件3-style sheet: title rows, spaced headers, 办电, numbers and dates typed as Excel stores them', async () => {
    const columns = ['序号', '姓名', '性别', '出生                年月', '入党         时间', '文化             程度', '专业特长', '办电', '手机', '居住社区', '工作职务']
    const records = [
      { 序号: 1, 姓名: '钱进', 性别: '男', '出生                年月': 1985.1, '入党         时间': new Date(Date.UTC(2009, 6, 1)), '文化             程度': '本科', 专业特长: '', 办电: '', 手机: 13600000020, 居住社区: '古荡社区', 工作职务: '科员' },
    ] as unknown as RosterRecord[]
    const file = await rosterXlsx(records, { columns, titleRows: ['西湖区在职党员赴社区报到直接联系服务群众情况汇总表', '填报单位：区财政局'] })
    const result = await secretary().ok('roster', await importInput(file, 'commit'))
    expect(result).toMatchObject({ rows: 1, valid: 1, created: 1, errors: [] })
    const qian = (await scanAll<MemberDoc>(h.db, 'members', { unitId, mobile: '13600000020' }))[0]!
    expect(qian).toMatchObject({ birthMonth: '1985-10', joinPartyMonth: '2009-07', education: '大学本科', communityId: COMMUNITIES.b1._id })
  })

  it('reads CSV in UTF-8 (with BOM) and in GBK, keeping leading zeros', async () => {
    const utf8 = '\ufeff' + rosterCsvText([rosterRecord({ 姓名: '孙红', 手机: '13600000030', 办公电话: '057187650001', 专业特长: '书法, 篆刻' })])
    const r1 = await secretary().ok('roster', await importInput(Buffer.from(utf8, 'utf8'), 'commit', {}, '名册.csv'))
    expect(r1).toMatchObject({ created: 1, errors: [] })
    const sun = (await scanAll<MemberDoc>(h.db, 'members', { unitId, mobile: '13600000030' }))[0]!
    expect(sun).toMatchObject({ name: '孙红', officePhone: '057187650001', specialty: '书法, 篆刻' })

    const gbk = encodeGbk(rosterCsvText([rosterRecord({ 姓名: '周华', 手机: '13600000031', 居住社区: '桃源社区' })]))
    const r2 = await secretary().ok('roster', await importInput(gbk, 'commit', {}, '名册.csv'))
    expect(r2).toMatchObject({ created: 1, errors: [] })
    expect((await scanAll<MemberDoc>(h.db, 'members', { unitId, mobile: '13600000031' }))[0]).toMatchObject({ name: '周华', communityId: COMMUNITIES.a2._id })
  })
})

describe('list, save, totals', () => {
  it('lists by name, paged, with filters', async () => {
    const all = await secretary().ok('roster', { action: 'list', unitId, pageSize: 2 })
    const total = await unitMembers()
    expect(all).toMatchObject({ total, page: 1, pageSize: 2 })
    expect(all.rows).toHaveLength(2)
    const names: string[] = []
    for (let page = 1; page <= Math.ceil(total / 2); page++) {
      names.push(...(await secretary().ok('roster', { action: 'list', unitId, page, pageSize: 2 })).rows.map((r) => r.name))
    }
    expect(names).toHaveLength(total)
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN-u-co-pinyin').compare))
    expect((await secretary().ok('roster', { action: 'list', unitId, filter: 'unreported' })).total).toBe(total)
    expect((await secretary().ok('roster', { action: 'list', unitId, filter: 'overdue' })).total).toBe(0)
  })

  const fields: MemberFields = {
    name: '陈晨',
    gender: '女',
    birthMonth: '1990-03',
    joinPartyMonth: '2012-07',
    education: '硕士研究生',
    specialty: '',
    officePhone: '',
    mobile: '13600000040',
    communityId: COMMUNITIES.a1._id,
    jobTitle: '',
  }

  it('adds one member, edits them, and refuses bad input without writing', async () => {
    const added = await secretary().ok('roster', { action: 'save', unitId, fields, joinedUnitAt: '2026-01-05T00:00:00Z' })
    expect(added).toMatchObject({ name: '陈晨', mobile: '13600000040', communityName: '曙光社区', dueAt: '2026-02-05T15:59:59.999Z', overdue: true })
    const edited = await secretary().ok('roster', { action: 'save', unitId, memberId: added.memberId, fields: { ...fields, jobTitle: '主任科员' } })
    expect(edited).toMatchObject({ memberId: added.memberId, jobTitle: '主任科员' })

    await expectNothingWritten(h.db, async () => {
      const s = secretary()
      expect((await s.fail('roster', { action: 'save', unitId, fields: { ...fields, mobile: '13600000041', birthMonth: '2099-01' } })).message).toContain('出生年月不能晚于当前月份')
      expect((await s.fail('roster', { action: 'save', unitId, fields: { ...fields, mobile: '12345' } })).code).toBe('VALIDATION_FAILED')
      expect((await s.fail('roster', { action: 'save', unitId, fields: { ...fields, mobile: '13600000041', communityId: 'community-nowhere' } })).code).toBe('UNKNOWN_COMMUNITY')
      expect((await s.fail('roster', { action: 'save', unitId, fields: { ...fields, mobile: '13600000001' } })).code).toBe('MOBILE_TAKEN')
      expect((await s.fail('roster', { action: 'save', unitId, fields: { ...fields, mobile: '13600000041' }, joinedUnitAt: '2099-01-01' })).code).toBe('JOINED_IN_FUTURE')
    })
  })

  it('a member cannot be moved to another unit by editing', async () => {
    await addMember(h.db, { id: 'm-u1', unit: 'u1', community: 'a1', name: '韩梅', mobile: '13600000050' })
    await expectNothingWritten(h.db, async () => {
      // The other unit's secretary: not theirs, so not found.
      expect((await secretary().fail('roster', { action: 'save', unitId, memberId: 'm-u1', fields: { ...fields, mobile: '13600000050' } })).code).toBe('NOT_FOUND')
      // Their own unit's secretary, naming another unit: the unit does not change.
      const own = await h.asUser(USERS.secretary1).fail('roster', { action: 'save', unitId, memberId: 'm-u1', fields: { ...fields, mobile: '13600000050' } })
      expect(own.code).toBe('FORBIDDEN') // not authorized on unit-2 in the first place
    })
  })

  it('declares the 附件3 totals; M may not exceed N', async () => {
    expect(await secretary().ok('roster', { action: 'setTotals', unitId, declaredMemberTotal: 40, declaredResidentTotal: 35 })).toEqual({ declaredMemberTotal: 40, declaredResidentTotal: 35 })
    await expectNothingWritten(h.db, async () => {
      expect((await secretary().fail('roster', { action: 'setTotals', unitId, declaredMemberTotal: 10, declaredResidentTotal: 11 })).code).toBe('TOTALS_INCONSISTENT')
      expect((await secretary().fail('roster', { action: 'setTotals', unitId, declaredMemberTotal: -1, declaredResidentTotal: 0 })).code).toBe('VALIDATION_FAILED')
    })
  })

  it('only the unit\'s secretary and liaison use the roster', async () => {
    const file = await rosterXlsx([rosterRecord()])
    for (const openid of [USERS.secretary1, USERS.liaison1, USERS.staffA1, USERS.residentA1, USERS.streetA, USERS.district]) {
      await expectNothingWritten(h.db, async () => {
        const caller = h.asUser(openid)
        expect((await caller.fail('roster', { action: 'list', unitId })).code).toBe('FORBIDDEN')
        expect((await caller.fail('roster', await importInput(file, 'commit'))).code).toBe('FORBIDDEN')
        expect((await caller.fail('roster', { action: 'save', unitId, fields: { ...fields, mobile: '13600000060' } })).code).toBe('FORBIDDEN')
        expect((await caller.fail('roster', { action: 'setTotals', unitId, declaredMemberTotal: 1, declaredResidentTotal: 1 })).code).toBe('FORBIDDEN')
      })
    }
    expect((await h.asUser(USERS.liaison2).ok('roster', { action: 'list', unitId })).total).toBe(await unitMembers())
  })
})
