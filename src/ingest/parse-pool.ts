import { Worker } from 'node:worker_threads'
import type { Article, FormatName, Outcome, RawInput } from '../article.js'

interface Pending {
  resolve: (r: Outcome<Article>) => void
  reject: (e: Error) => void
}

/**
 * Parses raw inputs on worker threads. Results are awaited in submission order by the
 * caller, so which copy of an article counts as the original does not depend on timing.
 */
export class ParsePool {
  private readonly workers: Worker[]
  private readonly pending = new Map<number, Pending>()
  private seq = 0

  constructor(size: number, options: { format?: FormatName; maxBytes?: number }) {
    const url = new URL('./worker.js', import.meta.url)
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(url, { workerData: options })
      w.on('message', (m: { seq: number; result: Outcome<Article> }) => {
        this.pending.get(m.seq)?.resolve(m.result)
        this.pending.delete(m.seq)
      })
      w.on('error', (e) => this.failAll(e))
      return w
    })
  }

  parse(raw: RawInput): Promise<Outcome<Article>> {
    const seq = this.seq++
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject })
      this.workers[seq % this.workers.length].postMessage({ seq, raw })
    })
  }

  private failAll(e: Error) {
    for (const p of this.pending.values()) p.reject(e)
    this.pending.clear()
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
  }
}
