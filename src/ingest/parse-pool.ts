import { Worker } from 'node:worker_threads'
import { fail, ok, type Article, type FormatName, type IndexTerms, type Outcome, type RawInput } from '../article.js'

type Parsed = Outcome<Article>

/** Messages to a worker: raw inputs to parse, or parsed texts to segment for the index. */
export type ToWorker = { seq: number; raws: RawInput[] } | { seq: number; texts: Array<{ title: string; folded: string }> }
/** Parsed results (with the spent input buffers moved back: see worker.ts), or segmented terms. */
export type FromWorker = { seq: number; results: Parsed[]; spent: ArrayBuffer[] } | { seq: number; terms: Array<IndexTerms | { error: string }> }

/** One submitted input: parsed by a worker, or by the calling thread if it gets there first. */
export interface ParseJob {
  readonly raw: RawInput
  result?: Parsed
  assigned: boolean // sent to a worker, or being parsed here
  parsed?: Article // parsed here without its terms, which a worker is segmenting
  readonly settled: Promise<void>
  settle: (r: Parsed) => void
  fail: (e: Error) => void
}

// Inputs travel to a worker in chunks, results come back in chunks: one message per input
// cost the writer thread more in wake-ups and message handling than the copies themselves.
const CHUNK = 16
// Chunks a worker holds at once. Two left the worker idle 12-16% of the time (profiled, --jobs 2):
// while the writer commits a batch and reads the next files it handles no messages, and two
// chunks (≈ 30 ms of parsing) ran out first. Four covered that stretch for 200-row commits
// (idle ≈ 2-10%); commits of 1,000 rows stall the writer longer, so eight (≈ 140 ms of parsing).
const CHUNKS_PER_WORKER = 8
// Articles parsed here go to a worker for their terms in batches of this many (or fewer, when
// this thread is about to wait).
const TERMS_BATCH = 8

/**
 * Parses raw inputs on worker threads, with the calling thread (the database writer) as one
 * more parser: whenever it would wait for a result, it parses a job no worker has taken yet,
 * from the back of the queue. So `--jobs 2` is the writer plus one worker, each busy all the
 * time, instead of two workers and a writer sharing two cores. The calling thread parses
 * without the search terms (`parseHere` leaves them out): a worker segments those for it, so
 * the writer holds no jieba dictionary (≈ 60 MB) and no second copy of the segmenter's state.
 * Results are awaited in submission order by the caller, so which copy of an article counts
 * as the original does not depend on timing.
 */
export class ParsePool {
  private readonly workers: Array<{ worker: Worker; chunks: number; termBatches: number }>
  private readonly waiting: ParseJob[] = [] // not yet assigned, oldest first
  private readonly inFlight = new Map<number, ParseJob[]>()
  private termsWanted: ParseJob[] = [] // parsed here, not yet sent to a worker for their terms
  private seq = 0
  private dispatchScheduled = false
  private failure: Error | undefined // a worker died (out of memory, a bug outside the stages)

  constructor(
    workers: number,
    options: { format?: FormatName; maxBytes?: number },
    private readonly parseHere: (raw: RawInput) => Parsed,
    workerUrl = new URL('./worker.js', import.meta.url),
  ) {
    this.workers = Array.from({ length: workers }, () => {
      const slot = { worker: new Worker(workerUrl, { workerData: options }), chunks: 0, termBatches: 0 }
      slot.worker.on('message', (m: FromWorker) => {
        const jobs = this.inFlight.get(m.seq) ?? []
        this.inFlight.delete(m.seq)
        if ('results' in m) {
          jobs.forEach((job, i) => job.settle(m.results[i]))
          slot.chunks--
          this.dispatch()
        } else {
          jobs.forEach((job, i) => job.settle(withTerms(job, m.terms[i])))
          slot.termBatches--
        }
      })
      slot.worker.on('error', (e) => this.failAll(e))
      return slot
    })
  }

  submit(raw: RawInput): ParseJob {
    let settle!: (r: Parsed) => void
    let fail!: (e: Error) => void
    const job: ParseJob = {
      raw,
      assigned: false,
      settled: new Promise<void>((resolve, reject) => ((settle = (r) => ((job.result = r), resolve())), (fail = reject))),
      settle: (r) => settle(r),
      fail: (e) => fail(e),
    }
    job.settled.catch(() => {}) // a failure is reported to whoever awaits result()
    this.waiting.push(job)
    if (this.waiting.length >= CHUNK) this.dispatch()
    else if (!this.dispatchScheduled) {
      // A part-filled chunk goes as soon as the caller stops submitting and waits.
      this.dispatchScheduled = true
      setImmediate(() => ((this.dispatchScheduled = false), this.dispatch()))
    }
    return job
  }

  /** The job's result; while a worker still has it, parse waiting jobs here instead of idling. */
  async result(job: ParseJob): Promise<Parsed> {
    while (!job.result) {
      if (this.failure) throw this.failure
      if (!job.assigned) {
        this.waiting.splice(this.waiting.indexOf(job), 1)
        this.runHere(job)
      } else {
        const spare = this.waiting.pop()
        this.sendTerms()
        if (!spare) await job.settled
        else {
          this.runHere(spare)
          // Let the workers' finished chunks in (and new ones out) before looking again.
          await new Promise((resolve) => setImmediate(resolve))
        }
      }
    }
    return job.result
  }

  private runHere(job: ParseJob) {
    job.assigned = true
    const result = this.parseHere(job.raw)
    if (!result.ok || result.value.terms) return job.settle(result)
    job.parsed = result.value
    this.termsWanted.push(job)
    if (this.termsWanted.length >= TERMS_BATCH) this.sendTerms()
  }

  /** Articles parsed here, to the worker with the least to do for their terms. */
  private sendTerms() {
    if (!this.termsWanted.length || this.failure) return
    const slot = this.workers.reduce((a, b) => (b.chunks + b.termBatches < a.chunks + a.termBatches ? b : a))
    const seq = this.seq++
    const jobs = this.termsWanted
    this.termsWanted = []
    this.inFlight.set(seq, jobs)
    slot.worker.postMessage({ seq, texts: jobs.map((j) => ({ title: j.parsed!.title, folded: j.parsed!.folded })) } satisfies ToWorker)
    slot.termBatches++
  }

  private dispatch() {
    if (this.failure) return
    for (const slot of this.workers) {
      while (slot.chunks < CHUNKS_PER_WORKER && this.waiting.length) {
        const jobs = this.waiting.splice(0, CHUNK)
        for (const job of jobs) job.assigned = true
        const seq = this.seq++
        this.inFlight.set(seq, jobs)
        slot.worker.postMessage({ seq, raws: jobs.map((j) => j.raw) } satisfies ToWorker)
        slot.chunks++
      }
    }
  }

  private failAll(e: Error) {
    this.failure = e
    for (const jobs of [...this.inFlight.values(), this.termsWanted]) for (const job of jobs) job.fail(e)
    this.inFlight.clear()
    this.termsWanted = []
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }
}

/** An article parsed here, completed with the terms a worker segmented (or the bug it hit). */
function withTerms(job: ParseJob, terms: IndexTerms | { error: string }): Parsed {
  const article = job.parsed!
  job.parsed = undefined
  // As runStagesSafely reports a stage that threw.
  if ('error' in terms) return fail('internal/bug', 'pipeline', terms.error, job.raw.locator)
  return ok({ ...article, terms })
}
