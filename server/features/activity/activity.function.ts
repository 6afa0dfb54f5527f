import { activityContract } from '../../../src/domain/contracts/activity.contract'
import { defineFunction } from '../../kernel/function-def'
import { attendanceReadable, managedActivity } from './activity-access'
import { cancelActivity, createActivity, endActivity, publishActivity, updateActivity } from './activity-edit'
import { getActivity, listActivities } from './activity-list'
import { attendanceOf, myYear } from './attendance'
import { addRecord, correctRecord, signIn, signInByCard, signinCode } from './signin'
import { cancelSignUp, signUp } from './signup-write'
import { createVolunteerActivity } from './volunteer-activity'

/** 活动: community activities, sign-up with a waitlist, sign-in by a rotating code, the year's counts. */
export const activity = defineFunction('activity', activityContract, {
  create: { permission: 'activity.manage', handle: (input, ctx) => createActivity(ctx, input) },
  update: { permission: 'activity.manage', handle: (input, ctx) => updateActivity(ctx, input) },
  publish: { permission: 'activity.manage', handle: (input, ctx) => publishActivity(ctx, input.activityId) },
  cancel: { permission: 'activity.manage', handle: (input, ctx) => cancelActivity(ctx, input.activityId, input.reason) },
  end: { permission: 'activity.manage', handle: (input, ctx) => endActivity(ctx, input.activityId) },
  list: { permission: 'activity.read', handle: (input, ctx) => listActivities(ctx, input) },
  get: { permission: 'activity.read', handle: (input, ctx) => getActivity(ctx, input.activityId) },
  signUp: { permission: 'activity.signin', handle: (input, ctx) => signUp(ctx, input.activityId) },
  cancelSignUp: { permission: 'activity.signin', handle: (input, ctx) => cancelSignUp(ctx, input.activityId) },
  signinCode: { permission: 'activity.manage', handle: async (input, ctx) => signinCode(ctx, await managedActivity(ctx, input.activityId), input.direction) },
  signIn: { permission: 'activity.signin', handle: (input, ctx) => signIn(ctx, input) },
  signInByCard: { permission: 'activity.manage', handle: (input, ctx) => signInByCard(ctx, input) },
  addRecord: { permission: 'activity.manage', handle: (input, ctx) => addRecord(ctx, input) },
  correctRecord: { permission: 'activity.manage', handle: (input, ctx) => correctRecord(ctx, input) },
  attendance: { permission: 'activity.manage', handle: async (input, ctx) => attendanceOf(ctx, await attendanceReadable(ctx, input.activityId)) },
  myYear: { permission: 'activity.signin', handle: (input, ctx) => myYear(ctx, input.year) },
  createVolunteer: { permission: 'volunteers.read', handle: (input, ctx) => createVolunteerActivity(ctx, input) },
})
