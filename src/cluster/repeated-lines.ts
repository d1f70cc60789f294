import { FNV_OFFSET, SECOND_SEED, fnvStep, secondStep } from '../text/hash.js'

/**
 * Lines that several articles of an archive share word for word are its furniture, not its
 * news: disclaimers, "subscribe" pleas, credit lines of a translation group, a YouTube
 * channel's blurb under every video. Left in, they make every article of one source look
 * alike and pull unrelated reports into one event.
 *
 * Counts are kept in a count-min sketch (two hashed tables of saturating byte counters), so
 * memory stays fixed however large the archive grows: 2 × 2^20 bytes.
 */
export class RepeatedLines {
  private readonly a: Uint8Array
  private readonly b: Uint8Array
  private readonly mask: number

  /**
   * @param minArticles a line seen in this many earlier articles is furniture
   * @param minChars shorter lines are never counted (dates, "……" repeat by chance)
   */
  constructor(
    private readonly minArticles = 3,
    private readonly minChars = 8,
    bits = 20,
  ) {
    this.a = new Uint8Array(1 << bits)
    this.b = new Uint8Array(1 << bits)
    this.mask = (1 << bits) - 1
  }

  /** Counts each distinct line of one article once. */
  observe(lines: Iterable<string>): void {
    this.sift([...lines], true)
  }

  /**
   * Which of an article's lines are repeated (`isRepeated`, as the counts stood before), then,
   * if `count`, counts them (`observe`): each line is keyed and hashed once for both.
   */
  sift(lines: readonly string[], count: boolean): boolean[] {
    const repeated: boolean[] = new Array(lines.length)
    // The lines counted so far, by their first hash: a line is counted once per article.
    const seen = new Map<number, number[]>()
    const slots: number[] = []
    for (let k = 0; k < lines.length; k++) {
      repeated[k] = false
      if (!this.hashKey(lines[k])) continue
      const h1 = keyHash1
      const h2 = keyHash2
      const i = h1 & this.mask
      const j = h2 & this.mask
      repeated[k] = Math.min(this.a[i], this.b[j]) >= this.minArticles
      if (!count) continue
      const same = seen.get(h1)
      if (same?.some((o) => keyOf(lines[o]) === keyOf(lines[k]))) continue
      if (same) same.push(k)
      else seen.set(h1, [k])
      slots.push(i, j)
    }
    for (let s = 0; s < slots.length; s += 2) {
      if (this.a[slots[s]] < 255) this.a[slots[s]]++
      if (this.b[slots[s + 1]] < 255) this.b[slots[s + 1]]++
    }
    return repeated
  }

  isRepeated(line: string): boolean {
    return this.sift([line], false)[0]
  }

  /** In how many earlier articles a line was counted, as far as the sketch tells (never fewer); 0 for a line too short to count. */
  count(line: string): number {
    if (!this.hashKey(line)) return 0
    return Math.min(this.a[keyHash1 & this.mask], this.b[keyHash2 & this.mask])
  }

  /**
   * Hashes a line's key (`keyOf`) into keyHash1 and keyHash2 as it reads the line, without
   * making the key: false when the key is too short to count. (Making each key, a trimmed copy
   * with its numbers masked, was most of the cost of sifting an article.)
   */
  private hashKey(line: string): boolean {
    let start = 0
    let end = line.length
    while (start < end && isTrimmed(line.charCodeAt(start))) start++
    while (end > start && isTrimmed(line.charCodeAt(end - 1))) end--
    let h1 = FNV_OFFSET
    let h2 = SECOND_SEED
    let n = 0
    for (let p = start; p < end && n < MAX_KEY_CHARS; p++, n++) {
      let c = line.charCodeAt(p)
      if (isDigit(c)) {
        while (p + 1 < end && isDigit(line.charCodeAt(p + 1))) p++
        c = ZERO
      }
      h1 = fnvStep(h1, c)
      h2 = secondStep(h2, c)
    }
    keyHash1 = h1 >>> 0
    keyHash2 = h2 >>> 0
    return n >= this.minChars
  }
}

// Numbers vary in otherwise fixed lines (dates in a dateline, view counts): masked. What
// `hashKey` hashes, made as a string only to tell apart two lines of one article whose hashes agree.
const keyOf = (line: string) => line.trim().replace(/\d+/g, '0').slice(0, MAX_KEY_CHARS)

const MAX_KEY_CHARS = 200

// Two independent 32-bit string hashes (FNV-1a and a multiplicative one) of a line's key, as
// `hashKey` leaves them (two numbers rather than a new array per line).
let keyHash1 = 0
let keyHash2 = 0
const ZERO = 48
const isDigit = (c: number) => c >= 48 && c <= 57
// What String.prototype.trim takes off: white space and line terminators.
const isTrimmed = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
