// Spellings of one name or term that folding (Traditional → Simplified, width) does not reach:
// a foreign name transliterated with different characters of one sound (休斯顿 / 休斯敦 / 休士顿),
// and a term written short by dropping characters (总领馆 for 总领事馆).
import { idfOf } from './keywords.js'

// Characters that transliterate one foreign sound and are used for each other from one outlet
// to another (Mainland, Taiwan and Hong Kong usage, or two translators): the same syllable in
// Mandarin, and 士 for 斯 in Taiwan's and Hong Kong's spelling. The first of each group stands for
// the group. Only names are spelled through this (a word jieba tags a name): in ordinary words
// these characters are different words.
const SOUND_GROUPS = ['敦顿', '斯士丝', '利里理莉丽力', '纳那娜', '维威韦', '亚雅娅', '伊依', '西希', '尼妮', '菲费', '逊迅', '尔耳']
const SAME_SOUND = new Map<string, string>()
for (const group of SOUND_GROUPS) for (const ch of group) SAME_SOUND.set(ch, group[0])

// A transliterated name is three characters or more: two-character names (成都, 李华) are
// Chinese names, spelled one way.
const MIN_TRANSLITERATION = 3

/**
 * A key shared by the transliterations of one name that differ only in characters of one sound
 * (休斯顿, 休斯敦 and 休士顿 all give 休斯敦). Words shorter than a transliteration are their own key.
 */
export function soundKey(name: string): string {
  const chars = Array.from(name)
  if (chars.length < MIN_TRANSLITERATION) return name
  let out = ''
  for (const ch of chars) out += SAME_SOUND.get(ch) ?? ch
  return out
}

// A short form keeps the first and last characters of its term and drops one or two in between
// (总领事馆 → 总领馆, 国家安全法 → 国安法); a short form of two characters is as often a different
// word (领馆, 安法), and dropping more leaves too little to tell which term it is.
const MIN_SHORT = 3
const MAX_DROPPED = 2
// …and is rare in general text (IDF in jieba's table: 总领馆 11.1, 核武库 12.1, 国安法 12.0): a word
// as common as 电影院 (9.3) is a word of its own, not 电影学院 written short.
const MIN_SHORT_IDF = 10

/**
 * Among a set of words (one event's vocabulary), each that is the short form of exactly one
 * longer word of the set, mapped to it: its characters are the longer word's in order, the first
 * and last the same, one or two dropped (总领馆 → 总领事馆), and it is rare as a word of its own
 * (MIN_SHORT_IDF). A short form that could stand for two longer words is left alone.
 */
export function shortForms(words: Iterable<string>): Map<string, string> {
  const byEnds = new Map<string, string[]>()
  const all: string[][] = []
  for (const w of words) {
    const chars = Array.from(w)
    if (chars.length < MIN_SHORT) continue
    all.push(chars)
    const key = chars[0] + chars[chars.length - 1]
    const list = byEnds.get(key)
    if (list) list.push(w)
    else byEnds.set(key, [w])
  }
  const out = new Map<string, string>()
  for (const chars of all) {
    if (idfOf(chars.join('')) < MIN_SHORT_IDF) continue
    const longer = (byEnds.get(chars[0] + chars[chars.length - 1]) ?? []).filter((w) => {
      const l = Array.from(w)
      return l.length > chars.length && l.length - chars.length <= MAX_DROPPED && isSubsequence(chars, l)
    })
    if (longer.length === 1) out.set(chars.join(''), longer[0])
  }
  return out
}

// A bill or a motion is named by what it is about: 预算案 is the 预算 another report names, as
// 决议案 is the 决议 and 修正案 the 修正. Only a word of two characters or more before 案: 方案,
// 草案 and 提案 are words of their own.
const BILL = '案'

/**
 * Words of an event that name a bill by its subject and a word (预算案 → 预算), mapped to the
 * subject: the two are one thing written two ways, when the event has both.
 */
export function billForms(words: Iterable<string>): Map<string, string> {
  const all = new Set(words)
  const out = new Map<string, string>()
  for (const w of all) {
    const chars = Array.from(w)
    if (chars.length >= 3 && chars[chars.length - 1] === BILL && all.has(chars.slice(0, -1).join(''))) out.set(w, chars.slice(0, -1).join(''))
  }
  return out
}

/** Are the characters of `short` found in `long` in order? */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let k = 0
  for (const ch of long) if (k < short.length && ch === short[k]) k++
  return k === short.length
}
