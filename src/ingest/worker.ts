// Worker thread: runs the pure stages (decode → parse → clean → normalize → fingerprint →
// index terms) so that parsing uses every core while the main thread owns the database; and
// segments the articles the main thread parsed without their search terms (it holds no jieba
// dictionary: see parse-pool.ts).
import { parentPort, workerData } from 'node:worker_threads'
import type { FormatName, IndexTerms, RawInput } from '../article.js'
import { indexTerms } from '../analyze/index-terms.js'
import { loadRegistry } from '../outlets/registry.js'
import { runStagesSafely } from '../pipeline.js'
import type { ToWorker } from './parse-pool.js'

const data = workerData as { format?: FormatName; maxBytes?: number }
const opts = { registry: loadRegistry(), forcedFormat: data.format, maxBytes: data.maxBytes }

// Requests are taken one at a time, terms first: the main thread is waiting for those to store
// articles it parsed, while chunks of raw inputs are parsed well ahead of the writer.
const termRequests: Array<Extract<ToWorker, { texts: unknown }>> = []
const parseRequests: Array<Extract<ToWorker, { raws: unknown }>> = []
let scheduled = false

parentPort!.on('message', (m: ToWorker) => {
  if ('texts' in m) termRequests.push(m)
  else parseRequests.push(m)
  schedule()
})

function schedule() {
  if (scheduled) return
  scheduled = true
  // setImmediate: messages that came in meanwhile are queued before the next request is taken.
  setImmediate(() => {
    scheduled = false
    const terms = termRequests.shift()
    if (terms) parentPort!.postMessage({ seq: terms.seq, terms: terms.texts.map(({ title, folded }) => termsSafely(title, folded)) })
    else {
      const parse = parseRequests.shift()
      if (parse) parentPort!.postMessage({ seq: parse.seq, results: parse.raws.map((raw: RawInput) => runStagesSafely(raw, opts)) })
    }
    if (termRequests.length || parseRequests.length) schedule()
  })
}

function termsSafely(title: string, folded: string): IndexTerms | { error: string } {
  try {
    return indexTerms(title, folded)
  } catch (e) {
    return { error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) }
  }
}
