import { canGrant, sameGrant, withGrant, withoutGrant } from '../../src/domain/grant-rules'
import { invitationRefusal } from '../../src/domain/invitation'
import type { Grant } from '../../src/domain/roles'
import { normalizeSetupCode } from '../../src/domain/setup-code'

const district: Grant = { role: 'districtAdmin', scope: { districtId: 'd1' } }
const street: Grant = { role: 'streetAdmin', scope: { streetId: 's1', districtId: 'd1' } }
const secretary: Grant = { role: 'secretary', scope: { unitId: 'u1', districtId: 'd1' } }
const communityOf = (streetId: string, districtId = 'd1') => ({ communityId: `c-${streetId}`, streetId, districtId })

describe('who may grant what', () => {
  it('the district grants admins, staff and secretaries in its own district only', () => {
    expect(canGrant([district], 'districtAdmin', { districtId: 'd1' })).toBe(true)
    expect(canGrant([district], 'streetAdmin', { streetId: 's2', districtId: 'd1' })).toBe(true)
    expect(canGrant([district], 'staff', communityOf('s2'))).toBe(true)
    expect(canGrant([district], 'secretary', { unitId: 'u9', districtId: 'd1' })).toBe(true)
    expect(canGrant([district], 'staff', communityOf('s2', 'd2'))).toBe(false)
    expect(canGrant([district], 'liaison', { unitId: 'u9', districtId: 'd1' })).toBe(false)
  })

  it('the district grants the 区志愿者工作指导中心 of its own district; nobody else does', () => {
    expect(canGrant([district], 'volunteerCentre', { districtId: 'd1' })).toBe(true)
    expect(canGrant([district], 'volunteerCentre', { districtId: 'd2' })).toBe(false)
    expect(canGrant([street, secretary], 'volunteerCentre', { districtId: 'd1' })).toBe(false)
    expect(canGrant([{ role: 'volunteerCentre', scope: { districtId: 'd1' } }], 'volunteerCentre', { districtId: 'd1' })).toBe(false)
  })

  it('a street admin grants staff of its own communities; a secretary liaisons of its unit; nobody grants members or residents', () => {
    expect(canGrant([street], 'staff', communityOf('s1'))).toBe(true)
    expect(canGrant([street], 'staff', communityOf('s2'))).toBe(false)
    expect(canGrant([street], 'streetAdmin', { streetId: 's1', districtId: 'd1' })).toBe(false)
    expect(canGrant([secretary], 'liaison', { unitId: 'u1', districtId: 'd1' })).toBe(true)
    expect(canGrant([secretary], 'liaison', { unitId: 'u2', districtId: 'd1' })).toBe(false)
    expect(canGrant([district, street, secretary], 'member', { memberId: 'm1', unitId: 'u1' })).toBe(false)
    expect(canGrant([district], 'resident', communityOf('s1'))).toBe(false)
    expect(canGrant([{ role: 'staff', scope: communityOf('s1') }], 'staff', communityOf('s1'))).toBe(false)
  })

  it('grants are the same by role and place; gaining one held already changes nothing', () => {
    const staff: Grant = { role: 'staff', scope: communityOf('s1') }
    expect(sameGrant(staff, { role: 'staff', scope: { communityId: 'c-s1' } })).toBe(true)
    expect(sameGrant(staff, { role: 'resident', scope: { communityId: 'c-s1' } })).toBe(false)
    expect(withGrant([staff], { role: 'staff', scope: { communityId: 'c-s1' } })).toEqual([staff])
    expect(withGrant([staff], street)).toEqual([staff, street])
    expect(withoutGrant([staff, street], { role: 'staff', scope: { communityId: 'c-s1' } })).toEqual([street])
  })
})

describe('invitations', () => {
  const now = new Date('2026-03-16T02:00:00Z')
  const open = { expiresAt: new Date(now.getTime() + 1000) }
  it('open until accepted or expired; accepted again by the same user is not refused', () => {
    expect(invitationRefusal(open, null, now)).toBeNull()
    expect(invitationRefusal({ ...open, acceptedBy: 'u1' }, 'u1', now)).toBeNull()
    expect(invitationRefusal({ ...open, acceptedBy: 'u1' }, 'u2', now)).toBe('INVITATION_USED')
    expect(invitationRefusal({ ...open, acceptedBy: 'u1' }, null, now)).toBe('INVITATION_USED')
    expect(invitationRefusal({ expiresAt: now }, 'u2', now)).toBe('INVITATION_EXPIRED')
  })
})

it('a setup code is twelve characters without look-alikes, typed in any case, with spaces or dashes', () => {
  expect(normalizeSetupCode('k7qm 3xpa-9trb')).toBe('K7QM3XPA9TRB')
  expect(normalizeSetupCode('K7QM-3XPA-9TR')).toBeNull()
  expect(normalizeSetupCode('K7QM-3XPA-9TR0')).toBeNull()
})
