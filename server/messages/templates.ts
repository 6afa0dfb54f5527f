import { MESSAGE_KINDS, MESSAGE_KIND_NAMES, type MessageKind } from '../../src/domain/message-kinds'

// Template ids come from the functions' environment variables, one per kind
// (MESSAGE_KINDS[kind].envVar); an unset one means the kind is not configured
// in this environment and its messages are recorded as not attempted.

type Env = Record<string, string | undefined>

export function templateIdOf(kind: MessageKind, env: Env = process.env): string {
  return (env[MESSAGE_KINDS[kind].envVar] ?? '').trim()
}

export function kindOfTemplate(templateId: string, env: Env = process.env): MessageKind | undefined {
  return templateId ? MESSAGE_KIND_NAMES.find((kind) => templateIdOf(kind, env) === templateId) : undefined
}

/** developer | trial | formal: which build of the mini-program a message opens (MINIPROGRAM_STATE, default formal). */
export function miniprogramState(env: Env = process.env): 'developer' | 'trial' | 'formal' {
  const state = env.MINIPROGRAM_STATE
  return state === 'developer' || state === 'trial' ? state : 'formal'
}
