import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONTRACTS } from '../../src/domain/contracts'
import { PERMISSIONS } from '../../src/domain/permissions'
import { FUNCTIONS } from '../../server/functions'

// The registry, the deployable entries and the client's contracts name the
// same functions, and every function implements exactly its contract's actions.

const ROOT = join(__dirname, '../..')
const entries = readdirSync(join(ROOT, 'cloudfunctions')).filter((name) => existsSync(join(ROOT, 'cloudfunctions', name, 'index.ts')))

it('every function in the registry has a cloudfunctions/<name> entry, and the other way round', () => {
  expect([...FUNCTIONS.keys()].sort()).toEqual(entries.sort())
})

it.each(entries)('cloudfunctions/%s serves the registry’s function of that name', (name) => {
  const source = readFileSync(join(ROOT, 'cloudfunctions', name, 'index.ts'), 'utf8')
  expect(source).toMatch(new RegExp(`serve\\(${name}, cloud\\)`))
  expect(source).toContain(`server/features/${name}/${name}.function'`)
})

it('the client’s contracts name the same functions', () => {
  expect(Object.keys(CONTRACTS).sort()).toEqual([...FUNCTIONS.keys()].sort())
})

it.each([...FUNCTIONS.values()].map((fn) => [fn.name, fn] as const))('%s implements each action of its contract, with a known permission', (name, fn) => {
  expect(fn.contract).toBe(CONTRACTS[name as keyof typeof CONTRACTS])
  expect(Object.keys(fn.actions).sort()).toEqual(Object.keys(fn.contract).sort())
  for (const handler of Object.values(fn.actions)) {
    expect(handler.permission === 'public' || Object.prototype.hasOwnProperty.call(PERMISSIONS, handler.permission)).toBe(true)
  }
})
