import { fieldTypeOfKey, fieldValueProblem, type FieldType } from '../../src/domain/subscribe-fields'
import { MESSAGE_KINDS } from '../../src/domain/message-kinds'

// WeChat's table of field value limits (subscribeMessage.send, 参数值内容限制).
const cases: Array<[FieldType, string[], string[]]> = [
  ['thing', ['社区义诊活动', '二'.repeat(20), 'Room 3A-2'], ['二'.repeat(21), '']],
  ['number', ['42', '3.14', '9'.repeat(32)], ['-1', '1e5', '9'.repeat(33), '十']],
  ['letter', ['ABC', 'a'.repeat(32)], ['AB1', 'a'.repeat(33)]],
  ['symbol', ['%', '!?#'], ['a', '%%%%%%']],
  ['character_string', ['SBD-0001-7', 'a'.repeat(32)], ['a'.repeat(33), '联系证号']],
  ['time', ['15:01', '2019年10月1日 15:01', '2026-03-16 09:00~11:30', '09:00 ~ 10:00'], ['25:00', '明天下午', '2019年10月1日']],
  ['date', ['2019年10月1日', '2019年10月1日 15:01', '2026-03-16~2026-03-20'], ['15:01', '下周一']],
  ['amount', ['¥100.00', '100元', '$12'], ['一百元', '¥12345678901']],
  ['phone_number', ['+86-0766-66888866', '13812345678'], ['138-1234-5678-9999-0', 'tel:138']],
  ['car_number', ['粤A8Z888挂', 'A12345'], ['粤A8Z8888挂', '粤a8z888']],
  ['name', ['张三', '欧阳·娜娜', 'Li Lei', 'Zhang San'], ['张'.repeat(11), 'Zhang3', '张San'.repeat(3)]],
  ['phrase', ['配送中', '已受理'], ['正在配送中了', 'done', '已受理！']],
]

describe('subscription message field values', () => {
  for (const [type, good, bad] of cases) {
    it(`${type}: accepts what WeChat accepts and refuses the rest`, () => {
      for (const value of good) expect([value, fieldValueProblem(type, value)]).toEqual([value, undefined])
      for (const value of bad) expect(fieldValueProblem(type, value)).toEqual(expect.stringContaining(type))
    })
  }

  it('counts characters, not UTF-16 units: an emoji is one of the 20 of a thing', () => {
    expect(fieldValueProblem('thing', '🎉'.repeat(20))).toBeUndefined()
    expect(fieldValueProblem('thing', '🎉'.repeat(21))).toContain('20个以内字符')
  })

  it('reads the type from the template key', () => {
    expect(fieldTypeOfKey('thing1')).toBe('thing')
    expect(fieldTypeOfKey('character_string12')).toBe('character_string')
    expect(fieldTypeOfKey('phone_number3')).toBe('phone_number')
    expect(fieldTypeOfKey('thing')).toBeUndefined()
    expect(fieldTypeOfKey('enum4')).toBeUndefined()
  })

  it('every message kind names each template key once, with a type WeChat knows', () => {
    for (const [kind, def] of Object.entries(MESSAGE_KINDS)) {
      const keys = Object.values(def.fields).map((f) => f.key)
      expect([kind, new Set(keys).size]).toEqual([kind, keys.length])
      for (const f of Object.values(def.fields)) expect(fieldTypeOfKey(f.key)).toBe(f.type)
      expect(def.envVar).toMatch(/^TEMPLATE_[A-Z_]+$/)
    }
  })
})
