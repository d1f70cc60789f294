import Database from 'better-sqlite3'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../article.js'
import { bandKeys } from '../../dedupe/minhash.js'
import { loadRegistry } from '../../outlets/registry.js'
import { articleIdOf, commitParsed, rawInput, runStages, storeArticle } from '../../pipeline.js'
import { exampleArchive } from '../../../test/support/store.js'
import { segment } from '../../analyze/segment.js'
import { foldText } from '../../normalize/fold.js'
import { migrations } from './schema.js'
import { openSqlite } from './store.js'

const opts = { registry: loadRegistry() }
const raws = readdirSync(exampleArchive).map((f) => rawInput(readFileSync(join(exampleArchive, f)), join(exampleArchive, f), 'file'))
const examples: Article[] = raws.map((raw) => {
  const result = runStages(raw, opts)
  if (!result.ok) throw new Error(result.problem.detail)
  return result.value
})
const withoutTerms = ({ terms: _, ...a }: Article) => a

describe('sqlite store', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'jianting-store-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('upgrades a database of schema 1 (bodies in the articles table) without losing anything', async () => {
    const path = join(dir, 'v1.db')
    const v1 = new Database(path)
    v1.exec(migrations[0])
    v1.pragma('user_version = 1')
    for (const a of examples) {
      const fp = a.fingerprint
      v1.prepare('INSERT INTO raw VALUES (?, ?, 1, ?)').run(a.provenance.sha256, Buffer.from('x'), '2021-06-17')
      v1.prepare('INSERT OR IGNORE INTO outlets VALUES (?, ?, 1)').run(a.outletId, a.outletName)
      const { lastInsertRowid } = v1.prepare(`INSERT INTO articles (id, locator, raw_sha256, format, kind, outlet_id, outlet_name, via_outlet, via_url, title, url,
        canonical_url, published_at, date_source, author, section, lang, text, images, blocks, text_hash, minhash, shingle_count, title_key, ingested_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        a.id, a.provenance.locator, a.provenance.sha256, a.provenance.format, a.provenance.kind, a.outletId, a.outletName, a.via?.outlet ?? null,
        a.via?.url ?? null, a.title, a.url ?? null, a.canonicalUrl ?? null, a.publishedAt ?? null, a.dateSource, a.author ?? null, a.section ?? null,
        a.lang, a.text, JSON.stringify(a.images), JSON.stringify(a.blocks), fp.textHash, Buffer.from(fp.minhash.buffer), fp.shingleCount, fp.titleKey, '2021-06-17',
      )
      v1.prepare('INSERT INTO articles_fts (rowid, title, body, extra) VALUES (?, ?, ?, ?)').run(lastInsertRowid, a.terms!.title, a.terms!.body, a.terms!.extra)
      const lsh = v1.prepare('INSERT INTO lsh VALUES (?, ?)')
      for (const key of bandKeys(fp.minhash)) lsh.run(key, lastInsertRowid)
    }
    v1.close()

    const store = openSqlite(path)
    for (const a of examples) expect(await store.article(a.id)).toEqual(withoutTerms(a))
    for (const a of examples) expect(await store.articleText(a.id)).toBe(a.text)
    expect(await store.articleText('no-such-article')).toBeUndefined()
    expect(await store.search('普京')).toHaveLength(5)
    const copy = { ...examples[0], id: 'copy' as Article['id'], provenance: { ...examples[0].provenance, locator: 'elsewhere.md' } }
    expect((await store.duplicateCandidates(copy)).map((c) => c.id)).toContain(examples[0].id)
    await store.close()
    const upgraded = new Database(path)
    expect(upgraded.pragma('user_version', { simple: true })).toBe(migrations.length)
    // FTS5 settings live in the index's own config table: the upgrade sets them on old indexes too.
    expect(upgraded.prepare("SELECT v FROM articles_fts_config WHERE k = 'automerge'").get()).toEqual({ v: 16 })
    upgraded.close()
  })

  it('finds an article written in the open transaction, and forgets what a rollback undid', async () => {
    const store = openSqlite(join(dir, 'tx.db'))
    const [first, second] = examples
    await store.transaction(async (tx) => {
      await commitParsed(raws[0], { ok: true, value: first }, tx, opts)
      expect((await tx.search('普京')).map((h) => h.id)).toEqual([first.id])
    })
    await expect(
      store.transaction(async (tx) => {
        await commitParsed(raws[1], { ok: true, value: second }, tx, opts)
        throw new Error('killed')
      }),
    ).rejects.toThrow('killed')
    expect(await store.search('普京')).toHaveLength(1)
    await store.transaction(async (tx) => void (await commitParsed(raws[1], { ok: true, value: second }, tx, opts)))
    expect((await store.search('普京')).map((h) => h.id).sort()).toEqual([first.id, second.id].sort())
    expect(await store.article(second.id)).toEqual(withoutTerms(second))
    await store.close()
  })

  it('finds a Chinese phrase however jieba cut it in the sentence, and only where its characters stand together', async () => {
    const store = openSqlite(join(dir, 'cuts.db'))
    const post = (name: string, body: string) => {
      const raw = rawInput(Buffer.from(`---\ntitle: ${name}\ndate: 2021-06-17\n---\n\n${body}\n`), `${name}.md`, 'file')
      const parsed = runStages(raw, opts)
      if (!parsed.ok) throw new Error(parsed.problem.detail)
      return [raw, parsed.value] as const
    }
    // In this sentence jieba cuts 美 | 俄 | 峰会; the query alone it cuts 美俄 | 峰会.
    const sentence = '在刚刚结束的美俄峰会上，双方签署了战略稳定联合声明。'
    expect(segment(foldText(sentence)).join('|')).toContain('美|俄|峰会')
    expect(segment('美俄峰会')).toEqual(['美俄', '峰会'])
    const cut = post('cut', sentence.repeat(3))
    const apart = post('apart', '美国与俄罗斯举行会谈。俄方称峰会取得成果。'.repeat(3))
    const glued = post('glued', '香港警察局发言人表示，美俄峰会期间没有示威。'.repeat(3))
    expect(segment('香港警察局发言人表示')).toEqual(['香港', '警察局', '发言人', '表示'])
    await store.transaction(async (tx) => {
      for (const [raw, a] of [cut, apart, glued]) await commitParsed(raw, { ok: true, value: a }, tx, opts)
    })
    expect((await store.search('美俄峰会')).map((h) => h.id).sort()).toEqual([cut[1].id, glued[1].id].sort())
    expect((await store.search('"美俄峰会"')).map((h) => h.id).sort()).toEqual([cut[1].id, glued[1].id].sort())
    // Sub-words of neighbouring words (警察局, 发言人 → 警察, 发言) are not read as a phrase.
    expect(await store.search('警察发言')).toEqual([])
    await store.close()
  })

  it('runs two transactions begun together, by two flows of one process, one after the other', async () => {
    const store = openSqlite(join(dir, 'flows.db'))
    const pause = () => new Promise((r) => setTimeout(r, 5))
    const write = (i: number) =>
      store.transaction(async (tx) => {
        await pause()
        await commitParsed(raws[i], { ok: true, value: examples[i] }, tx, opts)
        await pause()
        // A transaction begun inside it joins it rather than waiting for it.
        await tx.transaction(async () => pause())
        return (await tx.search('普京')).length
      })
    const failing = store.transaction(async (tx) => {
      await commitParsed(raws[2], { ok: true, value: examples[2] }, tx, opts)
      await pause()
      throw new Error('killed')
    })
    const [a, b, c] = await Promise.allSettled([write(0), failing, write(1)])
    expect(a).toEqual({ status: 'fulfilled', value: 1 })
    expect(b).toMatchObject({ status: 'rejected', reason: new Error('killed') })
    expect(c).toEqual({ status: 'fulfilled', value: 2 })
    expect((await store.search('普京')).map((h) => h.id).sort()).toEqual([examples[0].id, examples[1].id].sort())
    await store.close()
  })

  it('records a location once, and moves it to the new content when the file at it changes', async () => {
    const store = openSqlite(join(dir, 'locations.db'))
    const raw = raws[0]
    const stub = { ok: false, problem: { code: 'content/too-short', stage: 'clean', detail: 'stub', locator: raw.locator } } as const
    await store.transaction(async (tx) => void (await commitParsed(raw, stub, tx, opts)))
    // Quarantined, not done: a re-run parses it again.
    expect(await store.locatorState(raw.locator, raw.sha256)).toBe('quarantined')
    // The same failure again rewrites nothing (the entry keeps the time it was first recorded).
    const [first] = await all(store.quarantined())
    await new Promise((r) => setTimeout(r, 5))
    await store.transaction(async (tx) => void (await commitParsed(raw, stub, tx, opts)))
    expect(await all(store.quarantined())).toEqual([first])
    // The file at the same place now holds an article: the location follows it, and the old
    // quarantine entry goes.
    const changed = rawInput(Buffer.concat([raw.bytes, Buffer.from('\n')]), raw.locator, 'file')
    expect(await store.locatorState(changed.locator, changed.sha256)).toBe('changed')
    const article = { ...examples[0], id: 'changed' as Article['id'], provenance: { ...examples[0].provenance, sha256: changed.sha256 } }
    await store.transaction(async (tx) => void (await commitParsed(changed, { ok: true, value: article }, tx, opts)))
    expect(await store.locatorState(changed.locator, changed.sha256)).toBe('done')
    expect(await store.locatorState(raw.locator, raw.sha256)).toBe('changed')
    const quarantined = []
    for await (const q of store.quarantined()) quarantined.push(q)
    expect(quarantined).toEqual([])
    await store.close()
    const db = new Database(join(dir, 'locations.db'))
    expect(db.prepare('SELECT locator, sha256, status FROM locations').all()).toEqual([{ locator: raw.locator, sha256: changed.sha256, status: 'article' }])
    db.close()
  })

  it('counts the originals of each outlet, its copies left out, and lists an outlet with none', async () => {
    const store = openSqlite(join(dir, 'outlets.db'))
    await store.transaction(async (tx) => {
      for (let i = 0; i < raws.length; i++) await commitParsed(raws[i], { ok: true, value: examples[i] }, tx, opts)
      // The first article copied by the second one's outlet and by an outlet with nothing of its own.
      const copy = (id: string, outletId: string) =>
        ({ ...examples[0], id, outletId, outletName: outletId, duplicateOf: examples[0].id, duplicateReason: 'exact', provenance: { ...examples[0].provenance, locator: `${id}.md` } }) as Article
      await storeArticle(copy('copy-1', examples[1].outletId), tx, opts)
      await storeArticle(copy('copy-2', 'relay-only'), tx, opts)
    })
    const originals = new Map<string, number>()
    for await (const a of store.articles({ includeDuplicates: true })) originals.set(a.outletId, (originals.get(a.outletId) ?? 0) + (a.duplicateOf ? 0 : 1))
    expect(originals.get('relay-only')).toBe(0)
    const rows = await store.outlets()
    expect(new Map(rows.map((o) => [o.id, o.articles]))).toEqual(originals)
    expect(rows.reduce((n, o) => n + o.articles, 0)).toBe(examples.length)
    expect(rows.map((o) => o.articles)).toEqual([...rows.map((o) => o.articles)].sort((a, b) => b - a))
    await store.close()
  })

  // A store holding the example archive, and its articles read whole.
  const examplesStored = async (name: string) => {
    const store = openSqlite(join(dir, name))
    await store.transaction(async (tx) => {
      for (let i = 0; i < raws.length; i++) await commitParsed(raws[i], { ok: true, value: examples[i] }, tx, opts)
    })
    const full: Article[] = []
    for await (const a of store.articles({ includeDuplicates: true })) full.push(a)
    return { store, full }
  }

  it('reads articles as metadata only, in the same order and with the same fields but the text', async () => {
    const { store, full } = await examplesStored('meta.db')
    const metas = []
    for await (const a of store.articleMetas({ includeDuplicates: true })) metas.push(a)
    expect(metas.map((a) => a.id)).toEqual(full.map((a) => a.id))
    expect(metas).toEqual(full.map(({ text: _t, folded: _f, blocks: _b, images: _i, fingerprint: _p, ...meta }) => meta))
    for (const m of metas) expect(m).not.toHaveProperty('text')
    await store.close()
  })

  it('reads articles with their text but not their blocks for clustering, all or only those a state has no part for', async () => {
    const { store, full } = await examplesStored('texts.db')
    const texts = []
    for await (const a of store.articleTexts({ includeDuplicates: true })) texts.push(a)
    expect(texts).toEqual(full.map(({ folded: _f, blocks: _b, fingerprint: _p, ...a }) => a))
    for (const a of texts) expect(a).not.toHaveProperty('blocks')
    // A state with a part for some articles: the others come back, in storage order.
    const [seen, ...unseen] = full
    await store.saveStateParts('s', 'v1', Buffer.from('head'), new Map([[`a:${seen.id}`, Buffer.from('x')]]), true)
    const without = []
    for await (const a of store.articlesWithoutPart('s', 'a:')) without.push(a)
    expect(without.map((a) => a.id).sort()).toEqual(unseen.map((a) => a.id).sort())
    expect(without.find((a) => a.id === unseen[0].id)).toEqual(texts.find((a) => a.id === unseen[0].id))
    await store.close()
  })

  it('tells where the stored articles end, and reads only those stored after a given end', async () => {
    const { store, full } = await examplesStored('ends.db')
    const end = await store.articlesEnd()
    expect(end).toBeGreaterThanOrEqual(full.length)
    const ids = async (after?: number) => {
      const out: string[] = []
      for await (const a of store.articlesWithoutPart('s', 'a:', after)) out.push(a.id)
      return out
    }
    expect((await ids()).sort()).toEqual(full.map((a) => a.id).sort())
    // Nothing stored after the end: none, though no article has a part.
    expect(await ids(end)).toEqual([])
    // One more (a copy of the first, under another name): it alone is after the end.
    const raw = { ...raws[0], locator: 'examples/archive/extra.md', sha256: 'e'.repeat(64) }
    await store.transaction((tx) => commitParsed(raw, { ok: true, value: { ...examples[0], id: articleIdOf(raw.sha256, raw.locator) } }, tx, opts))
    expect(await store.articlesEnd()).toBeGreaterThan(end)
    expect(await ids(end)).toEqual([articleIdOf(raw.sha256, raw.locator)])
    await store.close()
  })

  it('counts the articles taken out of it, or given another id, by any connection', async () => {
    const { store, full } = await examplesStored('removed.db')
    // Storing articles, again or anew, and dating them, removes none.
    await store.transaction(async (tx) => {
      for (let i = 0; i < raws.length; i++) await commitParsed(raws[i], { ok: true, value: examples[i] }, tx, opts)
    })
    await store.setSequenceDates(new Map([[full[0].id, '2021-06-01']]))
    expect(await store.articlesRemoved()).toBe(0)
    // As someone would in the sqlite3 shell, from another connection.
    const other = new Database(join(dir, 'removed.db'))
    other.pragma('foreign_keys = OFF')
    other.prepare('DELETE FROM articles WHERE id = ?').run(full[0].id)
    expect(await store.articlesRemoved()).toBe(1)
    other.prepare('UPDATE articles SET id = ? WHERE id = ?').run('renamed', full[1].id)
    other.prepare('UPDATE articles SET title = ? WHERE id = ?').run('新标题', full[2].id)
    other.prepare('UPDATE articles SET id = id WHERE id = ?').run(full[2].id)
    expect(await store.articlesRemoved()).toBe(2)
    other.close()
    await store.close()
  })
})

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}
