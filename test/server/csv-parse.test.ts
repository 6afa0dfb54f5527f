import { decodeCsvBytes, parseCsv } from '../../server/features/roster/csv-parse'

// The roster's CSV reader, on what Excel and WPS actually save: RFC 4180
// quoting, CRLF, a UTF-8 BOM, and GBK from a Chinese Windows.

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    ['plain cells', '姓名,性别\n张三,男', [['姓名', '性别'], ['张三', '男']]],
    ['a quoted comma', '张三,"西湖区,北山街道",男', [['张三', '西湖区,北山街道', '男']]],
    ['escaped quotes', '"他说""你好""",x', [['他说"你好"', 'x']]],
    ['a cell that is only an escaped quote', '"""",x', [['"', 'x']]],
    ['a line break inside quotes', '"第一行\n第二行",x\n下一行,y', [['第一行\n第二行', 'x'], ['下一行', 'y']]],
    ['a CRLF inside quotes is kept as typed', '"a\r\nb",c', [['a\r\nb', 'c']]],
    ['CRLF line ends, with a final CRLF adding no row', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['old Mac CR line ends', 'a,b\rc,d', [['a', 'b'], ['c', 'd']]],
    ['an empty last cell', 'a,b,', [['a', 'b', '']]],
    ['empty quoted cells', '"",a,""', [['', 'a', '']]],
    ['leading zeros and month text stay text', '057187654321,1985-07', [['057187654321', '1985-07']]],
    ['a quote inside an unquoted cell is a character', 'ab"c,d', [['ab"c', 'd']]],
    ['a blank line is an empty row (the reader skips it)', 'a\n\nb', [['a'], [''], ['b']]],
    ['nothing at all', '', []],
  ])('%s', (_label, text, rows) => {
    expect(parseCsv(text)).toEqual(rows)
  })
})

describe('decodeCsvBytes', () => {
  it('drops the BOM of “CSV UTF-8”, also before a quoted header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('"姓名",性别\r\n张三,男\r\n', 'utf8')])
    const text = decodeCsvBytes(bytes)
    expect(text.startsWith('"姓名"')).toBe(true)
    expect(parseCsv(text)).toEqual([['姓名', '性别'], ['张三', '男']])
  })

  it('reads GBK, what Excel on a Chinese Windows saves as CSV', () => {
    // 姓名,男 in GBK: 姓 D0D5, 名 C3FB, 男 C4D0.
    const bytes = Uint8Array.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xc4, 0xd0, 0x0d, 0x0a])
    expect(parseCsv(decodeCsvBytes(bytes))).toEqual([['姓名', '男']])
  })

  it('reads UTF-8 without a BOM as UTF-8', () => {
    expect(decodeCsvBytes(Buffer.from('居住社区,曙光社区', 'utf8'))).toBe('居住社区,曙光社区')
  })
})
