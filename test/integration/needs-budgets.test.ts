import { describeRequests } from '../../bench/request-budgets'
import { loadNeedsCommunity, measureNeedActions, NEED_BUDGETS, type NeedMeasure } from '../../bench/needs'
import { openLocalDatabase } from '../../local/runtime/open-database'

// The needs workflow's database requests (bench/needs.ts): each action within
// its budget in a community with 50 needs and with 3,000, and the same
// requests at both sizes — a deep page of the staff list costs what the first does.

async function measure(count: number): Promise<NeedMeasure[]> {
  const { db, close } = openLocalDatabase(':memory:')
  try {
    await loadNeedsCommunity(db, count)
    return await measureNeedActions(db)
  } finally {
    close()
  }
}

let small: NeedMeasure[]
let large: NeedMeasure[]
beforeAll(async () => {
  small = await measure(50)
  large = await measure(3_000)
}, 120_000)

it('every action keeps its budget, at both sizes', () => {
  const over = [...small, ...large].filter((m) => m.requests.length > NEED_BUDGETS[m.action]).map((m) => `${m.action}（${m.variant}）: ${m.requests.length}: ${describeRequests(m.requests)}`)
  expect(over).toEqual([])
})

it('makes the same requests with 3,000 needs as with 50', () => {
  const shape = (list: NeedMeasure[]) => list.map((m) => [m.action, m.variant, describeRequests(m.requests)])
  expect(shape(large)).toEqual(shape(small))
})
