// Worker thread: runs the pure stages (decode → parse → clean → normalize → fingerprint →
// index terms) so that parsing uses every core while the main thread owns the database.
import { parentPort, workerData } from 'node:worker_threads'
import type { FormatName, RawInput } from '../article.js'
import { loadRegistry } from '../outlets/registry.js'
import { runStagesSafely } from '../pipeline.js'

const data = workerData as { format?: FormatName; maxBytes?: number }
const opts = { registry: loadRegistry(), forcedFormat: data.format, maxBytes: data.maxBytes }

parentPort!.on('message', ({ seq, raws }: { seq: number; raws: RawInput[] }) => {
  parentPort!.postMessage({ seq, results: raws.map((raw) => runStagesSafely(raw, opts)) })
})
