import { z } from 'zod'
import { abilitiesOf } from '../../../src/domain/abilities'
import type { BootstrapData, GrantView } from '../../../src/domain/bootstrap.contract'
import { ROLE_LABELS, type Grant, type Scope } from '../../../src/domain/roles'
import { defineFunction } from '../../kernel/function-def'
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

async function describeGrants(db: Database, grants: Grant[]): Promise<GrantView[]> {
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

/** Tells the client who the caller is and what they may do. */
export const bootstrap = defineFunction({
  name: 'bootstrap',
  public: true,
  input: z.object({}).strict(),
  async handle(_input, { db, principal }): Promise<BootstrapData> {
    if (!principal) return { known: false, user: null, grants: [], abilities: [] }
    return {
      known: true,
      user: { id: principal.userId, name: principal.name },
      grants: await describeGrants(db, principal.grants),
      abilities: abilitiesOf(principal.grants),
    }
  },
})
