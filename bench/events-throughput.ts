// Clustering throughput at archive scale: `node dist/bench/events-throughput.js [articles]`.
// Synthetic keyword vectors stand in for articles (keyword extraction is ingestion's cost, not
// clustering's): a year of news, events of one to a few hundred reports over a few days, each
// report 40 weighted terms drawn from its event's vocabulary and a Zipf-distributed common
// vocabulary shared by everything, some reports undated.
import { EventClusterer, defaultClusterOptions, type ClusterItem } from '../src/cluster/events.js'

const total = Number(process.argv[2] ?? 100_000)
let seed = 42
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32)
const zipf = (n: number) => Math.floor(n ** rand()) - 1 // heavy head, long tail

function synthesize(n: number): ClusterItem[] {
  const items: ClusterItem[] = []
  let event = 0
  while (items.length < n) {
    const size = 1 + zipf(300)
    const day = Math.floor(rand() * 365)
    const vocab = Array.from({ length: 30 }, (_, i) => `e${event}t${i}`)
    for (let k = 0; k < size && items.length < n; k++) {
      const terms = new Map<string, number>()
      while (terms.size < 25) terms.set(vocab[Math.floor(rand() * vocab.length)], rand())
      while (terms.size < 40) terms.set(`w${zipf(50_000)}`, rand() * 0.5)
      const norm = Math.hypot(...terms.values())
      for (const [t, w] of terms) terms.set(t, w / norm)
      const title = new Map([[`e${event}title`, 0.8], [`w${zipf(5000)}`, 0.6]])
      const when = new Date((18_600 + day + Math.floor(rand() * 4)) * 86_400_000).toISOString()
      items.push({ id: `a${items.length}`, publishedAt: rand() < 0.15 ? undefined : when, vector: terms, title })
    }
    event++
  }
  // Ingestion order: by date, undated last, as the eval replays an archive.
  return items.sort((a, b) => (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999'))
}

const items = synthesize(total)
const c = new EventClusterer(defaultClusterOptions)
const started = performance.now()
let lap = started
for (let i = 0; i < items.length; i++) {
  c.add(items[i])
  if ((i + 1) % 20_000 === 0) {
    const now = performance.now()
    console.log(`  ${i + 1} articles: last 20000 at ${(20_000 / ((now - lap) / 1000)).toFixed(0)} articles/s`)
    lap = now
  }
}
const seconds = (performance.now() - started) / 1000
console.log(`events throughput: ${items.length} articles clustered in ${seconds.toFixed(1)} s (${(items.length / seconds).toFixed(0)} articles/s on one core), ${c.events.length} events, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`)
