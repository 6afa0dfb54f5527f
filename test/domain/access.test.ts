import { authorize, can } from '../../src/domain/access'
import { MENU, MENU_ENTRIES, menuOf } from '../../src/domain/menu'
import { PERMISSIONS, roleAllows, type Permission } from '../../src/domain/permissions'
import type { Principal, Grant } from '../../src/domain/roles'

const C1 = { communityId: 'c1', streetId: 's1', districtId: 'd1' }
const C2 = { communityId: 'c2', streetId: 's2', districtId: 'd1' }
const memberOfU1InC1 = { memberId: 'm1', unitId: 'u1', ...C1 }

const who = (...grants: Grant[]): Principal => ({ userId: 'u', openid: 'o', name: '测试', grants })

const member = who({ role: 'member', scope: { memberId: 'm1', unitId: 'u1', communityId: 'c1' } })
const staffC1 = who({ role: 'staff', scope: C1 })
const staffC2 = who({ role: 'staff', scope: C2 })
const secretaryU1 = who({ role: 'secretary', scope: { unitId: 'u1', districtId: 'd1' } })
const secretaryU2 = who({ role: 'secretary', scope: { unitId: 'u2', districtId: 'd1' } })
const liaisonU1 = who({ role: 'liaison', scope: { unitId: 'u1' } })
const residentC1 = who({ role: 'resident', scope: { communityId: 'c1' } })
const streetS1 = who({ role: 'streetAdmin', scope: { streetId: 's1' } })
const streetS2 = who({ role: 'streetAdmin', scope: { streetId: 's2' } })
const district = who({ role: 'districtAdmin', scope: { districtId: 'd1' } })

describe('authorize, role by role', () => {
  const cases: Array<[string, Principal, Permission, boolean]> = [
    ['a member shows their own card', member, 'card.show', true],
    ['a member cannot scan cards', member, 'checkin.scan', false],
    ['staff scan in their own community', staffC1, 'checkin.scan', true],
    ['staff of another community cannot scan here', staffC2, 'checkin.scan', false],
    ['a secretary manages their own unit roster', secretaryU1, 'roster.manage', true],
    ['a secretary of another unit cannot', secretaryU2, 'roster.manage', false],
    ['a liaison sees their unit statistics', liaisonU1, 'unit.stats', true],
    ['a resident sees none of the roster', residentC1, 'roster.manage', false],
    ['a resident submits needs in their community', residentC1, 'need.submit', true],
    ['a resident browses the posts of their community', residentC1, 'posts.read', true],
    ['a resident of the community does not manage its posts', residentC1, 'posts.manage', false],
    ['the member reads their own receipt', member, 'receipt.read', true],
    ['the unit reads its member’s receipt', secretaryU1, 'receipt.read', true],
    ['the reporting community reads the receipt', staffC1, 'receipt.read', true],
    ['another unit does not', secretaryU2, 'receipt.read', false],
    ['another community does not', staffC2, 'receipt.read', false],
    ['a street admin reads no receipts', streetS1, 'receipt.read', false],
    ['a street admin sees their street', streetS1, 'district.stats', true],
    ['a street admin of another street cannot', streetS2, 'district.stats', false],
    ['the district sees everything in it', district, 'district.stats', true],
  ]
  it.each(cases)('%s', (_label, principal, permission, allowed) => {
    expect(can(principal, permission, memberOfU1InC1)).toBe(allowed)
    if (allowed) expect(authorize(principal, permission, memberOfU1InC1).role).toBeDefined()
    else expect(() => authorize(principal, permission, memberOfU1InC1)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
  })

  it('a grant with no value for its anchor covers nothing', () => {
    const broken = who({ role: 'staff', scope: {} })
    expect(can(broken, 'checkin.scan', {})).toBe(false)
  })

  it('a user with two grants may act in both scopes', () => {
    const both = who({ role: 'staff', scope: C1 }, { role: 'member', scope: { memberId: 'm9', unitId: 'u3', communityId: 'c2' } })
    expect(can(both, 'checkin.scan', memberOfU1InC1)).toBe(true)
    expect(can(both, 'card.show', { memberId: 'm9' })).toBe(true)
    expect(can(both, 'card.show', { memberId: 'm1' })).toBe(false)
  })
})

describe('roleAllows (the kernel’s check, before any record is read)', () => {
  it('looks at roles only, not scopes', () => {
    expect(roleAllows(staffC2.grants, 'checkin.scan')).toBe(true)
    expect(roleAllows(residentC1.grants, 'checkin.scan')).toBe(false)
    expect(roleAllows([], 'posts.read')).toBe(false)
  })

  it('gives reads their own permissions, so no handler borrows an unrelated one', () => {
    // A resident may read posts without being able to do anything else there.
    expect(roleAllows(residentC1.grants, 'posts.read')).toBe(true)
    expect(PERMISSIONS['receipt.read']).toEqual(expect.arrayContaining(['member', 'staff', 'secretary', 'liaison']))
    expect(PERMISSIONS['receipt.read']).not.toContain('streetAdmin')
  })
})

describe('menuOf', () => {
  it('offers each role the entries its permissions allow and nothing else', () => {
    expect(menuOf(member.grants)).toEqual(expect.arrayContaining(['card.show', 'activity.signin', 'service.log']))
    expect(menuOf(member.grants)).not.toContain('checkin.scan')
    expect(menuOf(residentC1.grants)).toEqual(['need.submit', 'messages.reminders'])
    expect(menuOf([])).toEqual([])
    for (const e of menuOf(secretaryU1.grants)) expect(PERMISSIONS[MENU[e].permission]).toContain('secretary')
  })

  it('points every entry at a permission that exists', () => {
    for (const e of MENU_ENTRIES) expect(Object.keys(PERMISSIONS)).toContain(MENU[e].permission)
  })
})
