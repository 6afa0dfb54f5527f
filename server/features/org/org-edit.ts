import type { OrgTree } from '../../../src/domain/contracts/org.contract'
import { grantsAllowing } from '../../../src/domain/access'
import { AppError } from '../../../src/domain/errors'
import { ZERO } from '../../../src/domain/unit-tally'
import type { KnownContext } from '../../kernel/function-def'
import type { DistrictDoc } from '../../db/docs'
import { isDuplicateKey } from '../../db/db-errors'
import { findById, loadStreet, notFound } from '../../db/load'
import { newId } from '../../db/new-id'
import { getRows } from '../../db/read'
import { addDoc } from '../../db/write'
import { districtPlaces } from './org-places'

// The district's 区委组织部 creates its streets, communities and units. Names
// are unique where a reader tells them apart (a street in the district, a
// community in its street, a unit in the district): checked before the write
// and held by a unique index when two creations race.

/** The district the caller administers (a deployment is one district; the first grant decides otherwise). */
async function ownDistrict(ctx: KnownContext): Promise<DistrictDoc> {
  const districtId = grantsAllowing(ctx.principal, 'org.manage')[0]?.scope.districtId
  const district = districtId ? await findById<DistrictDoc>(ctx.db, 'districts', districtId) : undefined
  if (!district) throw notFound('区')
  return district
}

const taken = (what: string, name: string) => new AppError('NAME_TAKEN', `已有名为“${name}”的${what}`)

interface PlaceKind {
  collection: 'streets' | 'communities' | 'units'
  idPrefix: string
  what: string
}
const STREET: PlaceKind = { collection: 'streets', idPrefix: 'street', what: '街道' }
const COMMUNITY: PlaceKind = { collection: 'communities', idPrefix: 'community', what: '社区' }
const UNIT: PlaceKind = { collection: 'units', idPrefix: 'unit', what: '单位' }

/** `unique` is the parent and the name (what the unique index holds); `data` the other fields. */
async function addUnique(ctx: KnownContext, kind: PlaceKind, unique: Record<string, string>, data: Record<string, unknown>): Promise<{ id: string; name: string }> {
  const { collection, what } = kind
  const name = unique.name!
  if ((await getRows(ctx.db.collection(collection).where(unique).limit(1))).length > 0) throw taken(what, name)
  const id = newId(kind.idPrefix)
  try {
    await ctx.db.collection(collection).doc(id).set({ data: { ...unique, ...data, createdAt: ctx.now(), createdBy: ctx.principal.userId } })
  } catch (error) {
    if (isDuplicateKey(error)) throw taken(what, name)
    throw error
  }
  return { id, name }
}

export async function orgTree(ctx: KnownContext): Promise<OrgTree> {
  const district = await ownDistrict(ctx)
  const places = await districtPlaces(ctx.db, district._id)
  return {
    district: { districtId: district._id, name: district.name },
    streets: places.streets.map((s) => ({
      streetId: s._id,
      name: s.name,
      communities: places.communities.filter((c) => c.streetId === s._id).map((c) => ({ communityId: c._id, name: c.name, partyOrgName: c.partyOrgName ?? '' })),
    })),
    units: places.units.map((u) => ({ unitId: u._id, name: u.name, partyOrgName: u.partyOrgName ?? '', declaredMemberTotal: u.declaredMemberTotal ?? null })),
  }
}

export async function createStreet(ctx: KnownContext, input: { name: string }) {
  const district = await ownDistrict(ctx)
  return addUnique(ctx, STREET, { districtId: district._id, name: input.name }, {})
}

export async function createCommunity(ctx: KnownContext, input: { streetId: string; name: string; partyOrgName?: string }) {
  const district = await ownDistrict(ctx)
  const street = await loadStreet(ctx.db, input.streetId)
  if (street.districtId !== district._id) throw notFound('街道')
  return addUnique(ctx, COMMUNITY, { streetId: street._id, name: input.name }, { districtId: district._id, ...(input.partyOrgName ? { partyOrgName: input.partyOrgName } : {}) })
}

export async function createUnit(ctx: KnownContext, input: { name: string; partyOrgName?: string; declaredMemberTotal?: number; declaredResidentTotal?: number }) {
  const district = await ownDistrict(ctx)
  const { name, ...rest } = input
  const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ''))
  const unit = await addUnique(ctx, UNIT, { districtId: district._id, name }, fields)
  // The district view lists units from their tallies: a new unit is there at once, at 0 of 0.
  await addDoc(ctx.db, 'unitTallies', { _id: unit.id, unitName: name, districtId: district._id, ...ZERO, streets: {} })
  return unit
}
