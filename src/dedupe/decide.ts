import type { Fingerprint } from '../article.js'
import { estimateContainment, estimateJaccard } from './minhash.js'

// Thresholds measured on ../shared/corpus dup-pairs.tsv / nondup-pairs.tsv (npm run eval):
// labelled near-duplicates sit at estimated Jaccard ≥ 0.6, labelled same-headline
// non-duplicates at ≤ 0.25. Containment catches stubs and partial revisions of a longer copy.
export const NEAR_DUP_JACCARD = 0.5
export const CONTAINMENT = 0.85
// A stub this small contained in anything proves nothing (a dateline, a boilerplate line).
const MIN_SHINGLES_FOR_CONTAINMENT = 40

export interface Candidate {
  readonly id: string
  readonly duplicateOf?: string
  readonly fingerprint: Fingerprint
}

export interface DupVerdict {
  readonly of: string
  readonly reason: string
  readonly score: number
}

/** The candidate this article copies, if any: the closest above a threshold. */
export function findDuplicate(fp: Fingerprint, candidates: readonly Candidate[]): DupVerdict | undefined {
  let best: DupVerdict | undefined
  for (const c of candidates) {
    const verdict = compareFingerprints(fp, c)
    if (verdict && (!best || verdict.score > best.score)) best = verdict
  }
  return best
}

function compareFingerprints(fp: Fingerprint, c: Candidate): DupVerdict | undefined {
  const of = c.duplicateOf ?? c.id
  if (fp.shingleCount === 0 || c.fingerprint.shingleCount === 0) return undefined
  if (fp.textHash === c.fingerprint.textHash) return { of, reason: 'exact: same folded text', score: 2 }
  const j = estimateJaccard(fp.minhash, c.fingerprint.minhash)
  if (j >= NEAR_DUP_JACCARD) return { of, reason: `near-duplicate: estimated Jaccard ${j.toFixed(2)}`, score: 1 + j }
  const smaller = Math.min(fp.shingleCount, c.fingerprint.shingleCount)
  const containment = estimateContainment(j, fp.shingleCount, c.fingerprint.shingleCount)
  if (smaller >= MIN_SHINGLES_FOR_CONTAINMENT && containment >= CONTAINMENT)
    return { of, reason: `revision: ${Math.round(containment * 100)}% of the shorter text is in the longer`, score: containment }
  return undefined
}
