import type Database from 'better-sqlite3'

// The full-text index, split by article rowid into FTS5 tables of at most `shardRows` rowids.
//
// Why split: FTS5's bm25() needs, for every phrase of the query, the number of documents that
// hold it, and counts them by walking the phrase's whole doclist (fts5Bm25GetData calls
// xQueryPhrase). A rowid range in the WHERE clause does not bound that walk, so ranking even 20
// recent matches of a word found in most articles cost 165–280 ms at 600,000 articles, growing
// with the archive. Each shard bounds the walk by its own size: a search ranks, with each shard's
// own statistics, only in the newest shards that together hold the most recent matches.
//
// Shards are listed in the `fts_shards` table (read on every search and flush, so a reader sees
// shards another process created); the first is the original `articles_fts`.

export interface FtsRow {
  rowid: number
  title: string
  body: string
  extra: string
}
export interface RankedRow {
  rowid: number
  score: number
}
interface Shard {
  name: string
  first: number
}

export const DEFAULT_SHARD_ROWS = 50_000

// Settings every shard gets when it is created (migration 7 set them on the first): merge
// segments once 16 of a size exist instead of FTS5's 4, which writes fewer bytes during ingest.
const SHARD_SETTINGS = ["INSERT INTO {table} ({table}, rank) VALUES ('automerge', 16)"]

export class FtsShards {
  private readonly statements = new Map<string, ReturnType<FtsShards['prepare']>>()
  private readonly listShards

  constructor(
    private readonly db: Database.Database,
    private readonly shardRows = DEFAULT_SHARD_ROWS,
  ) {
    this.listShards = db.prepare('SELECT name, first_rowid AS first FROM fts_shards ORDER BY first_rowid DESC')
  }

  /** Newest first. */
  list(): Shard[] {
    return this.listShards.all() as Shard[]
  }

  /** Rows in rising rowid order, as articles are written. Call inside the writing transaction. */
  insert(rows: FtsRow[]): void {
    if (!rows.length) return
    const shards = this.list()
    for (const row of rows) {
      let shard = shards.find((s) => s.first <= row.rowid) ?? shards[shards.length - 1]
      if (shard === shards[0] && row.rowid - shard.first >= this.shardRows) {
        shard = this.create(row.rowid)
        shards.unshift(shard)
      }
      this.stmts(shard.name).insert.run(row.rowid, row.title, row.body, row.extra)
    }
  }

  /**
   * The `limit` best matches by bm25 among the `candidates` most recent matches (highest rowids):
   * the newest shards are read until they have given that many.
   */
  search(match: string, candidates: number, limit: number): RankedRow[] {
    const ranked: RankedRow[] = []
    let need = candidates
    for (const shard of this.list()) {
      const s = this.stmts(shard.name)
      const recent = s.recent.all({ match, need }) as number[]
      if (!recent.length) continue
      ranked.push(...(s.rank.all({ match, floor: recent[recent.length - 1], limit }) as RankedRow[]))
      need -= recent.length
      if (need <= 0) break
    }
    // bm25 scores are negative: better matches are lower.
    return ranked.sort((a, b) => a.score - b.score).slice(0, limit)
  }

  private create(first: number): Shard {
    const name = `articles_fts_${first}`
    this.db.transaction(() => {
      this.db.exec(`CREATE VIRTUAL TABLE ${name} USING fts5(${FTS_COLUMNS})`)
      for (const setting of SHARD_SETTINGS) this.db.exec(setting.replaceAll('{table}', name))
      this.db.prepare('INSERT INTO fts_shards (name, first_rowid) VALUES (?, ?)').run(name, first)
    })()
    return { name, first }
  }

  private stmts(name: string) {
    let s = this.statements.get(name)
    if (!s) this.statements.set(name, (s = this.prepare(name)))
    return s
  }

  private prepare(name: string) {
    return {
      insert: this.db.prepare(`INSERT INTO ${name} (rowid, title, body, extra) VALUES (?, ?, ?, ?)`),
      // Walking a doclist newest-first stops after `need` rows: cheap however common the word.
      recent: this.db.prepare(`SELECT rowid FROM ${name} WHERE ${name} MATCH @match ORDER BY rowid DESC LIMIT @need`).pluck(),
      rank: this.db.prepare(`SELECT rowid, bm25(${name}, 5.0, 1.0, 0.5) AS score FROM ${name}
        WHERE ${name} MATCH @match AND rowid >= @floor ORDER BY score LIMIT @limit`),
    }
  }
}

// Folded text segmented by jieba, one token per word; 'extra' holds sub-words of long words.
// Contentless: the index alone (snippets are cut from the article text).
export const FTS_COLUMNS = "title, body, extra, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'"
