import { MESSAGE_KIND_NAMES } from '../../src/domain/message-kinds'
import { kindsForRoles, MESSAGE_RECIPIENTS, receives } from '../../src/domain/message-recipients'
import { PERMISSIONS } from '../../src/domain/permissions'
import { ROLES } from '../../src/domain/roles'

// Who receives each kind: every kind names recipients, every recipient is a
// role that may subscribe (or it could never receive one), and a user's kinds
// are the union over their roles.

it('every kind has recipients, each a role that may subscribe', () => {
  expect(Object.keys(MESSAGE_RECIPIENTS).sort()).toEqual([...MESSAGE_KIND_NAMES].sort())
  for (const kind of MESSAGE_KIND_NAMES) {
    const roles = MESSAGE_RECIPIENTS[kind]
    expect([kind, roles.length > 0]).toEqual([kind, true])
    expect(new Set(roles).size).toBe(roles.length)
    for (const role of roles) {
      expect(ROLES).toContain(role)
      expect([kind, role, (PERMISSIONS['messages.subscribe'] as readonly string[]).includes(role)]).toEqual([kind, role, true])
    }
  }
})

it('a user receives the union of their roles, in the kinds order; no role, no kinds', () => {
  expect(kindsForRoles([])).toEqual([])
  expect(kindsForRoles(['volunteerCentre'])).toEqual([])
  expect(kindsForRoles(['secretary'])).toEqual(['correctionResolved', 'bulletinDue'])
  expect(kindsForRoles(['liaison'])).toEqual(['serviceCollect', 'serviceLate', 'correctionResolved'])
  // A secretary who is also the liaison hears of a resolved correction once.
  expect(kindsForRoles(['liaison', 'secretary'])).toEqual(['serviceCollect', 'serviceLate', 'correctionResolved', 'bulletinDue'])
  expect(kindsForRoles(['member', 'resident'])).toEqual([
    'activityChanged',
    'activityCancelled',
    'waitlistPromoted',
    'activityReminder',
    'needAccepted',
    'needAssigned',
    'needCompleted',
    'needMatched',
    'reportReminder',
  ])
  expect(receives(['staff'], 'needOverdue')).toBe(true)
  expect(receives(['member'], 'needOverdue')).toBe(false)
})
