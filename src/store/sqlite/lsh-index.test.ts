import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BINS } from '../../dedupe/minhash.js'
import { LshIndex } from './lsh-index.js'
import { openSqlite } from './store.js'

const sketchOf = (seed: number) => Uint32Array.from({ length: BINS }, (_, i) => (Math.imul(seed + 1, 2654435761) ^ Math.imul(i + 1, 40503)) >>> 0)

describe('LSH index', () => {
  let dir: string
  let db: Database.Database
  let rowid = 0
  // Articles rows with just what the index reads (rowid, minhash, duplicate_of).
  const insert = (minhash: Uint32Array, duplicateOf?: string) => {
    rowid++
    db.prepare(`INSERT INTO outlets VALUES ('o', 'o', 1) ON CONFLICT DO NOTHING`).run()
    db.prepare(`INSERT INTO raw VALUES ('s', x'00', 1, 'now') ON CONFLICT DO NOTHING`).run()
    db.prepare(`INSERT INTO articles (rowid, id, locator, raw_sha256, format, kind, outlet_id, outlet_name, title, date_source, lang, text_hash, minhash,
      shingle_count, title_key, duplicate_of, ingested_at) VALUES (?, ?, 'l', 's', 'hexo', 'file', 'o', 'o', 't', 'none', 'zh-Hans', 'h', ?, 1, 't', ?, 'now')`)
      .run(rowid, `a${rowid}`, Buffer.from(minhash.buffer), duplicateOf ?? null)
    return rowid
  }
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianting-lsh-'))
    await openSqlite(join(dir, 'x.db')).close() // creates the schema
    db = new Database(join(dir, 'x.db'))
    rowid = 0
  })
  afterEach(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds an article whether its rows are in memory or written, and never a copy', () => {
    const index = new LshIndex(db, 3)
    const originals = [1, 2, 3, 4].map((seed) => {
      const id = insert(sketchOf(seed))
      index.add(id, sketchOf(seed))
      return id
    })
    index.add(insert(sketchOf(1), 'a1'), undefined)
    expect(index.candidates(sketchOf(1))).toEqual([originals[0]])
    index.flushIfLarge() // 4 articles ≥ 3: written
    expect(index.hasPending).toBe(false)
    expect(db.prepare('SELECT count(DISTINCT article_rowid) AS n FROM lsh').get()).toEqual({ n: 4 })
    for (const [i, seed] of [1, 2, 3, 4].entries()) expect(index.candidates(sketchOf(seed))).toEqual([originals[i]])
  })

  it('rebuilds what a killed run held in memory, and sees what another connection wrote', () => {
    const first = new LshIndex(db)
    first.candidates(sketchOf(9)) // loaded
    const a = insert(sketchOf(1))
    first.add(a, sketchOf(1))
    // Killed here: nothing was written to the table. A new process reads it from articles.
    expect(db.prepare('SELECT count(*) AS n FROM lsh').get()).toEqual({ n: 0 })
    const second = new LshIndex(db)
    expect(second.candidates(sketchOf(1))).toEqual([a])
    const b = insert(sketchOf(2)) // by another connection, unknown to `first`
    expect(first.candidates(sketchOf(2))).toEqual([b])
    first.flush()
    expect(new LshIndex(db).candidates(sketchOf(2))).toEqual([b])
    expect(db.prepare('SELECT indexed_upto FROM lsh_state').get()).toEqual({ indexed_upto: b })
  })

  it('looks up on disk only the band keys of originals it was told are stored', () => {
    const writer = new LshIndex(db, 1)
    writer.candidates(sketchOf(9)) // loaded
    const [a, b] = [1, 2].map((seed) => {
      const id = insert(sketchOf(seed))
      writer.add(id, sketchOf(seed))
      writer.flush()
      return id
    })
    // A store notes every original it reads at its first probe; this reader is told of a only.
    const reader = new LshIndex(db)
    reader.noteStored(sketchOf(1))
    reader.filterComplete()
    expect(reader.candidates(sketchOf(1))).toEqual([a])
    expect(reader.candidates(sketchOf(2))).toEqual([]) // b's rows are on disk, but not looked up
    expect(new LshIndex(db).candidates(sketchOf(2))).toEqual([b]) // without a filter, every key is
    // Articles it indexes itself go into the filter when its flush writes them; until then
    // they are found in memory, and their keys are not looked up on disk.
    const c = insert(sketchOf(3))
    reader.add(c, sketchOf(3))
    const lookups = vi.spyOn(Object.getPrototypeOf(db.prepare('SELECT 1')), 'all') // the disk look-up's call
    expect(reader.candidates(sketchOf(3))).toEqual([c])
    expect(lookups).not.toHaveBeenCalled()
    lookups.mockRestore()
    reader.flush()
    expect(new LshIndex(db).candidates(sketchOf(3))).toEqual([c])
    reader.forget() // what it held in memory is gone: c is found on disk, through the filter
    expect(reader.candidates(sketchOf(3))).toEqual([c])
  })
})
