// Worker thread: runs the pure stages (decode → parse → clean → normalize → fingerprint →
// index terms) so that parsing uses every core while the main thread owns the database; and
// segments the articles the main thread parsed without their search terms (it holds no jieba
// dictionary: see parse-pool.ts).
import { parentPort, workerData } from 'node:worker_threads'
import type { FormatName, IndexTerms, RawInput } from '../article.js'
import { indexTerms } from '../analyze/index-terms.js'
import { loadRegistry } from '../outlets/registry.js'
import { runStagesSafely } from '../pipeline.js'
import type { FromWorker, ToWorker } from './parse-pool.js'

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
      if (parse) {
        const results = parse.raws.map((raw: RawInput) => runStagesSafely(raw, opts))
        const spent = spentBuffers(parse.raws)
        parentPort!.postMessage({ seq: parse.seq, results, spent } satisfies FromWorker, spent)
      }
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

/**
 * The buffers of parsed inputs, to be moved back to the main thread, which drops them. Each
 * input arrives here as a copy in memory this thread allocated, freed only when this heap's
 * old generation is collected: the worker's heap grows slowly, so copies of ~30 MB of inputs
 * piled up before a collection (measured at 50,000 articles, --jobs 2), and the memory they
 * freed stayed in this thread's allocator. Moved out, they are freed by the main thread's
 * young-generation collections, where they die young.
 */
function spentBuffers(raws: readonly RawInput[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>()
  for (const raw of raws) if (raw.bytes.buffer instanceof ArrayBuffer) out.add(raw.bytes.buffer)
  return [...out]
}
