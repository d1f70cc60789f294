import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { foldText } from '../normalize/fold.js'
import { segment } from './segment.js'
import { canonicalNames } from './user-dict.js'
import { Tally } from './tally.js'
import { FNV_OFFSET, HASH_MODULE, fnvStep } from '../text/hash.js'
import { keyOf, loadCompiled, saveCompiled } from '../shipped/compiled.js'

export type TermVector = ReadonlyMap<string, number>

const require = createRequire(import.meta.url)
let idfTable: IdfTable | undefined

/**
 * jieba's IDF table (computed on a large general Chinese corpus) is the prior for how
 * informative a word is: 的 ≈ 0.9, 美国 ≈ 4.2, 普京 ≈ 8.9. Words it lacks are mostly names and
 * new terms, which are informative: they get the median.
 *
 * Hand-written rather than a Map of every line: the table has 270,000 words, and building
 * that Map (and sorting its values for the median) took ~0.5 s at the start of every command
 * that weighs words, while a comparison looks up a few thousand of them. The file's bytes
 * are indexed by a hash of each word (one pass over 6 MB, no strings made); a word's value
 * is parsed when it is first asked for and kept.
 */
export class IdfTable {
  // Open addressing, two numbers a slot (side by side: one cache miss a probe): the word's
  // hash and its line's start + 1 (0: empty).
  private readonly slots: Int32Array
  private readonly mask: number
  private readonly known = new Map<string, number | undefined>()
  private readonly scratch = new Uint8Array(256)
  readonly median: number

  /** `index`: the slots and median computed from these very bytes before (`compileIdf`). */
  constructor(
    private readonly bytes: Uint8Array,
    index?: { readonly slots: Int32Array; readonly median: number },
  ) {
    if (index) {
      this.slots = index.slots
      this.mask = index.slots.length / 2 - 1
      this.median = index.median
      return
    }
    const size = 1 << 19 // ~2 × the table's lines: short probe runs
    this.mask = size - 1
    this.slots = new Int32Array(2 * size)
    // Values repeat (one per document frequency): counted by their text, parsed once each.
    const valueCounts = new Map<number, { at: number; count: number }>()
    let start = 0
    let h = FNV_OFFSET
    let hAtSpace = 0
    let lastSpace = -1
    let vh = FNV_OFFSET
    for (let i = 0; i <= bytes.length; i++) {
      const c = i < bytes.length ? bytes[i] : 10
      if (c === 10) {
        if (lastSpace > start) {
          this.insert(hAtSpace, start, lastSpace - start)
          const v = valueCounts.get(vh)
          if (v) v.count++
          else valueCounts.set(vh, { at: lastSpace + 1, count: 1 })
        }
        start = i + 1
        h = FNV_OFFSET
        vh = FNV_OFFSET
        lastSpace = -1
        continue
      }
      if (c === 32) {
        hAtSpace = h
        lastSpace = i
        vh = FNV_OFFSET
      } else vh = fnvStep(vh, c)
      h = fnvStep(h, c)
    }
    // The median of all the table's values, as the lowest value at or past the middle line.
    const values = [...valueCounts.values()].map(({ at, count }) => ({ value: this.valueAt(at), count })).sort((a, b) => a.value - b.value)
    const total = values.reduce((s, v) => s + v.count, 0)
    let seen = 0
    let median = 10
    for (const v of values) {
      seen += v.count
      if (seen > Math.floor(total / 2)) {
        median = v.value
        break
      }
    }
    this.median = median
  }

  /** What `compileIdf` saves: the slots, and the median. */
  get index(): { readonly slots: Int32Array; readonly median: number } {
    return { slots: this.slots, median: this.median }
  }

  private insert(hash: number, start: number, len: number): void {
    for (let k = hash & this.mask; ; k = (k + 1) & this.mask) {
      const slot = this.slots[2 * k + 1]
      // A word listed twice keeps its last value, as a Map of the lines would.
      if (slot === 0 || (this.slots[2 * k] === hash && this.sameKey(slot - 1, start, len))) {
        this.slots[2 * k] = hash
        this.slots[2 * k + 1] = start + 1
        return
      }
    }
  }

  private sameKey(a: number, b: number, len: number): boolean {
    const bytes = this.bytes
    if (bytes[a + len] !== 32) return false
    for (let i = 0; i < len; i++) if (bytes[a + i] !== bytes[b + i]) return false
    return this.lastSpaceAfter(a) === a + len
  }

  private lastSpaceAfter(start: number): number {
    let last = -1
    for (let i = start; i < this.bytes.length && this.bytes[i] !== 10; i++) if (this.bytes[i] === 32) last = i
    return last
  }

  private valueAt(at: number): number {
    let end = at
    while (end < this.bytes.length && this.bytes[end] !== 10) end++
    return Number(DECODER.decode(this.bytes.subarray(at, end)))
  }

  get(word: string): number | undefined {
    const memo = this.known.get(word)
    if (memo !== undefined || this.known.has(word)) return memo
    const value = this.lookup(word)
    if (this.known.size >= IDF_MEMO_MAX) this.known.clear()
    this.known.set(word, value)
    return value
  }

  private lookup(word: string): number | undefined {
    const { written, read } = ENCODER.encodeInto(word, this.scratch)
    if (read !== word.length) return undefined // longer than any word of the table
    let h = FNV_OFFSET
    for (let i = 0; i < written; i++) h = fnvStep(h, this.scratch[i])
    for (let k = h & this.mask; this.slots[2 * k + 1] !== 0; k = (k + 1) & this.mask) {
      if (this.slots[2 * k] !== h) continue
      const at = this.slots[2 * k + 1] - 1
      let same = this.bytes[at + written] === 32
      for (let i = 0; same && i < written; i++) same = this.bytes[at + i] === this.scratch[i]
      if (same && this.lastSpaceAfter(at) === at + written) return this.valueAt(at + written + 1)
    }
    return undefined
  }
}
const ENCODER = new TextEncoder()
const DECODER = new TextDecoder()
const IDF_MEMO_MAX = 200_000

// The code a saved index depends on: this module and the hash it probes with.
const IDF_CODE = [import.meta.url, HASH_MODULE]

function idf(): IdfTable {
  if (!idfTable) {
    const bytes = readFileSync(require.resolve('@node-rs/jieba/idf.txt'))
    const saved = loadCompiled('idf', keyOf([bytes], IDF_CODE))
    const [slots] = saved?.arrays ?? []
    idfTable = slots instanceof Int32Array && typeof saved?.meta === 'number' ? new IdfTable(bytes, { slots, median: saved.meta }) : new IdfTable(bytes)
  }
  return idfTable
}

/** Indexes jieba's IDF list once, for every later process (`npm run build`, `shipped/compile.ts`). */
export function compileIdf(dir?: string): void {
  const bytes = readFileSync(require.resolve('@node-rs/jieba/idf.txt'))
  const { slots, median } = new IdfTable(bytes).index
  saveCompiled('idf', keyOf([bytes], IDF_CODE), median, [slots], dir)
}

// Words this common carry no topic (的, 表示; 美国 at 4.2 is kept).
const MIN_IDF = 3.5

const STOPWORDS_FILE = [new URL('./stopwords.txt', import.meta.url), new URL('../../../src/analyze/stopwords.txt', import.meta.url)]
let stopwordSet: Set<string> | undefined

/** The editable stopword list (src/analyze/stopwords.txt): news-archive furniture that IDF alone keeps. */
export function stopwords(): ReadonlySet<string> {
  if (!stopwordSet) {
    const url = STOPWORDS_FILE.find((u) => existsSync(fileURLToPath(u)))
    if (!url) throw new Error(`stopwords.txt not found; looked in ${STOPWORDS_FILE.map((u) => fileURLToPath(u)).join(' and ')}`)
    stopwordSet = new Set(readFileSync(url, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean))
  }
  return stopwordSet
}
const isContentWord = (w: string) => w.length >= 2 && !/^[\d.,%]+$/.test(w) && !/%/.test(w) && !stopwords().has(w)
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/g

/** How informative a word is across Chinese text (jieba's IDF prior). */
export const idfOf = (word: string): number => {
  const table = idf()
  return table.get(word) ?? table.median
}

/** Words each counted once: an article's (the keys of its weighted words) or a set of names. */
export type DistinctWords = ReadonlySet<string> | ReadonlyMap<string, unknown>

/**
 * Document frequencies of the archive itself, updated as articles arrive. A word every
 * outlet in this archive repeats (an archive's own boilerplate, 中共 in movement media)
 * says little about which event an article reports, whatever the general prior says.
 */
export class CorpusStats {
  private n = 0
  private readonly df = new Tally()

  /** Counts an article's words: a Set or a Map's keys, so each is counted once without copying them into a Set. */
  observe(words: DistinctWords): void {
    this.n++
    for (const w of words.keys()) this.df.increment(w)
  }

  /** Packs the counts for saving (`Tally.pack`). */
  pack(): void {
    this.df.pack()
  }

  /** IDF from the archive's own counts only (no prior): for names the general table does not cover. */
  localIdf(word: string): number {
    return Math.log((this.n + 1) / ((this.df.get(word) ?? 0) + 1)) + 1
  }

  /** The share of the archive's articles that hold the word (smoothed as `localIdf` is). */
  share(word: string): number {
    return ((this.df.get(word) ?? 0) + 1) / (this.n + 1)
  }

  /** The prior, pulled towards the archive's own IDF as the archive grows. */
  idf(word: string): number {
    const prior = idfOf(word)
    if (this.n === 0) return prior
    const local = Math.log((this.n + 1) / ((this.df.get(word) ?? 0) + 1)) + 1
    const trust = this.n / (this.n + PRIOR_STRENGTH_DOCS)
    return trust * Math.min(local, prior + 2) + (1 - trust) * prior
  }
}
// After this many articles the archive's own statistics weigh as much as the prior.
const PRIOR_STRENGTH_DOCS = 300

/**
 * Document frequencies of the archive's last days, a day at a time. A word far more frequent in
 * the week up to an article's day than in the archive as a whole (北约 in the week of a NATO
 * summit) is what many of that week's reports share, reports of sibling incidents among them: a
 * record incursion into Taiwan's air-defence zone, reported beside the summit's communiqué,
 * met the summit's event on 北约 and 中共. Such a word weighs as if its IDF were counted partly
 * within the week (`damping`), so that the words that tell that week's incidents apart decide
 * more: sliding-window IDF, as topic-detection systems keep it, blended with the archive's.
 */
export class RecentStats {
  // A Tally a day, as the archive's counts are kept: packed, a saved state copies flat values.
  private readonly df = new Map<number, Tally>()
  private readonly docs = new Map<number, number>()
  private latest = Number.NEGATIVE_INFINITY

  /** Counts an article's words on its day (days since the epoch); days long past are forgotten. */
  observe(day: number, words: DistinctWords): void {
    let df = this.df.get(day)
    if (!df) this.df.set(day, (df = new Tally()))
    for (const w of words.keys()) df.increment(w)
    this.docs.set(day, (this.docs.get(day) ?? 0) + 1)
    if (day <= this.latest) return
    this.latest = day
    for (const d of [...this.docs.keys()]) {
      if (d >= day - RECENT_KEEP_DAYS) continue
      this.docs.delete(d)
      this.df.delete(d)
    }
  }

  /**
   * A word's weight factor for an article of `day`, given its IDF (as the caller weighs it, computed
   * once for both): (idf − WEEK_IDF_SHARE × ln burst) / idf,
   * where burst is how many times more frequent the word is in the BURST_DAYS up to that day
   * than in the archive (`share`); 1 for a word no more frequent there. The log keeps it bounded
   * however long the archive: a word of one week in years of articles loses part of its IDF,
   * not all of it. 1 for every word until the week holds BURST_MIN_DOCS articles.
   */
  damping(day: number, share: (word: string) => number): (word: string, idf: number) => number {
    const days: Tally[] = []
    let n = 0
    for (let d = day - BURST_DAYS; d <= day; d++) {
      n += this.docs.get(d) ?? 0
      const df = this.df.get(d)
      if (df) days.push(df)
    }
    if (n < BURST_MIN_DOCS) return () => 1
    return (word, idf) => {
      let k = 0
      for (const df of days) k += df.peek(word) ?? 0
      const burst = k / n / share(word)
      return burst <= 1 ? 1 : Math.max(0, 1 - (WEEK_IDF_SHARE * Math.log(burst)) / idf)
    }
  }

  /** Packs the counts for saving (`Tally.pack`). */
  pack(): void {
    for (const df of this.df.values()) df.pack()
  }
}
// Measured on the labelled week (npm run eval, mean F1 over 8 orders, shipped | extended
// labels, at thresholds 0.19 0.20 0.21): none 0.909 0.900 0.890 | 0.866 0.858 0.860; a share of
// 0.45 0.906 0.904 0.907 | 0.867 0.864 0.863; 0.6 0.908 0.925 0.907 | 0.867 0.874 0.862; 0.75
// 0.903 0.926 0.910 | 0.867 0.871 0.863; 0.9 0.912 0.920 0.912 | 0.876 0.868 0.862. A linear
// damping, 1 / (1 + 0.1 × (burst − 1)), scored as well here (0.907 0.929 0.913 | 0.866 0.876
// 0.861) but grows without bound with the archive's length: a word of one week in two years
// of articles (burst ≈ 100) would keep a tenth of its weight. Capped at burst 3 or 5, 0.929–0.931
// | 0.871–0.872 at 0.20. Windows of 3, 10 and 14 days (linear form): 0.923–0.925 | 0.867–0.870.
const BURST_DAYS = 7
const WEEK_IDF_SHARE = 0.6
const BURST_MIN_DOCS = 50
// The days a window needs, and one more for an article a day older than the latest: the counts
// of each day kept are in every saved state.
const RECENT_KEEP_DAYS = BURST_DAYS + 1

// The headline and lead decide what an article is about (the labelling rules say so too).
const TITLE_WEIGHT = 3
const LEAD_WEIGHT = 2
const LEAD_CHARS = 300
const BODY_CHARS = 4000

export interface WeightedWords {
  readonly words: ReadonlyMap<string, number> // word → weighted count
}

/** The words of an article that keywords are made of, weighted by where they appear. */
export function articleWords(title: string, text: string): WeightedWords {
  return foldedArticleWords(foldText(title), foldText(text))
}

/**
 * `articleWords` of a title and body already folded (`foldText`). `cut` segments each part (the
 * headline, the lead, the rest of the body): a caller can take more from the same jieba pass.
 */
export function foldedArticleWords(title: string, body: string, cut: (text: string) => string[] = segment): WeightedWords {
  const words = new Map<string, number>()
  const names = canonicalNames()
  const add = (text: string, w: number) => {
    for (const word of cut(text)) {
      if (!isContentWord(word)) continue
      const key = names.get(word) ?? pairKey(word)
      words.set(key, (words.get(key) ?? 0) + w)
    }
    for (const d of dateNames(text)) words.set(d, (words.get(d) ?? 0) + w)
  }
  const folded = body.replace(LINK, ' ')
  add(title.replace(LINK, ' '), TITLE_WEIGHT)
  add(folded.slice(0, LEAD_CHARS), LEAD_WEIGHT)
  add(folded.slice(LEAD_CHARS, BODY_CHARS), 1)
  return { words }
}

// One-character names of countries and regions as compounds use them: 美欧 峰会, 中美 关系.
const COUNTRY_CHARS = new Set([...'中美俄英法德日韩欧印澳朝台港加意以伊越菲泰乌'])

/**
 * Two countries named together in either order are one word: 美欧峰会 and 欧美峰会, 俄美 and 美俄
 * report the same meeting. Other words are returned as they are.
 */
export function pairKey(word: string): string {
  if (word.length !== 2 || !COUNTRY_CHARS.has(word[0]) || !COUNTRY_CHARS.has(word[1])) return word
  return word[0] < word[1] ? word : word[1] + word[0]
}

// A day written as month.day names an incident in Chinese usage (六四 as 6.4, 7.1, 6.12, 9.11):
// not a quantity (3.5%, 2.5亿) nor part of a longer number or a full date.
const DATE_NAME = /(?<![\d.$¥€£／/年\-])(1[0-2]|[1-9])[.·•・](3[01]|[12]\d|[1-9])(?![\d.%％万亿千百倍元美个人米度岁年月分秒号日])/gu

/** Month.day names in folded text, as `m.d` words (6·12 and 6.12 alike). */
export function dateNames(folded: string): string[] {
  return [...folded.matchAll(DATE_NAME)].map((m) => `${m[1]}.${m[2]}`)
}

/** TF-IDF keyword vector, L2-normalised, its `topK` strongest words; `boost` is given each word's IDF too. */
export function keywordVector(w: WeightedWords, idfFn: (word: string) => number = idfOf, topK = 40, boost?: (word: string, idf: number) => number): TermVector {
  const scored: Array<[string, number]> = []
  w.words.forEach((tf, word) => {
    const i = idfFn(word)
    if (i >= MIN_IDF) scored.push([word, Math.log(1 + tf) * i * (boost?.(word, i) ?? 1)])
  })
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const top = scored.slice(0, topK)
  const norm = Math.hypot(...top.map(([, x]) => x)) || 1
  return new Map(top.map(([word, x]) => [word, x / norm]))
}

export function cosine(a: TermVector, b: TermVector): number {
  const small = a.size <= b.size ? a : b
  const large = small === a ? b : a
  // forEach, not for…of: an [term, weight] array per entry was most of what comparing an
  // article with its candidate events allocated.
  let dot = 0
  small.forEach((w, t) => {
    const v = large.get(t)
    if (v !== undefined) dot += w * v
  })
  return dot
}
