import { FNV_OFFSET, fnvStep } from '../text/hash.js'

/**
 * A week of the index in flat values: its terms joined (`ends[i]` is where the i-th ends), and
 * for each the number of events holding it that week (`sizes`), all the events one after another.
 */
export interface PackedWeek {
  readonly terms: string
  readonly ends: Int32Array
  readonly sizes: Int32Array
  readonly events: Int32Array
}

const EMPTY: PackedWeek = { terms: '', ends: new Int32Array(0), sizes: new Int32Array(0), events: new Int32Array(0) }

/** A term's hash as `IndexWeek` looks it up: computed once by a caller that asks several weeks. */
export function termHash(term: string): number {
  let h = FNV_OFFSET
  for (let i = 0; i < term.length; i++) h = fnvStep(h, term.charCodeAt(i))
  return h
}

/**
 * One week of the clusterer's inverted index: for each term, the events holding it among a
 * member's strongest words that week, in the order they were added (which decides which
 * undated event is dropped first).
 *
 * A week loaded from saved state stays as it was saved (`PackedWeek`), found by a hash table of
 * its terms' places, and only the terms written since are kept apart, as Sets: the saved terms
 * are never made into strings and Map entries (which, for every term of the hundreds of weeks a
 * batch spread over years loads, cost more than the rest of loading), and packing it again copies
 * the unwritten terms' events in blocks rather than walking every term. Once packed for saving,
 * the packed form is what it holds, and the written Sets are let go.
 */
export class IndexWeek {
  private packed: PackedWeek
  // Where each packed term's events start in `packed.events` (one more: the end).
  private offsets: Int32Array
  // Open addressing, one number a slot: a packed term's place + 1 (0: empty), compared by its
  // length, then its characters. Built when first asked: a week holding no packed terms needs
  // none. Two bytes a slot while the places fit: a restored update builds the table of every
  // week it loads (hundreds, half a million terms) for a few lookups each, and on this kind of
  // machine the fresh memory (page faults), more than hashing, was most of the time (12 MB with a
  // hash and a place of four bytes each a slot; 3 MB so).
  private table: Uint16Array | Int32Array | undefined
  // Packed terms written since, by place; and terms not in the packed form, in the order first written.
  private readonly written = new Map<number, Set<number>>()
  private readonly added = new Map<string, Set<number>>()

  constructor(packed: PackedWeek = EMPTY) {
    this.packed = packed
    this.offsets = offsetsOf(packed.sizes)
  }

  /** Has it changed since it was loaded or last packed? */
  get isWritten(): boolean {
    return this.written.size > 0 || this.added.size > 0
  }

  /** Calls `fn` with each event holding the term (`hash`: `termHash(term)`), in order; returns how many. */
  each(term: string, hash: number, fn: (idx: number) => void): number {
    const i = this.find(term, hash)
    const set = i >= 0 ? this.written.get(i) : this.added.get(term)
    if (set) {
      for (const idx of set) fn(idx)
      return set.size
    }
    if (i < 0) return 0
    const events = this.packed.events
    const end = this.offsets[i + 1]
    for (let k = this.offsets[i]; k < end; k++) fn(events[k])
    return end - this.offsets[i]
  }

  /** The events holding the term, to add to (made from the packed ones when first written). */
  writable(term: string, hash: number): Set<number> {
    const i = this.find(term, hash)
    let set = i >= 0 ? this.written.get(i) : this.added.get(term)
    if (set) return set
    if (i >= 0) this.written.set(i, (set = new Set(this.packed.events.subarray(this.offsets[i], this.offsets[i + 1]))))
    else this.added.set(term, (set = new Set()))
    return set
  }

  /**
   * What a saved state keeps of the week: its packed terms in their order with the written ones'
   * events as they are now, then the terms added since. It becomes the week's packed form.
   */
  pack(): PackedWeek {
    if (!this.isWritten) return this.packed
    const p = this.packed
    const n = p.ends.length
    const newTerms = [...this.added.keys()]
    const sizes = new Int32Array(n + newTerms.length)
    const ends = new Int32Array(n + newTerms.length)
    sizes.set(p.sizes)
    ends.set(p.ends)
    for (const [i, set] of this.written) sizes[i] = set.size
    let end = p.terms.length
    for (let k = 0; k < newTerms.length; k++) {
      sizes[n + k] = this.added.get(newTerms[k])!.size
      ends[n + k] = end += newTerms[k].length
    }
    let total = 0
    for (let i = 0; i < sizes.length; i++) total += sizes[i]
    const events = new Int32Array(total)
    // The packed terms not written since are copied a run at a time, between the written ones.
    const offsets = this.offsets
    let at = 0
    let from = 0
    for (const i of [...this.written.keys()].sort((a, b) => a - b)) {
      events.set(p.events.subarray(offsets[from], offsets[i]), at)
      at += offsets[i] - offsets[from]
      for (const idx of this.written.get(i)!) events[at++] = idx
      from = i + 1
    }
    events.set(p.events.subarray(offsets[from], offsets[n]), at)
    at += offsets[n] - offsets[from]
    for (const term of newTerms) for (const idx of this.added.get(term)!) events[at++] = idx
    const packed: PackedWeek = { terms: newTerms.length ? p.terms + newTerms.join('') : p.terms, ends, sizes, events }
    this.packed = packed
    this.offsets = offsetsOf(sizes)
    this.written.clear()
    this.added.clear()
    // The terms keep their places: the table takes the new ones when it has room for them.
    if (this.table && 2 * ends.length <= this.table.length && fitsPlaces(this.table, ends.length)) for (let i = n; i < ends.length; i++) this.insert(this.hashAt(i), i)
    else this.table = undefined
    return packed
  }

  /** The place of a term in the packed form, or -1. */
  private find(term: string, hash: number): number {
    const n = this.packed.ends.length
    if (n === 0) return -1
    const table = this.table ?? this.build()
    const mask = table.length - 1
    const { terms, ends } = this.packed
    for (let k = hash & mask; ; k = (k + 1) & mask) {
      const place = table[k]
      if (place === 0) return -1
      const i = place - 1
      const start = i === 0 ? 0 : ends[i - 1]
      if (ends[i] - start === term.length && terms.startsWith(term, start)) return i
    }
  }

  private build(): Uint16Array | Int32Array {
    const n = this.packed.ends.length
    let size = 8
    while (size < 2 * n) size *= 2
    this.table = n < MAX_SHORT_PLACE ? new Uint16Array(size) : new Int32Array(size)
    for (let i = 0; i < n; i++) this.insert(this.hashAt(i), i)
    return this.table
  }

  private insert(hash: number, i: number): void {
    const table = this.table!
    const mask = table.length - 1
    let k = hash & mask
    while (table[k] !== 0) k = (k + 1) & mask
    table[k] = i + 1
  }

  private hashAt(i: number): number {
    const { terms, ends } = this.packed
    let h = FNV_OFFSET
    for (let p = i === 0 ? 0 : ends[i - 1]; p < ends[i]; p++) h = fnvStep(h, terms.charCodeAt(p))
    return h
  }
}

// Places + 1 up to this fit a two-byte slot.
const MAX_SHORT_PLACE = 0xffff

/** Can the table hold the places + 1 of `count` terms? */
const fitsPlaces = (table: Uint16Array | Int32Array, count: number) => table instanceof Int32Array || count < MAX_SHORT_PLACE

function offsetsOf(sizes: Int32Array): Int32Array {
  const offsets = new Int32Array(sizes.length + 1)
  for (let i = 0; i < sizes.length; i++) offsets[i + 1] = offsets[i] + sizes[i]
  return offsets
}
