import { stat } from 'node:fs/promises'
import type { FormatName, RawInput } from '../../article.js'
import { errorText, locatorOf, readBytes, walkDir, type SkippedEntry } from '../../ingest/sources/dir.js'
import { isJsonlPath, readJsonl } from '../../ingest/sources/jsonl.js'
import { loadRegistry } from '../../outlets/registry.js'
import { ParsePool, type ParseJob } from '../../ingest/parse-pool.js'
import { commitParsed, runStagesSafely, rawInput, type IngestOutcome, type PipelineOptions } from '../../pipeline.js'
import type { Store } from '../../store/store.js'
import { UsageError } from '../../errors.js'
import { dateBySequence } from '../../ingest/sequence-dates.js'
import { startProgress, type Counters } from '../progress.js'

export interface IngestFlags {
  readonly format?: FormatName
  readonly jobs: number
  readonly quiet: boolean
  readonly batchSize?: number
  readonly maxBytes?: number
}

// Inputs per transaction: large enough to amortise commits (every commit rewrites the index
// pages its rows touched; 1,000-row transactions wrote 20% fewer bytes than 200-row ones),
// small enough that a killed run loses little work (the next run redoes the unfinished one).
const COMMIT_ROWS = 1000
// Inputs read ahead and handed to the parsers per step inside a transaction.
const STEP = 200
// Inputs stored between refills of the read-ahead queue when workers parse.
const REFILL = 16

/** Counts the input files, keeping nothing: the list of a million paths is 100 MB of heap. */
async function countInputs(paths: readonly string[]): Promise<number> {
  let n = 0
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined)
    if (!st) throw new UsageError(`ingest: ${p} does not exist`)
    if (st.isDirectory()) for await (const _ of walkDir(p, () => {})) n++
    else n++
  }
  return n
}

/** The input files, walked again as they are needed (skipped entries are reported here). */
async function* inputFiles(paths: readonly string[], skipped: SkippedEntry[]): AsyncGenerator<string> {
  for (const p of paths) {
    if ((await stat(p)).isDirectory()) for await (const f of walkDir(p, (s) => skipped.push(s))) yield f.path
    else yield p
  }
}

async function* rawInputs(files: AsyncIterable<string>): AsyncGenerator<RawInput> {
  for await (const path of files) {
    const locator = locatorOf(path)
    if (isJsonlPath(path)) {
      for await (const line of readJsonl(path, locator)) yield rawInput(line.bytes, line.locator, 'jsonl')
      continue
    }
    const bytes = readBytes(path)
    if (bytes instanceof Error) yield rawInput(new Uint8Array(0), locator, 'file', { unreadable: errorText(bytes) })
    else yield rawInput(bytes, locator, 'file')
  }
}

export interface IngestSummary extends Counters {
  /** Of the quarantined, those that were quarantined before and failed again (each run retries them). */
  readonly quarantinedBefore: number
  /** Undated articles given a date from the articles their site numbered next to them. */
  readonly estimated: number
  readonly seconds: number
  readonly skipped: readonly SkippedEntry[]
}

export async function runIngest(store: Store, paths: readonly string[], flags: IngestFlags): Promise<IngestSummary> {
  const started = Date.now()
  const opts: PipelineOptions = { registry: loadRegistry(), forcedFormat: flags.format, maxBytes: flags.maxBytes }
  const skipped: SkippedEntry[] = []
  const total = await countInputs(paths)
  const counters: Counters = { files: 0, articles: 0, duplicates: 0, quarantined: 0, unchanged: 0 }
  const progress = startProgress(total, flags.quiet)
  let quarantinedBefore = 0
  const count = (o: IngestOutcome) => {
    if (o === 'article') counters.articles++
    else if (o === 'duplicate') counters.duplicates++
    else if (o === 'quarantined') counters.quarantined++
    else counters.unchanged++
  }
  // --jobs N: the main thread owns the database and parses whenever it would otherwise wait
  // (leaving the search terms to a worker); N - 1 worker threads parse too. With one job,
  // parsing runs inline (no hand-off to pay for).
  const parseHere = (raw: RawInput) => runStagesSafely(raw, opts)
  const poolOpts = { format: flags.format, maxBytes: flags.maxBytes }
  const pool = flags.jobs > 1 ? new ParsePool(flags.jobs - 1, poolOpts, (raw) => runStagesSafely(raw, { ...opts, withoutTerms: true })) : undefined
  const commitRows = flags.batchSize ?? COMMIT_ROWS
  const step = Math.min(commitRows, STEP)
  // Up to two steps are queued: workers parse the next while this thread stores one.
  const queue: Array<{ raw: RawInput; done: boolean; before: boolean; job?: ParseJob }> = []
  const source = rawInputs(inputFiles(paths, skipped))
  let lastPath = ''
  let exhausted = false
  const fill = async () => {
    while (!exhausted && queue.length < (pool ? 2 : 1) * step) {
      const next = await source.next()
      if (next.done) {
        exhausted = true
        break
      }
      const raw = next.value
      const path = raw.locator.replace(/#L\d+$/, '')
      if (path !== lastPath) (counters.files++, (lastPath = path))
      // Finished inputs are skipped before parsing: a re-run costs a lookup per file.
      const state = await store.locatorState(raw.locator, raw.sha256)
      const done = state === 'done'
      queue.push({ raw, done, before: state === 'quarantined', job: done ? undefined : pool?.submit(raw) })
      // Reading files is synchronous: let finished chunks in and new ones out to the workers
      // now and then, or they run dry while this thread reads a step.
      if (pool && queue.length % 16 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
  }
  try {
    await fill()
    while (queue.length) {
      await store.transaction(async (tx) => {
        for (let stored = 0; stored < commitRows && queue.length; ) {
          // With workers, top the queue up every few inputs (fill yields to the event loop): the
          // workers' finished chunks come in and new ones go out while this thread writes, and
          // there is always work queued for this thread to parse when it would wait.
          const items = queue.splice(0, Math.min(pool ? REFILL : step, commitRows - stored))
          for (const { raw, done, before, job } of items) {
            if (done) count('unchanged')
            else {
              const outcome = await commitParsed(raw, pool && job ? await pool.result(job) : parseHere(raw), tx, opts)
              if (outcome === 'quarantined' && before) quarantinedBefore++
              count(outcome)
            }
          }
          stored += items.length
          progress.update(counters)
          // A turn of the event loop per step: without it a run on one thread never gets to
          // its signal handlers, and Ctrl-C would wait for the end of the run.
          if (!pool) await new Promise((resolve) => setImmediate(resolve))
          await fill()
        }
      })
    }
  } finally {
    await pool?.close()
  }
  progress.stop()
  // Undated articles placed by their site's numbering, now that every article of the run is in.
  const estimated = await dateBySequence(store)
  return { ...counters, quarantinedBefore, estimated, seconds: (Date.now() - started) / 1000, skipped }
}
