// Incremental event clustering at archive scale, with real articles: `node dist/bench/events-incremental.js`.
// The corpus's real articles (../shared/corpus, or the example archive without it) are repeated
// week after week under new ids until the archive holds BENCH_EVENTS_ARTICLES (default 100,000):
// real texts, real event sizes, a long time line. The bench clusters all but the last
// BENCH_EVENTS_NEW (default 1,000) from scratch, saves the state as `events` does, then restores
// it and clusters the new ones: the cost of an `events` run after an ingest of that many
// articles (reading the articles from the database aside). Prints figures; asserts nothing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Article } from '../src/article.js'
import { runIngest } from '../src/cli/commands/ingest.js'
import { ArchiveClustering } from '../src/cluster/cluster-articles.js'
import { restoreClustering, saveClustering } from '../src/cluster/persist.js'
import { buildStories } from '../src/cluster/stories.js'
import { openSqlite } from '../src/store/sqlite/store.js'

const total = Number(process.env.BENCH_EVENTS_ARTICLES ?? 100_000)
const fresh = Number(process.env.BENCH_EVENTS_NEW ?? 1_000)
const corpus = resolve(process.env.JIANTING_CORPUS ?? '../shared/corpus')
const source = existsSync(corpus) ? corpus : resolve(import.meta.dirname, '../../examples/archive')

const dir = mkdtempSync(join(tmpdir(), 'jianting-events-inc-'))
const store = openSqlite(join(dir, 'base.db'))
await runIngest(store, [source], { jobs: 2, quiet: true })
const base: Article[] = []
for await (const a of store.articles({ includeDuplicates: true })) base.push(a)
await store.close()
rmSync(dir, { recursive: true, force: true })

// Each repetition a week after the last: further apart than the clusterer's time window, so a
// repeated report never meets its earlier self, while reports of other years interleave as in a
// long archive. Undated articles are taken once (repeated, they would all be one text).
const WEEK_MS = 7 * 86_400_000
const copy = (a: Article, k: number): Article => ({
  ...a,
  id: `${a.id}~${k}` as Article['id'],
  ...(a.publishedAt ? { publishedAt: new Date(Date.parse(a.publishedAt) + k * WEEK_MS).toISOString() } : {}),
  ...(a.duplicateOf ? { duplicateOf: `${a.duplicateOf}~${k}` as Article['id'] } : {}),
})
const articles: Article[] = []
for (let k = 0; articles.length < total; k++) for (const a of base) if (articles.length < total && (k === 0 || a.publishedAt)) articles.push(copy(a, k))
console.log(`events incremental: ${base.length} articles of ${source === corpus ? 'the corpus' : 'the example archive'} repeated week after week → ${articles.length} articles`)

const older = articles.slice(0, articles.length - fresh)
const newer = articles.slice(articles.length - fresh)

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now()
  const r = fn()
  return [r, performance.now() - t]
}

const scratch = new ArchiveClustering()
const [, fullMs] = time(() => scratch.add(older))
console.log(`  from scratch: ${older.length} articles in ${(fullMs / 1000).toFixed(1)} s (${(older.length / (fullMs / 1000)).toFixed(0)} articles/s), ${scratch.clusterer.events.length} events`)
const [bytes, saveMs] = time(() => saveClustering(scratch))
console.log(`  state saved: ${(bytes.length / 1e6).toFixed(1)} MB in ${saveMs.toFixed(0)} ms`)

const [restored, restoreMs] = time(() => restoreClustering(bytes)!)
const [, addMs] = time(() => restored.add([...older, ...newer]))
const all = [...older, ...newer]
const [result, describeMs] = time(() => restored.result(all))
const byId = new Map(all.map((a) => [a.id as string, a]))
const [, storiesMs] = time(() => buildStories(result.events, byId, (a) => restored.mentionsOf(a)))
const [, resaveMs] = time(() => saveClustering(restored))
const totalMs = restoreMs + addMs + describeMs + storiesMs + resaveMs
console.log(
  `  ${fresh} new articles with ${older.length} clustered before: restore ${restoreMs.toFixed(0)} ms, cluster ${addMs.toFixed(0)} ms, ` +
    `describe events ${describeMs.toFixed(0)} ms, stories ${storiesMs.toFixed(0)} ms, save ${resaveMs.toFixed(0)} ms`,
)
console.log(`  → ${(fresh / (totalMs / 1000)).toFixed(0)} articles/s incremental, all included (the new articles alone: ${(fresh / (addMs / 1000)).toFixed(0)} articles/s); peak RSS ${((process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0)} MB`)
