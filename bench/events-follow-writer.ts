// The writer thread of bench/events-follow.ts: stores the articles it is given at a steady
// rate, a tenth of a second's worth per transaction, as an ingest would commit them.
import { parentPort, workerData } from 'node:worker_threads'
import type { Article } from '../src/article.js'
import { openSqlite } from '../src/store/sqlite/store.js'
import { putArticles } from './events-base.js'

export interface WriterData {
  readonly path: string
  readonly articles: readonly Article[]
  readonly rate: number
}
export interface WriterReport {
  /** From the first write to the last commit. */
  readonly ms: number
  /** How far behind its schedule the writer fell at worst (it writes as fast as it can then). */
  readonly behindMs: number
}

const { path, articles, rate } = workerData as WriterData
const store = openSqlite(path)
const chunk = Math.max(1, Math.round(rate / 10))
const started = performance.now()
let behindMs = 0
for (let i = 0; i < articles.length; i += chunk) {
  const due = started + (i / rate) * 1000
  const wait = due - performance.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  else behindMs = Math.max(behindMs, -wait)
  await putArticles(store, articles.slice(i, i + chunk))
}
const ms = performance.now() - started
await store.close()
parentPort!.postMessage({ ms, behindMs } satisfies WriterReport)
