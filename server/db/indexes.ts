// The project's database indexes. Plain data: the same list is created by hand
// in the cloud console (数据库 → 集合 → 索引管理) and declared to the local
// embedded engine, which builds SQLite indexes from it and enforces `unique`.
// Unique indexes treat a missing field as null, as MongoDB does: two documents
// that both lack an indexed field collide.

export interface IndexSpec {
  collection: string
  /** Field paths (dots for nested fields) in index order; 1 ascending, -1 descending. */
  keys: Record<string, 1 | -1>
  unique?: boolean
  name: string
}

export const INDEXES: IndexSpec[] = [
  { collection: 'users', keys: { openid: 1 }, unique: true, name: 'openid_unique' },

  { collection: 'members', keys: { unitId: 1 }, name: 'unitId' },
  { collection: 'members', keys: { communityId: 1 }, name: 'communityId' },
  { collection: 'members', keys: { unitId: 1, mobile: 1 }, unique: true, name: 'unitId_mobile_unique' },

  { collection: 'reports', keys: { memberId: 1, communityId: 1 }, unique: true, name: 'memberId_communityId_unique' },
  { collection: 'reports', keys: { unitId: 1 }, name: 'unitId' },
  { collection: 'reports', keys: { communityId: 1 }, name: 'communityId' },

  { collection: 'cards', keys: { memberId: 1 }, name: 'memberId' },
  // A typed 联系证号 finds exactly one card; the counter makes numbers unique, the index guarantees it.
  { collection: 'cards', keys: { cardNo: 1 }, unique: true, name: 'cardNo_unique' },
  { collection: 'cards', keys: { unitId: 1, status: 1 }, name: 'unitId_status' },

  { collection: 'registrations', keys: { communityId: 1 }, name: 'communityId' },
  { collection: 'registrations', keys: { unitId: 1 }, name: 'unitId' },

  { collection: 'posts', keys: { communityId: 1 }, name: 'communityId' },
  { collection: 'unitTallies', keys: { districtId: 1 }, name: 'districtId' },
  { collection: 'notices', keys: { unitId: 1 }, name: 'unitId' },
  { collection: 'communities', keys: { districtId: 1 }, name: 'districtId' },
  // Places a reader tells apart by name: created by the district (org), held unique when two creations race.
  { collection: 'streets', keys: { districtId: 1, name: 1 }, unique: true, name: 'districtId_name_unique' },
  { collection: 'communities', keys: { streetId: 1, name: 1 }, unique: true, name: 'streetId_name_unique' },
  { collection: 'units', keys: { districtId: 1, name: 1 }, unique: true, name: 'districtId_name_unique' },
  // Self-registered residents: one per user; staff list their community's, newest first.
  { collection: 'residents', keys: { communityId: 1, registeredAt: -1 }, name: 'communityId_registeredAt' },
  { collection: 'communities', keys: { streetId: 1 }, name: 'streetId' },

  { collection: 'attendance', keys: { activityId: 1, memberId: 1 }, unique: true, name: 'activityId_memberId_unique' },
  { collection: 'attendance', keys: { memberId: 1 }, name: 'memberId' },
  { collection: 'attendance', keys: { memberId: 1, year: 1, organiserKind: 1 }, name: 'memberId_year_organiserKind' },
  // A community's activities by time; a member's sign-ups; one sign-up per member per activity.
  { collection: 'activities', keys: { communityId: 1, startAt: 1 }, name: 'communityId_startAt' },
  { collection: 'signups', keys: { activityId: 1, memberId: 1 }, unique: true, name: 'activityId_memberId_unique' },
  { collection: 'signups', keys: { memberId: 1 }, name: 'memberId' },
  // Who took part (participation): a unit's year, a community's 附件2 year, the volunteer centre's items and activities.
  { collection: 'attendance', keys: { unitId: 1, year: 1 }, name: 'unitId_year' },
  { collection: 'attendance', keys: { communityId: 1, year: 1 }, name: 'communityId_year' },
  { collection: 'registrations', keys: { districtId: 1, communityId: 1 }, name: 'districtId_communityId' },
  { collection: 'registrations', keys: { memberId: 1 }, name: 'memberId' },
  { collection: 'activities', keys: { districtId: 1, organiserKind: 1, volunteerItem: 1 }, name: 'districtId_organiserKind_volunteerItem' },

  // One subscription message per idempotency key: a second send finds it and sends nothing.
  { collection: 'messages', keys: { key: 1 }, unique: true, name: 'key_unique' },
  { collection: 'messages', keys: { touser: 1 }, name: 'touser' },
  { collection: 'subscriptions', keys: { openid: 1 }, name: 'openid' },
  // 我的 → 消息提醒: a user's messages, newest first (issue 12 §4).
  { collection: 'messages', keys: { touser: 1, createdAt: -1 }, name: 'touser_createdAt' },

  // 支部 by name within a unit; 结对共建: one active term per key, read by unit, by community, by street.
  { collection: 'branches', keys: { unitId: 1, name: 1 }, unique: true, name: 'unitId_name_unique' },
  { collection: 'branches', keys: { districtId: 1 }, name: 'districtId' },
  { collection: 'unitPairings', keys: { key: 1 }, unique: true, name: 'key_unique' },
  { collection: 'unitPairings', keys: { unitId: 1 }, name: 'unitId' },
  { collection: 'unitPairings', keys: { communityId: 1 }, name: 'communityId' },
  { collection: 'unitPairings', keys: { streetId: 1 }, name: 'streetId' },
  { collection: 'activities', keys: { unitId: 1, startAt: 1 }, name: 'unitId_startAt' },

  // The district reads the audit log newest first, or one action's entries.
  { collection: 'audit', keys: { at: -1 }, name: 'at' },
  { collection: 'audit', keys: { action: 1, at: -1 }, name: 'action_at' },

  // The community's records (issue 10), each listed by its community, newest first.
  { collection: 'needCollections', keys: { communityId: 1, date: -1 }, name: 'communityId_date' },
  { collection: 'assistTargets', keys: { communityId: 1, name: 1 }, name: 'communityId_name' },
  { collection: 'assistancePairings', keys: { communityId: 1, status: 1 }, name: 'communityId_status' },
  { collection: 'assistancePairings', keys: { targetId: 1, memberId: 1, liveKey: 1 }, unique: true, name: 'targetId_memberId_liveKey_unique' },
  { collection: 'assistancePairings', keys: { memberId: 1 }, name: 'memberId' },
  { collection: 'assistanceVisits', keys: { pairingId: 1, date: -1 }, name: 'pairingId_date' },
  { collection: 'meetings', keys: { communityId: 1, date: -1 }, name: 'communityId_date' },
  // Needs: staff list a community's by state or by deadline; a resident their own; a member their assignments; the timer what turned overdue.
  { collection: 'needs', keys: { communityId: 1, state: 1, submittedAt: -1 }, name: 'communityId_state_submittedAt' },
  { collection: 'needs', keys: { communityId: 1, yellowAt: 1 }, name: 'communityId_yellowAt' },
  { collection: 'needs', keys: { residentUserId: 1, submittedAt: -1 }, name: 'residentUserId_submittedAt' },
  { collection: 'needs', keys: { assignedMemberId: 1, state: 1 }, name: 'assignedMemberId_state' },
  { collection: 'needs', keys: { yellowAt: 1 }, name: 'yellowAt' },
  { collection: 'needs', keys: { redAt: 1 }, name: 'redAt' },

  // 服务清单 (issue 11 §1–2): a member's year and day; a unit's quarter per community; the hand-ins of a community and the timer's waiting ones.
  { collection: 'serviceEntries', keys: { memberId: 1, year: 1, quarter: 1 }, name: 'memberId_year_quarter' },
  { collection: 'serviceEntries', keys: { memberId: 1, date: 1 }, name: 'memberId_date' },
  { collection: 'serviceEntries', keys: { unitId: 1, year: 1, quarter: 1, communityId: 1, status: 1 }, name: 'unitId_year_quarter_communityId_status' },
  { collection: 'serviceEntries', keys: { year: 1, quarter: 1, status: 1 }, name: 'year_quarter_status' },
  { collection: 'serviceHandIns', keys: { communityId: 1, status: 1, updatedAt: -1 }, name: 'communityId_status_updatedAt' },
  { collection: 'serviceHandIns', keys: { unitId: 1, year: 1 }, name: 'unitId_year' },
  { collection: 'serviceHandIns', keys: { status: 1, waitingSince: 1 }, name: 'status_waitingSince' },
  { collection: 'assistanceVisits', keys: { memberId: 1, date: 1 }, name: 'memberId_date' },
  { collection: 'members', keys: { unitId: 1, 'report.communityId': 1, name: 1 }, name: 'unitId_reportCommunityId_name' },
  // 数据核对 (issue 11 §3): one open request per member, field and activity; listed by community or unit, newest first.
  { collection: 'corrections', keys: { memberId: 1, field: 1, activityKey: 1, liveKey: 1 }, unique: true, name: 'memberId_field_activityKey_liveKey_unique' },
  { collection: 'corrections', keys: { communityId: 1, status: 1, raisedAt: -1 }, name: 'communityId_status_raisedAt' },
  { collection: 'corrections', keys: { unitId: 1, status: 1, raisedAt: -1 }, name: 'unitId_status_raisedAt' },
  // The unit's members by name, or those without a photo; the staff's view of a member's activity records in their community.
  { collection: 'members', keys: { unitId: 1, name: 1 }, name: 'unitId_name' },
  { collection: 'members', keys: { unitId: 1, photoFileId: 1 }, name: 'unitId_photoFileId' },
  { collection: 'attendance', keys: { memberId: 1, communityId: 1, inAt: -1 }, name: 'memberId_communityId_inAt' },
  // the annual evaluation and the 反馈卡 (issue 11 §5–§7): grouped reads per page of members, the community's and the unit's year
  { collection: 'serviceEntries', keys: { memberId: 1, year: 1, status: 1 }, name: 'evaluation_memberId_year_status' },
  { collection: 'needs', keys: { assignedMemberId: 1, 'completion.year': 1 }, name: 'assignedMemberId_completionYear' },
  { collection: 'evaluations', keys: { communityId: 1, year: 1 }, name: 'communityId_year' },
  { collection: 'evaluations', keys: { unitId: 1, year: 1 }, name: 'unitId_year' },
  { collection: 'feedbackCards', keys: { communityId: 1, year: 1, memberName: 1 }, name: 'communityId_year_memberName' },
  { collection: 'feedbackCards', keys: { unitId: 1, year: 1, memberName: 1 }, name: 'unitId_year_memberName' },
  { collection: 'feedbackCards', keys: { year: 1, communityId: 1 }, name: 'year_communityId' },
  // 每半年通报 and closed years (issue 11 §8, §9): a half's bulletins by district; a unit's half from its records.
  { collection: 'bulletins', keys: { districtId: 1, year: 1, half: 1 }, name: 'districtId_year_half' },
  { collection: 'bulletins', keys: { year: 1, half: 1 }, name: 'year_half' },
  { collection: 'yearCloses', keys: { districtId: 1, year: 1 }, name: 'districtId_year' },
  { collection: 'yearCloses', keys: { year: 1 }, name: 'year' },
  { collection: 'attendance', keys: { unitId: 1, inAt: 1 }, name: 'unitId_inAt' },
  { collection: 'members', keys: { unitId: 1, joinedUnitAt: 1 }, name: 'unitId_joinedUnitAt' },
  // 服务清单 filled in by the daily timer (issue 11 §1): what was recorded since its last run.
  { collection: 'attendance', keys: { outAt: 1 }, name: 'outAt' },
  { collection: 'activities', keys: { endedAt: 1 }, name: 'endedAt' },
  { collection: 'needs', keys: { updatedAt: 1 }, name: 'updatedAt' },
  { collection: 'assistanceVisits', keys: { recordedAt: 1 }, name: 'recordedAt' },
  // 台账 (issue 12): the 文件清单 of a community's year, newest first; the year's handed-in 服务清单 and hand-ins.
  { collection: 'ledgerDocuments', keys: { communityId: 1, year: 1, issuedAt: -1 }, name: 'communityId_year_issuedAt' },
  { collection: 'serviceEntries', keys: { communityId: 1, year: 1, status: 1 }, name: 'ledger_communityId_year_status' },
  { collection: 'serviceHandIns', keys: { communityId: 1, year: 1 }, name: 'ledger_communityId_year' },
  // 服务清单 fixes (issue 11): a member's day totals (read by _id in the entry's transaction; by member for support)
  { collection: 'serviceDays', keys: { memberId: 1, date: 1 }, name: 'memberId_date' },
]
