// The writer alone: parses a generated corpus first (untimed), then times what the main
// thread does under `ingest --jobs N` (store raw, probe for copies, insert article, FTS and
// LSH rows) in batches like runIngest. BENCH_ARTICLES (default 11,000), BENCH_ROUNDS (3).
import { mkdtempSync, rmSync, statSync } from 'node:fs'
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
generateCorpus(corpus, total)
const opts = { registry: loadRegistry() }
const items: Array<{ raw: RawInput; parsed: Outcome<Article> }> = []
let parseMs = 0
for await (const f of walkDir(corpus, () => {})) {
  const raw = rawInput(readBytes(f.path) as Uint8Array, locatorOf(f.path), 'file')
  const t = performance.now()
  items.push({ raw, parsed: runStagesSafely(raw, opts) })
  parseMs += performance.now() - t
}
console.log(`writer: parsed ${items.length} articles at ${(parseMs / items.length).toFixed(3)} ms each (one thread, untimed below)`)

const BATCH = 200
const perRound: number[] = []
for (let round = 0; round < rounds; round++) {
  const db = join(dir, `w${round}.db`)
  const store = openSqlite(db)
  const started = performance.now()
  const cpu = process.cpuUsage()
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
  perRound.push(ms / items.length)
  console.log(`round ${round + 1}: ${(ms / items.length).toFixed(3)} ms/article (${(items.length / (ms / 1000)).toFixed(0)}/s; CPU ${((user + system) / 1000 / items.length).toFixed(3)} ms), database ${(statSync(db).size / 1e6).toFixed(0)} MB; by quarter ${quarters.join(' ')} ms`)
  await store.close()
  if (!process.env.BENCH_KEEP) rmSync(db, { force: true })
}
perRound.sort((a, b) => a - b)
console.log(`writer median of ${rounds}: ${perRound[Math.floor(rounds / 2)].toFixed(3)} ms/article`)
if (process.env.BENCH_KEEP) console.log(`kept ${dir}`)
else rmSync(dir, { recursive: true, force: true })
