import { can } from '../../src/domain/access'
import type { Permission } from '../../src/domain/permissions'
import type { Scope } from '../../src/domain/roles'
import type { KnownContext } from '../kernel/function-def'
import type { MemberDoc, PostDoc, ReportDoc } from '../db/docs'
import { findById, memberScope, notFound, reportScope } from '../db/load'

// Records a caller names by id (a member, a report, a post): loaded and checked
// in one step. "Does not exist" and "not yours" get the same NOT_FOUND, so a
// stranger learns nothing about which ids exist.

interface RecordKind<T> {
  collection: string
  /** What the record is called in the NOT_FOUND message. */
  what: string
  scopeOf(doc: T): Scope
}

const MEMBER: RecordKind<MemberDoc> = { collection: 'members', what: '党员', scopeOf: memberScope }
const REPORT: RecordKind<ReportDoc> = { collection: 'reports', what: '报到记录', scopeOf: reportScope }
// A post belongs to its community; staff grants are anchored there.
const POST: RecordKind<PostDoc> = { collection: 'posts', what: '服务项目', scopeOf: (post) => ({ communityId: post.communityId }) }

/** The scope check for a record the caller named: NOT_FOUND, not FORBIDDEN, when it is not theirs. */
export function assertMayAccess(ctx: KnownContext, permission: Permission, target: Scope, what: string): void {
  if (!can(ctx.principal, permission, target)) throw notFound(what)
}

async function loadAuthorized<T>(ctx: KnownContext, kind: RecordKind<T>, id: string, permission: Permission): Promise<T> {
  const doc = await findById<T>(ctx.db, kind.collection, id)
  if (!doc) throw notFound(kind.what)
  assertMayAccess(ctx, permission, kind.scopeOf(doc), kind.what)
  return doc
}

export const authorizedMember = (ctx: KnownContext, id: string, permission: Permission) => loadAuthorized(ctx, MEMBER, id, permission)
export const authorizedReport = (ctx: KnownContext, id: string, permission: Permission) => loadAuthorized(ctx, REPORT, id, permission)
export const authorizedPost = (ctx: KnownContext, id: string, permission: Permission) => loadAuthorized(ctx, POST, id, permission)
