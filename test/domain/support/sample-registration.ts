import type { Registration } from '../../../src/domain/contracts/report.contract'

/** A filled-in 附件1 (without its claims), for the tests that need one; each names the mobile it asserts. */
export const SAMPLE_REGISTRATION: Omit<Registration, 'claims' | 'mobile'> = {
  gender: '男',
  birthMonth: '1985-07',
  joinPartyMonth: '2008-06',
  education: '大学本科',
  hobbies: '书法',
  officePhone: '0571-87654321',
  qq: '',
  address: '曙光新村3幢2单元401',
  jobTitle: '科长',
  willingLiaison: true,
}
