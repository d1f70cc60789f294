// npm run bench: ingest throughput and memory on a generated corpus of variations of the
// example articles (BENCH_ARTICLES, default 50,000). Prints medians; asserts nothing.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runIngest } from '../src/cli/commands/ingest.js'
import { openSqlite } from '../src/store/sqlite/store.js'

const total = Number(process.env.BENCH_ARTICLES ?? 50_000)
const root = join(import.meta.dirname, '..', '..')
const seedDir = join(root, 'examples', 'archive')
const seeds = readdirSync(seedDir).map((f) => readFileSync(join(seedDir, f), 'utf8'))
const dir = mkdtempSync(join(tmpdir(), 'jianting-bench-'))
const corpus = join(dir, 'corpus')

// Each variation shuffles paragraphs and swaps in numbers, so articles are distinct texts
// (not exact copies) of realistic size and shape.
let bytes = 0
let seed = 42
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
for (let i = 0; i < total; i++) {
  const base = seeds[i % seeds.length]
  const parts = base.split(/(?<=<\/p>)|\n\n/)
  const head = parts.slice(0, 3)
  const body = parts.slice(3).sort(() => rand() - 0.5).slice(0, Math.max(4, Math.floor(parts.length * 0.6)))
  const text = [...head, ...body].join('\n').replace(/\d+/g, (d) => String((Number(d) + i) % 10_000)).replace(/title: '/, `title: '${i} `).replace(/title: "/, `title: "${i} `).replace(/^## /m, `## ${i} `)
  const sub = join(corpus, String(Math.floor(i / 1000)))
  if (i % 1000 === 0) mkdirSync(sub, { recursive: true })
  writeFileSync(join(sub, `${i}.md`), text)
  bytes += Buffer.byteLength(text)
}
console.log(`bench: generated ${total} articles, ${(bytes / 1e6).toFixed(1)} MB (${(bytes / total / 1000).toFixed(1)} KB each) in ${corpus}`)

const store = openSqlite(join(dir, 'bench.db'))
const started = performance.now()
const s = await runIngest(store, [corpus], { jobs: 1, quiet: true })
const seconds = (performance.now() - started) / 1000
await store.close()
const dbMb = statSync(join(dir, 'bench.db')).size / 1e6
console.log(`ingest --jobs 1: ${s.files} files in ${seconds.toFixed(1)} s → ${(s.files / seconds).toFixed(0)} articles/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`)
console.log(`  ${s.articles} articles, ${s.duplicates} copies, ${s.quarantined} quarantined; database ${dbMb.toFixed(0)} MB`)
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes generating the corpus)`)
rmSync(dir, { recursive: true, force: true })
