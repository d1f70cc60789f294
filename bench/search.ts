// Search latency at scale: BENCH_SEARCH_ARTICLES (default 1,000,000) articles in the store, with
// figures at every tenfold and at the end. Ingesting a million articles takes about 20 minutes on
// this machine, most of it parsing, and search latency depends on the index, not on how it was
// built; so this parses a pool of BENCH_SEARCH_POOL (default 5,000) generated articles once and
// writes each of them many times under new ids through the store (its full-text index, shards and
// all), skipping parse and dedupe. Every word keeps the share of articles it has in the pool.
// Prints figures; asserts nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Article, ArticleId } from '../src/article.js'
import { loadRegistry } from '../src/outlets/registry.js'
import { rawInput, runStages } from '../src/pipeline.js'
import { openSqlite } from '../src/store/sqlite/store.js'
import { generateCorpus } from './corpus.js'
import { searchLatency } from './search-latency.js'

const total = Number(process.env.BENCH_SEARCH_ARTICLES ?? 1_000_000)
const poolSize = Number(process.env.BENCH_SEARCH_POOL ?? 5_000)
const dir = mkdtempSync(join(tmpdir(), 'jianting-search-'))
try {
  generateCorpus(join(dir, 'pool'), poolSize)
  const registry = loadRegistry()
  const store = openSqlite(join(dir, 'search.db'))
  const pool: Article[] = []
  for (const folder of readdirSync(join(dir, 'pool')))
    for (const f of readdirSync(join(dir, 'pool', folder))) {
      const raw = rawInput(new Uint8Array(readFileSync(join(dir, 'pool', folder, f))), join(folder, f), 'file')
      const r = runStages(raw, { registry })
      if (!r.ok) continue
      await store.putRaw(raw)
      await store.ensureOutlet({ id: r.value.outletId, name: r.value.outletName, known: registry.byId(r.value.outletId) !== undefined })
      pool.push(r.value)
    }
  console.log(`search bench: pool of ${pool.length} parsed articles; writing ${total.toLocaleString('en')} articles`)
  const checkpoints = new Set([1e5, 3e5, 1e6, 3e6, total].filter((n) => n <= total))
  const started = performance.now()
  for (let done = 0; done < total; ) {
    const batch = Math.min(1_000, total - done)
    await store.transaction(async (tx) => {
      for (let i = done; i < done + batch; i++) {
        const a = pool[i % pool.length]
        await tx.upsertArticle({ ...a, id: `bench-${i}` as ArticleId, provenance: { ...a.provenance, locator: `copy-${i}/${a.provenance.locator}` } })
      }
    })
    done += batch
    if (checkpoints.has(done)) {
      const s = await searchLatency(store)
      const rate = done / ((performance.now() - started) / 1000)
      console.log(`  ${done.toLocaleString('en')} articles (${rate.toFixed(0)}/s written; database ${(statSync(join(dir, 'search.db')).size / 1e9).toFixed(2)} GB): search median ${s.median.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms over ${s.count} queries`)
    }
  }
  await store.close()
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}
