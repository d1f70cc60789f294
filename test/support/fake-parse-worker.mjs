// Stands in for src/ingest/worker.ts in tests (vitest cannot load TypeScript in a worker):
// the same messages, a result that names its parser, and a failure on request.
import { parentPort } from 'node:worker_threads'

parentPort.on('message', (m) => {
  if (m.texts) {
    // Terms for articles the caller parsed without them; a title 'bug' makes the segmenter fail.
    const terms = m.texts.map(({ title, folded }) => (title === 'bug' ? { error: 'segmenter failed' } : { title: `worker:${title}`, body: folded, extra: '' }))
    parentPort.postMessage({ seq: m.seq, terms })
    return
  }
  const { seq, raws } = m
  if (raws.some((raw) => raw.locator === 'crash')) throw new Error('worker crashed')
  const until = Date.now() + 2
  while (Date.now() < until); // parsing takes time: the caller gets to parse some itself
  parentPort.postMessage({ seq, results: raws.map((raw) => ({ ok: false, problem: { code: 'format/unknown', stage: 'worker', detail: '', locator: raw.locator } })) })
})
