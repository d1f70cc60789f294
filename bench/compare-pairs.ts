// Scoring `compare`'s alignment against hand-checked sentence pairs (test/data/compare): shared
// by `npm run eval` (real articles from the corpus) and the unit test (the excerpts alone).
import { readFileSync } from 'node:fs'
import type { Article } from '../src/article.js'
import { splitSentences } from '../src/analyze/sentences.js'
import type { Comparison } from '../src/compare/compare.js'
import { foldText } from '../src/normalize/fold.js'

export interface LabelledPair {
  readonly event: string
  readonly pathA: string
  readonly excerptA: string
  readonly pathB: string
  readonly excerptB: string
  /** Hand-checked: the two sentences state the same fact. */
  readonly same: boolean
}

export interface Counts {
  tp: number
  fp: number
  fn: number
  tn: number
}

/** The rows of a tab-separated file with a header line (pairs.tsv, events.tsv), split into fields. */
export function readRows(file: string): string[][] {
  return readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
}

/** The labelled pairs of a pairs.tsv. */
export function readPairs(file: string): LabelledPair[] {
  return readRows(file).map(([event, pathA, excerptA, pathB, excerptB, same]) => ({ event, pathA, excerptA, pathB, excerptB, same: same === '1' }))
}

/** The sentence (its ordinal) of an article that contains the excerpt, compared folded. */
export function sentenceOf(article: Article, excerpt: string): number | undefined {
  const f = foldText(excerpt)
  return splitSentences(article.text).find((s) => s.folded.includes(f))?.n
}

/** A pair is aligned when one claim cites both sentences. */
export function scorePairs(
  pairs: readonly LabelledPair[],
  comparisonOf: (event: string) => Comparison | undefined,
  locate: (event: string, path: string) => Article | undefined,
): { overall: Counts; byEvent: Map<string, Counts>; missing: string[]; errors: string[] } {
  const overall: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 }
  const byEvent = new Map<string, Counts>()
  const missing: string[] = []
  const errors: string[] = []
  for (const p of pairs) {
    const c = comparisonOf(p.event)
    const a = locate(p.event, p.pathA)
    const b = locate(p.event, p.pathB)
    const na = a && sentenceOf(a, p.excerptA)
    const nb = b && sentenceOf(b, p.excerptB)
    if (!c || !a || !b || na === undefined || nb === undefined) {
      missing.push(`${p.event}: ${p.excerptA} / ${p.excerptB}`)
      continue
    }
    const cites = (claim: Comparison['claims'][number], id: string, n: number) => claim.sentences.some((s) => s.articleId === id && s.sentence === n)
    const aligned = c.claims.some((claim) => cites(claim, a.id, na) && cites(claim, b.id, nb))
    const counts = byEvent.get(p.event) ?? { tp: 0, fp: 0, fn: 0, tn: 0 }
    byEvent.set(p.event, counts)
    const key = aligned ? (p.same ? 'tp' : 'fp') : p.same ? 'fn' : 'tn'
    counts[key]++
    overall[key]++
    if (key === 'fp' || key === 'fn') errors.push(`  ${key}: ${p.event}: ${p.excerptA} / ${p.excerptB}`)
  }
  return { overall, byEvent, missing, errors }
}
