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
    const seen = new Set<string>()
    const slots: number[] = []
    for (let k = 0; k < lines.length; k++) {
      const key = this.key(lines[k])
      repeated[k] = false
      if (key === undefined) continue
      const [h1, h2] = hashes(key)
      const i = h1 & this.mask
      const j = h2 & this.mask
      repeated[k] = Math.min(this.a[i], this.b[j]) >= this.minArticles
      if (!count || seen.has(key)) continue
      seen.add(key)
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

  // Numbers vary in otherwise fixed lines (dates in a dateline, view counts): masked.
  private key(line: string): string | undefined {
    const key = line.trim().replace(/\d+/g, '0').slice(0, MAX_KEY_CHARS)
    return key.length >= this.minChars ? key : undefined
  }
}

const MAX_KEY_CHARS = 200

// Two independent 32-bit string hashes (FNV-1a and a multiplicative one).
function hashes(s: string): [number, number] {
  let h1 = 0x811c9dc5
  let h2 = 0x9747b28c
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15)
  }
  return [h1 >>> 0, h2 >>> 0]
}
