import { dictionaryWords, segment } from '../analyze/segment.js'
import { foldText } from '../normalize/fold.js'

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`

/**
 * A user's query → an FTS5 MATCH expression over jieba-segmented folded text. Every term
 * (space-separated, or a "quoted phrase") must match; a term is matched as the phrase of its
 * words, or as one word when the index segmented it whole. A term of Chinese characters alone
 * is also matched as the other ways jieba may have cut it in a sentence (`cuts`). Returns
 * undefined for an empty query.
 */
export function toFtsQuery(query: string): string | undefined {
  const terms = [...query.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => m[1] ?? m[2])
  const parts: string[] = []
  for (const term of terms) {
    const folded = foldText(term)
    const words = segment(folded)
    if (!words.length) continue
    const phrase = quote(words.join(' '))
    // A phrase of several words is looked for in the headline and text only: sub-words of
    // unrelated words stand side by side in the extra column (警察局 发言人 → 警察 发言 there).
    // A single word is looked for among the sub-words too (外交部 in 中国外交部).
    const inText = (phrases: readonly string[]) => `{title body} : ${phrases.length > 1 ? `(${phrases.join(' OR ')})` : phrases[0]}`
    if (/\s/.test(term.trim())) parts.push(words.length > 1 ? inText([phrase]) : phrase)
    else {
      const others = HAN_ONLY.test(folded) ? cuts(folded, words).slice(1).filter((c) => c.length > 1) : []
      const phrases = [...(words.length > 1 ? [phrase] : []), ...others.map((c) => quote(c.join(' ')))]
      parts.push(phrases.length ? `(${quote(words.join(''))} OR ${inText(phrases)})` : phrase)
    }
  }
  return parts.length ? parts.join(' AND ') : undefined
}

// Longer runs are a sentence pasted in: jieba's cut of it is what is looked for.
const HAN_ONLY = /^\p{Script=Han}{2,24}$/u

// A long phrase has thousands of cuts: those with the fewest pieces are kept (the likelier:
// jieba splits a known word only where the words around it pull its ends away).
const MAX_CUTS = 16
const MAX_WALKED = 1_000

/**
 * The ways the index may hold a run of Chinese characters: jieba cuts the same characters
 * differently in different sentences, by the words around them (美俄峰会 whole in one, 美俄 |
 * 峰会 or 美 | 俄 | 峰会 in others), so a query cut one way alone misses the others. Each cut is
 * a sequence of dictionary words (or the words jieba's cut of the query found) and single
 * characters: jieba's cut of the query first, then the others by fewest pieces. A
 * phrase that starts or ends inside a word of the sentence is still missed: the index holds
 * no piece of that word but its sub-words.
 */
export function cuts(folded: string, jieba: readonly string[] = segment(folded)): string[][] {
  const known = new Set([...jieba, ...dictionaryWords(folded)])
  const longest = Math.max(...[...known].map((w) => w.length))
  const found: string[][] = []
  const path: string[] = []
  const walk = (at: number) => {
    if (found.length >= MAX_WALKED) return
    if (at === folded.length) {
      found.push([...path])
      return
    }
    for (let end = Math.min(folded.length, at + longest); end > at; end--) {
      const piece = folded.slice(at, end)
      if (end - at > 1 && !known.has(piece)) continue
      path.push(piece)
      walk(end)
      path.pop()
    }
  }
  walk(0)
  const own = jieba.join(' ')
  const others = found.filter((c) => c.join(' ') !== own).sort((a, b) => a.length - b.length)
  return [[...jieba], ...others].slice(0, MAX_CUTS)
}

/** The folded words of a query, for highlighting. */
export function queryWords(query: string): string[] {
  return [...query.matchAll(/"([^"]+)"|(\S+)/g)].flatMap((m) => segment(foldText(m[1] ?? m[2])))
}
