import type { GrantView } from '../../../src/domain/contracts/bootstrap.contract'
import { ROLE_LABELS, type Grant, type Scope } from '../../../src/domain/roles'
import type { Database } from '../../kernel/database'
import { namesOf, type NamedCollection } from '../../db/names'

// The scope key a grant is shown by, most specific first.
const SHOWN_BY: Array<[keyof Scope, NamedCollection]> = [
  ['unitId', 'units'],
  ['communityId', 'communities'],
  ['streetId', 'streets'],
  ['districtId', 'districts'],
]

function shownBy(grant: Grant): [keyof Scope, NamedCollection] | undefined {
  if (grant.role === 'member') return ['unitId', 'units']
  return SHOWN_BY.find(([key]) => grant.scope[key])
}

/** Each grant with its role's label and the name of the unit, community, street or district it acts in. */
export async function describeGrants(db: Database, grants: Grant[]): Promise<GrantView[]> {
  const wanted = new Map<NamedCollection, string[]>()
  for (const g of grants) {
    const by = shownBy(g)
    if (by) wanted.set(by[1], [...(wanted.get(by[1]) ?? []), g.scope[by[0]]!])
  }
  const names = new Map<NamedCollection, Map<string, string>>()
  for (const [collection, ids] of wanted) names.set(collection, await namesOf(db, collection, ids))
  return grants.map((g) => {
    const by = shownBy(g)
    const scopeName = by ? (names.get(by[1])?.get(g.scope[by[0]]!) ?? '') : ''
    return { role: g.role, roleLabel: ROLE_LABELS[g.role], scopeName, scope: g.scope }
  })
}
