import { openLocalDatabase } from '../../local/runtime/open-database'
import { BUDGETS, ceilingOf, describeRequests, loadCostCity, measureBudgets, NOT_YET_MET, SMALL, type BudgetedAction, type CitySize, type Measured } from '../../bench/request-budgets'

// The cost of a call is its database requests (issue 7): each budgeted action
// stays within its budget over the real engine, at a small size and at city
// scale (1,000 units, 12,000 members; unit 0 with more than a page of
// members), and makes the same requests at both: the cost does not grow with the data.

const CITY: CitySize = { units: 1_000, members: 12_000, communities: 60 }

async function measure(size: CitySize): Promise<Measured[]> {
  const { db, close } = openLocalDatabase(':memory:')
  try {
    await loadCostCity(db, size)
    return await measureBudgets(db)
  } finally {
    close()
  }
}

let small: Measured[]
let city: Measured[]
beforeAll(async () => {
  small = await measure(SMALL)
  city = await measure(CITY)
}, 120_000)

it('measures every budgeted action', () => {
  expect(new Set(small.map((m) => m.action))).toEqual(new Set(Object.keys(BUDGETS)))
})

it.each(['small', 'city'] as const)('every action keeps its budget (%s)', (which) => {
  const over = (which === 'small' ? small : city)
    .filter((m) => m.requests.length > ceilingOf(m.action))
    .map((m) => `${m.action}（${m.variant}）: ${m.requests.length} > ${ceilingOf(m.action)}: ${describeRequests(m.requests)}`)
  expect(over).toEqual([])
})

it('an action listed as not meeting its budget really does not (remove it from NOT_YET_MET once it does)', () => {
  const worst = (action: BudgetedAction) => Math.max(...[...small, ...city].filter((m) => m.action === action).map((m) => m.requests.length))
  for (const action of Object.keys(NOT_YET_MET) as BudgetedAction[]) {
    expect({ action, overBudget: worst(action) > BUDGETS[action], atCeiling: worst(action) === ceilingOf(action) }).toEqual({ action, overBudget: true, atCeiling: true })
  }
})

// The district view reads its units' tallies a page (1,000) at a time: its cost follows the units, never the members.
it('the requests are the same at city scale as in a small city, but for the district view', () => {
  const same = (list: Measured[]) => list.filter((m) => m.action !== 'stats.district').map((m) => [m.action, m.variant, describeRequests(m.requests)])
  expect(same(city)).toEqual(same(small))
})
