import { MESSAGE_KINDS, MESSAGE_KIND_NAMES } from '../../src/domain/message-kinds'

/** `npm start` works without a WeChat console: an unset TEMPLATE_* variable gets a local template id. */
export function useLocalTemplateIds(env: NodeJS.ProcessEnv = process.env): void {
  for (const kind of MESSAGE_KIND_NAMES) env[MESSAGE_KINDS[kind].envVar] ??= `local-${kind}`
}
