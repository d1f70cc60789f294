import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { foldText } from '../normalize/fold.js'
import { segment } from './segment.js'
import { canonicalNames } from './user-dict.js'

export type TermVector = ReadonlyMap<string, number>

const require = createRequire(import.meta.url)
let idfTable: Map<string, number> | undefined
let medianIdf = 10

// jieba's IDF table (computed on a large general Chinese corpus) is the prior for how
// informative a word is: 的 ≈ 0.9, 美国 ≈ 4.2, 普京 ≈ 8.9. Words it lacks are mostly names and
// new terms, which are informative: they get the median.
function idf(): Map<string, number> {
  if (!idfTable) {
    const path = require.resolve('@node-rs/jieba/idf.txt')
    idfTable = new Map()
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const sp = line.lastIndexOf(' ')
      if (sp > 0) idfTable.set(line.slice(0, sp), Number(line.slice(sp + 1)))
    }
    const values = [...idfTable.values()].sort((a, b) => a - b)
    medianIdf = values[Math.floor(values.length / 2)]
  }
  return idfTable
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
export const idfOf = (word: string): number => idf().get(word) ?? medianIdf

/**
 * Document frequencies of the archive itself, updated as articles arrive. A word every
 * outlet in this archive repeats (an archive's own boilerplate, 中共 in movement media)
 * says little about which event an article reports, whatever the general prior says.
 */
export class CorpusStats {
  private n = 0
  private readonly df = new Map<string, number>()

  observe(words: Iterable<string>): void {
    this.n++
    for (const w of new Set(words)) this.df.set(w, (this.df.get(w) ?? 0) + 1)
  }

  /** IDF from the archive's own counts only (no prior): for names the general table does not cover. */
  localIdf(word: string): number {
    return Math.log((this.n + 1) / ((this.df.get(word) ?? 0) + 1)) + 1
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

/** `articleWords` of a title and body already folded (`foldText`). */
export function foldedArticleWords(title: string, body: string): WeightedWords {
  const words = new Map<string, number>()
  const names = canonicalNames()
  const add = (text: string, w: number) => {
    for (const word of segment(text)) {
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

/** TF-IDF keyword vector, L2-normalised, its `topK` strongest words. */
export function keywordVector(w: WeightedWords, idfFn: (word: string) => number = idfOf, topK = 40, boost?: (word: string) => number): TermVector {
  const scored: Array<[string, number]> = []
  for (const [word, tf] of w.words) {
    const i = idfFn(word)
    if (i >= MIN_IDF) scored.push([word, Math.log(1 + tf) * i * (boost?.(word) ?? 1)])
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const top = scored.slice(0, topK)
  const norm = Math.hypot(...top.map(([, x]) => x)) || 1
  return new Map(top.map(([word, x]) => [word, x / norm]))
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [t, w] of small) {
    const v = large.get(t)
    if (v !== undefined) dot += w * v
  }
  return dot
}
