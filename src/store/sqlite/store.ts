import { AsyncLocalStorage } from 'node:async_hooks'
import Database from 'better-sqlite3'
import type { Article, ArticleId, ArticleMeta, ArticleText, DateSource, Problem, RawInput } from '../../article.js'
import { indexTerms } from '../../analyze/index-terms.js'
import { MIN_TITLE_KEY_CHARS, type Candidate } from '../../dedupe/decide.js'
import type { ArticleQuery, LocatorState, OutletRow, QuarantineEntry, SearchHit, Store, StoreStats } from '../store.js'
import { queryWords, toFtsQuery } from '../fts-query.js'
import { makeSnippet } from '../snippet.js'
import { foldText } from '../../normalize/fold.js'
import { decodeBlocks, encodeBlocks } from './compact-blocks.js'
import { migrations } from './schema.js'
import { LshIndex } from './lsh-index.js'
import { probeOf, SummaryIndex } from './summary-index.js'
import { DEFAULT_SHARD_ROWS, FtsShards, type FtsRow } from './fts-shards.js'

type Row = Record<string, any>

// Ranking every match of a common word by bm25 is slow on a large archive; rank only the
// most recent matches (highest rowids), which is what a reader of news wants first anyway.
const SEARCH_CANDIDATES = 2000
// Search rows written to the full-text index at a time inside a transaction.
const FTS_BATCH_ROWS = 100

export interface SqliteOptions {
  /** Rowids per full-text shard (see fts-shards.ts); small values are for tests. */
  ftsShardRows?: number
}

export function openSqlite(path: string, opts: SqliteOptions = {}): Store {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  // Dedupe probes LSH and title indexes for every article: keep the hot index pages in memory
  // (16 MB) instead of SQLite's 2 MB default, which thrashes once the archive grows. (64 MB
  // bought nothing measurable at 50,000 articles once candidates were screened in memory, nor
  // did 32 MB over 16 MB, which takes 16 MB off ingest's peak RSS; 8 MB cost ~15% more CPU.)
  db.pragma('cache_size = -16000')
  db.pragma('temp_store = MEMORY')
  // Checkpoint the WAL less often during bulk ingest (about 40 MB instead of 4 MB of pages).
  db.pragma('wal_autocheckpoint = 10000')
  migrate(db)
  return new SqliteStore(db, opts.ftsShardRows ?? DEFAULT_SHARD_ROWS)
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > migrations.length)
    throw new Error(`database schema version ${version} is newer than this jianting (${migrations.length}); upgrade jianting`)
  for (let v = version; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v])
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}

// Every article stamps three rows (raw, article, location); within one millisecond the stamp
// is the same string, so it is formatted once (toISOString was 1% of the writer's time).
let lastStampMs = -1
let lastStamp = ''
function now(): string {
  const ms = Date.now()
  if (ms !== lastStampMs) (lastStampMs = ms), (lastStamp = new Date(ms).toISOString())
  return lastStamp
}

const FULL_ROW = 'SELECT a.*, b.text, b.images, b.blocks FROM articles a JOIN article_bodies b ON b.rowid = a.rowid'
// Every column but the text, blocks, images and fingerprint.
const META_COLUMNS =
  'a.id, a.outlet_id, a.outlet_name, a.via_outlet, a.via_url, a.title, a.url, a.canonical_url, a.published_at, a.date_source, a.author, a.section, a.lang, a.kind, a.locator, a.format, a.raw_sha256, a.duplicate_of, a.duplicate_reason'
// Metadata only (no join with the bodies).
const META_ROW = `SELECT ${META_COLUMNS} FROM articles a`
// Metadata, text and images: what clustering reads (`articleTexts`).
const TEXT_ROW = `SELECT ${META_COLUMNS}, b.text, b.images FROM articles a JOIN article_bodies b ON b.rowid = a.rowid`
const CANDIDATE = 'SELECT rowid, id, duplicate_of, outlet_id, text_hash, minhash, shingle_count, title_key FROM articles'

class SqliteStore implements Store {
  readonly capabilities = { concurrentWriters: false, fullTextSearch: 'fts5' } as const
  private readonly q
  // FTS rows of the open transaction, written just before COMMIT. FTS5 flushes its pending
  // terms to a new segment at every statement savepoint (any write that may abort midway:
  // foreign keys, upserts, multi-row inserts), so inserting them as articles arrive made one
  // tiny segment per article and endless merging; written together they make one per batch.
  private pendingFts: FtsRow[] = []
  // Loaded on the first duplicate probe; dropped on rollback (it may hold rowids undone).
  private summaries: SummaryIndex | undefined
  private readonly lsh: LshIndex
  private readonly fts: FtsShards
  // Outlet ids this connection has made sure of (forgotten on rollback).
  private outletIds = new Set<string>()

  constructor(private readonly db: Database.Database, ftsShardRows: number) {
    this.lsh = new LshIndex(db)
    this.fts = new FtsShards(db, ftsShardRows)
    this.q = {
      location: db.prepare('SELECT sha256, status FROM locations WHERE locator = ?'),
      putRaw: db.prepare('INSERT OR IGNORE INTO raw (sha256, bytes, size, first_seen) VALUES (?, ?, ?, ?)'),
      // A new location is a plain insert, a known one an update (see markLocation).
      insertLocation: db.prepare('INSERT INTO locations (locator, sha256, kind, status, seen_at) VALUES (?, ?, ?, ?, ?)'),
      updateLocation: db.prepare('UPDATE locations SET sha256 = ?, status = ?, seen_at = ? WHERE locator = ?'),
      putOutlet: db.prepare('INSERT INTO outlets (id, name, known) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING'),
      articleRowid: db.prepare('SELECT rowid FROM articles WHERE id = ?'),
      // A clustering batch reads a part per event it loads: prepared once.
      statePart: db.prepare('SELECT body FROM derived_parts WHERE key = ? AND part = ?'),
      putStatePart: db.prepare('INSERT INTO derived_parts (key, part, body) VALUES (?, ?, ?) ON CONFLICT(key, part) DO UPDATE SET body = excluded.body'),
      dropStatePart: db.prepare('DELETE FROM derived_parts WHERE key = ? AND part = ?'),
      // Positional, not named: binding 24 named parameters from an object per article cost
      // more than the values themselves.
      insertArticle: db.prepare(`INSERT INTO articles (id, locator, raw_sha256, format, kind, outlet_id, outlet_name, via_outlet, via_url,
        title, url, canonical_url, published_at, date_source, author, section, lang, text_hash, minhash,
        shingle_count, title_key, duplicate_of, duplicate_reason, ingested_at)
        VALUES (${Array(24).fill('?').join(', ')})`),
      insertBody: db.prepare('INSERT INTO article_bodies (rowid, text, images, blocks) VALUES (?, ?, ?, ?)'),
      quarantine: db.prepare(
        `INSERT INTO quarantine (locator, sha256, code, stage, detail, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(locator) DO UPDATE SET sha256 = excluded.sha256, code = excluded.code, stage = excluded.stage, detail = excluded.detail, at = excluded.at
         WHERE (sha256, code, stage, detail) IS NOT (excluded.sha256, excluded.code, excluded.stage, excluded.detail)`,
      ),
      unquarantine: db.prepare('DELETE FROM quarantine WHERE locator = ?'),
      byId: db.prepare(`${FULL_ROW} WHERE a.id = ?`),
      textById: db.prepare('SELECT b.text FROM articles a JOIN article_bodies b ON b.rowid = a.rowid WHERE a.id = ?').pluck(),
      copies: db.prepare(`${FULL_ROW} WHERE a.duplicate_of = ? ORDER BY a.rowid`),
      byHash: db.prepare(`${CANDIDATE} WHERE text_hash = ? AND duplicate_of IS NULL LIMIT 20`),
      byUrl: db.prepare('SELECT rowid FROM articles WHERE canonical_url = ? AND duplicate_of IS NULL LIMIT 20'),
      byTitle: db.prepare(`${CANDIDATE} WHERE title_key = ? AND duplicate_of IS NULL LIMIT 50`),
      // One statement: the rowids sharing a band, and their fingerprints (small rows, no text).
      byRowid: db.prepare(`${CANDIDATE} WHERE rowid = ?`),
      originals: db.prepare('SELECT rowid, minhash, title_key FROM articles WHERE duplicate_of IS NULL'),
      // Originals per outlet as all its articles less its copies, each counted from an index
      // (articles_outlet, articles_copies_outlet): joining every article row to test duplicate_of
      // took 0.4–0.7 s at 100,000 articles, this ≈ 10 ms.
      outlets: db.prepare(`SELECT o.id, o.name, o.known, coalesce(t.n, 0) - coalesce(c.n, 0) AS n FROM outlets o
                           LEFT JOIN (SELECT outlet_id, COUNT(*) AS n FROM articles GROUP BY outlet_id) t ON t.outlet_id = o.id
                           LEFT JOIN (SELECT outlet_id, COUNT(*) AS n FROM articles INDEXED BY articles_copies_outlet WHERE duplicate_of IS NOT NULL GROUP BY outlet_id) c ON c.outlet_id = o.id
                           ORDER BY n DESC, o.id`),
      quarantined: db.prepare('SELECT * FROM quarantine ORDER BY at, locator'),
      byRowidFull: db.prepare('SELECT a.id, a.title, b.text, a.outlet_id, a.outlet_name, a.published_at FROM articles a JOIN article_bodies b ON b.rowid = a.rowid WHERE a.rowid = ?'),
    }
  }

  async locatorState(locator: string, sha256: string): Promise<LocatorState> {
    const row = this.q.location.get(locator) as Row | undefined
    if (!row) return 'new'
    if (row.sha256 !== sha256) return 'changed'
    return row.status === 'quarantined' ? 'quarantined' : 'done'
  }

  async putRaw(raw: RawInput): Promise<void> {
    this.q.putRaw.run(raw.sha256, Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength), raw.bytes.byteLength, now())
  }

  async ensureOutlet(o: { id: string; name: string; known: boolean }): Promise<void> {
    // Once inserted (or found) the row stays: outlets are never deleted, only a rollback undoes it.
    if (this.outletIds.has(o.id)) return
    this.q.putOutlet.run(o.id, o.name, o.known ? 1 : 0)
    this.outletIds.add(o.id)
  }

  async upsertArticle(a: Article): Promise<ArticleId> {
    if (this.q.articleRowid.get(a.id)) {
      this.markLocation(a.provenance.locator, a.provenance.sha256, a.provenance.kind, 'article')
      return a.id
    }
    const fp = a.fingerprint
    const info = this.q.insertArticle.run(
      a.id,
      a.provenance.locator,
      a.provenance.sha256,
      a.provenance.format,
      a.provenance.kind,
      a.outletId,
      a.outletName,
      a.via?.outlet ?? null,
      a.via?.url ?? null,
      a.title,
      a.url ?? null,
      a.canonicalUrl ?? null,
      a.publishedAt ?? null,
      a.dateSource,
      a.author ?? null,
      a.section ?? null,
      a.lang,
      fp.textHash,
      Buffer.from(fp.minhash.buffer, fp.minhash.byteOffset, fp.minhash.byteLength),
      fp.shingleCount,
      fp.titleKey,
      a.duplicateOf ?? null,
      a.duplicateReason ?? null,
      now(),
    )
    const rowid = Number(info.lastInsertRowid)
    this.q.insertBody.run(rowid, a.text, JSON.stringify(a.images), encodeBlocks(a.text, a.blocks))
    // Copies are linked, not indexed: search, candidates and counts see each article once.
    this.lsh.add(rowid, a.duplicateOf ? undefined : fp.minhash)
    if (!a.duplicateOf) {
      this.summaries?.set(rowid, fp.minhash, fp.titleKey)
      const t = a.terms ?? indexTerms(a.title, a.folded)
      this.pendingFts.push({ rowid, title: t.title, body: t.body, extra: t.extra })
      // Rows wait for a batch (one look at the shard list for many), not for the commit: a
      // 1,000-input transaction would otherwise hold every article's search terms in memory.
      if (!this.db.inTransaction || this.pendingFts.length >= FTS_BATCH_ROWS) this.flushFts()
    }
    this.markLocation(a.provenance.locator, a.provenance.sha256, a.provenance.kind, 'article')
    return a.id
  }

  private flushFts(): void {
    this.fts.insert(this.pendingFts)
    this.pendingFts = []
  }

  private markLocation(locator: string, sha256: string, kind: string, status: 'article' | 'quarantined') {
    // Not one upsert: a statement that may update a row and fail a check midway (the foreign
    // key on sha256) runs inside a statement savepoint, and FTS5 writes its pending terms out
    // as a new segment at every savepoint, so each batch of search rows became a segment of
    // its own to write and merge (the upsert took 12% of ingest's SQLite time at 10,000 bench articles). A plain
    // single-row insert needs no savepoint; only a re-ingested location takes the update.
    const known = this.q.location.get(locator) as Row | undefined
    // The same input failing the same way again (a quarantined input is retried each run) changes nothing.
    if (known && known.sha256 === sha256 && known.status === status) return
    if (known) this.q.updateLocation.run(sha256, status, now(), locator)
    else this.q.insertLocation.run(locator, sha256, kind, status, now())
    if (status === 'article') this.q.unquarantine.run(locator)
  }

  async quarantine(raw: RawInput, p: Problem): Promise<void> {
    this.q.quarantine.run(raw.locator, raw.sha256, p.code, p.stage, p.detail, now())
    this.markLocation(raw.locator, raw.sha256, raw.kind, 'quarantined')
  }

  async article(id: string): Promise<Article | undefined> {
    const row = this.q.byId.get(id) as Row | undefined
    return row ? rowToArticle(row) : undefined
  }

  async articleText(id: string): Promise<string | undefined> {
    return this.q.textById.get(id) as string | undefined
  }

  async *articles(q: ArticleQuery): AsyncIterable<Article> {
    const [sql, params] = articleQuery(FULL_ROW, q)
    for (const row of this.db.prepare(sql).iterate(...params)) yield rowToArticle(row as Row)
  }

  async *articleMetas(q: ArticleQuery): AsyncIterable<ArticleMeta> {
    const [sql, params] = articleQuery(META_ROW, q)
    for (const row of this.db.prepare(sql).iterate(...params)) yield rowToMeta(row as Row)
  }

  async *articleTexts(q: ArticleQuery): AsyncIterable<ArticleText> {
    const [sql, params] = articleQuery(TEXT_ROW, q)
    for (const row of this.db.prepare(sql).iterate(...params)) yield rowToText(row as Row)
  }

  async *urlDates(after: number, upTo: number): AsyncIterable<{ id: string; url: string; publishedAt?: string; dateSource: DateSource }> {
    const sql = 'SELECT id, url, published_at, date_source FROM articles WHERE rowid > ? AND rowid <= ? AND url IS NOT NULL ORDER BY rowid'
    for (const r of this.db.prepare(sql).iterate(after, upTo) as Iterable<Row>)
      yield { id: r.id as string, url: r.url as string, ...(r.published_at ? { publishedAt: r.published_at as string } : {}), dateSource: r.date_source as DateSource }
  }

  async setSequenceDates(dates: ReadonlyMap<string, string>): Promise<void> {
    const set = this.db.prepare("UPDATE articles SET published_at = ?, date_source = 'sequence' WHERE id = ? AND date_source IN ('none', 'image-path')")
    await this.transaction(async () => {
      for (const [id, date] of dates) set.run(date, id)
    })
  }

  async copiesOf(id: string): Promise<Article[]> {
    return (this.q.copies.all(id) as Row[]).map(rowToArticle)
  }

  async duplicateCandidates(a: Pick<Article, 'fingerprint' | 'canonicalUrl'>): Promise<Candidate[]> {
    const fp = a.fingerprint
    const rows = new Map<number, Row>()
    const add = (r: Row | undefined) => r && rows.set(r.rowid, r)
    // Articles at the same URL or sharing an LSH band are read only if they may be copies.
    const summaries = this.loadSummaries()
    const probe = probeOf(fp.minhash, fp.titleKey)
    const screen = (rowid: number) => !rows.has(rowid) && summaries.mayMatch(rowid, probe) && add(this.q.byRowid.get(rowid) as Row)
    for (const r of this.q.byHash.all(fp.textHash) as Row[]) add(r)
    if (a.canonicalUrl) for (const { rowid } of this.q.byUrl.all(a.canonicalUrl) as Row[]) screen(rowid)
    if (fp.titleKey.length >= MIN_TITLE_KEY_CHARS) for (const r of this.q.byTitle.all(fp.titleKey) as Row[]) add(r)
    for (const rowid of this.lsh.candidates(fp.minhash)) screen(rowid)
    return [...rows.values()].map((r) => ({
      id: r.id,
      duplicateOf: r.duplicate_of ?? undefined,
      outletId: r.outlet_id,
      fingerprint: { textHash: r.text_hash, minhash: blobToMinhash(r.minhash), shingleCount: r.shingle_count, titleKey: r.title_key },
    }))
  }

  private loadSummaries(): SummaryIndex {
    if (this.summaries) return this.summaries
    const index = new SummaryIndex()
    for (const r of this.q.originals.iterate() as Iterable<Row>) {
      const minhash = blobToMinhash(r.minhash)
      index.set(r.rowid, minhash, r.title_key)
      this.lsh.noteStored(minhash) // every original: the LSH table holds some of them
    }
    this.lsh.filterComplete()
    return (this.summaries = index)
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const match = toFtsQuery(query)
    if (!match) return []
    this.flushFts()
    // Rank first (bm25 only, over the bounded candidate set), then cut snippets for the page
    // of results alone.
    const ranked = this.fts.search(match, SEARCH_CANDIDATES, opts.limit ?? 20)
    const words = queryWords(query)
    const rows: Row[] = ranked.map((r) => {
      const row = this.q.byRowidFull.get(r.rowid) as Row
      return { ...row, snip: makeSnippet(row.text, words), score: r.score }
    })
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      outletId: r.outlet_id,
      outletName: r.outlet_name,
      publishedAt: r.published_at ?? undefined,
      snippet: r.snip,
      score: -r.score,
    }))
  }

  async outlets(): Promise<OutletRow[]> {
    return (this.q.outlets.all() as Row[]).map((r) => ({ id: r.id, name: r.name, known: r.known === 1, articles: r.n }))
  }

  async *quarantined(): AsyncIterable<QuarantineEntry> {
    for (const r of this.q.quarantined.iterate() as Iterable<Row>)
      yield { locator: r.locator, code: r.code, stage: r.stage, detail: r.detail, at: r.at, sha256: r.sha256 }
  }

  async stats(): Promise<StoreStats> {
    const one = (sql: string) => (this.db.prepare(sql).get() as Row).n as number
    return {
      raw: one('SELECT COUNT(*) AS n FROM raw'),
      articles: one('SELECT COUNT(*) AS n FROM articles WHERE duplicate_of IS NULL'),
      duplicates: one('SELECT COUNT(*) AS n FROM articles WHERE duplicate_of IS NOT NULL'),
      quarantined: one('SELECT COUNT(*) AS n FROM quarantine'),
      outlets: one('SELECT COUNT(*) AS n FROM outlets'),
    }
  }

  async articlesVersion(): Promise<string> {
    const r = this.db.prepare('SELECT COUNT(*) AS n, coalesce(max(rowid), 0) AS last, COUNT(duplicate_of) AS copies FROM articles').get() as Row
    return `${r.n}:${r.last}:${r.copies}`
  }

  async cached(key: string, version: string): Promise<string | undefined> {
    const r = this.db.prepare('SELECT body FROM derived_cache WHERE key = ? AND version = ?').get(key, version) as Row | undefined
    return r ? (r.body as string) : undefined
  }

  async savedState(key: string): Promise<{ version: string; body: Uint8Array } | undefined> {
    const r = this.db.prepare('SELECT version, body FROM derived_cache WHERE key = ?').get(key) as Row | undefined
    return r && r.body instanceof Uint8Array ? { version: r.version as string, body: r.body } : undefined
  }

  // The same table as `cached`: a BLOB stays a BLOB in a column of TEXT affinity.
  async saveState(key: string, version: string, body: Uint8Array): Promise<void> {
    this.putDerived(key, version, body)
  }

  async stateParts(key: string, names: Iterable<string>): Promise<Map<string, Uint8Array>> {
    const get = this.q.statePart
    const out = new Map<string, Uint8Array>()
    for (const name of names) {
      const r = get.get(key, name) as Row | undefined
      if (r) out.set(name, r.body)
    }
    return out
  }

  async *allStateParts(key: string, prefix: string): AsyncIterable<readonly [string, Uint8Array]> {
    // A range on the (key, part) index: the parts of one prefix without scanning the others.
    const rows = this.db.prepare('SELECT part, body FROM derived_parts WHERE key = ? AND part >= ? AND part < ? ORDER BY part').iterate(key, prefix, `${prefix}\uffff`)
    for (const r of rows as Iterable<Row>) yield [r.part as string, r.body as Uint8Array] as const
  }

  async saveStateParts(key: string, version: string, body: Uint8Array, parts: ReadonlyMap<string, Uint8Array | undefined>, replace: boolean): Promise<void> {
    const put = this.q.putStatePart
    const drop = this.q.dropStatePart
    this.db.transaction(() => {
      if (replace) this.db.prepare('DELETE FROM derived_parts WHERE key = ?').run(key)
      for (const [name, part] of parts) {
        if (part) put.run(key, name, part)
        else if (!replace) drop.run(key, name)
      }
      this.putDerived(key, version, body)
    })()
  }

  async *articlesWithoutPart(key: string, prefix: string, after = 0): AsyncIterable<ArticleText> {
    // The rowids first, from the articles table alone: testing each row of the join with the
    // bodies read every text of the archive (3 s at 100,000 articles). Testing every row of the
    // articles table against the parts was most of an update of 1,000 articles at 100,000
    // stored (~150 ms): `after` starts past those a previous read took in.
    const sql = `${TEXT_ROW} WHERE a.rowid IN (SELECT rowid FROM articles x WHERE x.rowid > ? AND NOT EXISTS (SELECT 1 FROM derived_parts p WHERE p.key = ? AND p.part = ? || x.id)) ORDER BY a.rowid`
    for (const row of this.db.prepare(sql).iterate(after, key, prefix)) yield rowToText(row as Row)
  }

  // A rowid is one more than the largest when a row is inserted, in the one writer's
  // transaction, and no article is deleted: rowids grow in the order articles are committed.
  async articlesEnd(): Promise<number> {
    return (this.db.prepare('SELECT COALESCE(MAX(rowid), 0) AS n FROM articles').get() as Row).n as number
  }

  async articlesRemoved(): Promise<number> {
    return (this.db.prepare("SELECT value FROM store_counters WHERE name = 'articles-removed'").get() as Row).value as number
  }

  async partsWithoutArticle(key: string, prefix: string): Promise<number> {
    const sql = 'SELECT COUNT(*) AS n FROM derived_parts p WHERE p.key = ? AND p.part >= ? AND p.part < ? AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = substr(p.part, ?))'
    return (this.db.prepare(sql).get(key, prefix, `${prefix}\uffff`, prefix.length + 1) as Row).n as number
  }

  async putCached(key: string, version: string, body: string): Promise<void> {
    this.putDerived(key, version, body)
  }

  private putDerived(key: string, version: string, body: string | Uint8Array): void {
    this.db.prepare('INSERT INTO derived_cache (key, version, body, at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET version = excluded.version, body = excluded.body, at = excluded.at').run(key, version, body, new Date().toISOString())
  }

  // Transactions of one connection run one after another. Their functions await, so two flows
  // of one process (the server refreshing its events while an upload is ingested) could
  // otherwise interleave: the second BEGIN failed, and its ROLLBACK undid the first's work,
  // leaving it to commit nothing. A transaction begun inside another (same async flow) joins it.
  private queue: Promise<unknown> = Promise.resolve()
  private readonly inTransaction = new AsyncLocalStorage<true>()

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) return fn(this)
    const run = () => this.inTransaction.run(true, () => this.runTransaction(fn))
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }

  private async runTransaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    // better-sqlite3's db.transaction() cannot span awaits; every method here is synchronous
    // underneath, so an explicit BEGIN/COMMIT around the awaited function is safe.
    this.db.exec('BEGIN IMMEDIATE')
    this.lsh.writeTransaction(true)
    try {
      const result = await fn(this)
      this.flushFts()
      this.lsh.flushIfLarge()
      this.db.exec('COMMIT')
      return result
    } catch (e) {
      this.pendingFts = []
      this.summaries = undefined
      this.outletIds = new Set()
      this.lsh.forget()
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw e
    } finally {
      this.lsh.writeTransaction(false)
    }
  }

  async close(): Promise<void> {
    // Not needed for correctness (the next open rebuilds them), but saves that work.
    if (this.lsh.hasPending && !this.db.inTransaction) this.db.transaction(() => this.lsh.flush())()
    this.db.close()
  }
}

const blobToMinhash = (b: Buffer): Uint32Array => new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))

function articleQuery(select: string, q: ArticleQuery): [string, unknown[]] {
  const where: string[] = []
  const params: unknown[] = []
  if (!q.includeDuplicates) where.push('a.duplicate_of IS NULL')
  if (q.outletId) (where.push('a.outlet_id = ?'), params.push(q.outletId))
  if (q.since) (where.push('a.published_at >= ?'), params.push(q.since))
  if (q.until) (where.push('substr(a.published_at, 1, 10) <= ?'), params.push(q.until))
  const sql = `${select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.published_at IS NULL, a.published_at, a.rowid ${q.limit ? `LIMIT ${Math.floor(q.limit)}` : ''}`
  return [sql, params]
}

function rowToMeta(r: Row): ArticleMeta {
  return {
    id: r.id,
    outletId: r.outlet_id,
    outletName: r.outlet_name,
    ...(r.via_outlet ? { via: { outlet: r.via_outlet, ...(r.via_url ? { url: r.via_url } : {}) } } : {}),
    title: r.title,
    ...(r.url ? { url: r.url } : {}),
    ...(r.canonical_url ? { canonicalUrl: r.canonical_url } : {}),
    ...(r.published_at ? { publishedAt: r.published_at } : {}),
    dateSource: r.date_source,
    ...(r.author ? { author: r.author } : {}),
    ...(r.section ? { section: r.section } : {}),
    lang: r.lang,
    provenance: { kind: r.kind, locator: r.locator, format: r.format, sha256: r.raw_sha256 },
    ...(r.duplicate_of ? { duplicateOf: r.duplicate_of, duplicateReason: r.duplicate_reason } : {}),
  }
}

function rowToText(r: Row): ArticleText {
  return { ...rowToMeta(r), text: r.text, images: JSON.parse(r.images) }
}

function rowToArticle(r: Row): Article {
  const { provenance, duplicateOf, duplicateReason, ...head } = rowToMeta(r)
  return {
    ...head,
    text: r.text,
    folded: foldText(r.text), // derived, not stored: folding is deterministic and cheap
    images: JSON.parse(r.images),
    blocks: decodeBlocks(r.text, r.blocks),
    provenance,
    fingerprint: { textHash: r.text_hash, minhash: blobToMinhash(r.minhash), shingleCount: r.shingle_count, titleKey: r.title_key },
    ...(duplicateOf ? { duplicateOf, duplicateReason } : {}),
  }
}

