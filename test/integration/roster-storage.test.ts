import { UPLOAD_KINDS } from '../../src/domain/upload-kinds'
import { MAX_BODY_BYTES } from '../../local/runtime/app'
import { countOf } from '../../server/db/read'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { seedCity, UNITS, USERS } from './support/fixture'
import { rosterCsvText, rosterRecord, rosterXlsx } from './support/roster-files'

// The roster import goes through cloud storage: the client uploads the file
// (PUT /storage/upload here, Taro.cloud.uploadFile on weapp), then calls
// roster import with the fileID; the function downloads it with
// cloud.downloadFile. Files are no longer bound by the 100KB request cap.

let h: Harness
beforeAll(async () => {
  h = await openHarness({ seed: seedCity })
})
afterAll(() => h.close())

const unitId = UNITS.u2._id
const secretary = () => h.asUser(USERS.secretary2)
const importFile = (fileID: string, mode: 'check' | 'commit') => ({ action: 'import' as const, unitId, fileID, mode })
const unitMembers = () => countOf(h.db.collection('members').where({ unitId }))

describe('a fileID the import refuses, writing nothing', () => {
  it('another user’s upload, another environment’s file, an upload of another kind, a file that does not exist', async () => {
    const csv = Buffer.from(rosterCsvText([rosterRecord()]))
    const theirs = await h.asUser(USERS.secretary1).uploaded('spreadsheet', '名册.csv', csv)
    const mine = await secretary().uploaded('spreadsheet', '名册.csv', csv)
    const path = mine.slice(mine.indexOf('/', 'cloud://'.length) + 1)
    const cases: Array<[string, string, string]> = [
      ['another user’s upload', theirs, 'FILE_NOT_OURS'],
      ['another environment', `cloud://prod-9a8b.7072-prod-9a8b-1250000000/${path}`, 'FILE_NOT_OURS'],
      ['an upload of another kind', await secretary().uploaded('image', '名册.csv', csv), 'FILE_NOT_OURS'],
      ['not a fileID', path, 'FILE_NOT_OURS'],
      ['a file that does not exist', mine.replace(/\.csv$/, '-gone.csv'), 'FILE_NOT_FOUND'],
    ]
    for (const [what, fileID, code] of cases) {
      const failure = await expectNothingWritten(h.db, () => secretary().fail('roster', importFile(fileID, 'commit')))
      expect([what, failure.code]).toEqual([what, code])
      expect(failure.message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('a spreadsheet over the 10MB limit', async () => {
    const big = Buffer.concat([Buffer.from(rosterCsvText([rosterRecord()])), Buffer.alloc(UPLOAD_KINDS.spreadsheet.maxBytes, 0x20)])
    const fileID = await secretary().uploaded('spreadsheet', '名册.csv', big)
    const failure = await expectNothingWritten(h.db, () => secretary().fail('roster', importFile(fileID, 'commit')))
    expect(failure).toMatchObject({ code: 'FILE_TOO_LARGE', message: '文件过大：电子表格不能超过 10MB' })
  })
})

// Last: with 10,000 members in the database, checking that nothing was written costs seconds.
it('imports a 10,000-row roster (far over the 100KB request cap) by its fileID, and deletes the file once committed', async () => {
  const records = Array.from({ length: 10000 }, (_, i) => rosterRecord({ 姓名: `党员${i + 1}`, 手机: `137${String(i).padStart(8, '0')}` }))
  const file = await rosterXlsx(records)
  expect(file.length).toBeGreaterThan(MAX_BODY_BYTES)
  const fileID = await secretary().uploaded('spreadsheet', '万人名册.xlsx', file)

  const checked = await expectNothingWritten(h.db, () => secretary().ok('roster', importFile(fileID, 'check')))
  expect(checked).toEqual({ rows: 10000, valid: 10000, errors: [], created: 0, updated: 0, committed: false })
  const committed = await secretary().ok('roster', importFile(fileID, 'commit'))
  expect(committed).toMatchObject({ rows: 10000, created: 10000, updated: 0, committed: true })
  expect(await unitMembers()).toBe(10000)

  // The committed file held 10,000 mobiles: it is gone from storage.
  expect((await secretary().fail('roster', importFile(fileID, 'check'))).code).toBe('FILE_NOT_FOUND')
})
