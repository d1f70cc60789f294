// npm run bench: ingest throughput and memory on a generated corpus of variations of the
// example articles (BENCH_ARTICLES, default 50,000; BENCH_JOBS, default "1,2"). Each --jobs
// value runs in a fresh process, so its peak RSS is its own. Prints figures; asserts nothing.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runIngest } from '../src/cli/commands/ingest.js'
import { openSqlite } from '../src/store/sqlite/store.js'
import { generateCorpus } from './corpus.js'
import { searchLatency } from './search-latency.js'

const [child, childJobs, childDir, childBytes] = process.argv.slice(2)
if (child === '--child') await ingestOnce(Number(childJobs), childDir, Number(childBytes))
else {
  const total = Number(process.env.BENCH_ARTICLES ?? 50_000)
  const dir = mkdtempSync(join(tmpdir(), 'jianting-bench-'))
  const bytes = generateCorpus(join(dir, 'corpus'), total)
  console.log(`bench: generated ${total} articles, ${(bytes / 1e6).toFixed(1)} MB (${(bytes / total / 1000).toFixed(1)} KB each) in ${join(dir, 'corpus')}`)
  for (const jobs of (process.env.BENCH_JOBS ?? '1,2').split(',').map(Number))
    execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', String(jobs), dir, String(bytes)], { stdio: 'inherit' })
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}

async function ingestOnce(jobs: number, dir: string, bytes: number) {
  const db = join(dir, `bench-${jobs}.db`)
  const store = openSqlite(db)
  const started = performance.now()
  const cpu = process.cpuUsage()
  const s = await runIngest(store, [join(dir, 'corpus')], { jobs, quiet: true })
  const seconds = (performance.now() - started) / 1000
  const { user, system } = process.cpuUsage(cpu)
  // Worker threads live in this process: maxRSS covers them. Read before search loads jieba here.
  // maxRSS is in KiB; MB here are 10^6 bytes, as everywhere in the bench output.
  const peakMb = (process.resourceUsage().maxRSS * 1024) / 1e6
  console.log(`ingest --jobs ${jobs}: ${s.files} files in ${seconds.toFixed(1)} s → ${(s.files / seconds).toFixed(0)} articles/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s; CPU ${((user + system) / 1000 / s.files).toFixed(2)} ms/article (all threads)`)
  console.log(`  ${s.articles} articles, ${s.duplicates} copies, ${s.quarantined} quarantined; peak RSS ${peakMb.toFixed(0)} MB`)
  const search = await searchLatency(store)
  console.log(`  search (${search.count} queries of common words): median ${search.median.toFixed(1)} ms, p99 ${search.p99.toFixed(1)} ms`)
  await store.close()
  // Only once closed is the write-ahead log checkpointed into the file (before: "0 MB" for small runs).
  console.log(`  database ${(statSync(db).size / 1e6).toFixed(0)} MB`)
}
