import { stat } from 'node:fs/promises'
import type { FormatName, RawInput } from '../../article.js'
import { locatorOf, readBytes, walkDir, type SkippedEntry } from '../../ingest/sources/dir.js'
import { isJsonlPath, readJsonl } from '../../ingest/sources/jsonl.js'
import { loadRegistry } from '../../outlets/registry.js'
import { ParsePool, type ParseJob } from '../../ingest/parse-pool.js'
import { commitParsed, runStagesSafely, rawInput, type IngestOutcome, type PipelineOptions } from '../../pipeline.js'
import type { Store } from '../../store/store.js'
import { UsageError } from '../../errors.js'
import { startProgress, type Counters } from '../progress.js'

export interface IngestFlags {
  readonly format?: FormatName
  readonly jobs: number
  readonly quiet: boolean
  readonly batchSize?: number
  readonly maxBytes?: number
}

// Files per transaction: large enough to amortise commits, small enough that a killed run
// loses little work (the next run redoes only the unfinished batch).
const BATCH = 200

async function listInputs(paths: readonly string[], skipped: SkippedEntry[]): Promise<string[]> {
  const files: string[] = []
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined)
    if (!st) throw new UsageError(`ingest: ${p} does not exist`)
    if (st.isDirectory()) for await (const f of walkDir(p, (s) => skipped.push(s))) files.push(f.path)
    else files.push(p)
  }
  return files
}

async function* rawInputs(files: readonly string[]): AsyncGenerator<RawInput> {
  for (const path of files) {
    const locator = locatorOf(path)
    if (isJsonlPath(path)) {
      for await (const line of readJsonl(path, locator)) yield rawInput(line.bytes, line.locator, 'jsonl')
      continue
    }
    const bytes = readBytes(path)
    if (bytes instanceof Error) yield rawInput(new Uint8Array(0), locator, 'file', { unreadable: `${bytes.code ?? 'error'}: ${bytes.message}` })
    else yield rawInput(bytes, locator, 'file')
  }
}

export interface IngestSummary extends Counters {
  readonly seconds: number
  readonly skipped: readonly SkippedEntry[]
}

export async function runIngest(store: Store, paths: readonly string[], flags: IngestFlags): Promise<IngestSummary> {
  const started = Date.now()
  const opts: PipelineOptions = { registry: loadRegistry(), forcedFormat: flags.format, maxBytes: flags.maxBytes }
  const skipped: SkippedEntry[] = []
  const files = await listInputs(paths, skipped)
  const counters: Counters = { files: 0, articles: 0, duplicates: 0, quarantined: 0, unchanged: 0 }
  const progress = startProgress(files.length, flags.quiet)
  const count = (o: IngestOutcome) => {
    if (o === 'article') counters.articles++
    else if (o === 'duplicate') counters.duplicates++
    else if (o === 'quarantined') counters.quarantined++
    else counters.unchanged++
  }
  // --jobs N: the main thread owns the database and parses whenever it would otherwise wait;
  // N - 1 worker threads parse too. With one job, parsing runs inline (no hand-off to pay for).
  const parseHere = (raw: RawInput) => runStagesSafely(raw, opts)
  const pool = flags.jobs > 1 ? new ParsePool(flags.jobs - 1, { format: flags.format, maxBytes: flags.maxBytes }, parseHere) : undefined
  const batchSize = flags.batchSize ?? BATCH
  // Up to two batches are queued: workers parse the next while this thread commits one.
  const queue: Array<{ raw: RawInput; done: boolean; job?: ParseJob }> = []
  const flush = async () => {
    const items = queue.splice(0, batchSize)
    await store.transaction(async (tx) => {
      for (const { raw, done, job } of items) {
        if (done) count('unchanged')
        else count(await commitParsed(raw, pool && job ? await pool.result(job) : parseHere(raw), tx, opts))
      }
    })
    progress.update(counters)
  }
  let lastPath = ''
  try {
    for await (const raw of rawInputs(files)) {
      const path = raw.locator.replace(/#L\d+$/, '')
      if (path !== lastPath) (counters.files++, (lastPath = path))
      // Finished inputs are skipped before parsing: a re-run costs a lookup per file.
      const done = (await store.locatorState(raw.locator, raw.sha256)) === 'done'
      queue.push({ raw, done, job: done ? undefined : pool?.submit(raw) })
      // Reading files is synchronous: let finished chunks in and new ones out to the workers
      // now and then, or they run dry while this thread reads a batch.
      if (pool && queue.length % 16 === 0) await new Promise((resolve) => setImmediate(resolve))
      if (queue.length >= (pool ? 2 : 1) * batchSize) await flush()
    }
    while (queue.length) await flush()
  } finally {
    await pool?.close()
  }
  progress.stop()
  return { ...counters, seconds: (Date.now() - started) / 1000, skipped }
}
