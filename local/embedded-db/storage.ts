import Database from 'better-sqlite3'

// Durable storage: one SQLite table per collection, each row the document as
// relaxed Extended JSON plus a version. Versions come from one global sequence
// bumped by every committed write, so "changed since sequence S" is a single
// comparison (transactions use it to detect conflicts).

export interface Row {
  id: string
  doc: string
  version: number
}

export interface SqlFilter {
  sql: string
  params: unknown[]
}

/** Primary-key order, or INSERTED: rowid order, whatever index serves the filter. */
export type Order = 'ASC' | 'DESC' | 'INSERTED'

/** An ORDER BY over the row (no parameters; none: scan order), with an optional page of it. */
export interface SqlOrder {
  sql?: string
  limit?: number
  offset?: number
}

const COLLECTION_PREFIX = 'c:'
const STATEMENT_CACHE_LIMIT = 500

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

export function collectionTable(collection: string): string {
  return quoteIdent(COLLECTION_PREFIX + collection)
}

function selectParams(filter: SqlFilter | null, order: Order | SqlOrder | undefined): unknown[] {
  const params = filter?.params ?? []
  return typeof order === 'object' && order.limit !== undefined ? [...params, order.limit, order.offset ?? 0] : params
}

export class SqliteStore {
  readonly db: Database.Database
  private readonly statements = new Map<string, Database.Statement>()

  constructor(file: string) {
    this.db = new Database(file)
    // WAL lets readers proceed during a write; synchronous=FULL fsyncs the WAL
    // on every commit, so an acknowledged write survives kill -9 and power loss.
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS __meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT OR IGNORE INTO __meta (key, value) VALUES ('seq', 0);
      CREATE TABLE IF NOT EXISTS __indexes (name TEXT PRIMARY KEY, collection TEXT NOT NULL, spec TEXT NOT NULL);
    `)
  }

  prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear()
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  /** Runs `fn` in a write transaction taken up front, so read-modify-write cannot interleave across processes. */
  immediate<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate()
  }

  hasCollection(collection: string): boolean {
    return this.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(COLLECTION_PREFIX + collection) !== undefined
  }

  createCollection(collection: string): void {
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${collectionTable(collection)} (id TEXT PRIMARY KEY, doc TEXT NOT NULL, version INTEGER NOT NULL)`,
    )
  }

  listCollections(): string[] {
    const rows = this.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c:%'`).all() as Array<{ name: string }>
    return rows.map((row) => row.name.slice(COLLECTION_PREFIX.length))
  }

  currentSeq(): number {
    return (this.prepare(`SELECT value FROM __meta WHERE key = 'seq'`).get() as { value: number }).value
  }

  /** Call inside a write transaction. */
  nextSeq(): number {
    return (this.prepare(`UPDATE __meta SET value = value + 1 WHERE key = 'seq' RETURNING value`).get() as { value: number }).value
  }

  getRow(collection: string, id: string): Row | undefined {
    return this.prepare(`SELECT id, doc, version FROM ${collectionTable(collection)} WHERE id = ?`).get(id) as Row | undefined
  }

  insertRow(collection: string, row: Row): void {
    this.prepare(`INSERT INTO ${collectionTable(collection)} (id, doc, version) VALUES (?, ?, ?)`).run(row.id, row.doc, row.version)
  }

  updateRow(collection: string, row: Row): void {
    this.prepare(`UPDATE ${collectionTable(collection)} SET doc = ?, version = ? WHERE id = ?`).run(row.doc, row.version, row.id)
  }

  deleteRow(collection: string, id: string): void {
    this.prepare(`DELETE FROM ${collectionTable(collection)} WHERE id = ?`).run(id)
  }

  private selectSql(collection: string, filter: SqlFilter | null, order?: Order | SqlOrder): string {
    const where = filter ? ` WHERE ${filter.sql}` : ''
    const orderBy = order === 'INSERTED' ? ' ORDER BY rowid' : typeof order === 'object' ? (order.sql ? ` ORDER BY ${order.sql}` : '') : order ? ` ORDER BY id ${order}` : ''
    const page = typeof order === 'object' && order.limit !== undefined ? ' LIMIT ? OFFSET ?' : ''
    return `SELECT id, doc, version FROM ${collectionTable(collection)}${where}${orderBy}${page}`
  }

  /** Rows passing `filter` (all rows when null), optionally in primary-key, insertion or a given order (and paged). */
  select(collection: string, filter: SqlFilter | null, order?: Order | SqlOrder): IterableIterator<Row> {
    return this.prepare(this.selectSql(collection, filter, order)).iterate(...selectParams(filter, order)) as IterableIterator<Row>
  }

  /** SQLite's plan for the same select, for checking that an index serves it. */
  explain(collection: string, filter: SqlFilter | null, order?: 'ASC' | 'DESC' | SqlOrder): string[] {
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${this.selectSql(collection, filter, order)}`).all(...selectParams(filter, order))
    return (rows as Array<{ detail: string }>).map((row) => row.detail)
  }

  /** How many rows pass `filter`. */
  countWhere(collection: string, filter: SqlFilter): number {
    return (this.prepare(`SELECT count(*) AS n FROM ${collectionTable(collection)} WHERE ${filter.sql}`).get(...filter.params) as { n: number }).n
  }

  /**
   * The first `limit` keys passing `filter` in `order`, each with the value of
   * `flag` (0 or 1): only keys and sort values go through SQLite's sorter.
   */
  orderedKeys(collection: string, filter: SqlFilter | null, order: string, flag: string, limit: number): Array<{ id: string; flag: number }> {
    const where = filter ? ` WHERE ${filter.sql}` : ''
    return this.prepare(`SELECT id, ifnull((${flag}), 0) AS flag FROM ${collectionTable(collection)}${where} ORDER BY ${order} LIMIT ?`).all(...(filter?.params ?? []), limit) as Array<{ id: string; flag: number }>
  }

  /** Whether any row passes `filter`. */
  anyWhere(collection: string, filter: SqlFilter): boolean {
    return this.prepare(`SELECT 1 FROM ${collectionTable(collection)} WHERE ${filter.sql} LIMIT 1`).get(...filter.params) !== undefined
  }

  countRows(collection: string): number {
    return (this.prepare(`SELECT count(*) AS n FROM ${collectionTable(collection)}`).get() as { n: number }).n
  }

  /** Whether any key in [from, to) exists: a primary-key range probe. */
  hasKeyInRange(collection: string, from: string, to: string): boolean {
    return this.prepare(`SELECT 1 FROM ${collectionTable(collection)} WHERE id >= ? AND id < ? LIMIT 1`).get(from, to) !== undefined
  }

  exec(sql: string): void {
    this.db.exec(sql)
  }

  close(): void {
    this.statements.clear()
    if (this.db.open) this.db.close()
  }
}
