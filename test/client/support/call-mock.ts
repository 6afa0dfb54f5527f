import { resetSession } from '../../../src/services/session'
import { setRouterParams } from './taro'
import type { Result } from '../../../src/domain/result'
import type { BootstrapData } from '../../../src/domain/contracts/bootstrap.contract'

/** The gateway as a mock sees it: any name, any data (the typed signature is checked at the call sites). */
type Call = (name: string, data?: object) => Promise<Result<unknown>>

export type MockedGateway = jest.MockedFunction<Call>

/** The mocked `callFunction` of a test module, untyped so one mock answers every action. */
export function mockedGateway(callFunction: unknown): MockedGateway {
  return callFunction as MockedGateway
}
type Handler = (data: Record<string, unknown>) => Result<unknown> | Promise<Result<unknown>>

/**
 * Answers a mocked callFunction by function name and `action`:
 * routeCalls(mock, bootstrap, { 'report.lookup': (data) => ok(...) }).
 * A call with no handler fails loudly, so a test sees what the page asked for.
 */
export function routeCalls(mock: jest.MockedFunction<Call>, bootstrap: BootstrapData, handlers: Record<string, Handler>): void {
  mock.mockImplementation(async (name: string, data?: object) => {
    if (name === 'bootstrap') return { ok: true, data: bootstrap }
    const body = (data ?? {}) as Record<string, unknown>
    const key = typeof body.action === 'string' ? `${name}.${body.action}` : name
    const handler = handlers[key]
    if (!handler) return { ok: false, code: 'UNMOCKED', message: `测试未模拟 ${key}` }
    return handler(body)
  })
}

export function ok<T>(data: T): Result<T> {
  return { ok: true, data }
}

export function fail(code: string, message: string): Result<never> {
  return { ok: false, code, message }
}

/** The calls a page made to one function action, as the data it sent. */
export function callsTo(mock: jest.MockedFunction<Call>, name: string, action?: string): Array<Record<string, unknown>> {
  return mock.mock.calls
    .filter(([n, d]) => n === name && (action === undefined || (d as { action?: string } | undefined)?.action === action))
    .map(([, d]) => (d ?? {}) as Record<string, unknown>)
}

/**
 * A page test's clean start: no session, no recorded or answered calls, an
 * empty query. Tests that render as one platform set TARO_ENV themselves.
 */
export function freshPage(mock: MockedGateway): void {
  resetSession()
  mock.mockReset()
  jest.clearAllMocks()
  setRouterParams({})
}
