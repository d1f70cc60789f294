import type Database from 'better-sqlite3'
import { BANDS, bandKeys } from '../../dedupe/minhash.js'

// Articles sharing any LSH band; more than this means boilerplate-only texts, not copies.
const MAX_CANDIDATES = 400
// Band rows of this many articles are kept in memory, then written in one sorted pass.
const FLUSH_ARTICLES = 5000

/**
 * The LSH band index. Band keys are random, so writing each article's 32 rows as it arrives
 * dirties a different page of the on-disk b-tree per row: at 50,000 articles that was about
 * 60% of all bytes written and a quarter of the writer's time. Instead the rows of recent
 * articles live in memory (rebuilt from articles.minhash when a database is opened, so a
 * killed run loses nothing) and go to disk in one pass sorted by key every FLUSH_ARTICLES,
 * which touches each page once. lsh_state.indexed_upto says how far the table is complete.
 */
export class LshIndex {
  private readonly q
  private recent = new Map<number, number[]>() // band key → rowids not yet in the table
  private recentArticles = 0
  private seenUpto = -1 // every article up to this rowid is on disk or in `recent`; -1: not loaded

  constructor(db: Database.Database, private readonly flushArticles = FLUSH_ARTICLES) {
    this.q = {
      indexedUpto: db.prepare('SELECT indexed_upto FROM lsh_state'),
      setIndexedUpto: db.prepare('UPDATE lsh_state SET indexed_upto = ?'),
      maxRowid: db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM articles'),
      originalsAfter: db.prepare('SELECT rowid, minhash FROM articles WHERE rowid > ? AND rowid <= ? AND duplicate_of IS NULL'),
      insert: db.prepare(`INSERT OR IGNORE INTO lsh (key, article_rowid) VALUES ${Array(BANDS).fill('(?, ?)').join(', ')}`),
      insertOne: db.prepare('INSERT OR IGNORE INTO lsh (key, article_rowid) VALUES (?, ?)'),
      probe: db.prepare(`SELECT DISTINCT article_rowid FROM lsh WHERE key IN (${Array(BANDS).fill('?').join(', ')}) LIMIT ${MAX_CANDIDATES}`),
    }
  }

  /** An article just stored at rowid; originals (not copies, minhash undefined) are indexed. */
  add(rowid: number, minhash: Uint32Array | undefined): void {
    if (this.seenUpto < 0) return // not loaded yet: loading will read it from the table
    this.catchUp(rowid - 1)
    if (minhash) this.remember(rowid, minhash)
    this.seenUpto = Math.max(this.seenUpto, rowid)
  }

  /** Rows held in memory that the table does not have yet. */
  get hasPending(): boolean {
    return this.recentArticles > 0
  }

  /** Rowids of originals sharing a band with minhash, oldest first. */
  candidates(minhash: Uint32Array): number[] {
    this.catchUp()
    const keys = bandKeys(minhash)
    const found = new Set<number>()
    for (const r of this.q.probe.all(keys) as Array<{ article_rowid: number }>) found.add(r.article_rowid)
    for (const key of keys) for (const rowid of this.recent.get(key) ?? []) if (found.size < MAX_CANDIDATES) found.add(rowid)
    return [...found].sort((a, b) => a - b)
  }

  /** Writes the rows held in memory once there are enough of them (inside the caller's transaction). */
  flushIfLarge(): void {
    if (this.recentArticles >= this.flushArticles) this.flush()
  }

  /** Writes every row held in memory, sorted by key so that each page is written once. */
  flush(): void {
    this.catchUp()
    if (this.recentArticles > 0) {
      const rows: Array<[number, number]> = []
      for (const [key, rowids] of this.recent) for (const rowid of rowids) rows.push([key, rowid])
      rows.sort((a, b) => a[0] - b[0] || a[1] - b[1])
      let i = 0
      for (; i + BANDS <= rows.length; i += BANDS) this.q.insert.run(rows.slice(i, i + BANDS).flat())
      for (; i < rows.length; i++) this.q.insertOne.run(rows[i])
    }
    this.q.setIndexedUpto.run(this.seenUpto)
    this.recent.clear()
    this.recentArticles = 0
  }

  /** After a rollback: what is in memory may describe rows that no longer exist. */
  forget(): void {
    this.recent.clear()
    this.recentArticles = 0
    this.seenUpto = -1
  }

  /** Loads the articles not yet in the table (up to rowid `upto`): on first use, and any another process wrote. */
  private catchUp(upto = Infinity): void {
    if (this.seenUpto < 0) this.seenUpto = (this.q.indexedUpto.get() as { indexed_upto: number }).indexed_upto
    const max = Math.min(upto, (this.q.maxRowid.get() as { n: number }).n)
    if (max <= this.seenUpto) return
    for (const r of this.q.originalsAfter.iterate(this.seenUpto, max) as Iterable<{ rowid: number; minhash: Buffer }>)
      this.remember(r.rowid, new Uint32Array(r.minhash.buffer.slice(r.minhash.byteOffset, r.minhash.byteOffset + r.minhash.byteLength)))
    this.seenUpto = max
  }

  private remember(rowid: number, minhash: Uint32Array): void {
    for (const key of bandKeys(minhash)) {
      const rowids = this.recent.get(key)
      if (rowids) rowids.push(rowid)
      else this.recent.set(key, [rowid])
    }
    this.recentArticles++
  }
}
