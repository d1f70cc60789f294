import type { Fingerprint } from '../article.js'
import { BINS, estimateContainment, estimateJaccard } from './minhash.js'

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
// A text this small proves nothing by containment (a dateline, a boilerplate line).
const MIN_SHINGLES_FOR_CONTAINMENT = 40
// Shorter folded titles ("新闻", "快讯") say nothing about two texts being one article.
export const MIN_TITLE_KEY_CHARS = 4

export interface Candidate {
  readonly id: string
  readonly duplicateOf?: string
  readonly outletId: string
  readonly fingerprint: Fingerprint
}

export interface DupVerdict {
  readonly of: string
  readonly reason: string
  readonly score: number
}

/** The candidate this article copies, if any: the closest above a threshold. */
export function findDuplicate(fp: Fingerprint, outletId: string, candidates: readonly Candidate[]): DupVerdict | undefined {
  let best: DupVerdict | undefined
  for (const c of candidates) {
    const verdict = compareFingerprints(fp, outletId, c)
    if (verdict && (!best || verdict.score > best.score)) best = verdict
  }
  return best
}

function compareFingerprints(fp: Fingerprint, outletId: string, c: Candidate): DupVerdict | undefined {
  const of = c.duplicateOf ?? c.id
  if (fp.shingleCount === 0 || c.fingerprint.shingleCount === 0) return undefined
  if (fp.textHash === c.fingerprint.textHash) return { of, reason: 'exact: same folded text', score: 3 }
  const j = estimateJaccard(fp.minhash, c.fingerprint.minhash)
  if (j >= NEAR_DUP_JACCARD) return { of, reason: `near-duplicate: estimated Jaccard ${j.toFixed(2)}`, score: 1 + j }
  const sameTitle = fp.titleKey.length >= MIN_TITLE_KEY_CHARS && fp.titleKey === c.fingerprint.titleKey
  if (!sameTitle || outletId !== c.outletId) return undefined
  if (j >= SAME_TITLE_JACCARD) return { of, reason: `revision: same title, estimated Jaccard ${j.toFixed(2)}`, score: 1 + j }
  const smaller = Math.min(fp.shingleCount, c.fingerprint.shingleCount)
  const containment = estimateContainment(j, fp.shingleCount, c.fingerprint.shingleCount)
  if (smaller >= MIN_SHINGLES_FOR_CONTAINMENT && containment >= SAME_TITLE_CONTAINMENT)
    return { of, reason: `revision: same title, ${Math.round(containment * 100)}% of the shorter text is in the longer`, score: containment }
  return undefined
}
