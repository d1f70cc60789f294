import { keyOf, loadCompiled, saveCompiled } from '../shipped/compiled.js'
import { FNV_OFFSET, HASH_MODULE, SECOND_SEED, fnvStep, secondStep } from '../text/hash.js'

/** A saved `NameTags`: its two arrays. */
export interface NameTagIndex {
  readonly hashes: Int32Array
  readonly kinds: Uint8Array
}

// The code an index depends on: this module and the hashes it probes with.
const NAME_TAGS_CODE = [import.meta.url, HASH_MODULE]

/**
 * Which words jieba's tagger calls names, without calling the tagger. jieba's `tag` is its `cut`
 * with each word's part of speech looked up — the dictionary's tag (the first listing of a
 * word: loading a word again changes only its frequency), else 'x' for a word with no ASCII
 * letter or digit, 'm' for one whose ASCII letters and digits are all digits, 'eng' otherwise
 * (jieba-rs `Jieba::tag`). But it hands back an object per word, which cost more than the cut
 * itself: segmentation cuts, and asks here of each word of two or more characters.
 *
 * Hand-written rather than a Set of the dictionary's 350,000 words (seconds of a server's start
 * and tens of MB): each word is kept as two 32-bit hashes of its code points and its tag's
 * class, in open addressing. Two words whose 64 bits of hash agree would be taken for one:
 * a chance of about 2^-45 a look-up, far below anything the clustering could show.
 */
export class NameTags {
  readonly hashes: Int32Array
  // 0: empty; else IN_DICTIONARY, with NAME_TAG or X_TAG for the word's tag.
  readonly kinds: Uint8Array
  private readonly mask: number

  /**
   * `dictionaries`: jieba's dictionary files (`word freq tag` lines), in the order they were
   * loaded; or the index made of them before (`index`).
   */
  constructor(dictionaries: readonly Uint8Array[] | NameTagIndex, bits = 20) {
    if (!Array.isArray(dictionaries)) {
      const { hashes, kinds } = dictionaries as NameTagIndex
      if (hashes.length !== 2 * kinds.length || (kinds.length & (kinds.length - 1)) !== 0) throw new Error('not an index of name tags')
      this.hashes = hashes
      this.kinds = kinds
      this.mask = kinds.length - 1
      return
    }
    this.mask = (1 << bits) - 1
    this.hashes = new Int32Array(2 << bits)
    this.kinds = new Uint8Array(1 << bits)
    for (const bytes of dictionaries) this.index(bytes)
  }

  /**
   * The tags of these dictionaries from the index the build saved of them (`compile`), else
   * indexed now. The key holds the dictionaries' bytes and this code.
   */
  static of(dictionaries: readonly Uint8Array[], dir?: string): NameTags {
    const [hashes, kinds] = loadCompiled('name-tags', keyOf(dictionaries, NAME_TAGS_CODE), dir)?.arrays ?? []
    return hashes instanceof Int32Array && kinds instanceof Uint8Array ? new NameTags({ hashes, kinds }) : new NameTags(dictionaries)
  }

  /** Indexes the dictionaries and saves the index for `of` (at build time). */
  static compile(dictionaries: readonly Uint8Array[], dir?: string): void {
    const { hashes, kinds } = new NameTags(dictionaries)
    saveCompiled('name-tags', keyOf(dictionaries, NAME_TAGS_CODE), null, [hashes, kinds], dir)
  }

  /**
   * Would jieba's tagger give this word (as `cut` gives it) a name's tag — a person, place,
   * organisation or other proper noun — or, for a word of Chinese characters, none it knows
   * ('x': unknown to the dictionary and found by the HMM, mostly names)? One pass over the word
   * and one probe, not memoised: a memo of every word seen cost as much to look up, and kept
   * hundreds of thousands of strings alive for the collector to mark.
   */
  isName(word: string): boolean {
    let h1 = FNV_OFFSET
    let h2 = SECOND_SEED
    let asciiAlnum = false
    let cjk = false
    for (let i = 0; i < word.length; i++) {
      let c = word.charCodeAt(i)
      if (c >= 0x4e00 && c <= 0x9fff) cjk = true
      else if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) asciiAlnum = true
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < word.length) {
        const low = word.charCodeAt(i + 1)
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00)
          i++
        }
      }
      h1 = fnvStep(h1, c)
      h2 = secondStep(h2, c)
    }
    const kind = this.kinds[this.slotOf(h1, h2)]
    const tagX = kind === 0 ? !asciiAlnum : (kind & X_TAG) !== 0
    return (kind & NAME_TAG) !== 0 || (tagX && cjk)
  }

  /** The slot holding the hashes, or the empty slot where they would go. */
  private slotOf(h1: number, h2: number): number {
    let k = h1 & this.mask
    while (this.kinds[k] !== 0 && (this.hashes[2 * k] !== h1 || this.hashes[2 * k + 1] !== h2)) k = (k + 1) & this.mask
    return k
  }

  // Lines of `word freq tag`, fields split by white space as jieba splits them. One loop with no
  // allocation: it runs once a process over 5 MB, mostly before the optimising compiler steps in.
  private index(bytes: Uint8Array): void {
    for (let start = 0; start < bytes.length; ) {
      let end = bytes.indexOf(NEWLINE, start)
      if (end < 0) end = bytes.length
      let i = start
      while (i < end && isSpace(bytes[i])) i++
      const wordStart = i
      while (i < end && !isSpace(bytes[i])) i++
      const wordEnd = i
      while (i < end && isSpace(bytes[i])) i++ // the frequency
      while (i < end && !isSpace(bytes[i])) i++
      while (i < end && isSpace(bytes[i])) i++
      const tagStart = i
      while (i < end && !isSpace(bytes[i])) i++
      if (wordEnd > wordStart) this.add(bytes, wordStart, wordEnd, tagStart < i ? tagKind(bytes, tagStart, i) : IN_DICTIONARY)
      start = end + 1
    }
  }

  private add(bytes: Uint8Array, from: number, to: number, kind: number): void {
    let h1 = FNV_OFFSET
    let h2 = SECOND_SEED
    // The word's code points from its UTF-8: a leading byte starts one, continuation bytes add to it.
    for (let i = from; i < to; ) {
      const b = bytes[i]
      const more = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0
      let c = more === 3 ? b & 0x07 : more === 2 ? b & 0x0f : more === 1 ? b & 0x1f : b
      for (let k = 1; k <= more; k++) c = (c << 6) | (bytes[i + k] & 0x3f)
      i += more + 1
      h1 = fnvStep(h1, c)
      h2 = secondStep(h2, c)
    }
    const k = this.slotOf(h1, h2)
    if (this.kinds[k] !== 0) return // listed before: its first tag stands
    this.hashes[2 * k] = h1
    this.hashes[2 * k + 1] = h2
    this.kinds[k] = kind
  }
}

/** The kind of a dictionary word by its tag's bytes (read in place: a string a line cost most of indexing). */
function tagKind(bytes: Uint8Array, from: number, to: number): number {
  const length = to - from
  if (length === 1 && bytes[from] === X) return IN_DICTIONARY | X_TAG
  if (length < 2 || length > 4 || bytes[from] !== N) return IN_DICTIONARY
  for (const tag of NAME_TAG_BYTES) {
    if (tag.length !== length) continue
    let same = true
    for (let k = 1; same && k < length; k++) same = bytes[from + k] === tag[k]
    if (same) return IN_DICTIONARY | NAME_TAG
  }
  return IN_DICTIONARY
}

// jieba part-of-speech tags of proper names: person, place, organisation, other proper noun.
const NAME_TAG_BYTES = ['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz'].map((t) => new TextEncoder().encode(t))
const N = 0x6e // n, which every name tag starts with
const X = 0x78 // x
const IN_DICTIONARY = 1
const NAME_TAG = 2
const X_TAG = 4
const NEWLINE = 10
// ASCII white space (dictionary lines hold no other).
const isSpace = (b: number) => b === 32 || (b >= 9 && b <= 13)
