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

// Each article keeps one seed's archive shape (front matter, repost header, HTML or
// Markdown body) but gets a body of sentences drawn at random from all seeds, with numbers
// changed: distinct texts of realistic size, so dedupe, FTS and storage do full work.
let seed = 42
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
const sentences = seeds.flatMap((t) => t.replace(/<[^>]+>/g, '\n').match(/[^。！？\n]{12,}[。！？]/g) ?? [])
function template(text: string): { head: string; html: boolean } {
  const fm = text.match(/^\s*---[\s\S]*?\n---\s*\n/)
  if (fm) return { head: fm[0], html: true }
  const repost = text.match(/^[\s\S]*?轉載自[^\n]*\n/)
  return { head: repost ? repost[0] : '', html: false }
}
const templates = seeds.map(template)
let bytes = 0
for (let i = 0; i < total; i++) {
  const t = templates[i % templates.length]
  const paras: string[] = []
  for (let p = 0; p < 8; p++) {
    const n = 2 + Math.floor(rand() * 3)
    paras.push(Array.from({ length: n }, () => sentences[Math.floor(rand() * sentences.length)]).join('').replace(/\d+/g, (d) => String((Number(d) * 7 + i) % 10_000)))
  }
  const body = t.html ? `<div>\n${paras.map((p) => `<p>${p}</p>`).join('\n')}\n</div>\n` : `${paras.join('\n\n')}\n`
  const head = t.head.replace(/title: (['"]?)/, `title: $1${i} `).replace(/^## /m, `## ${i} `)
  const text = head + '\n' + body
  const sub = join(corpus, String(Math.floor(i / 1000)))
  if (i % 1000 === 0) mkdirSync(sub, { recursive: true })
  writeFileSync(join(sub, `${i}.md`), text)
  bytes += Buffer.byteLength(text)
}
console.log(`bench: generated ${total} articles, ${(bytes / 1e6).toFixed(1)} MB (${(bytes / total / 1000).toFixed(1)} KB each) in ${corpus}`)

const jobsList = (process.env.BENCH_JOBS ?? '1,2').split(',').map(Number)
for (const jobs of jobsList) {
  const db = join(dir, `bench-${jobs}.db`)
  const store = openSqlite(db)
  const started = performance.now()
  const s = await runIngest(store, [corpus], { jobs, quiet: true })
  const seconds = (performance.now() - started) / 1000
  console.log(`ingest --jobs ${jobs}: ${s.files} files in ${seconds.toFixed(1)} s → ${(s.files / seconds).toFixed(0)} articles/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`)
  console.log(`  ${s.articles} articles, ${s.duplicates} copies, ${s.quarantined} quarantined; database ${(statSync(db).size / 1e6).toFixed(0)} MB`)
  if (jobs === jobsList[0]) await searchLatency(store)
  await store.close()
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (main process; workers share it)`)
if (process.env.BENCH_KEEP) console.log(`kept ${dir}`)
else rmSync(dir, { recursive: true, force: true })

async function searchLatency(store: ReturnType<typeof openSqlite>) {
  const queries = ['普京', '拜登', '峰会', '日内瓦', '核战争', '"战略 稳定"', '网络安全', '俄罗斯 大使', '人权', '新削减战略武器条约']
  const times: number[] = []
  for (let round = 0; round < 20; round++)
    for (const q of queries) {
      const t = performance.now()
      await store.search(q, { limit: 20 })
      times.push(performance.now() - t)
    }
  times.sort((a, b) => a - b)
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1)
  console.log(`search (${times.length} queries of common words): median ${pct(0.5)} ms, p99 ${pct(0.99)} ms`)
}
