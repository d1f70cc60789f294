// Stands in for src/ingest/worker.ts in tests (vitest cannot load TypeScript in a worker):
// the same messages, a result that names its parser, and a failure on request.
import { parentPort } from 'node:worker_threads'

parentPort.on('message', ({ seq, raws }) => {
  if (raws.some((raw) => raw.locator === 'crash')) throw new Error('worker crashed')
  const until = Date.now() + 2
  while (Date.now() < until); // parsing takes time: the caller gets to parse some itself
  parentPort.postMessage({ seq, results: raws.map((raw) => ({ ok: false, problem: { code: 'format/unknown', stage: 'worker', detail: '', locator: raw.locator } })) })
})
