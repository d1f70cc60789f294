/**
 * Counts by string key, for an archive's word statistics (document frequencies of words and
 * headline pairs): hundreds of thousands of keys, of which a batch of new articles touches a
 * few thousand.
 *
 * Written by hand rather than kept as a Map because of what a saved clustering costs: a Map of
 * 300,000 counts is rebuilt entry by entry each time the state is restored and walked entry by
 * entry each time it is saved (most of the time of continuing a clustering at 100,000
 * articles). Here the keys counted before the last `pack` stay packed — sorted, as one string
 * with the end of each key, and their counts in a typed array — which a structured clone copies
 * as three flat values; they are found by binary search. Keys counted since live in a Map until
 * the next `pack` merges them in.
 */
export class Tally {
  private keys = ''
  private ends = new Int32Array(0)
  private counts = new Int32Array(0)
  // The packed keys as strings, cut from `keys` on first look-up (not saved: see `pack`).
  private cut: string[] | undefined = undefined
  // Keys looked up or counted since the last pack, with their counts (0: not counted yet): a
  // batch looks its words up many times, a binary search once.
  private readonly recent = new Map<string, number>()

  get(key: string): number | undefined {
    let n = this.recent.get(key)
    if (n === undefined) {
      const i = this.find(key)
      this.recent.set(key, (n = i < 0 ? 0 : this.counts[i]))
    }
    return n === 0 ? undefined : n
  }

  /** Adds one to the key's count. */
  increment(key: string): void {
    this.recent.set(key, (this.get(key) ?? 0) + 1)
  }

  /** How many keys have a count. */
  get size(): number {
    let added = 0
    for (const [k, n] of this.recent) if (n > 0 && this.find(k) < 0) added++
    return this.ends.length + added
  }

  /**
   * Merges the keys counted since the last pack into the packed ones, leaving only flat values
   * behind (what a saved state should hold). Costs one pass over the keys.
   */
  pack(): void {
    if (this.recent.size === 0) {
      this.cut = undefined
      return
    }
    const counts = Int32Array.from(this.counts)
    const added: Array<[string, number]> = []
    for (const [k, n] of this.recent) {
      const i = this.find(k)
      if (i >= 0) counts[i] = n
      else if (n > 0) added.push([k, n])
    }
    added.sort((a, b) => (a[0] < b[0] ? -1 : 1))
    const old = this.strings()
    const total = old.length + added.length
    const keys: string[] = new Array(total)
    const ends = new Int32Array(total)
    const merged = new Int32Array(total)
    let end = 0
    for (let i = 0, j = 0, o = 0; o < total; o++) {
      const fromOld = j >= added.length || (i < old.length && old[i] < added[j][0])
      const [k, n] = fromOld ? [old[i], counts[i++]] : added[j++]
      keys[o] = k
      merged[o] = n
      ends[o] = end += k.length
    }
    this.keys = keys.join('')
    this.ends = ends
    this.counts = merged
    this.cut = undefined
    this.recent.clear()
  }

  /** Index of a packed key, or -1. */
  private find(key: string): number {
    const keys = this.strings()
    let lo = 0
    let hi = keys.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const k = keys[mid]
      if (k === key) return mid
      if (k < key) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  private strings(): string[] {
    if (!this.cut) {
      const out: string[] = new Array(this.ends.length)
      for (let i = 0, start = 0; i < out.length; i++) out[i] = this.keys.slice(start, (start = this.ends[i]))
      this.cut = out
    }
    return this.cut
  }
}
