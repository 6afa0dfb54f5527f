import { reportInput } from '../../../src/domain/contracts/report.contract'
import { defineFunction } from '../../kernel/function-def'
import { confirm } from './checkin'
import { receipt } from './receipt'
import { lookup } from './report-lookup'
import { registrationTarget } from './registration-target'
import { registrationView } from './registration-view'
import { saveRegistration } from './registration-save'

/** 报到: the desk scans a 联系证 and records the report; the 附件1 registration with claims; the receipt. */
export const report = defineFunction({
  name: 'report',
  input: reportInput,
  async handle(input, ctx) {
    switch (input.action) {
      case 'lookup':
        return lookup(ctx, input)
      case 'confirm':
        return confirm(ctx, input)
      case 'registration':
        return registrationView(ctx, await registrationTarget(ctx, input.memberId))
      case 'register':
        return saveRegistration(ctx, input.memberId, input.form)
      case 'receipt':
        return receipt(ctx, input.reportId)
    }
  },
})
