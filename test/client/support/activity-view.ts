import type { ActivityView } from '../../../src/domain/contracts/activity.contract'

/** An activity as the server answers a member: published, sign-up required, 10 seats; override what a test is about. */
export function activityView(overrides: Partial<ActivityView> = {}): ActivityView {
  return {
    activityId: 'a1',
    organiserKind: 'community',
    communityId: 'c1',
    communityName: '西溪社区',
    title: '义务巡逻',
    postId: null,
    postName: null,
    description: '',
    place: '西溪社区广场',
    startAt: '2099-05-10T01:00:00.000Z',
    endAt: '2099-05-10T03:00:00.000Z',
    status: 'published',
    signupRequired: true,
    capacity: 10,
    signupOpensAt: null,
    signupClosesAt: '2099-05-10T01:00:00.000Z',
    signedUp: 0,
    waitlisted: 0,
    location: null,
    cancelReason: null,
    claimedPost: false,
    mySignup: null,
    myWaitlistPosition: null,
    myAttendance: null,
    ...overrides,
  }
}
