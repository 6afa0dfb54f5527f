import type { z } from 'zod'

// One action of a cloud function, as both sides see it: the input the caller
// sends (without `action`, which names the action) and the result it gets.
// Pure zod, so the client imports it too; the server pairs each action with
// its permission and handler (server/kernel/function-def.ts).

export interface ActionContract<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  input: I
  result: R
}

/** Action name → contract, for one cloud function. */
export type FunctionContract = Record<string, ActionContract>

export function action<I extends z.ZodType, R extends z.ZodType>(input: I, result: R): ActionContract<I, R> {
  return { input, result }
}
