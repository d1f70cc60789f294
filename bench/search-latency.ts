// Search latency over common words of the generated corpus (they are in most articles, the
// worst case for ranking), shared by the ingest bench and the search-at-scale bench.
import type { Store } from '../src/store/store.js'

const QUERIES = ['普京', '拜登', '峰会', '日内瓦', '核战争', '"战略 稳定"', '网络安全', '俄罗斯 大使', '人权', '新削减战略武器条约']

export async function searchLatency(store: Store, rounds = 20): Promise<{ median: number; p99: number; count: number }> {
  const times: number[] = []
  for (let round = 0; round < rounds; round++)
    for (const q of QUERIES) {
      const t = performance.now()
      await store.search(q, { limit: 20 })
      times.push(performance.now() - t)
    }
  times.sort((a, b) => a - b)
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]
  return { median: pct(0.5), p99: pct(0.99), count: times.length }
}
