import { evaluationContract } from '../../../src/domain/contracts/evaluation.contract'
import { defineFunction } from '../../kernel/function-def'
import { remindMissingCards } from './cards-remind'
import { confirmEvaluation, getEvaluation } from './evaluation-confirm'
import { listEvaluations } from './evaluation-list'
import { getSeal, issueCards, listCards, readCard, saveSeal } from './feedback-cards'
import { myRecord } from './my-record'
import { unitYear } from './unit-year'

/** 年度评价: the community rates its reported members, issues the 反馈卡; members and units read them; a daily timer reminds of missing cards (12月1日–20日). */
export const evaluation = defineFunction(
  'evaluation',
  evaluationContract,
  {
    list: { permission: 'member.rate', handle: (input, ctx) => listEvaluations(ctx, input) },
    get: { permission: 'member.rate', handle: (input, ctx) => getEvaluation(ctx, input) },
    confirm: { permission: 'member.rate', handle: (input, ctx) => confirmEvaluation(ctx, input) },
    issueCards: { permission: 'member.rate', handle: (input, ctx) => issueCards(ctx, input) },
    sealSave: { permission: 'member.rate', handle: (input, ctx) => saveSeal(ctx, input) },
    sealGet: { permission: 'member.rate', handle: (input, ctx) => getSeal(ctx, input) },
    card: { permission: 'feedback.read', handle: (input, ctx) => readCard(ctx, input) },
    cards: { permission: 'feedback.read', handle: (input, ctx) => listCards(ctx, input) },
    myRecord: { permission: 'record.view', handle: (input, ctx) => myRecord(ctx, input) },
    unitYear: { permission: 'evaluation.unit', handle: (input, ctx) => unitYear(ctx, input) },
  },
  { timer: remindMissingCards },
)
