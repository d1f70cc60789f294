import { createHash } from 'node:crypto'
import { foldKey } from '../normalize/fold.js'

// One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava &
// Li 2014): one hash per shingle instead of 128, about 40x cheaper than classic MinHash.
export const BINS = 128
const BIN_BITS = 7 // 2^7 = 128 bins from the top bits of each hash
const ROWS_PER_BAND = 4 // 32 bands of 4 rows: candidate when Jaccard ≳ 0.42 (see eval)
export const BANDS = BINS / ROWS_PER_BAND
export const SHINGLE = 4 // character 4-grams of folded text, as the labelled pairs were measured
const EMPTY = 0xffffffff

/** Letters and digits of the folded text: punctuation and spacing differ between copies. */
export const matchText = (folded: string): string => folded.replace(/[^\p{L}\p{N}]+/gu, '')

/** 32-bit hash of the code units at [i, i+SHINGLE): multiply-xorshift mixing, no allocation. */
function shingleHash(s: string, i: number): number {
  let h = 0x9e3779b9
  for (let k = 0; k < SHINGLE; k++) {
    h = Math.imul(h ^ s.charCodeAt(i + k), 0x85ebca6b)
    h ^= h >>> 13
  }
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

export interface Sketch {
  readonly minhash: Uint32Array
  readonly shingleCount: number
}

export function sketch(compact: string): Sketch {
  const mins = new Uint32Array(BINS).fill(EMPTY)
  const seen = new Set<number>()
  for (let i = 0; i + SHINGLE <= compact.length; i++) {
    const h = shingleHash(compact, i)
    seen.add(h)
    const bin = h >>> (32 - BIN_BITS)
    const v = h & ((1 << (32 - BIN_BITS)) - 1)
    if (v < mins[bin]) mins[bin] = v
  }
  return { minhash: densify(mins), shingleCount: seen.size }
}

/** Fill each empty bin from the next non-empty one to its right, offset by the distance. */
function densify(mins: Uint32Array): Uint32Array {
  if (mins.every((v) => v === EMPTY)) return mins
  const out = new Uint32Array(BINS)
  for (let b = 0; b < BINS; b++) {
    let k = 0
    while (mins[(b + k) % BINS] === EMPTY) k++
    out[b] = k === 0 ? mins[b] : (mins[(b + k) % BINS] + k * 0x1000193) >>> 0
  }
  return out
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < BINS; i++) if (a[i] === b[i] && a[i] !== EMPTY) same++
  return same / BINS
}

/** Share of the smaller document's shingles found in the larger one, from Jaccard and sizes. */
export function estimateContainment(j: number, sizeA: number, sizeB: number): number {
  const small = Math.min(sizeA, sizeB)
  if (small === 0) return 0
  const inter = (j * (sizeA + sizeB)) / (1 + j)
  return Math.min(1, inter / small)
}

/** LSH band keys: band index in the high bits so bands never collide with each other. */
export function bandKeys(minhash: Uint32Array): number[] {
  const keys: number[] = []
  for (let band = 0; band * ROWS_PER_BAND < BINS; band++) {
    let h = 0x811c9dc5
    for (let r = 0; r < ROWS_PER_BAND; r++) h = Math.imul(h ^ minhash[band * ROWS_PER_BAND + r], 0x01000193) >>> 0
    keys.push(band * 2 ** 32 + h)
  }
  return keys
}

export const textHash = (compact: string): string => createHash('sha256').update(compact).digest('hex').slice(0, 32)

export const titleKey = (title: string): string => foldKey(title).slice(0, 64)
