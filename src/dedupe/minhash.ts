import { foldKey } from '../normalize/fold.js'
import { lettersAndDigits } from '../text/char-class.js'
import { sha256Hex } from '../text/sha256.js'

// One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava &
// Li 2014): one hash per shingle instead of 128, about 40x cheaper than classic MinHash.
export const BINS = 128
const BIN_BITS = 7 // 2^7 = 128 bins from the top bits of each hash
const ROWS_PER_BAND = 4 // 32 bands of 4 rows: candidate when Jaccard ≳ 0.42 (see eval)
export const BANDS = BINS / ROWS_PER_BAND
export const SHINGLE = 4 // character 4-grams of folded text, as the labelled pairs were measured
const EMPTY = 0xffffffff
// Slots of the shared shingle counter kept between texts (1 MB).
const MAX_KEPT_SLOTS = 2 ** 18

/** Letters and digits of the folded text: punctuation and spacing differ between copies. */
export const matchText: (folded: string) => string = lettersAndDigits

/** 32-bit hash of one shingle, its SHINGLE (4) code units: multiply-xorshift mixing, no allocation. */
function shingleHash(a: number, b: number, c: number, d: number): number {
  let h = 0x9e3779b9
  h = Math.imul(h ^ a, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h ^ b, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h ^ c, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h ^ d, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

export interface Sketch {
  readonly minhash: Uint32Array
  readonly shingleCount: number
}

export function sketch(compact: string): Sketch {
  const mins = new Uint32Array(BINS).fill(EMPTY)
  const seen = HashCounter.reset(compact.length - SHINGLE + 1)
  if (compact.length >= SHINGLE) {
    // Each code unit is read once and carried along: the shingle ending at i is (a, b, c, d).
    let a = compact.charCodeAt(0)
    let b = compact.charCodeAt(1)
    let c = compact.charCodeAt(2)
    for (let i = SHINGLE - 1; i < compact.length; i++) {
      const d = compact.charCodeAt(i)
      const h = shingleHash(a, b, c, d)
      a = b
      b = c
      c = d
      seen.add(h)
      const bin = h >>> (32 - BIN_BITS)
      const v = h & ((1 << (32 - BIN_BITS)) - 1)
      if (v < mins[bin]) mins[bin] = v
    }
  }
  return { minhash: densify(mins), shingleCount: seen.size }
}

/** Counts distinct 32-bit hashes: an open-addressing table, several times cheaper than a Set. */
class HashCounter {
  private slots = new Uint32Array(16) // 0 is free; the hash 0 is counted by hasZero
  private mask = 15
  private hasZero = false
  size = 0

  // One table per thread, cleared for each text: a new table per article (16 KB for a
  // 2,000-character text, outside the JS heap) cost more to allocate than the counting.
  private static shared = new HashCounter()

  /** The shared counter, emptied and sized for `expected` hashes. */
  static reset(expected: number): HashCounter {
    const c = HashCounter.shared
    let capacity = 16
    while (capacity < expected * 2) capacity *= 2
    // A huge text's table is not kept for the rest of the run.
    if (capacity !== c.slots.length && (capacity > c.slots.length || c.slots.length > MAX_KEPT_SLOTS)) c.slots = new Uint32Array(capacity)
    else c.slots.fill(0, 0, capacity)
    c.mask = capacity - 1
    c.hasZero = false
    c.size = 0
    return c
  }

  add(h: number): void {
    if (h === 0) {
      if (!this.hasZero) (this.hasZero = true), this.size++
      return
    }
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[i]
      if (slot === h) return
      if (slot === 0) {
        this.slots[i] = h
        this.size++
        return
      }
    }
  }
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

export const textHash = (compact: string): string => sha256Hex(compact).slice(0, 32)

export const titleKey = (title: string): string => foldKey(title).slice(0, 64)

// A 2-bit summary of a sketch (the low bits of each bin, 32 bytes) screens LSH candidates
// before their full sketch is read: bins with equal values have equal low bits, so a pair
// estimated at Jaccard ≥ NEAR_DUP_MIN_BINS/BINS always agrees in at least that many summary
// bins. Unrelated texts agree in about a quarter of the rest, far below it.
export const SUMMARY_WORDS = (BINS * 2) / 32

export function summarize(minhash: Uint32Array, out: Uint32Array = new Uint32Array(SUMMARY_WORDS), at = 0): Uint32Array {
  out.fill(0, at, at + SUMMARY_WORDS)
  for (let i = 0; i < BINS; i++) out[at + (i >>> 4)] |= (minhash[i] & 3) << ((i & 15) * 2)
  return out
}

/** Bins whose low 2 bits agree: an upper bound on the bins whose values agree. */
export function summaryAgreement(a: Uint32Array, atA: number, b: Uint32Array, atB: number): number {
  let differ = 0
  for (let w = 0; w < SUMMARY_WORDS; w++) {
    const x = a[atA + w] ^ b[atB + w]
    let m = (x | (x >>> 1)) & 0x55555555 // one bit per differing bin
    m = m - ((m >>> 1) & 0x55555555)
    m = (m & 0x33333333) + ((m >>> 2) & 0x33333333)
    differ += (Math.imul((m + (m >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24)
  }
  return BINS - differ
}
