import { randomBytes } from 'node:crypto'
import type { IndexSpec } from '../../server/db/indexes'
import * as actions from './actions'
import type { Ctx, Reply } from './actions'
import { runAggregate, type AggregateProbe } from './aggregate'
import { groupInSql } from './aggregate-sql'
import { EngineError, collectionNotExist, requestFailed } from './errors'
import { IndexRegistry } from './index-registry'
import type { Params } from './params'
import { QueryRunner } from './query-exec'
import { SnapshotLog } from './snapshot-log'
import { SqliteStore } from './storage'
import * as transactionActions from './transaction-actions'
import { TransactionManager } from './transactions'
import { Writer } from './writes'

// The embedded database service: answers the actions @cloudbase/database sends
// (`database.getDocument`, `database.insertDocument`, ...) with the replies the
// cloud gives: `{ requestId, ...fields }` on success and
// `{ requestId, code, message }` on failure. Synchronous: better-sqlite3 is,
// and each action is one SQLite transaction.

export interface OpenOptions {
  /** A file path, or ':memory:' for a throwaway database. */
  file: string
  /**
   * Create a collection on first use instead of failing with
   * DATABASE_COLLECTION_NOT_EXIST as the cloud does. Off by default.
   */
  autoCreateCollections?: boolean
  /**
   * The engine's time in milliseconds (Date.now by default): server dates and
   * the transaction lifetime. Tests pass their own to move time instead of waiting.
   */
  clock?: () => number
}

export type EngineReply = { requestId: string; code?: undefined; [field: string]: unknown } | { requestId: string; code: string; message: string }

type Handler = (ctx: Ctx, params: Params, now: number) => Reply

const HANDLERS: Record<string, Handler> = {
  'database.getDocument': actions.getDocument,
  'database.calculateDocument': actions.calculateDocument,
  'database.insertDocument': actions.insertDocument,
  'database.modifyDocument': actions.modifyDocument,
  'database.modifyAndReturnDoc': actions.modifyAndReturnDoc,
  'database.removeDocument': actions.removeDocument,
  'database.aggregateDocuments': actions.aggregateDocuments,
  'database.addCollection': actions.addCollection,
  'database.startTransaction': transactionActions.startTransaction,
  'database.commitTransaction': transactionActions.commitTransaction,
  'database.abortTransaction': transactionActions.abortTransaction,
  'database.getInTransaction': transactionActions.getInTransaction,
  'database.updateDocInTransaction': transactionActions.updateDocInTransaction,
  'database.deleteDocInTransaction': transactionActions.deleteDocInTransaction,
}

export const SUPPORTED_ACTIONS: readonly string[] = Object.keys(HANDLERS)

export class EmbeddedEngine {
  private ctx: Ctx | undefined
  private store: SqliteStore | undefined
  private fileName = ''
  private readonly requestPrefix = randomBytes(4).toString('hex')
  private requestCount = 0
  private clock: () => number = Date.now

  static open(options: OpenOptions): EmbeddedEngine {
    return new EmbeddedEngine().open(options)
  }

  open(options: OpenOptions): this {
    if (this.store) throw new Error('embedded-db: engine is already open')
    const store = new SqliteStore(options.file)
    const indexes = new IndexRegistry(store)
    const log = new SnapshotLog()
    const writer = new Writer(store, indexes, log)
    const autoCreate = options.autoCreateCollections === true
    const clock = (this.clock = options.clock ?? Date.now)
    this.store = store
    this.fileName = options.file
    this.ctx = {
      store,
      indexes,
      writer,
      queries: new QueryRunner(store, indexes),
      txns: new TransactionManager(store, writer, log, clock),
      requireCollection(name) {
        if (store.hasCollection(name)) return
        if (!autoCreate) throw collectionNotExist(name)
        store.createCollection(name)
      },
    }
    return this
  }

  get file(): string {
    return this.fileName
  }

  get isOpen(): boolean {
    return this.store !== undefined
  }

  private context(): Ctx {
    if (!this.ctx) throw new Error('embedded-db: engine is not open')
    return this.ctx
  }

  /** Answers one builder action. Never throws for database errors: they are replies. */
  handle(action: string, params: Params = {}): EngineReply {
    const ctx = this.context()
    const requestId = `${this.requestPrefix}_${++this.requestCount}`
    const handler = HANDLERS[action]
    try {
      // Every request first ends the transactions past their lifetime, so an
      // abandoned one releases its locks and snapshot at the next request.
      ctx.txns.expire()
      if (!handler) throw requestFailed(`[InvalidAction] the embedded database does not implement ${action}`)
      return { ...handler(ctx, params, this.clock()), requestId }
    } catch (error) {
      const failure = error instanceof EngineError ? error : requestFailed(`[InternalError] ${(error as Error)?.message ?? String(error)}`)
      return { requestId, code: failure.code, message: failure.message }
    }
  }

  /** Creates the declared indexes (and their collections). Throws if existing data breaks a unique index. */
  declareIndexes(list: readonly IndexSpec[]): void {
    const { indexes } = this.context()
    for (const spec of list) indexes.declare(spec)
  }

  /** Creates collections that do not exist yet (what the cloud console's "add collection" does). */
  ensureCollections(names: readonly string[]): void {
    const { store } = this.context()
    for (const name of names) store.createCollection(name)
  }

  /**
   * SQLite's query plan for the candidate scan of a filter (plain JS values,
   * as after EJSON decoding): shows whether a declared index serves it.
   */
  explain(collection: string, query: Record<string, unknown>, sort?: Record<string, 1 | -1>): string[] {
    return this.context().queries.plan(collection, query, sort)
  }

  /** What open transactions hold: their number, their document locks and the snapshot entries kept for them. */
  transactionsHeld(): { transactions: number; locks: number; snapshotEntries: number } {
    return this.context().txns.held()
  }

  /**
   * Whether a pipeline (plain JS stages, as after EJSON decoding) is grouped
   * in SQL rather than by mingo over every document: shows the fast path serves it.
   */
  groupsInSql(collection: string, pipeline: Array<Record<string, unknown>>): boolean {
    return groupInSql(this.context().store, collection, pipeline) !== null
  }

  /**
   * Runs a pipeline (plain JS stages, as after EJSON decoding) and says how it
   * was narrowed: SQLite's plan for the candidate scan, the part of the leading
   * $match mingo still checks, and what each narrowed $lookup read.
   */
  aggregateProbe(collection: string, pipeline: Array<Record<string, unknown>>): AggregateProbe & { rows: Array<Record<string, unknown>>; plan: string[] } {
    const { store, indexes } = this.context()
    const probe: AggregateProbe = { lookups: [] }
    const rows = runAggregate(store, indexes, collection, pipeline, probe)
    return { ...probe, rows, plan: store.explain(collection, probe.filter ?? null, { sql: 'rowid' }) }
  }

  listCollections(): string[] {
    return this.context().store.listCollections()
  }

  /** Aborts open transactions and closes the file; acknowledged writes are already on disk. */
  close(): void {
    if (!this.store) return
    this.ctx?.txns.abortAll()
    this.store.close()
    this.store = undefined
    this.ctx = undefined
  }
}
