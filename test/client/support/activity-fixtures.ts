import type { ActivityView } from '../../../src/domain/contracts/activity.contract'

/** A published community activity of 西溪社区 (c1), 09:00–11:00 China time on 2026-05-10; override what a test needs. */
export function activityView(overrides: Partial<ActivityView> = {}): ActivityView {
  return {
    activityId: 'act-1',
    organiserKind: 'community',
    unitId: null,
    unitName: null,
    communityId: 'c1',
    communityName: '西溪社区',
    title: '义务巡逻',
    postId: null,
    postName: null,
    description: '',
    place: '西溪社区广场',
    startAt: '2026-05-10T01:00:00.000Z',
    endAt: '2026-05-10T03:00:00.000Z',
    status: 'published',
    signupRequired: false,
    capacity: 0,
    signinEarlyMin: 30,
    signupOpensAt: null,
    signupClosesAt: '2026-05-10T01:00:00.000Z',
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
