import { reportContract } from '../../../src/domain/contracts/report.contract'
import { defineFunction } from '../../kernel/function-def'
import { confirm } from './checkin-confirm'
import { receipt } from './receipt'
import { lookup } from './report-lookup'
import { registrationTarget } from './registration-target'
import { registrationView } from './registration-view'
import { saveRegistration } from './registration-save'
import { deskSetsPhoto, registrationPhoto } from '../corrections/photo-actions'

/** 报到: the desk scans a 联系证 and records the report; the 附件1 registration with claims; the receipt. */
export const report = defineFunction('report', reportContract, {
  lookup: { permission: 'checkin.scan', handle: (input, ctx) => lookup(ctx, input) },
  confirm: { permission: 'checkin.scan', handle: (input, ctx) => confirm(ctx, input) },
  registrationGet: {
    permission: 'registration.read',
    handle: async (input, ctx) => registrationView(ctx, await registrationTarget(ctx, input.memberId, 'registration.read')),
  },
  registrationSave: { permission: 'registration.fill', handle: (input, ctx) => saveRegistration(ctx, input.memberId, input.form) },
  receipt: { permission: 'receipt.read', handle: (input, ctx) => receipt(ctx, input.reportId) },
  // issue 11 §3: the member's photo on the registration page (the member, or the desk).
  photoGet: { permission: 'registration.read', handle: (input, ctx) => registrationPhoto(ctx, input.memberId) },
  photoSet: { permission: 'registration.fill', handle: (input, ctx) => deskSetsPhoto(ctx, input) },
})
