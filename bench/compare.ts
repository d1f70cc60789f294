// How long `compare` takes on an event of 50 articles (goal: under 1 s). The event is built
// from the example archive's four summit reports: each of 50 articles, from 50 different
// outlets, takes a different selection of their paragraphs, so claims overlap the way many
// outlets' reports of one incident do. Run by `npm run bench`.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Article, ArticleId } from '../src/article.js'
import { compareEvent } from '../src/compare/compare.js'
import { foldText } from '../src/normalize/fold.js'
import { loadRegistry } from '../src/outlets/registry.js'
import { rawInput, runStages } from '../src/pipeline.js'

const EVENT_ARTICLES = Number(process.env.BENCH_EVENT_ARTICLES ?? 50)
const RUNS = 5
// bench/ from source, dist/bench/ when built: the archive is at the repository root.
let root = import.meta.dirname
while (!existsSync(join(root, 'examples', 'archive')) && dirname(root) !== root) root = dirname(root)
const archive = join(root, 'examples', 'archive')
const registry = loadRegistry()

const seeds = readdirSync(archive).sort().flatMap((f) => {
  const r = runStages(rawInput(new Uint8Array(readFileSync(join(archive, f))), `examples/archive/${f}`, 'file'), { registry })
  return r.ok && r.value.publishedAt?.startsWith('2021-06') ? [r.value] : []
})
const paragraphs = seeds.flatMap((a) => a.text.split(/\n\n+/))
// A small deterministic generator: the same event every run.
let state = 42
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)

const outlets = registry.outlets.slice(0, EVENT_ARTICLES)
const members: Article[] = outlets.map((o, i) => {
  const base = seeds[i % seeds.length]
  const picked = paragraphs.filter(() => random() < 0.3)
  const text = picked.join('\n\n')
  return { ...base, id: `bench${String(i).padStart(11, '0')}` as ArticleId, outletId: o.id, outletName: o.names['zh-Hans'], text, folded: foldText(text), duplicateOf: undefined }
})
const chars = members.reduce((s, a) => s + a.text.length, 0)
const meta = (id: string) => ({ id, name: registry.byId(id)?.names['zh-Hans'] ?? id })
const event = { id: 'bench', title: 'bench', start: '2021-06-15', end: '2021-06-19' }

const times: number[] = []
// CPU time too: on a shared machine wall time also counts the time other processes ran.
const cpuTimes: number[] = []
let claims = 0
for (let r = 0; r <= RUNS; r++) {
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  const c = compareEvent(event, members, meta)
  const cpu = process.cpuUsage(c0)
  times.push(performance.now() - t0)
  cpuTimes.push((cpu.user + cpu.system) / 1000)
  claims = c.claims.length
}
const [cold, ...warm] = times
const [coldCpu, ...warmCpu] = cpuTimes
warm.sort((a, b) => a - b)
warmCpu.sort((a, b) => a - b)
console.log(`compare: ${members.length} articles (${(chars / 1000).toFixed(0)}k characters) → ${claims} claims`)
console.log(`  first run (loads dictionaries) ${cold.toFixed(0)} ms; then median ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms over ${RUNS} runs (goal < 1000 ms)`)
console.log(`  CPU time (user + system, all threads): first run ${coldCpu.toFixed(0)} ms; then median ${warmCpu[Math.floor(warmCpu.length / 2)].toFixed(0)} ms`)
