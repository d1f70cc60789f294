import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Jieba } from '@node-rs/jieba'
import { NameTags } from './name-tags.js'
import { userDictionary } from './user-dict.js'

const require = createRequire(import.meta.url)

let jieba: Jieba | undefined
// Loading the dictionary takes ~200 ms; only commands that segment pay for it. The user
// dictionary (outlet names, the entity table) keeps names whole: 斯托尔滕贝格, not 斯托尔/滕/贝格.
/** The shared jieba, loaded once (segmentation and part-of-speech tagging use the same). */
export function instance(): Jieba {
  if (!jieba) {
    // dict.txt read here, not through '@node-rs/jieba/dict': that module also reads idf.txt
    // and keeps both buffers (11 MB) for the life of every thread that segments.
    jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')))
    jieba.loadDict(Buffer.from(userDictionaryText()))
  }
  return jieba
}

let userDict: string | undefined
const userDictionaryText = () => (userDict ??= userDictionary())

let nameTags: NameTags | undefined
/** The tags of the shared jieba's dictionaries, as its tagger would give them (`NameTags`). */
export function dictionaryNameTags(): NameTags {
  nameTags ??= NameTags.of(dictionaries())
  return nameTags
}

const dictionaries = () => [readFileSync(require.resolve('@node-rs/jieba/dict.txt')), Buffer.from(userDictionaryText())]

/** Indexes the shared jieba's tags once, for every later process (`shipped/compile.ts`). */
export function compileNameTags(dir?: string): void {
  NameTags.compile(dictionaries(), dir)
}

const WORD = /[\p{L}\p{N}]/u

const isIdeograph = (code: number) => code >= 0x4e00 && code <= 0x9fff

/** Tokens with a letter or digit, trimmed. Most tokens are Chinese words: no regex for those. */
function words(tokens: string[]): string[] {
  const out: string[] = []
  for (const t of tokens) {
    // Starts and ends with an ideograph: a letter, nothing to trim (the same as the slow path).
    if (isIdeograph(t.charCodeAt(0)) && isIdeograph(t.charCodeAt(t.length - 1))) out.push(t)
    else if (WORD.test(t)) out.push(t.trim())
  }
  return out
}

/** Words of folded text, in order, punctuation and spaces dropped. */
export function segment(folded: string): string[] {
  return words(instance().cut(folded, true))
}

/** Every dictionary word inside folded text (jieba's full mode: overlapping, 美俄峰会 → 美俄, 峰会…). */
export function dictionaryWords(folded: string): string[] {
  return words(instance().cutAll(folded))
}

// Sub-words per long word, memoised: news vocabulary repeats, so after warm-up almost every
// long word is a lookup instead of a native call. Bounded so a huge archive cannot grow it forever.
const SUBWORD_MEMO_MAX = 200_000
const subwordMemo = new Map<string, readonly string[]>()

/** Sub-words of long words (日内瓦峰会 → 日内瓦, 峰会) so a search for a part still finds the whole. */
export function subwords(ws: readonly string[]): string[] {
  const out: string[] = []
  for (const w of ws) {
    if (w.length <= 2) continue
    let subs = subwordMemo.get(w)
    if (!subs) {
      subs = words(instance().cutForSearch(w, true)).filter((s) => s !== w)
      if (subwordMemo.size >= SUBWORD_MEMO_MAX) subwordMemo.clear()
      subwordMemo.set(w, subs)
    }
    for (const s of subs) out.push(s)
  }
  return out
}

/**
 * Words of folded text that look like names: tagged as a person, place, organisation or other
 * proper noun, or unknown to the dictionary and found by the HMM (法马通, 徐渊冲: mostly names).
 */
export function nameWords(folded: string): Set<string> {
  const out = new Set<string>()
  segmentNaming(folded, out)
  return out
}

/**
 * `segment` and `nameWords` of one text from one jieba pass: the tagger cuts as `cut` does and
 * tags each word by itself (from the dictionary, else by its characters), so the cut is taken
 * and each word's tag looked up (`NameTags`); the names are added to `names`.
 */
export function segmentNaming(folded: string, names: Set<string>): string[] {
  const tokens = instance().cut(folded, true)
  const t = dictionaryNameTags()
  for (const word of tokens) if (word.length >= 2 && t.isName(word)) names.add(word)
  return words(tokens)
}
