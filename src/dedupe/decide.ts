import type { Article, Fingerprint } from '../article.js'
import { BINS, estimateContainment, estimateJaccard, matchText } from './minhash.js'
import { charBigrams } from '../text/char-class.js'
import { parseNumber } from '../analyze/numbers.js'

// Thresholds from ../shared/corpus (npm run eval prints the figures): labelled copies from
// different titles sit at estimated Jaccard ≥ 0.66, partial reposts labelled as distinct
// articles reach 0.51, and same-headline different texts stay ≤ 0.24. Revisions of one
// article under the same title go down to 0.41 (stub vs full text). The relaxed same-title
// rules apply within one outlet: across outlets, a partial repost under the same headline
// is another outlet's article (labelled so), and only a near-duplicate text links them.
export const NEAR_DUP_JACCARD = 0.6
/** Equal bins (of BINS) that make a near-duplicate: fewer agreeing summary bins rule it out. */
export const NEAR_DUP_MIN_BINS = Math.ceil(NEAR_DUP_JACCARD * BINS)
export const SAME_TITLE_JACCARD = 0.35
// A stub whose text is almost all inside a longer version with the same title is a revision.
export const SAME_TITLE_CONTAINMENT = 0.9
// A text this small proves nothing by containment (a dateline, a boilerplate line), nor that
// two instalments are one article with a corrected figure.
const MIN_SHINGLES_FOR_CONTAINMENT = 40
// Shorter folded titles ("新闻", "快讯") say nothing about two texts being one article.
export const MIN_TITLE_KEY_CHARS = 4
// Two headlines agree when this share of the shorter one's character bigrams is in the longer:
// a repost wraps the original headline in 【转载】, an outlet's name or a date. Where they
// disagree, an equal or near-equal text is a copy only if it carries both headlines (this share
// of each headline's bigrams found in the text): an article re-posted under a new headline
// still tells what both say. A text that says neither is boilerplate several articles share (a
// channel's description under each of its videos, a credits line under each post). Measured on
// ../shared/corpus: the 84 such text matches with disagreeing headlines carry them at most
// 0.26 (both) and are all different videos or posts; the retitled revision among them, 0.75.
export const SAME_HEADLINE = 0.5
export const HEADLINE_IN_TEXT = 0.4
// Headlines that agree in words but each name a figure the other lacks (a date, a rate, a
// count) are two instalments of a series — a daily rate report, a dated live stream, a
// numbered news brief — whose texts share a template or a channel's boilerplate; or one article
// whose headline figure was corrected. A correction leaves the text near-identical, so such a
// pair is a copy only when the texts are (this estimated Jaccard) and the text carries both
// headlines. Measured on ../shared/corpus: the four links this undid are instalments a few days
// apart (templates at estimated Jaccard 0.62 and 0.70, one exact channel description); the one
// labelled copy among such pairs, a corrected figure, sits at 0.98.
export const REVISED_FIGURES_JACCARD = 0.85

export interface Candidate {
  readonly id: string
  readonly duplicateOf?: string
  readonly outletId: string
  readonly fingerprint: Fingerprint
  /**
   * Its folded text, where `needsText` asks for it: a text under another headline is a copy only
   * if both texts carry both headlines, so the decision does not depend on which came first.
   */
  readonly folded?: string
}

export interface DupVerdict {
  readonly of: string
  readonly reason: string
  readonly score: number
}

/** What the decision reads of the incoming article: its folded text only when headlines disagree. */
export type DupProbe = Pick<Article, 'fingerprint' | 'outletId' | 'folded'>

/** The candidate this article copies, if any: the closest above a threshold. */
export function findDuplicate(probe: DupProbe, candidates: readonly Candidate[]): DupVerdict | undefined {
  const fp = probe.fingerprint
  let text: string | undefined // letters and digits of the folded text, made once if needed
  const carries = (titleKey: string) => headlineInText(titleKey, (text ??= matchText(probe.folded)))
  const matches = candidates.map((c) => textMatch(fp, c))
  // A text two separate articles already carry (their headlines told them apart) is boilerplate
  // of its archive: for a third article it proves nothing, whatever the headlines share (video
  // titles of one channel share its live-stream prefix and dates). Only an equal headline, or a
  // text that carries both headlines, makes a copy then.
  const roots = new Set(candidates.filter((_, i) => matches[i] !== undefined).map((c) => c.duplicateOf ?? c.id))
  const boilerplate = roots.size >= 2
  let best: DupVerdict | undefined
  for (const [i, c] of candidates.entries()) {
    const j = matches[i]
    const verdict = j === undefined ? compareTitled(fp, probe.outletId, c) : linkText(fp, c, j, boilerplate, carries)
    if (verdict && (!best || verdict.score > best.score)) best = verdict
  }
  return best
}

/**
 * Does the decision need this candidate's text (`Candidate.folded`)? Only where the texts are one
 * and the headlines are not the same: then whether both texts carry both headlines may decide.
 */
export function needsText(probe: Pick<Article, 'fingerprint'>, c: Candidate): boolean {
  // Whenever the headlines differ at all: agreeing ones are not trusted either when they name
  // different figures (a series) or when the text is boilerplate other articles carry.
  return textMatch(probe.fingerprint, c) !== undefined && probe.fingerprint.titleKey !== c.fingerprint.titleKey
}

/** Estimated Jaccard (1 for the same folded text) when the texts are one, else undefined. */
function textMatch(fp: Fingerprint, c: Candidate): number | undefined {
  if (fp.shingleCount === 0 || c.fingerprint.shingleCount === 0) return undefined
  if (fp.textHash === c.fingerprint.textHash) return 1
  const j = estimateJaccard(fp.minhash, c.fingerprint.minhash)
  return j >= NEAR_DUP_JACCARD ? j : undefined
}

function linkText(fp: Fingerprint, c: Candidate, j: number, boilerplate: boolean, carries: (titleKey: string) => number): DupVerdict | undefined {
  const of = c.duplicateOf ?? c.id
  const [a, b] = [fp.titleKey, c.fingerprint.titleKey]
  const series = figuresConflict(a, b)
  // A text no longer than a headline (a headline-only video post) cannot show that only the
  // figure was corrected: two such instalments stay apart however alike.
  if (series && (j < REVISED_FIGURES_JACCARD || Math.min(fp.shingleCount, c.fingerprint.shingleCount) < MIN_SHINGLES_FOR_CONTAINMENT)) return undefined
  const trusted = !series && (boilerplate ? a === b : headlinesAgree(a, b))
  if (!trusted && Math.min(carries(a), carries(b)) < HEADLINE_IN_TEXT) return undefined
  // …and the candidate's text too: a channel's description can name the gear of one video (索尼
  // FX3 开箱) under another, and the incoming text carrying both headlines would then link the
  // two one way round and not the other.
  if (!trusted && c.folded !== undefined) {
    const theirs = matchText(c.folded)
    if (Math.min(headlineInText(a, theirs), headlineInText(b, theirs)) < HEADLINE_IN_TEXT) return undefined
  }
  return fp.textHash === c.fingerprint.textHash ? { of, reason: 'exact: same folded text', score: 3 } : { of, reason: `near-duplicate: estimated Jaccard ${j.toFixed(2)}`, score: 1 + j }
}

/** Revisions under one headline within one outlet: a lower text overlap suffices. */
function compareTitled(fp: Fingerprint, outletId: string, c: Candidate): DupVerdict | undefined {
  const of = c.duplicateOf ?? c.id
  if (fp.shingleCount === 0 || c.fingerprint.shingleCount === 0) return undefined
  const j = estimateJaccard(fp.minhash, c.fingerprint.minhash)
  const sameTitle = fp.titleKey.length >= MIN_TITLE_KEY_CHARS && fp.titleKey === c.fingerprint.titleKey
  if (!sameTitle || outletId !== c.outletId) return undefined
  if (j >= SAME_TITLE_JACCARD) return { of, reason: `revision: same title, estimated Jaccard ${j.toFixed(2)}`, score: 1 + j }
  const smaller = Math.min(fp.shingleCount, c.fingerprint.shingleCount)
  const containment = estimateContainment(j, fp.shingleCount, c.fingerprint.shingleCount)
  if (smaller >= MIN_SHINGLES_FOR_CONTAINMENT && containment >= SAME_TITLE_CONTAINMENT)
    return { of, reason: `revision: same title, ${Math.round(containment * 100)}% of the shorter text is in the longer`, score: containment }
  return undefined
}

/**
 * Do two folded headlines say the same thing? Bigram containment of the shorter in the longer
 * (a title too short to say anything counts as agreeing: the text decides alone).
 */
export function headlinesAgree(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < MIN_TITLE_KEY_CHARS) return true
  const [x, y] = a.length <= b.length ? [charBigrams(a), charBigrams(b)] : [charBigrams(b), charBigrams(a)]
  let both = 0
  for (const g of x) if (y.has(g)) both++
  return both / x.size >= SAME_HEADLINE
}

/**
 * Does each folded headline name a figure (a run of digits) the other does not? "…6.9837元…" and
 * "…6.9954元…", "2021/06/13" and "2021/06/18" conflict; a figure one headline adds does not, nor
 * the same digits split otherwise ("2021.6.11" folds to 2021611, "2021年6月11日" to 2021 6 11).
 * An instalment numbered in Chinese (第二集, 第十一期) counts as its digits.
 */
export function figuresConflict(a: string, b: string): boolean {
  const x = figuresOf(a)
  const y = figuresOf(b)
  const onlyX = x.filter((n) => !y.includes(n))
  const onlyY = y.filter((n) => !x.includes(n))
  return onlyX.length > 0 && onlyY.length > 0 && onlyX.join('') !== onlyY.join('')
}

// Only ordinals: a bare Han numeral is too often part of a word (一些, 统一, 万一). Folded
// headlines have no brackets left, so （三） cannot be told from a word.
const HAN_ORDINAL = /第([零〇一二两三四五六七八九十百千]+)/g

function figuresOf(titleKey: string): string[] {
  const han = [...titleKey.matchAll(HAN_ORDINAL)].map((m) => parseNumber(m[1]))
  return [...(titleKey.match(/\d+/g) ?? []), ...han.filter((n) => n !== undefined).map(String)]
}

/** Share of a folded headline's bigrams found in a text (letters and digits of folded text). */
export function headlineInText(titleKey: string, text: string): number {
  const grams = charBigrams(titleKey)
  if (!grams.size) return 1
  let found = 0
  for (const g of grams) if (text.includes(g)) found++
  return found / grams.size
}
