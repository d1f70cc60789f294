// Does clustering keep up with ingestion? `node dist/bench/events-follow.js`.
// The archive of bench/events-base.ts (BENCH_EVENTS_ARTICLES, default 100,000, real articles
// repeated week after week) is clustered but for its last BENCH_EVENTS_NEW (default 10,000).
// Then a writer thread stores those at BENCH_FOLLOW_RATE articles/s (default 1,000), in
// transactions of a tenth of a second's worth, while this thread brings the events up to
// date over and over, as a server or a loop of `jianting events` beside an ingest would: each
// update clusters whatever arrived since the last one. Prints the updates (articles, time),
// how far clustering lagged behind the writer, and how long it took to catch up once the
// writer stopped. Clustering keeps up when the backlog stays bounded, so that the last update
// ends soon after the last write. Asserts nothing.
// BENCH_EVENTS_BASE, BENCH_EVENTS_LIVE and BENCH_EVENTS_RESTAMP as in events-base.ts (a base
// kept for the same BENCH_EVENTS_NEW serves events-incremental.js too).
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { updateClusters } from '../src/cluster/snapshot.js'
import { eventsArchive, median, ms, openCopy } from './events-base.js'
import type { WriterData, WriterReport } from './events-follow-writer.js'

const rate = Number(process.env.BENCH_FOLLOW_RATE ?? 1_000)
console.log(`events follow: clustering beside a writer storing ${rate} articles/s`)
const { basePath, newer, size, dir } = await eventsArchive(10_000)
const path = join(dir, 'follow.db')
const store = await openCopy(basePath, path)

const started = performance.now()
const writer = new Worker(new URL('./events-follow-writer.js', import.meta.url), { workerData: { path, articles: newer, rate } satisfies WriterData })
let written: WriterReport | undefined
let failed: Error | undefined
writer.on('message', (m: WriterReport) => (written = m))
writer.on('error', (e) => (failed = e))
writer.on('exit', (code) => {
  if (code !== 0) failed ??= new Error(`the writer stopped with code ${code}`)
  else if (!written) failed ??= new Error('the writer stopped without reporting')
})

interface Update { readonly at: number; readonly articles: number; readonly ms: number; readonly backlog: number }
const updates: Update[] = []
let clustered = 0
const cpu = process.cpuUsage()
while (clustered < newer.length) {
  if (failed) throw failed
  const t = performance.now()
  const { clusteredNow } = await updateClusters(store)
  const took = performance.now() - t
  if (clusteredNow > 0) {
    clustered += clusteredNow
    // Articles stored but not clustered when this update ended (read from the writer's count).
    const stored = (await store.articlesVersion()).split(':')[0]
    updates.push({ at: performance.now() - started, articles: clusteredNow, ms: took, backlog: Number(stored) - (size - newer.length) - clustered })
  } else await new Promise((r) => setTimeout(r, 20))
  if (written && clustered < newer.length && performance.now() - started > written.ms + 600_000) throw new Error('clustering has not caught up ten minutes after the writer stopped')
}
const endMs = performance.now() - started
const { user, system } = process.cpuUsage(cpu)
while (!written && !failed) await new Promise((r) => setTimeout(r, 20))
if (failed) throw failed
await store.close()
writer.terminate()

const w = written!
console.log(`  writer: ${newer.length} articles in ${(w.ms / 1000).toFixed(1)} s (${(newer.length / (w.ms / 1000)).toFixed(0)} articles/s${w.behindMs > 1000 ? `; it fell ${(w.behindMs / 1000).toFixed(1)} s behind its schedule` : ''})`)
for (const u of updates) console.log(`  update at ${(u.at / 1000).toFixed(1)} s: ${u.articles} articles in ${ms(u.ms)} (${(u.articles / (u.ms / 1000)).toFixed(0)}/s); ${u.backlog} waiting when it ended`)
const busy = updates.reduce((s, u) => s + u.ms, 0)
const steady = updates.slice(1, -1) // the first starts cold, the last takes what is left
console.log(`  ${updates.length} updates, median ${median(updates.map((u) => u.articles))} articles in ${ms(median(updates.map((u) => u.ms)))}; clustering busy ${(busy / 1000).toFixed(1)} s of ${(endMs / 1000).toFixed(1)} s (CPU of both threads ${((user + system) / 1e6).toFixed(1)} s)`)
const lagMs = endMs - w.ms
// Kept up: the writer held its rate, and the last update ended within about two updates' time of the last write.
const verdict = w.behindMs > 1000 ? `the writer could not hold ${rate}/s beside clustering, so this does not tell` : lagMs < 2 * median(updates.map((u) => u.ms)) + 1000 ? 'clustering kept up' : 'clustering fell behind'
console.log(`  → ${(newer.length / (busy / 1000)).toFixed(0)} articles/s clustered while busy; largest backlog ${Math.max(...updates.map((u) => u.backlog + u.articles))} articles${steady.length ? ` (in steady updates ${Math.max(...steady.map((u) => u.backlog + u.articles))})` : ''}; every article clustered ${(lagMs / 1000).toFixed(1)} s after the last write: ${verdict}`)
