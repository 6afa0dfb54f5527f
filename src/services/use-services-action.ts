import { servicesContract } from '../domain/contracts/services.contract'
import { useAction } from './use-action'

/** One `services` action from a page (use-action.ts): checked, sent, a toast on success; null when refused (message in `error`). */
export function useServicesAction() {
  return useAction('services', servicesContract)
}
