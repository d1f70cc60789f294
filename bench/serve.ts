// `jianting serve` under load (part of `npm run bench`): p99 latency of the event list and of
// one event's comparison at BENCH_SERVE_ARTICLES (default 100,000) articles in the store,
// measured with autocannon from this process against the server in its own process; then the
// first contentful paint of the event page in chromium when /usr/bin/chromium exists; then the
// server's start time and peak memory again, once its events are cached in the store.
// BENCH_SERVE_DB=path reuses a database instead of generating and ingesting a corpus;
// BENCH_SERVE_KEEP=1 keeps the generated one (its path is printed).
// Goals (issue 4): p99 < 50 ms for both endpoints; first paint < 1 s. Prints; asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { runIngest } from '../src/cli/commands/ingest.js'
import { openSqlite } from '../src/store/sqlite/store.js'
import { generateCorpus, repoRoot } from './corpus.js'

const total = Number(process.env.BENCH_SERVE_ARTICLES ?? 100_000)
const seconds = Number(process.env.BENCH_SERVE_SECONDS ?? 10)
const CONNECTIONS = 10
// What a browser asks over plain http (brotli it asks only over https), and what curl,
// requests with brotli installed and browsers over https ask. Cached bodies are compressed
// once per encoding, not per request.
const GZIP = 'gzip, deflate'
const BROTLI = 'gzip, deflate, br'
// The comparison is measured on an event of about this many articles (a large real event).
const EVENT_ARTICLES = 50

const dir = mkdtempSync(join(tmpdir(), 'jianting-bench-serve-'))
let db = process.env.BENCH_SERVE_DB
try {
  if (!db) {
    db = join(dir, 'serve.db')
    generateCorpus(join(dir, 'corpus'), total)
    const store = openSqlite(db)
    const t = performance.now()
    const s = await runIngest(store, [join(dir, 'corpus')], { jobs: 2, quiet: true })
    await store.close()
    console.log(`serve bench: ingested ${s.articles} articles (${s.duplicates} copies) in ${((performance.now() - t) / 1000).toFixed(0)} s`)
  }
  const server = await startServer(db)
  try {
    const events = (await getJson(`${server.url}/api/events?limit=200&min=2`)) as { items: Array<{ id: string; articleCount: number; outlets: string[] }> }
    const all = (await getJson(`${server.url}/api/events?limit=1`)) as { total: number }
    const event = [...events.items].sort((a, b) => Math.abs(a.articleCount - EVENT_ARTICLES) - Math.abs(b.articleCount - EVENT_ARTICLES))[0]
    console.log(`serve bench: ${all.total} events; comparison measured on ${event.id} (${event.articleCount} articles, ${event.outlets.length} outlets)`)

    await load('GET /api/events?limit=50', `${server.url}/api/events?limit=50`)
    await load('GET /api/events?type=commercial&since=…', `${server.url}/api/events?limit=50&type=commercial&since=2021-06-01`)
    const cold = performance.now()
    await getJson(`${server.url}/api/events/${event.id}/comparison`)
    console.log(`  first comparison of ${event.id} (computed, then cached): ${(performance.now() - cold).toFixed(0)} ms`)
    await load(`GET /api/events/${event.id}/comparison (cached)`, `${server.url}/api/events/${event.id}/comparison`)
    await load(`GET /api/events/${event.id}/comparison (cached, brotli)`, `${server.url}/api/events/${event.id}/comparison`, BROTLI)
    await load(`GET /events/${event.id} (page)`, `${server.url}/events/${event.id}`)
    await firstPaint(`${server.url}/events/${event.id}`)
  } finally {
    await server.stop()
  }
  // Again, as after a restart: events and stories now come from the store's cache.
  const again = await startServer(db)
  await again.stop()
} finally {
  if (process.env.BENCH_SERVE_KEEP) console.log(`serve bench: kept ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}

async function load(label: string, url: string, acceptEncoding = GZIP) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { 'accept-encoding': acceptEncoding } })
  const bad = r.non2xx + r.errors + r.timeouts
  const kb = r.throughput.average / Math.max(1, r.requests.average) / 1000
  console.log(`  ${label}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ${r.requests.average.toFixed(0)} req/s of ${kb.toFixed(0)} KB ${acceptEncoding === BROTLI ? 'brotli' : 'gzipped'} (${CONNECTIONS} connections, ${seconds} s${bad ? `, ${bad} failed` : ''}) — goal p99 < 50 ms: ${r.latency.p99 < 50 ? 'met' : 'NOT met'}`)
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  return res.json()
}

/** The server in its own process (the load generator must not share its event loop). */
async function startServer(dbPath: string): Promise<{ url: string; stop(): Promise<void> }> {
  const t = performance.now()
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'main.js'), '--db', dbPath, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let err = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += d
      const m = /serving (http:\/\/\S+)\//.exec(err)
      if (m) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)))
  })
  const cached = /events read from the cache/.test(err)
  const rssMb = Number((await import('node:fs')).readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) * 1024 / 1e6 // VmHWM is in KiB
  console.log(`serve bench: server ready in ${((performance.now() - t) / 1000).toFixed(1)} s (${cached ? 'events and stories read from the store\'s cache, articles\' metadata only' : 'events and stories computed'}), peak RSS ${rssMb.toFixed(0)} MB`)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    url,
    stop: () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}

async function firstPaint(url: string) {
  if (!existsSync('/usr/bin/chromium')) return console.log('  first paint: skipped (/usr/bin/chromium not found)')
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
  try {
    const page = await browser.newPage()
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      await page.goto(url)
      times.push(await page.evaluate(() => new Promise<number>((resolve) => new PerformanceObserver((l) => resolve(l.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1)).observe({ type: 'paint', buffered: true }))))
    }
    times.sort((a, b) => a - b)
    console.log(`  first contentful paint of the event page: median ${times[2].toFixed(0)} ms, worst ${times[4].toFixed(0)} ms of 5 loads — goal < 1 s: ${times[4] < 1000 ? 'met' : 'NOT met'}`)
  } finally {
    await browser.close()
  }
}
