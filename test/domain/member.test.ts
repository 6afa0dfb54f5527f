import { checkMemberDates, memberFieldsSchema } from '../../src/domain/member'

const valid = {
  name: '张伟', gender: '男', birthMonth: '1985年7月', joinPartyMonth: '2008.06', education: '大学本科',
  specialty: '法律咨询', officePhone: '0571-87654321', mobile: '13812345678', communityId: 'c1', jobTitle: '科长',
}

describe('member fields (附件3)', () => {
  it('normalises months and accepts a valid row', () => {
    const parsed = memberFieldsSchema.parse(valid)
    expect(parsed.birthMonth).toBe('1985-07')
    expect(parsed.joinPartyMonth).toBe('2008-06')
  })
  it('rejects a mobile number that is not one, in Chinese', () => {
    const r = memberFieldsSchema.safeParse({ ...valid, mobile: '12345' })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.message).toBe('手机号码格式不正确，应为11位手机号')
  })
  it('has no place for an ID-card number', () => {
    expect(Object.keys(memberFieldsSchema.shape)).not.toContain('idCard')
    expect(memberFieldsSchema.parse({ ...valid, idCard: '330106198507010011' })).not.toHaveProperty('idCard')
  })
  it('refuses dates in the future', () => {
    const now = new Date('2026-11-22T00:00:00Z')
    expect(checkMemberDates({ birthMonth: '2027-01', joinPartyMonth: '2027-02' }, now)).toEqual(['出生年月不能晚于当前月份', '入党时间不能晚于当前月份'])
    expect(checkMemberDates({ birthMonth: '1985-07', joinPartyMonth: '2008-06' }, now)).toEqual([])
  })
})
