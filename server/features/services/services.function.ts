import { servicesContract } from '../../../src/domain/contracts/services.contract'
import { defineFunction } from '../../kernel/function-def'
import { mySheet, myServices, removeEntry, saveEntry } from './entries'
import { confirmHandIn, handIn, listHandIns, openHandIn, returnEntries } from './handin'
import { staffMemberSheet, unitMemberSheet } from './member-sheet'
import { servicesTimer } from './services-timer'
import { returnEntry, unitCommunity, unitOverview } from './unit-view'

/** 服务清单: members write it, the unit's liaison hands each quarter in to the community, staff confirm; a daily timer fills in what the system knows and reminds both sides. */
export const services = defineFunction(
  'services',
  servicesContract,
  {
    mine: { permission: 'service.log', handle: (input, ctx) => myServices(ctx, input.year, input.quarter) },
    save: { permission: 'service.log', handle: (input, ctx) => saveEntry(ctx, input) },
    remove: { permission: 'service.log', handle: (input, ctx) => removeEntry(ctx, input.entryId) },
    sheet: { permission: 'service.log', handle: (input, ctx) => mySheet(ctx, input.year, input.quarter) },
    unitOverview: { permission: 'service.unitRead', handle: (input, ctx) => unitOverview(ctx, input) },
    unitCommunity: { permission: 'service.unitRead', handle: (input, ctx) => unitCommunity(ctx, input) },
    returnEntry: { permission: 'service.handIn', handle: (input, ctx) => returnEntry(ctx, input.entryId, input.reason) },
    unitSheet: { permission: 'service.unitRead', handle: (input, ctx) => unitMemberSheet(ctx, input) },
    handIn: { permission: 'service.handIn', handle: (input, ctx) => handIn(ctx, input) },
    handIns: { permission: 'service.confirm', handle: (input, ctx) => listHandIns(ctx, input) },
    handInOpen: { permission: 'service.confirm', handle: (input, ctx) => openHandIn(ctx, input) },
    staffSheet: { permission: 'service.confirm', handle: (input, ctx) => staffMemberSheet(ctx, input) },
    confirm: { permission: 'service.confirm', handle: (input, ctx) => confirmHandIn(ctx, input) },
    returnEntries: { permission: 'service.confirm', handle: (input, ctx) => returnEntries(ctx, input.handInId, input.entryIds, input.reason) },
  },
  { timer: servicesTimer },
)
