import cliProgress from 'cli-progress'

export interface Counters {
  files: number
  articles: number
  duplicates: number
  quarantined: number
  unchanged: number
}

/** A progress bar on a terminal; a line every few seconds when stderr is a log file. */
export function startProgress(total: number, quiet: boolean) {
  const started = Date.now()
  const rate = (files: number) => (files / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0)
  if (quiet) return { update: (_c: Counters) => {}, stop: () => {} }
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{bar} {value}/{total} files | {rate} files/s | {articles} articles, {duplicates} copies, {quarantined} quarantined, {unchanged} unchanged', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    )
    bar.start(total, 0, { rate: 0, articles: 0, duplicates: 0, quarantined: 0, unchanged: 0 })
    return { update: (c: Counters) => bar.update(c.files, { ...c, rate: rate(c.files) }), stop: () => bar.stop() }
  }
  let last = 0
  return {
    update: (c: Counters) => {
      if (Date.now() - last < 5000) return
      last = Date.now()
      process.stderr.write(`ingest: ${c.files}/${total} files, ${rate(c.files)} files/s, ${c.articles} articles, ${c.duplicates} copies, ${c.quarantined} quarantined\n`)
    },
    stop: () => {},
  }
}

/**
 * Progress of a long computation over `total` items (clustering a large archive for the first
 * time): a bar on a terminal, a line every few seconds in a log, nothing for short work.
 */
export function countProgress(what: string, total: number, minTotal = 2000): { update: (done: number) => void; stop: () => void } {
  if (total < minTotal) return { update: () => {}, stop: () => {} }
  const started = Date.now()
  const rate = (done: number) => (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0)
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ format: `${what} {bar} {value}/{total} | {rate}/s`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    bar.start(total, 0, { rate: 0 })
    return { update: (done) => bar.update(done, { rate: rate(done) }), stop: () => bar.stop() }
  }
  let last = Date.now()
  return {
    update: (done) => {
      if (Date.now() - last < 5000) return
      last = Date.now()
      process.stderr.write(`${what}: ${done}/${total}, ${rate(done)}/s\n`)
    },
    stop: () => {},
  }
}
