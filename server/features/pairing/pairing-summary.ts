import { can, grantsAllowing } from '../../../src/domain/access'
import { inChina } from '../../../src/domain/china-time'
import type { PairingSummary } from '../../../src/domain/contracts/pairing.contract'
import { AppError } from '../../../src/domain/errors'
import { yearBounds } from '../../../src/domain/pairing'
import { summaryRows } from '../../../src/domain/pairing-summary'
import type { ActivityDoc, UnitPairingDoc } from '../../db/docs'
import { loadUnit, unitScope } from '../../db/load'
import { namesOf } from '../../db/names'
import { scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { pairingScope, visiblePairings } from './pairing-access'

// 附件4 for a year. A unit's own (its secretary or liaison; the street sees the
// rows of its communities, the district all), or, without a unit, every
// pairing the street or district sees. 参加何种服务活动 comes from the year's
// unit-organised activities in the community, published or ended.

interface Scoped {
  filedBy: string
  terms: UnitPairingDoc[]
  /** The activities to read: the unit's, or those of the caller's communities. */
  activityFilter: Record<string, unknown>
}

async function ofUnit(ctx: KnownContext, unitId: string): Promise<Scoped> {
  const unit = await loadUnit(ctx.db, unitId)
  const inDistrict = grantsAllowing(ctx.principal, 'pairing.summary').some((g) => g.role === 'streetAdmin' && g.scope.districtId === unit.districtId)
  if (!can(ctx.principal, 'pairing.summary', unitScope(unit)) && !inDistrict) throw new AppError('FORBIDDEN')
  const terms = (await scanAll<UnitPairingDoc>(ctx.db, 'unitPairings', { unitId })).filter((t) => can(ctx.principal, 'pairing.summary', pairingScope(t)))
  return { filedBy: unit.partyOrgName || unit.name, terms, activityFilter: { unitId } }
}

async function ofArea(ctx: KnownContext): Promise<Scoped> {
  const grants = grantsAllowing(ctx.principal, 'pairing.summary')
  const area = grants.find((g) => g.role === 'districtAdmin') ?? grants.find((g) => g.role === 'streetAdmin')
  // A unit's secretary or liaison without a unit named: their own unit.
  if (!area) return ofUnit(ctx, grants.find((g) => g.scope.unitId)!.scope.unitId!)
  const visible = visiblePairings(ctx, 'pairing.summary')!
  const terms = await scanAll<UnitPairingDoc>(ctx.db, 'unitPairings', visible)
  const filedBy =
    area.role === 'districtAdmin'
      ? ((await namesOf(ctx.db, 'districts', [area.scope.districtId!])).get(area.scope.districtId!) ?? '')
      : ((await namesOf(ctx.db, 'streets', [area.scope.streetId!])).get(area.scope.streetId!) ?? '')
  const activityFilter = area.role === 'districtAdmin' ? { districtId: area.scope.districtId } : { streetId: area.scope.streetId }
  return { filedBy, terms, activityFilter }
}

export async function pairingSummary(ctx: KnownContext, input: { unitId?: string; year?: number }): Promise<PairingSummary> {
  const _ = ctx.db.command
  const year = input.year ?? inChina(ctx.now()).year()
  const { filedBy, terms, activityFilter } = input.unitId ? await ofUnit(ctx, input.unitId) : await ofArea(ctx)
  const { start, end } = yearBounds(year)
  const activities = terms.length
    ? await scanAll<ActivityDoc>(
        ctx.db,
        'activities',
        { ...activityFilter, organiserKind: 'unit', status: _.in(['published', 'ended']), startAt: _.and([_.gte(start), _.lt(end)]) },
        { fields: { unitId: true, communityId: true, title: true, startAt: true } },
      )
    : []
  const rows = summaryRows(
    terms,
    activities.map((a) => ({ unitId: a.unitId ?? '', communityId: a.communityId, title: a.title, startAt: a.startAt })),
    year,
  )
  return { year, filedBy, rows }
}
