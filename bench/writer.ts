// The writer alone: parses a generated corpus first (untimed), then times what the main
// thread does under `ingest --jobs N` (store raw, probe for copies, insert article, FTS and
// LSH rows) in batches like runIngest. BENCH_ARTICLES (default 11,000), BENCH_ROUNDS (3).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Article, Outcome, RawInput } from '../src/article.js'
import { walkDir, locatorOf, readBytes } from '../src/ingest/sources/dir.js'
import { loadRegistry } from '../src/outlets/registry.js'
import { commitParsed, rawInput, runStagesSafely } from '../src/pipeline.js'
import { openSqlite } from '../src/store/sqlite/store.js'
import { generateCorpus } from './corpus.js'

const total = Number(process.env.BENCH_ARTICLES ?? 11_000)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const dir = mkdtempSync(join(tmpdir(), 'jianting-writer-'))
const corpus = join(dir, 'corpus')
const opts = { registry: loadRegistry() }
// BENCH_PARSED=FILE keeps the parsed corpus between runs (v8-serialized), to compare writers.
const cache = process.env.BENCH_PARSED
let items: Array<{ raw: RawInput; parsed: Outcome<Article> }> = []
let parseMs = 0
if (cache && existsSync(cache)) items = deserialize(readFileSync(cache))
else {
  generateCorpus(corpus, total)
  for await (const f of walkDir(corpus, () => {})) {
    const raw = rawInput(readBytes(f.path) as Uint8Array, locatorOf(f.path), 'file')
    const t = performance.now()
    items.push({ raw, parsed: runStagesSafely(raw, opts) })
    parseMs += performance.now() - t
  }
  if (cache) writeFileSync(cache, serialize(items))
}
console.log(`writer: parsed ${items.length} articles at ${(parseMs / items.length).toFixed(3)} ms each (one thread, untimed below)`)

const BATCH = Number(process.env.BENCH_BATCH ?? 1000) // rows per transaction, as runIngest commits
const perRound: number[] = []
for (let round = 0; round < rounds; round++) {
  const db = join(dir, `w${round}.db`)
  const store = openSqlite(db)
  const started = performance.now()
  const cpu = process.cpuUsage()
  const written = bytesWritten()
  const quarters: string[] = []
  let mark = started
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH)
    await store.transaction(async (tx) => {
      for (const { raw, parsed } of batch) {
        if ((await tx.locatorState(raw.locator, raw.sha256)) !== 'done') await commitParsed(raw, parsed, tx, opts)
      }
    })
    const done = Math.min(i + BATCH, items.length)
    if (done % (BATCH * Math.ceil(items.length / BATCH / 4)) === 0 || done === items.length) {
      quarters.push(((performance.now() - mark) / (done - (quarters.length * BATCH * Math.ceil(items.length / BATCH / 4)))).toFixed(3))
      mark = performance.now()
    }
  }
  const ms = performance.now() - started
  const { user, system } = process.cpuUsage(cpu)
  const writtenMb = (bytesWritten() - written) / 1e6
  perRound.push(ms / items.length)
  console.log(`round ${round + 1}: ${(ms / items.length).toFixed(3)} ms/article (${(items.length / (ms / 1000)).toFixed(0)}/s; CPU ${((user + system) / 1000 / items.length).toFixed(3)} ms), database ${(statSync(db).size / 1e6).toFixed(0)} MB, ${writtenMb.toFixed(0)} MB written; by quarter ${quarters.join(' ')} ms`)
  await store.close()
  if (!process.env.BENCH_KEEP) rmSync(db, { force: true })
}
perRound.sort((a, b) => a - b)
console.log(`writer median of ${rounds}: ${perRound[Math.floor(rounds / 2)].toFixed(3)} ms/article`)
if (process.env.BENCH_KEEP) console.log(`kept ${dir}`)
else rmSync(dir, { recursive: true, force: true })

/** Bytes this process has had written (Linux /proc; 0 elsewhere): WAL, checkpoints, all. */
function bytesWritten(): number {
  if (!existsSync('/proc/self/io')) return 0
  return Number(/wchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0)
}
