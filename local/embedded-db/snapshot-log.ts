import type { Row } from './storage'

// Pre-images of rows overwritten while transactions are open, so a transaction
// can read the database as it was when it started (snapshot isolation) from a
// single SQLite connection. An entry says: "the write at sequence `seq`
// replaced `before` (undefined = the row did not exist)". A transaction that
// started at S sees, for a row, the `before` of the first entry with seq > S,
// or the current row when there is none. Writes made by another process on the
// same file are not logged; such a row is read as it is now and, if written by
// the transaction, fails its commit as a conflict.

interface Entry {
  seq: number
  before: Row | undefined
}

function keyOf(collection: string, id: string): string {
  return `${collection}\u0000${id}`
}

export class SnapshotLog {
  private readonly entries = new Map<string, Entry[]>()
  private readonly openStarts = new Map<string, number>()

  open(transactionId: string, startSeq: number): void {
    this.openStarts.set(transactionId, startSeq)
  }

  close(transactionId: string): void {
    this.openStarts.delete(transactionId)
    this.prune()
  }

  /** Call before overwriting or deleting a row at sequence `seq`. Free when no transaction is open. */
  record(collection: string, id: string, before: Row | undefined, seq: number): void {
    if (this.openStarts.size === 0) return
    const key = keyOf(collection, id)
    const list = this.entries.get(key) ?? []
    list.push({ seq, before })
    this.entries.set(key, list)
  }

  /**
   * The row as of `startSeq`: `{ found: true, row }` when the log knows it
   * (row undefined = absent then), `{ found: false }` when the current row is it.
   */
  asOf(collection: string, id: string, startSeq: number): { found: true; row: Row | undefined } | { found: false } {
    const entry = this.entries.get(keyOf(collection, id))?.find((candidate) => candidate.seq > startSeq)
    return entry ? { found: true, row: entry.before } : { found: false }
  }

  /** Pre-images held, for checking that ended transactions release theirs. */
  size(): number {
    let n = 0
    for (const list of this.entries.values()) n += list.length
    return n
  }

  private prune(): void {
    if (this.openStarts.size === 0) {
      this.entries.clear()
      return
    }
    const oldest = Math.min(...this.openStarts.values())
    for (const [key, list] of this.entries) {
      const kept = list.filter((entry) => entry.seq > oldest)
      if (kept.length === 0) this.entries.delete(key)
      else this.entries.set(key, kept)
    }
  }
}
