import { needsContract } from '../../../src/domain/contracts/needs.contract'
import { defineFunction } from '../../kernel/function-def'
import { readableNeed } from './need-access'
import { communityDeadlines, setDeadlines } from './need-deadlines'
import { assignments, myNeeds, staffList, wall } from './need-list'
import { remindOverdue } from './need-remind'
import { myService } from './need-service'
import { enterNeed, submitNeed } from './need-submit'
import { suggestHelpers } from './need-suggest'
import { needDetail } from './need-view'
import {
  acceptNeed,
  addInfo,
  assignNeed,
  claimNeed,
  closeNeed,
  completeNeed,
  declineNeed,
  mergeNeed,
  publishNeed,
  rateNeed,
  rejectNeed,
  withdrawNeed,
} from './need-workflow'

/** 服务需求: residents submit, staff accept and assign or publish to the 微心愿 wall, members serve, residents rate; an hourly timer reminds staff of overdue needs. */
export const needs = defineFunction(
  'needs',
  needsContract,
  {
    submit: { permission: 'need.submit', handle: ({ ...fields }, ctx) => submitNeed(ctx, fields) },
    enter: { permission: 'need.manage', handle: (input, ctx) => enterNeed(ctx, input) },
    addInfo: { permission: 'need.submit', handle: (input, ctx) => addInfo(ctx, input.needId, input.text) },
    withdraw: { permission: 'need.submit', handle: (input, ctx) => withdrawNeed(ctx, input.needId) },
    accept: { permission: 'need.manage', handle: (input, ctx) => acceptNeed(ctx, input.needId) },
    reject: { permission: 'need.manage', handle: (input, ctx) => rejectNeed(ctx, input.needId, input.reason) },
    merge: { permission: 'need.manage', handle: (input, ctx) => mergeNeed(ctx, input.needId, input.intoNeedId) },
    suggest: { permission: 'need.manage', handle: (input, ctx) => suggestHelpers(ctx, input.needId) },
    assign: { permission: 'need.manage', handle: (input, ctx) => assignNeed(ctx, input.needId, input.memberId) },
    publish: { permission: 'need.manage', handle: (input, ctx) => publishNeed(ctx, input.needId) },
    claim: { permission: 'need.serve', handle: (input, ctx) => claimNeed(ctx, input.needId) },
    decline: { permission: 'need.serve', handle: (input, ctx) => declineNeed(ctx, input.needId, input.reason) },
    complete: { permission: 'need.serve', handle: ({ needId, ...completion }, ctx) => completeNeed(ctx, needId, completion) },
    rate: { permission: 'need.submit', handle: (input, ctx) => rateNeed(ctx, input.needId, input.rating, input.comment) },
    close: { permission: 'need.manage', handle: (input, ctx) => closeNeed(ctx, input.needId) },
    get: {
      permission: 'need.read',
      handle: async (input, ctx) => {
        const { need, actor } = await readableNeed(ctx, input.needId)
        return needDetail(need, actor, ctx.now())
      },
    },
    mine: { permission: 'need.submit', handle: (input, ctx) => myNeeds(ctx, input) },
    list: { permission: 'need.manage', handle: (input, ctx) => staffList(ctx, input) },
    wall: { permission: 'need.serve', handle: (input, ctx) => wall(ctx, input) },
    assignments: { permission: 'need.serve', handle: (input, ctx) => assignments(ctx, input) },
    myService: { permission: 'need.serve', handle: (input, ctx) => myService(ctx, input.year) },
    deadlines: { permission: 'need.manage', handle: (input, ctx) => communityDeadlines(ctx, input.communityId) },
    setDeadlines: { permission: 'need.manage', handle: (input, ctx) => setDeadlines(ctx, input) },
  },
  { timer: remindOverdue },
)
