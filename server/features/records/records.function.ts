import { recordsContract } from '../../../src/domain/contracts/records.contract'
import { defineFunction } from '../../kernel/function-def'
import { collectionToNeed, listCollections, saveCollection } from './collection-records'
import { getProfile, saveProfile } from './community-profile'
import { getMeeting, listMeetings, saveMeeting } from './meetings'
import { createNeedFromRecord } from './need-link'
import { addVisit, confirmOffer, createPairing, endPairing, listPairings, myPairings, offerPairing } from './pairings'
import { choicesOf, sheetOf } from './record-sheets'
import { getTarget, listTargets, saveTarget } from './targets'

/** 社区台账记录: 征集记录, 帮扶对象摸底表, 结对帮扶, 会议记录本, 社区基本情况, and their printable tables. */
export const records = defineFunction('records', recordsContract, {
  collectionList: { permission: 'records.manage', handle: (input, ctx) => listCollections(ctx, input) },
  collectionSave: { permission: 'records.manage', handle: (input, ctx) => saveCollection(ctx, input) },
  collectionToNeed: { permission: 'records.manage', handle: (input, ctx) => collectionToNeed(ctx, input.recordId, createNeedFromRecord) },
  targetList: { permission: 'records.manage', handle: (input, ctx) => listTargets(ctx, input) },
  targetSave: { permission: 'records.manage', handle: (input, ctx) => saveTarget(ctx, input) },
  targetGet: { permission: 'records.target', handle: (input, ctx) => getTarget(ctx, input.targetId) },
  pairCreate: { permission: 'records.manage', handle: (input, ctx) => createPairing(ctx, input) },
  pairOffer: { permission: 'records.pair', handle: (input, ctx) => offerPairing(ctx, input) },
  pairConfirm: { permission: 'records.manage', handle: (input, ctx) => confirmOffer(ctx, input) },
  pairEnd: { permission: 'records.manage', handle: (input, ctx) => endPairing(ctx, input) },
  pairList: { permission: 'records.manage', handle: (input, ctx) => listPairings(ctx, input) },
  myPairings: { permission: 'records.pair', handle: (_input, ctx) => myPairings(ctx) },
  visitAdd: { permission: 'records.pair', handle: (input, ctx) => addVisit(ctx, input) },
  meetingList: { permission: 'records.manage', handle: (input, ctx) => listMeetings(ctx, input) },
  meetingSave: { permission: 'records.manage', handle: (input, ctx) => saveMeeting(ctx, input) },
  meetingGet: { permission: 'records.manage', handle: (input, ctx) => getMeeting(ctx, input.meetingId) },
  profileGet: { permission: 'records.manage', handle: (input, ctx) => getProfile(ctx, input.communityId) },
  profileSave: { permission: 'records.manage', handle: (input, ctx) => saveProfile(ctx, input) },
  choices: { permission: 'records.manage', handle: (input, ctx) => choicesOf(ctx, input.communityId) },
  sheet: { permission: 'records.manage', handle: (input, ctx) => sheetOf(ctx, input.communityId, input.kind) },
})
