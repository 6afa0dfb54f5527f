import { randomBytes } from 'node:crypto'

/** An id chosen before the write, so one transaction can insert a document and point to it. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(10).toString('hex')}`
}
