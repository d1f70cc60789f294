import type Database from 'better-sqlite3'
import { BANDS, bandKeys } from '../../dedupe/minhash.js'

// Articles sharing any LSH band; more than this means boilerplate-only texts, not copies.
const MAX_CANDIDATES = 400
// Band rows of this many articles are kept in memory, then written in one sorted pass.
const FLUSH_ARTICLES = 5000
// Bits of the in-memory filter of band keys on disk (2 MB, fixed whatever the archive size).
const FILTER_BITS = 2 ** 24

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
  private recent: RecentBands
  private seenUpto = -1 // every article up to this rowid is on disk or in `recent`; -1: not loaded
  // Band keys that may be on disk (see noteStored); undefined until the caller has noted them all.
  private filter: KeyFilter | undefined
  private readonly pending = new KeyFilter(FILTER_BITS)
  private readonly probes: Array<ReturnType<Database.Database['prepare']>> = []
  // Inside the store's write transaction (BEGIN IMMEDIATE) no other connection can write: one
  // look for articles written elsewhere per transaction is enough (it was a query per article).
  private inWriteTransaction = false
  private caughtUpInTransaction = false

  constructor(private readonly db: Database.Database, private readonly flushArticles = FLUSH_ARTICLES) {
    this.recent = new RecentBands(flushArticles * BANDS)
    this.q = {
      indexedUpto: db.prepare('SELECT indexed_upto FROM lsh_state'),
      setIndexedUpto: db.prepare('UPDATE lsh_state SET indexed_upto = ?'),
      maxRowid: db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM articles'),
      originalsAfter: db.prepare('SELECT rowid, minhash FROM articles WHERE rowid > ? AND rowid <= ? AND duplicate_of IS NULL'),
      insert: db.prepare(`INSERT OR IGNORE INTO lsh (key, article_rowid) VALUES ${Array(BANDS).fill('(?, ?)').join(', ')}`),
      insertOne: db.prepare('INSERT OR IGNORE INTO lsh (key, article_rowid) VALUES (?, ?)'),
    }
  }

  /**
   * Marks the band keys of an original article that may have rows on disk. A caller that has
   * noted every original in the table (it reads them all anyway) calls filterComplete(): from
   * then on, only keys the filter holds are looked up on disk. Most articles are no copy and
   * share no band with anything; their 32 look-ups were a tenth of the writer's time.
   */
  noteStored(minhash: Uint32Array): void {
    for (const key of bandKeys(minhash)) this.pending.add(key)
  }

  filterComplete(): void {
    this.filter = this.pending
  }

  /** The store's write transaction begins (true) or ends (false). */
  writeTransaction(begun: boolean): void {
    this.inWriteTransaction = begun
    this.caughtUpInTransaction = false
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
    return this.recent.size > 0
  }

  /** Rowids of originals sharing a band with minhash, oldest first. */
  candidates(minhash: Uint32Array): number[] {
    if (!this.caughtUpInTransaction) {
      this.catchUp()
      this.caughtUpInTransaction = this.inWriteTransaction
    }
    const keys = bandKeys(minhash)
    const found = new Set<number>()
    // Keys with no rows on disk add nothing to the query's result: leaving them out changes
    // neither the rows nor their order (SQLite walks the IN list in key order).
    const onDisk = this.filter ? keys.filter((k) => this.filter!.mayHave(k)) : keys
    if (onDisk.length) for (const rowid of this.probe(onDisk.length).all(onDisk) as number[]) found.add(rowid)
    for (const key of keys) this.recent.forEach(key, (rowid) => found.size < MAX_CANDIDATES && found.add(rowid))
    return [...found].sort((a, b) => a - b)
  }

  /** Writes the rows held in memory once there are enough of them (inside the caller's transaction). */
  flushIfLarge(): void {
    if (this.recent.size >= this.flushArticles * BANDS) this.flush()
  }

  /** Writes every row held in memory, sorted by key so that each page is written once. */
  flush(): void {
    this.catchUp()
    const order = this.recent.sortedByKey()
    const params: number[] = new Array(2 * BANDS)
    let i = 0
    for (; i + BANDS <= order.length; i += BANDS) {
      for (let k = 0; k < BANDS; k++) (params[2 * k] = this.recent.keyAt(order[i + k])), (params[2 * k + 1] = this.recent.rowidAt(order[i + k]))
      this.q.insert.run(params)
    }
    for (; i < order.length; i++) this.q.insertOne.run(this.recent.keyAt(order[i]), this.recent.rowidAt(order[i]))
    // On disk from now on: into the filter (see remember).
    for (let e = 0; e < order.length; e++) this.pending.add(this.recent.keyAt(e))
    this.q.setIndexedUpto.run(this.seenUpto)
    this.recent.clear()
  }

  /** After a rollback: what is in memory may describe rows that no longer exist. */
  forget(): void {
    this.recent.clear()
    this.seenUpto = -1
  }

  /** Loads the articles not yet in the table (up to rowid `upto`): on first use, and any another process wrote. */
  private catchUp(upto = Infinity): void {
    if (this.seenUpto < 0) this.seenUpto = (this.q.indexedUpto.get() as { indexed_upto: number }).indexed_upto
    if (upto <= this.seenUpto) return // `add` of the next rowid: nothing to look for
    const max = Math.min(upto, (this.q.maxRowid.get() as { n: number }).n)
    if (max <= this.seenUpto) return
    for (const r of this.q.originalsAfter.iterate(this.seenUpto, max) as Iterable<{ rowid: number; minhash: Buffer }>)
      this.remember(r.rowid, new Uint32Array(r.minhash.buffer.slice(r.minhash.byteOffset, r.minhash.byteOffset + r.minhash.byteLength)))
    this.seenUpto = max
  }

  private remember(rowid: number, minhash: Uint32Array): void {
    // Not into the filter until they are written (flush): a key whose rows are all still in
    // memory is found there, and looking it up on disk too found nothing. On the bench corpus,
    // where unrelated articles share bands, that was most of the disk look-ups before the
    // first flush.
    for (const key of bandKeys(minhash)) this.recent.add(key, rowid)
  }

  // Plucked: rowids, not a row object each (a common band brings up to MAX_CANDIDATES rows;
  // their objects were a third of the probe's time at 50,000 bench articles).
  private probe(n: number) {
    return (this.probes[n] ??= this.db.prepare(`SELECT DISTINCT article_rowid FROM lsh WHERE key IN (${Array(n).fill('?').join(', ')}) LIMIT ${MAX_CANDIDATES}`).pluck())
  }
}

/**
 * A Bloom filter of band keys (two bits per key) of a fixed size: no false negatives; false
 * positives (a look-up that finds nothing) grow with the archive, about 3% per key at 50,000
 * articles and half at a million, where it saves less but costs no more memory.
 */
class KeyFilter {
  private readonly bits: Int32Array
  private readonly mask: number

  constructor(size: number) {
    this.bits = new Int32Array(size / 32)
    this.mask = size - 1
  }

  add(key: number): void {
    const h = this.first(key)
    const g = second(h)
    this.bits[(h & this.mask) >>> 5] |= 1 << (h & 31)
    this.bits[(g & this.mask) >>> 5] |= 1 << (g & 31)
  }

  mayHave(key: number): boolean {
    const h = this.first(key)
    if ((this.bits[(h & this.mask) >>> 5] & (1 << (h & 31))) === 0) return false
    const g = second(h)
    return (this.bits[(g & this.mask) >>> 5] & (1 << (g & 31))) !== 0
  }

  // Band keys are a band number times 2^32 plus a 32-bit hash: mix both.
  private first(key: number): number {
    const h = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 2 ** 32) + 1, 0x9e3779b9), 0x85ebca6b)
    return h ^ (h >>> 15)
  }
}

function second(h: number): number {
  const g = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return g ^ (g >>> 16)
}

/**
 * (band key, rowid) pairs in typed arrays with an open-addressing table over them: a few MB
 * for FLUSH_ARTICLES articles and nothing for the garbage collector to trace, where a Map of
 * arrays held tens of MB. Grows past its capacity if a flush is late (a run of autocommits).
 */
class RecentBands {
  private keys: Float64Array
  private rowids: Uint32Array
  private slots: Int32Array // entry index + 1; 0 is free
  size = 0

  constructor(private capacity: number) {
    this.keys = new Float64Array(capacity)
    this.rowids = new Uint32Array(capacity)
    this.slots = new Int32Array(slotCount(capacity))
  }

  add(key: number, rowid: number): void {
    if (this.size === this.capacity) this.grow()
    this.keys[this.size] = key
    this.rowids[this.size] = rowid
    this.place(this.size)
    this.size++
  }

  forEach(key: number, fn: (rowid: number) => void): void {
    const mask = this.slots.length - 1
    for (let i = key & mask; this.slots[i] !== 0; i = (i + 1) & mask) {
      const entry = this.slots[i] - 1
      if (this.keys[entry] === key) fn(this.rowids[entry])
    }
  }

  keyAt = (entry: number): number => this.keys[entry]
  rowidAt = (entry: number): number => this.rowids[entry]

  /** Entry indexes in (key, rowid) order. */
  sortedByKey(): Uint32Array {
    const order = new Uint32Array(this.size)
    for (let i = 0; i < this.size; i++) order[i] = i
    if (this.size > PACKED_ENTRIES) return order.sort((a, b) => this.keys[a] - this.keys[b] || this.rowids[a] - this.rowids[b])
    // Sorted natively, without a comparator (its calls were most of a flush's own time): per
    // band, each entry as one number, its key's 32-bit hash above its index. Entries are added
    // in rowid order, so equal keys stay in rowid order.
    const starts = new Uint32Array(BANDS + 1)
    for (let e = 0; e < this.size; e++) starts[bandOf(this.keys[e]) + 1]++
    for (let b = 0; b < BANDS; b++) starts[b + 1] += starts[b]
    const packed = new Float64Array(this.size)
    const next = starts.slice(0, BANDS)
    for (let e = 0; e < this.size; e++) {
      const key = this.keys[e]
      const band = bandOf(key)
      packed[next[band]++] = (key - band * 2 ** 32) * PACKED_ENTRIES + e
    }
    for (let b = 0; b < BANDS; b++) packed.subarray(starts[b], starts[b + 1]).sort()
    for (let i = 0; i < this.size; i++) order[i] = packed[i] % PACKED_ENTRIES
    return order
  }

  clear(): void {
    this.size = 0
    this.slots.fill(0)
  }

  // Band keys are hashes in their low 32 bits: those bits pick the slot.
  private place(entry: number): void {
    const mask = this.slots.length - 1
    let i = this.keys[entry] & mask
    while (this.slots[i] !== 0) i = (i + 1) & mask
    this.slots[i] = entry + 1
  }

  private grow(): void {
    this.capacity *= 2
    const keys = new Float64Array(this.capacity)
    keys.set(this.keys)
    const rowids = new Uint32Array(this.capacity)
    rowids.set(this.rowids)
    ;[this.keys, this.rowids, this.slots] = [keys, rowids, new Int32Array(slotCount(this.capacity))]
    for (let e = 0; e < this.size; e++) this.place(e)
  }
}

// Entries a flush sorts packed with their key's hash into one exact number (2^32 · 2^21 = 2^53).
const PACKED_ENTRIES = 2 ** 21
const bandOf = (key: number) => Math.floor(key / 2 ** 32)

/** A power of two at least 3 times the entries: probe runs stay short. */
function slotCount(entries: number): number {
  let n = 1024
  while (n < entries * 3) n *= 2
  return n
}
