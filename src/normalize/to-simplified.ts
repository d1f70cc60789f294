import * as OpenCC from 'opencc-js'

// Hong Kong / Traditional → Simplified with exactly the output of opencc-js's
// `Converter({ from: 'hk', to: 'cn' })`, several times faster.
//
// Why by hand: opencc-js was most of the cost of folding. Measured with bench/fold.ts on the
// dev corpus (10,000 texts of ~5,800 characters, three quarters with Traditional): folding
// took 4.4–4.9 s, of which NFKC ~0.3 s; opencc-js alone took ~0.5 ms per Traditional text,
// this converter ~0.09 ms. opencc-js's tries are Maps of Maps looked up for every code point
// of every pass, each match allocates an object, and every pass builds an array of pieces to
// join. Folded text feeds dedupe fingerprints, the FTS index and clustering
// features already stored, so the output must not change at all: the dictionaries and their
// precedence come from opencc-js itself (its own `Trie` loads them; we only re-index the loaded
// tries), and the pass structure below copies its `hk2s` config step for step.
//
// opencc-js's hk2s converter is three stages:
//  1. normalization: one trie pass with CJK_Compatibility_Ideographs;
//  2. segmentation of that result by a TSPhrases trie: each phrase match is a segment, and the
//     unmatched text between matches is one segment;
//  3. every segment converted on its own by each conversion group in turn (HK variants, then
//     TSPhrases + TSCharacters), so no match of stage 3 crosses a segment boundary.
// A trie pass (opencc-js `Trie.convert`) is greedy longest match from left to right; where
// nothing matches it copies one code point, or a whole ideographic description sequence
// (⿰木風 is copied as is, its parts are not converted).
//
// The passes are kept apart, one per stage and group as in opencc-js: a later pass can match
// across the boundary of an earlier pass's replacement, so merging them would need a proof per
// dictionary and could break on a data update. What is saved is the cost per character: a flat
// per-code-unit table says whether anything can start at a unit (most units: no, and they are
// copied after one table read), the longest match walks Maps only where a key starts, no object
// is allocated per match, a pass that changes nothing returns its input, and one that changes
// something writes UTF-16 units into a reused buffer. Segments that are a TSPhrases key (a
// small set) get their converted form remembered on the trie node. On top of that the text is
// cut where no pass can see across (`buildConverter`, with the argument), and only the short
// runs between cuts go through the passes.

interface LoadedNode extends Map<number, LoadedNode> {
  trie_val?: string
}

interface HkToCnConfig {
  normalizationChain: readonly (readonly string[])[]
  segmentation: readonly string[]
  conversionChain: readonly (readonly string[])[]
}

class Node {
  next: Map<number, Node> | undefined = undefined
  /** For a segmentation node: the segment's converted form, once computed. */
  converted: string | undefined = undefined
  constructor(readonly value: string | undefined) {}
}

// Unit flags: PLAIN = nothing starts at this code unit, copy it; SIMPLE = a one-unit key that
// starts no longer key, with a one-unit value: replace it without a look-up; LOOKUP = the
// longest match (a longer key starts with it, or it is a surrogate or an ideographic
// description character, which need opencc-js's code-point and IDS handling).
const PLAIN = 0
const SIMPLE = 1
const LOOKUP = 2

// The output buffer of a pass that replaces something, shared (passes never nest) and grown
// as needed; decoded as UTF-16LE, which copies, so the next pass may overwrite it.
let scratch = Buffer.alloc(1 << 16)
let units = new Uint16Array(scratch.buffer, scratch.byteOffset, scratch.length >> 1)

function reserve(n: number): Uint16Array {
  if (units.length < n) {
    scratch = Buffer.alloc(2 * Math.max(n, 2 * units.length))
    units = new Uint16Array(scratch.buffer, scratch.byteOffset, scratch.length >> 1)
  }
  return units
}

function grow(n: number): Uint16Array {
  const old = units
  reserve(n)
  units.set(old)
  return units
}

const decode = (w: number): string => scratch.toString('utf16le', 0, 2 * w)

function isIdsOperator(cp: number): boolean {
  return cp >= 0x2ff0 && cp <= 0x2fff
}

/** The code point at i, not pairing a high surrogate with a unit at or past `end`. */
function codePointIn(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = s.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000
  }
  return c
}

const unitsOf = (cp: number): number => (cp > 0xffff ? 2 : 1)

// opencc-js getIdeographicDescriptionArity / …SequenceEnd / getUnmatchedLength, with the
// string's length replaced by `end` (opencc-js converts each segment as its own string).
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2
  return 0
}

function idsEnd(s: string, i: number, end: number): number {
  const cp = codePointIn(s, i, end)
  const arity = idsArity(cp)
  if (arity === 0) return 0
  let j = i + unitsOf(cp)
  for (let n = 0; n < arity; n++) {
    if (j >= end) return 0
    const child = idsEnd(s, j, end)
    j = child || j + unitsOf(codePointIn(s, j, end))
  }
  return j
}

function unmatchedLength(s: string, i: number, end: number): number {
  const cp = codePointIn(s, i, end)
  if (isIdsOperator(cp)) {
    const e = idsEnd(s, i, end)
    if (e > i) return e - i
  }
  return unitsOf(cp)
}

/** One opencc-js trie, re-indexed: flat tables for the first code point, Maps below. */
class FastTrie {
  private readonly flags = new Uint8Array(0x10000)
  private readonly bmp: (Node | undefined)[] = new Array<Node | undefined>(0x10000).fill(undefined)
  private readonly astral = new Map<number, Node>()
  /** For SIMPLE units: the value's one unit. */
  private readonly simple = new Uint16Array(0x10000)
  /** Every code point of every key. */
  readonly keyCodePoints = new Set<number>()
  /** Does some value contain an ideographic description character? */
  valuesHaveIds = false
  /** The node of the last successful `longest` (instead of allocating a match object). */
  best: Node | undefined = undefined

  constructor(groupOrDicts: readonly string[]) {
    const loaded = new OpenCC.Trie()
    loaded.loadDictGroup(groupOrDicts as string[])
    const root = (loaded as unknown as { map: LoadedNode }).map
    for (const [cp, child] of root) {
      this.keyCodePoints.add(cp)
      const node = compile(child, this)
      if (cp > 0xffff) this.astral.set(cp, node)
      else this.bmp[cp] = node
    }
    for (let c = 0; c < 0x10000; c++) {
      const node = this.bmp[c]
      if ((c >= 0xd800 && c <= 0xdfff) || isIdsOperator(c)) this.flags[c] = LOOKUP
      else if (node === undefined) this.flags[c] = PLAIN
      else if (node.next === undefined && node.value !== undefined && node.value.length === 1) {
        this.flags[c] = SIMPLE
        this.simple[c] = node.value.charCodeAt(0)
      } else this.flags[c] = LOOKUP
    }
  }

  /** End of the longest key starting at i (0 if none); its node is left in `best`. */
  longest(s: string, i: number, end: number): number {
    let cp = codePointIn(s, i, end)
    let j = i + unitsOf(cp)
    let node = cp > 0xffff ? this.astral.get(cp) : this.bmp[cp]
    if (node === undefined) return 0
    let k = 0
    if (node.value !== undefined) {
      k = j
      this.best = node
    }
    while (node.next !== undefined && j < end) {
      cp = codePointIn(s, j, end)
      j += unitsOf(cp)
      node = node.next.get(cp)
      if (node === undefined) break
      if (node.value !== undefined) {
        k = j
        this.best = node
      }
    }
    return k
  }

  /** opencc-js `Trie.convert(s.slice(start, end))`. */
  convert(s: string, start: number, end: number): string {
    const flags = this.flags
    let i = start
    // Until the first replacement nothing is written: a pass that changes nothing costs one
    // table look-up per unit and returns its input.
    while (i < end) {
      const f = flags[s.charCodeAt(i)]
      if (f === PLAIN) {
        i++
        continue
      }
      if (f === SIMPLE) break
      const k = this.longest(s, i, end)
      if (k > 0) break
      i += unmatchedLength(s, i, end)
    }
    if (i >= end) return start === 0 && end === s.length ? s : s.slice(start, end)
    return this.convertFrom(s, start, i, end)
  }

  /**
   * The rest of `convert` once a replacement is found at i: the output is written as UTF-16
   * units into one reused buffer (string concatenation per match was most of the cost).
   */
  private convertFrom(s: string, start: number, i: number, end: number): string {
    const flags = this.flags
    const simple = this.simple
    let out = reserve(end - start + 16)
    let w = 0
    for (let j = start; j < i; j++) out[w++] = s.charCodeAt(j)
    while (i < end) {
      const c = s.charCodeAt(i)
      const f = flags[c]
      if (f === PLAIN) {
        out[w++] = c
        i++
      } else if (f === SIMPLE) {
        out[w++] = simple[c]
        i++
      } else {
        const k = this.longest(s, i, end)
        if (k > 0) {
          const v = this.best!.value!
          if (w + v.length + (end - k) > out.length) out = grow(w + v.length + (end - k))
          for (let j = 0; j < v.length; j++) out[w++] = v.charCodeAt(j)
          i = k
        } else {
          const e = i + unmatchedLength(s, i, end)
          while (i < e) out[w++] = s.charCodeAt(i++)
        }
      }
    }
    return decode(w)
  }

  /**
   * opencc-js `Trie.segment`, handing each segment to `unmatched` or `matched` as it is found
   * (no array of segments).
   */
  segments(s: string, unmatched: (s: string, start: number, end: number) => string, matched: (node: Node, key: string) => string): string {
    const flags = this.flags
    const n = s.length
    let out = ''
    let runStart = 0
    let i = 0
    while (i < n) {
      if (flags[s.charCodeAt(i)] === PLAIN) {
        i++
        continue
      }
      const k = this.longest(s, i, n)
      if (k > 0) {
        if (i > runStart) out += unmatched(s, runStart, i)
        const node = this.best!
        out += node.converted ?? (node.converted = matched(node, s.slice(i, k)))
        i = runStart = k
      } else {
        i += unmatchedLength(s, i, n)
      }
    }
    if (runStart < n) out += unmatched(s, runStart, n)
    return out
  }
}

function compile(loaded: LoadedNode, trie: FastTrie): Node {
  const node = new Node(loaded.trie_val)
  if (node.value !== undefined && /[\u2ff0-\u2fff]/.test(node.value)) trie.valuesHaveIds = true
  if (loaded.size > 0) {
    node.next = new Map()
    for (const [cp, child] of loaded) {
      trie.keyCodePoints.add(cp)
      node.next.set(cp, compile(child, trie))
    }
  }
  return node
}

function hkToCnConfig(): HkToCnConfig {
  const configs = OpenCC.Locale.configs as unknown as Record<string, Partial<HkToCnConfig> | undefined>
  const c = configs.hk2s
  const isDicts = (g: unknown): g is string[] => Array.isArray(g) && g.every((d) => typeof d === 'string')
  // Converter({ from: 'hk', to: 'cn' }) runs this config; if a new opencc-js changes its shape,
  // fail loudly rather than convert differently from the library.
  if (!c || !Array.isArray(c.normalizationChain) || c.normalizationChain.length !== 1 || !c.normalizationChain.every(isDicts)
    || !isDicts(c.segmentation) || !Array.isArray(c.conversionChain) || c.conversionChain.length === 0 || !c.conversionChain.every(isDicts))
    throw new Error('opencc-js hk2s config has an unexpected shape: check src/normalize/to-simplified.ts against the new version')
  return c as HkToCnConfig
}

function buildPasses(): { passes: (s: string) => string; tries: FastTrie[] } {
  const config = hkToCnConfig()
  const normalize = new FastTrie(config.normalizationChain[0])
  const segmenter = new FastTrie(config.segmentation)
  const chain = config.conversionChain.map((group) => new FastTrie(group))

  const convertRange = (s: string, start: number, end: number): string => {
    let t = chain[0].convert(s, start, end)
    for (let g = 1; g < chain.length; g++) t = chain[g].convert(t, 0, t.length)
    return t
  }
  const convertKey = (_: Node, key: string): string => convertRange(key, 0, key.length)

  const passes = (s: string): string => segmenter.segments(normalize.convert(s, 0, s.length), convertRange, convertKey)
  return { passes, tries: [normalize, segmenter, ...chain] }
}

// Splitting at units no key contains. Each pass above still reads every unit of the text, and
// at ~4 passes that was most of what was left (a bare table look-up loop over 10,000 articles
// took ~0.27 s). But a unit u that occurs in no key of any dictionary (88% of the corpus's
// units) cuts every pass cleanly, so F(L u R) = F(L) u F(R) for the whole converter F:
//  - a trie pass never matches across u (matching walks key code points), reaches u exactly
//    (matches and steps end on code-point boundaries, and u is no surrogate), copies it (no key
//    starts with it) and then reads R as it would alone; its output around u is u;
//  - segmentation likewise: u joins the unmatched run around it, and the conversion chain on
//    that run splits at u by the same argument, pass after pass (u is still no key unit there);
//  - except for ideographic description sequences, whose parts are arbitrary characters: a
//    text containing an ideographic description character (U+2FF0–U+2FFF) goes through the
//    passes whole, and so does every text if some value contained one (none does today).
// So only the runs of key units are converted, each on its own, and a run seen before is
// taken from a small cache (news text repeats the same few thousand such runs).
const SEPARATOR = 0
const KEY_UNIT = 1
const IDS_UNIT = 2
const CACHE_MAX_ENTRIES = 50_000
const CACHE_MAX_UNITS = 16

function buildConverter(): { split: (s: string) => string; passes: (s: string) => string } {
  const { passes, tries } = buildPasses()
  if (tries.some((t) => t.valuesHaveIds)) return { split: passes, passes }
  const kind = new Uint8Array(0x10000)
  for (const t of tries) for (const cp of t.keyCodePoints) if (cp <= 0xffff) kind[cp] = KEY_UNIT
  for (let c = 0xd800; c <= 0xdfff; c++) kind[c] = KEY_UNIT // astral key code points, and lone halves: never cut there
  for (let c = 0x2ff0; c <= 0x2fff; c++) kind[c] = IDS_UNIT

  // Runs of one or two units (87% of runs in the corpus) are remembered in tables keyed by
  // their codes, so no string is made for them unless they change; longer runs by string.
  const SAME = null // a run that converts to itself
  const ones: (string | null | undefined)[] = new Array<string | null | undefined>(0x10000).fill(undefined)
  const twos: (Map<number, string | null> | undefined)[] = new Array<Map<number, string | null> | undefined>(0x10000).fill(undefined)
  let cache = new Map<string, string>()
  // Pairs remembered, counted so the tables stay bounded in a long-running process (a server
  // folding every query): past the cap they start again, as the cache of longer runs does.
  let pairs = 0
  const convertLong = (run: string): string => {
    if (run.length > CACHE_MAX_UNITS) return passes(run)
    let converted = cache.get(run)
    if (converted === undefined) {
      converted = passes(run)
      if (cache.size >= CACHE_MAX_ENTRIES) cache = new Map()
      cache.set(run, converted)
    }
    return converted
  }
  const convertOne = (c: number): string | null => {
    let converted = ones[c]
    if (converted === undefined) {
      const run = String.fromCharCode(c)
      const out = passes(run)
      ones[c] = converted = out === run ? SAME : out
    }
    return converted
  }
  const convertTwo = (c: number, d: number): string | null => {
    if (pairs >= CACHE_MAX_ENTRIES) {
      twos.fill(undefined)
      pairs = 0
    }
    let m = twos[c]
    if (m === undefined) twos[c] = m = new Map()
    let converted = m.get(d)
    if (converted === undefined) {
      const run = String.fromCharCode(c, d)
      const out = passes(run)
      m.set(d, (converted = out === run ? SAME : out))
      pairs++
    }
    return converted
  }

  const split = (s: string): string => {
    const n = s.length
    let out = ''
    let copied = 0
    let i = 0
    while (i < n) {
      const c = s.charCodeAt(i)
      const k = kind[c]
      if (k === SEPARATOR) {
        i++
        continue
      }
      if (k === IDS_UNIT) return passes(s)
      const start = i
      let ids = false
      while (++i < n) {
        const k2 = kind[s.charCodeAt(i)]
        if (k2 === SEPARATOR) break
        if (k2 === IDS_UNIT) ids = true
      }
      if (ids) return passes(s)
      let converted: string | null
      if (i - start === 1) converted = convertOne(c)
      else if (i - start === 2) converted = convertTwo(c, s.charCodeAt(start + 1))
      else {
        const run = s.slice(start, i)
        converted = convertLong(run)
        if (converted === run) converted = SAME
      }
      if (converted !== SAME) {
        out += s.slice(copied, start) + converted
        copied = i
      }
    }
    return copied === 0 ? s : out + s.slice(copied)
  }
  return { split, passes }
}

const converter = buildConverter()

/** Exactly opencc-js `Converter({ from: 'hk', to: 'cn' })(s)`, faster. */
export const hkToSimplified: (s: string) => string = converter.split

/** The same, without splitting the text first: every pass over the whole text (for tests). */
export const hkToSimplifiedWhole: (s: string) => string = converter.passes
