// Incremental event clustering at archive scale, with real articles: `node dist/bench/events-incremental.js`.
// The archive of bench/events-base.ts (BENCH_EVENTS_ARTICLES, default 100,000, of the corpus's
// real articles repeated week after week: real texts, real event sizes, a long time line) is
// clustered but for its last BENCH_EVENTS_NEW (default 1,000); then, in BENCH_EVENTS_RUNS
// (default 3) copies of that database, the new ones are stored (by a connection closed before
// the update, as `ingest`'s is) and `events`' update is timed
// stage by stage (the same code path: reading the new articles, restoring the saved
// clustering, featurising, loading the events they can meet, clustering, describing, linking
// stories, saving), and separately the read of every event and story that a reader of the
// cache does. Prints figures (the median of the runs); asserts nothing.
// BENCH_EVENTS_BASE=FILE keeps the clustered base, BENCH_EVENTS_LIVE=1 takes a day's news as the
// new articles, BENCH_EVENTS_RESTAMP=1 continues a base another build saved (see events-base.ts).
// BENCH_EVENTS_PROFILE=DIR writes a CPU profile of each timed update (and of nothing else) to DIR
// (with BENCH_EVENTS_STEPS, of each update continued in memory).
// BENCH_EVENTS_STEPS=N stores and clusters the new articles in N successive updates of one
// process instead (as a server beside an ingest does: the first restores the saved clustering,
// the later ones continue the one this process holds), each timed, once.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join, resolve } from 'node:path'
import { cachedClusters, updateClusters, type UpdateTimes } from '../src/cluster/snapshot.js'
import { openSqlite } from '../src/store/sqlite/store.js'
import { eventsArchive, median, ms, openCopy, putArticles } from './events-base.js'

const runs = Number(process.env.BENCH_EVENTS_RUNS ?? 3)
const steps = Number(process.env.BENCH_EVENTS_STEPS ?? 1)
console.log('events incremental:')
const { basePath, newer, dir } = await eventsArchive(1_000)
const fresh = newer.length
const profileDir = process.env.BENCH_EVENTS_PROFILE ? resolve(process.env.BENCH_EVENTS_PROFILE) : undefined
let profiler: Session | undefined
if (profileDir) {
  mkdirSync(profileDir, { recursive: true })
  profiler = new Session()
  profiler.connect()
  await profiler.post('Profiler.enable')
}
if (steps > 1) {
  await inSteps()
  process.exit(0)
}

// CPU time (all threads of the process) beside wall time: on a shared machine it varies less.
const results: Array<{ times: Partial<UpdateTimes>; totalMs: number; cpuMs: number; readMs: number; events: number }> = []
for (let r = 0; r < runs; r++) {
  const path = join(dir, `run${r}.db`)
  const stored = await openCopy(basePath, path, r === 0)
  await putArticles(stored, newer)
  // As `ingest` then `events`: the ingest's connection closes (SQLite checkpoints its writes
  // then) before the update opens the store; left open, the update's commit would checkpoint
  // the bench's own writes (~150 ms of them).
  await stored.close()
  const store = openSqlite(path)
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

/** The new articles stored and clustered in `steps` successive updates of one store, each timed. */
async function inSteps(): Promise<void> {
  const store = await openCopy(basePath, join(dir, 'steps.db'))
  const size = Math.ceil(fresh / steps)
  const timed: Array<{ totalMs: number; cpuMs: number; n: number; inMemory: boolean }> = []
  for (let at = 0, step = 1; at < fresh; at += size, step++) {
    const batch = newer.slice(at, at + size)
    await putArticles(store, batch)
    const times: Partial<UpdateTimes> = {}
    // The first update restores; only those continued in memory are profiled.
    if (profiler && step > 1) await profiler.post('Profiler.start')
    const t = performance.now()
    const cpu = process.cpuUsage()
    const { clusteredNow, inMemory } = await updateClusters(store, undefined, times)
    const totalMs = performance.now() - t
    const { user, system } = process.cpuUsage(cpu)
    if (profiler && step > 1) writeFileSync(join(profileDir!, `step-${step}.cpuprofile`), JSON.stringify((await profiler.post('Profiler.stop')).profile))
    if (clusteredNow !== batch.length) throw new Error(`update ${step} clustered ${clusteredNow} articles, not ${batch.length}`)
    timed.push({ totalMs, cpuMs: (user + system) / 1000, n: clusteredNow, inMemory })
    console.log(`  update ${step} (${inMemory ? 'continued in memory' : 'restored from the store'}): ${clusteredNow} articles in ${ms(totalMs)} (CPU ${ms((user + system) / 1000)}): ${Object.entries(times).map(([k, v]) => `${k} ${ms(v!)}`).join(', ')}`)
  }
  const later = timed.filter((u) => u.inMemory)
  if (later.length) console.log(`  → updates continued in memory: median ${ms(median(later.map((u) => u.totalMs)))} (CPU ${ms(median(later.map((u) => u.cpuMs)))}) for ${later[0].n} articles, ${(later.reduce((s, u) => s + u.n, 0) / (later.reduce((s, u) => s + u.totalMs, 0) / 1000)).toFixed(0)} articles/s over all of them; peak RSS ${((process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0)} MB`)
  await store.close()
}
