// Every collection the system uses. In the cloud they are created once in the
// console (or by the deploy checklist in README); the local runtime creates them
// on the embedded engine at start. A query on a missing collection fails in
// both places, so a typo here shows up locally first.
export const COLLECTIONS = [
  'meta',
  'districts',
  'streets',
  'communities',
  'units',
  'members',
  'users',
  'cards',
  'reports',
  'registrations',
  'posts',
  'notices',
  'activities',
  'signups',
  'attendance',
  'messages',
  'subscriptions',
  'audit',
  'invitations',
  'residents',
  'attempts',
  'unitTallies',
  'branches',
  'unitPairings',
  'needCollections',
  'assistTargets',
  'assistancePairings',
  'assistanceVisits',
  'meetings',
  'communityProfiles',
  'needs',
  // Each member's year (issue 11)
  'serviceEntries',
  'serviceHandIns',
  'corrections',
  'pledges',
  'evaluations',
  'feedbackCards',
  'communitySeals',
  'bulletins',
  'yearCloses',
  // The ledger's exports (issue 12): the stored file of each category export, for the zip
  'exportFiles',
  // 台账 (issue 12)
  'ledgerDocuments',
  // 服务清单 fixes (issue 11): each member's hours per China day, written with the entry
  'serviceDays',
] as const

export type CollectionName = (typeof COLLECTIONS)[number]
