import cliProgress from 'cli-progress'

export interface Counters {
  files: number
  articles: number
  duplicates: number
  quarantined: number
  unchanged: number
}

interface Reporter<T> {
  update(value: T): void
  stop(): void
}

const silent: Reporter<never> = { update: () => {}, stop: () => {} }
// On a terminal the bar redraws itself; in a log file a line this often is enough to see it move.
const LOG_EVERY_MS = 5000

/**
 * Progress towards `total`: a bar on a terminal, a line every few seconds when stderr is a log
 * file. `count` reads how far along a value is; `bar` is the bar's cli-progress format (its
 * payload is the value's fields plus `rate`, per second); `line` is the log line.
 */
function reporter<T extends object>(total: number, count: (v: T) => number, bar: string, line: (v: T, rate: string) => string, initial: T): Reporter<T> {
  const started = Date.now()
  const rate = (n: number) => (n / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0)
  if (process.stderr.isTTY) {
    const b = new cliProgress.SingleBar({ format: bar, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    b.start(total, 0, { ...initial, rate: 0 })
    return { update: (v) => b.update(count(v), { ...v, rate: rate(count(v)) }), stop: () => b.stop() }
  }
  let last = started
  return {
    update: (v) => {
      if (Date.now() - last < LOG_EVERY_MS) return
      last = Date.now()
      process.stderr.write(`${line(v, rate(count(v)))}\n`)
    },
    stop: () => {},
  }
}

/** Ingest's progress: files done of `total`, with what became of them. */
export function startProgress(total: number, quiet: boolean): Reporter<Counters> {
  if (quiet) return silent
  return reporter<Counters>(
    total,
    (c) => c.files,
    '{bar} {value}/{total} files | {rate} files/s | {articles} articles, {duplicates} copies, {quarantined} quarantined, {unchanged} unchanged',
    (c, rate) => `ingest: ${c.files}/${total} files, ${rate} files/s, ${c.articles} articles, ${c.duplicates} copies, ${c.quarantined} quarantined`,
    { files: 0, articles: 0, duplicates: 0, quarantined: 0, unchanged: 0 },
  )
}

/**
 * Progress of a long computation over `total` items (clustering a large archive for the first
 * time); nothing for short work (fewer than `minTotal` items).
 */
export function countProgress(what: string, total: number, minTotal = 2000): Reporter<number> {
  if (total < minTotal) return silent
  const r = reporter<{ done: number }>(total, (v) => v.done, `${what} {bar} {value}/{total} | {rate}/s`, (v, rate) => `${what}: ${v.done}/${total}, ${rate}/s`, { done: 0 })
  return { update: (done) => r.update({ done }), stop: () => r.stop() }
}
