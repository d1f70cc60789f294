import Database from 'better-sqlite3'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadRegistry } from '../../outlets/registry.js'
import { commitParsed, rawInput, runStages } from '../../pipeline.js'
import { exampleArchive } from '../../../test/support/store.js'
import { FtsShards } from './fts-shards.js'
import { migrations } from './schema.js'
import { openSqlite } from './store.js'

function freshDb(): Database.Database {
  const db = new Database(':memory:')
  for (const m of migrations) db.exec(m)
  return db
}
const row = (rowid: number, body: string) => ({ rowid, title: '', body, extra: '' })

describe('full-text shards', () => {
  it('starts a new shard when the newest holds its span of rowids, and routes older rowids to their shard', () => {
    const db = freshDb()
    const fts = new FtsShards(db, 10)
    fts.insert([row(1, 'a'), row(9, 'a'), row(10, 'a'), row(25, 'a')])
    expect(fts.list()).toEqual([
      { name: 'articles_fts_25', first: 25 },
      { name: 'articles_fts_10', first: 10 },
      { name: 'articles_fts', first: 0 },
    ])
    expect(db.prepare("SELECT v FROM articles_fts_25_config WHERE k = 'automerge'").get()).toEqual({ v: 16 })
    fts.insert([row(12, 'a')])
    expect(db.prepare("SELECT rowid FROM articles_fts_10 WHERE articles_fts_10 MATCH 'a' ORDER BY rowid").pluck().all()).toEqual([10, 12])
  })

  it('ranks by bm25 within the most recent candidates only', () => {
    const docs = [row(1, 'x x x x y'), row(2, 'x x x y'), row(3, 'x y y y'), row(4, 'z'), row(5, 'x y y'), row(6, 'x y y y y')]
    const one = new FtsShards(freshDb(), 100)
    one.insert(docs)
    // rowid 1 matches best but is not among the 4 most recent matches; 2 is the best of those.
    expect(one.search('"x"', 4, 10).map((r) => r.rowid)).toEqual([2, 5, 3, 6])
    expect(one.search('"x"', 100, 2).map((r) => r.rowid)).toEqual([1, 2])
    expect(one.search('"nothing"', 100, 2)).toEqual([])
    // Split into shards of 3 rowids: the same candidates are found, reading older shards as needed.
    const split = new FtsShards(freshDb(), 3)
    split.insert(docs)
    expect(split.list()).toHaveLength(3)
    expect(split.search('"x"', 4, 10).map((r) => r.rowid).sort()).toEqual([2, 3, 5, 6])
    expect(split.search('"x"', 2, 10).map((r) => r.rowid).sort()).toEqual([5, 6])
    expect(split.search('"x"', 100, 10)).toHaveLength(5)
  })

  it('finds articles in every shard through the store, and a rolled-back shard leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianting-shards-'))
    try {
      const opts = { registry: loadRegistry() }
      const raws = readdirSync(exampleArchive).map((f) => rawInput(readFileSync(join(exampleArchive, f)), join(exampleArchive, f), 'file'))
      const path = join(dir, 'shards.db')
      const store = openSqlite(path, { ftsShardRows: 2 })
      const parsed = raws.map((raw) => runStages(raw, opts))
      await expect(
        store.transaction(async (tx) => {
          for (let i = 0; i < 3; i++) await commitParsed(raws[i], parsed[i], tx, opts)
          throw new Error('killed')
        }),
      ).rejects.toThrow('killed')
      expect(new Database(path).prepare('SELECT count(*) FROM fts_shards').pluck().get()).toBe(1)
      for (let i = 0; i < raws.length; i++) await store.transaction(async (tx) => void (await commitParsed(raws[i], parsed[i], tx, opts)))
      expect(await store.search('普京')).toHaveLength(raws.length)
      await store.close()
      const shards = new Database(path).prepare('SELECT name FROM fts_shards').pluck().all()
      expect(shards.length).toBeGreaterThanOrEqual(3)
      // Another process (a fresh open) sees every shard.
      const again = openSqlite(path)
      expect(await again.search('普京')).toHaveLength(raws.length)
      await again.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
