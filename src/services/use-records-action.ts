import { recordsContract } from '../domain/contracts/records.contract'
import { inChina } from '../domain/china-time'
import { useAction } from './use-action'

/** Today's date in China, as the record forms start their date fields. */
export function todayText(): string {
  return inChina(new Date()).format('YYYY-MM-DD')
}

/** One `records` action from a page (use-action.ts): checked, sent, a toast on success; null when refused (message in `error`). */
export function useRecordsAction() {
  return useAction('records', recordsContract)
}
