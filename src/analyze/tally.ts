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
  private keys = new SortedKeys()
  private counts = new Int32Array(0)
  // Keys looked up or counted since the last pack, with their counts (0: not counted yet): a
  // batch looks its words up many times, a binary search once.
  private readonly recent = new Map<string, number>()

  get(key: string): number | undefined {
    let n = this.recent.get(key)
    if (n === undefined) {
      const i = this.keys.find(key)
      this.recent.set(key, (n = i < 0 ? 0 : this.counts[i]))
    }
    return n === 0 ? undefined : n
  }

  /**
   * The key's count, without remembering the look-up as `get` does: for keys mostly looked up
   * once and never counted (a day's counts asked about every word of every article).
   */
  peek(key: string): number | undefined {
    const n = this.recent.get(key)
    if (n !== undefined) return n === 0 ? undefined : n
    const i = this.keys.find(key)
    return i < 0 || this.counts[i] === 0 ? undefined : this.counts[i]
  }

  /** Adds one to the key's count. */
  increment(key: string): void {
    this.recent.set(key, (this.get(key) ?? 0) + 1)
  }

  /** How many keys have a count. */
  get size(): number {
    let added = 0
    for (const [k, n] of this.recent) if (n > 0 && this.keys.find(k) < 0) added++
    return this.keys.length + added
  }

  /**
   * Merges the keys counted since the last pack into the packed ones, leaving only flat values
   * behind (what a saved state should hold). The packed keys are copied in runs between the
   * places the new ones go (found by binary search), not cut into strings one by one: a batch
   * adds a few thousand keys to hundreds of thousands.
   */
  pack(): void {
    if (this.recent.size === 0) {
      this.keys.forget()
      return
    }
    const counts = Int32Array.from(this.counts)
    const added: Array<[string, number]> = []
    for (const [k, n] of this.recent) {
      const i = this.keys.find(k)
      if (i >= 0) counts[i] = n
      else if (n > 0) added.push([k, n])
    }
    added.sort((a, b) => (a[0] < b[0] ? -1 : 1))
    // Each added key goes before the packed key `at` (the first greater than it).
    const old = this.keys
    const at = added.map(([k]) => old.lowerBound(k))
    this.keys = old.inserted(added.map(([k]) => k), at)
    // Packed key i moves on by the number of added keys placed before it.
    const merged = new Int32Array(old.length + added.length)
    let from = 0
    for (let j = 0; j < added.length; j++) {
      merged.set(counts.subarray(from, at[j]), from + j)
      merged[at[j] + j] = added[j][1]
      from = at[j]
    }
    merged.set(counts.subarray(from), from + added.length)
    this.counts = merged
    this.recent.clear()
  }
}

/**
 * Sorted strings kept as one string and the end of each, for saving (a structured clone copies
 * two flat values, where an array of strings is copied string by string); found by binary search.
 */
export class SortedKeys {
  // The keys as strings, cut from `joined` on first look-up (not saved: see `forget`).
  private cut: string[] | undefined = undefined

  constructor(
    readonly joined: string = '',
    readonly ends: Int32Array = new Int32Array(0),
  ) {}

  /** Keys already sorted (by code unit, as `<` compares them) and distinct. */
  static of(sorted: readonly string[]): SortedKeys {
    const ends = new Int32Array(sorted.length)
    let end = 0
    for (let i = 0; i < sorted.length; i++) ends[i] = end += sorted[i].length
    return new SortedKeys(sorted.join(''), ends)
  }

  get length(): number {
    return this.ends.length
  }

  /** Drops the keys cut as strings: what is left is flat, to be saved. */
  forget(): void {
    this.cut = undefined
  }

  /**
   * Index of a key, or -1. Compares code units in place rather than cutting the keys into
   * strings: a batch looks up a few of a saved tally's keys, and cutting them all
   * cost more than the look-ups.
   */
  find(key: string): number {
    let lo = 0
    let hi = this.ends.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const c = this.compareAt(mid, key)
      if (c === 0) return mid
      if (c < 0) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /** Index of the first key not less than `key` (where it would go), by code unit. */
  lowerBound(key: string): number {
    let lo = 0
    let hi = this.ends.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.compareAt(mid, key) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /**
   * These keys with `keys` (sorted, none of them here) put in, each before the key of index
   * `at[j]` (`lowerBound`): the runs of keys between are copied as they are, not cut one by one.
   */
  inserted(keys: readonly string[], at: readonly number[]): SortedKeys {
    const ends = new Int32Array(this.ends.length + keys.length)
    const parts: string[] = []
    let from = 0
    // Characters of the keys put in so far.
    let shift = 0
    for (let j = 0; j <= keys.length; j++) {
      const to = j < keys.length ? at[j] : this.ends.length
      for (let i = from; i < to; i++) ends[i + j] = this.ends[i] + shift
      const end = to === 0 ? 0 : this.ends[to - 1]
      parts.push(this.joined.slice(from === 0 ? 0 : this.ends[from - 1], end))
      if (j < keys.length) {
        shift += keys[j].length
        ends[to + j] = end + shift
        parts.push(keys[j])
      }
      from = to
    }
    return new SortedKeys(parts.join(''), ends)
  }

  /** The i-th key against another, by code unit as `<` orders strings: negative when the i-th is less. */
  private compareAt(i: number, key: string): number {
    const start = i === 0 ? 0 : this.ends[i - 1]
    const length = this.ends[i] - start
    const n = Math.min(length, key.length)
    for (let j = 0; j < n; j++) {
      const d = this.joined.charCodeAt(start + j) - key.charCodeAt(j)
      if (d !== 0) return d
    }
    return length - key.length
  }

  strings(): readonly string[] {
    if (!this.cut) {
      const out: string[] = new Array(this.ends.length)
      for (let i = 0, start = 0; i < out.length; i++) out[i] = this.joined.slice(start, (start = this.ends[i]))
      this.cut = out
    }
    return this.cut
  }

}
