// Incremental event clustering at archive scale, with real articles: `node dist/bench/events-incremental.js`.
// The corpus's real articles (../shared/corpus, or the example archive without it) are repeated
// week after week under new ids until the archive holds BENCH_EVENTS_ARTICLES (default 100,000):
// real texts, real event sizes, a long time line. All but the last BENCH_EVENTS_NEW (default
// 1,000) are stored in a SQLite store and clustered from scratch as `events` does; then, in
// BENCH_EVENTS_RUNS (default 3) copies of that database, the new ones are stored and `events`'
// update is timed stage by stage (the same code path: reading the new articles, restoring the
// saved clustering, featurising, loading the events they can meet, clustering, describing,
// linking stories, saving), and separately the read of every event and story that a reader of
// the cache does. Prints figures (the median of the runs); asserts nothing.
// BENCH_EVENTS_BASE=FILE keeps the clustered base database in FILE, and a later run with the
// same FILE starts from it (for profiling the update alone; it must be rebuilt, by deleting
// FILE, whenever the clustering code changes, or the update starts from scratch and the
// bench stops with an error). BENCH_EVENTS_PROFILE=DIR writes a CPU profile of each timed
// update (and of nothing else) to DIR. BENCH_EVENTS_RESTAMP=1 lets the code of this build
// continue a kept base saved by another build (its saved state is stamped with this one's
// version): for timing a change that keeps the saved state's meaning only, such as a faster
// read or save; a change to features or decisions needs a base of its own.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Article } from '../src/article.js'
import { runIngest } from '../src/cli/commands/ingest.js'
import { cachedClusters, STATE_KEY, stateVersion, updateClusters, type UpdateTimes } from '../src/cluster/snapshot.js'
import { openSqlite } from '../src/store/sqlite/store.js'
import type { Store } from '../src/store/store.js'

const total = Number(process.env.BENCH_EVENTS_ARTICLES ?? 100_000)
const fresh = Number(process.env.BENCH_EVENTS_NEW ?? 1_000)
const runs = Number(process.env.BENCH_EVENTS_RUNS ?? 3)
const corpus = resolve(process.env.JIANTING_CORPUS ?? '../shared/corpus')
const source = existsSync(corpus) ? corpus : resolve(import.meta.dirname, '../../examples/archive')

const dir = mkdtempSync(join(tmpdir(), 'jianting-events-inc-'))
const kept = process.env.BENCH_EVENTS_BASE ? resolve(process.env.BENCH_EVENTS_BASE) : undefined
// A kept base is reused only when made with the same corpus and sizes (written beside it once
// complete; a half-built one never takes the kept name).
const params = JSON.stringify({ source, total, fresh })
const reuse = kept !== undefined && existsSync(kept)
if (reuse && (!existsSync(`${kept}.json`) || readFileSync(`${kept}.json`, 'utf8') !== params))
  throw new Error(`${kept} was made with another corpus or other BENCH_EVENTS_ARTICLES / BENCH_EVENTS_NEW (see ${kept}.json): delete it, or point BENCH_EVENTS_BASE elsewhere`)
let basePath = reuse ? kept : kept ? `${kept}.partial` : join(dir, 'base.db')
let store: Store = openSqlite(basePath)
if (!reuse) await runIngest(store, [source], { jobs: 2, quiet: true })
const base: Article[] = []
// In a kept database the ingested articles are those without a repetition mark, in the same order.
for await (const a of store.articles({ includeDuplicates: true })) if (!a.id.includes('~')) base.push(a)

// Each repetition a week after the last: further apart than the clusterer's time window, so a
// repeated report never meets its earlier self, while reports of other years interleave as in a
// long archive. Undated articles are taken once (repeated, they would all be one text). The
// first repetition is the ingested corpus itself.
const WEEK_MS = 7 * 86_400_000
const copy = (a: Article, k: number): Article => ({
  ...a,
  id: `${a.id}~${k}` as Article['id'],
  ...(a.publishedAt ? { publishedAt: new Date(Date.parse(a.publishedAt) + k * WEEK_MS).toISOString() } : {}),
  ...(a.duplicateOf ? { duplicateOf: `${a.duplicateOf}~${k}` as Article['id'] } : {}),
})
// The archive's articles are built, stored and let go: the timed updates run in a process that
// holds only the new ones, as an `events` run would (a heap of 100,000 articles kept alive here
// made every major collection during the update mark it, a cost no real run has).
let articles: Article[] = [...base]
for (let k = 1; articles.length < total; k++) for (const a of base) if (articles.length < total && a.publishedAt) articles.push(copy(a, k))
const archiveSize = articles.length
console.log(`events incremental: ${base.length} articles of ${source === corpus ? 'the corpus' : 'the example archive'} repeated week after week → ${archiveSize} articles`)
// (A kept base holds them already.)
let older = reuse ? [] : articles.slice(base.length, archiveSize - fresh)
const newer = articles.slice(archiveSize - fresh)
articles = []
base.length = 0

const put = (s: Store, batch: readonly Article[]) => s.transaction(async (tx) => { for (const a of batch) await tx.upsertArticle(a) })
const ms = (x: number) => `${x.toFixed(0)} ms`
if (reuse) console.log(`  from scratch: skipped, the clustered base is read from ${kept}`)
else {
  await put(store, older)
  older = []
  const t0 = performance.now()
  const scratch: Partial<UpdateTimes> = {}
  await updateClusters(store, undefined, scratch)
  const fullMs = performance.now() - t0
  const stored = archiveSize - fresh
  console.log(`  from scratch: ${stored} articles in ${(fullMs / 1000).toFixed(1)} s (${(stored / (fullMs / 1000)).toFixed(0)} articles/s; ${Object.entries(scratch).map(([k, v]) => `${k} ${ms(v!)}`).join(', ')}), events and stories saved`)
}
await store.close()
if (kept && !reuse) {
  renameSync(basePath, kept)
  writeFileSync(`${kept}.json`, params)
  basePath = kept
}

const profileDir = process.env.BENCH_EVENTS_PROFILE ? resolve(process.env.BENCH_EVENTS_PROFILE) : undefined
let profiler: Session | undefined
if (profileDir) {
  mkdirSync(profileDir, { recursive: true })
  profiler = new Session()
  profiler.connect()
  await profiler.post('Profiler.enable')
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
// CPU time (all threads of the process) beside wall time: on a shared machine it varies less.
const results: Array<{ times: Partial<UpdateTimes>; totalMs: number; cpuMs: number; readMs: number; events: number }> = []
for (let r = 0; r < runs; r++) {
  const path = join(dir, `run${r}.db`)
  copyFileSync(basePath, path)
  store = openSqlite(path)
  if (process.env.BENCH_EVENTS_RESTAMP === '1') {
    const saved = await store.savedState(STATE_KEY)
    if (!saved) throw new Error(`${basePath} holds no saved clustering to continue`)
    await store.saveStateParts(STATE_KEY, stateVersion(), saved.body, new Map(), false)
    if (r === 0) console.log('  (the kept base is continued whatever build saved it: BENCH_EVENTS_RESTAMP)')
  }
  await put(store, newer)
  const times: Partial<UpdateTimes> = {}
  if (profiler) await profiler.post('Profiler.start')
  const t = performance.now()
  const cpu = process.cpuUsage()
  const { clusteredNow } = await updateClusters(store, undefined, times)
  const totalMs = performance.now() - t
  const { user, system } = process.cpuUsage(cpu)
  const cpuMs = (user + system) / 1000
  if (profiler) writeFileSync(join(profileDir!, `update-${r + 1}.cpuprofile`), JSON.stringify((await profiler.post('Profiler.stop')).profile))
  if (clusteredNow !== fresh) throw new Error(`clustered ${clusteredNow} articles, not ${fresh}`)
  const t1 = performance.now()
  const read = (await cachedClusters(store))!
  const readMs = performance.now() - t1
  results.push({ times, totalMs, cpuMs, readMs, events: read.events.length })
  console.log(`  run ${r + 1}: ${fresh} new articles in ${ms(totalMs)} (CPU ${ms(cpuMs)}): ${Object.entries(times).map(([k, v]) => `${k} ${ms(v!)}`).join(', ')}; reading all ${read.events.length} events and ${read.stories.length} stories back ${ms(readMs)}`)
  await store.close()
  rmSync(path)
}
const totalMs = median(results.map((r) => r.totalMs))
const stages = Object.keys(results[0].times) as Array<keyof UpdateTimes>
console.log(`  median of ${runs}: ${stages.map((k) => `${k} ${ms(median(results.map((r) => r.times[k]!)))}`).join(', ')}`)
console.log(`  → ${(fresh / (totalMs / 1000)).toFixed(0)} articles/s incremental, all included (${ms(totalMs)}, CPU ${ms(median(results.map((r) => r.cpuMs)))}); reading every event and story back ${ms(median(results.map((r) => r.readMs)))}; peak RSS ${((process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0)} MB`)
rmSync(dir, { recursive: true, force: true })
