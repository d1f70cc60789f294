import { MIN_TITLE_KEY_CHARS, NEAR_DUP_MIN_BINS } from '../../dedupe/decide.js'
import { SUMMARY_WORDS, summarize, summaryAgreement } from '../../dedupe/minhash.js'

/**
 * Sketch summaries of the stored originals in memory, by rowid (37 bytes each: 37 MB for a
 * million articles). LSH finds every article sharing a band, which on a large archive of
 * one beat is dozens of unrelated texts per article; the summary rules most of them out
 * without reading their rows. It only ever rules out candidates that cannot be copies: a
 * near-duplicate needs NEAR_DUP_MIN_BINS equal bins (which agree in the summary too), and
 * the relaxed rules need the same title. Rowids it has not seen (written by another process)
 * are always read.
 */
export class SummaryIndex {
  private summaries = new Uint32Array(0)
  private titles = new Int32Array(0)
  private known = new Uint8Array(0)

  set(rowid: number, minhash: Uint32Array, titleKey: string): void {
    this.reserve(rowid)
    summarize(minhash, this.summaries, rowid * SUMMARY_WORDS)
    this.titles[rowid] = titleHash(titleKey)
    this.known[rowid] = 1
  }

  /** False when the article at rowid cannot be a copy of (or copied by) the probe. */
  mayMatch(rowid: number, probe: Probe): boolean {
    if (rowid >= this.known.length || !this.known[rowid]) return true
    if (probe.title !== 0 && this.titles[rowid] === probe.title) return true
    return summaryAgreement(this.summaries, rowid * SUMMARY_WORDS, probe.summary, 0) >= NEAR_DUP_MIN_BINS
  }

  private reserve(rowid: number): void {
    if (rowid < this.known.length) return
    const size = Math.max(1024, rowid + 1, Math.ceil(this.known.length * 1.5))
    const grow = <T extends Uint32Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T, per: number): T => {
      const next = make(size * per)
      next.set(old)
      return next
    }
    this.summaries = grow(this.summaries, (n) => new Uint32Array(n), SUMMARY_WORDS)
    this.titles = grow(this.titles, (n) => new Int32Array(n), 1)
    this.known = grow(this.known, (n) => new Uint8Array(n), 1)
  }
}

export interface Probe {
  readonly summary: Uint32Array
  readonly title: number
}

export const probeOf = (minhash: Uint32Array, titleKey: string): Probe => ({ summary: summarize(minhash), title: titleHash(titleKey) })

/** FNV-1a of a title key long enough to count as a title; 0 for none. */
function titleHash(titleKey: string): number {
  if (titleKey.length < MIN_TITLE_KEY_CHARS) return 0
  let h = 0x811c9dc5
  for (let i = 0; i < titleKey.length; i++) h = Math.imul(h ^ titleKey.charCodeAt(i), 0x01000193)
  return h === 0 ? 1 : h
}
