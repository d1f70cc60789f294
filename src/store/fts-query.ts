import { segment } from '../analyze/segment.js'
import { foldText } from '../normalize/fold.js'

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`

/**
 * A user's query → an FTS5 MATCH expression over jieba-segmented folded text. Every term
 * (space-separated, or a "quoted phrase") must match; a term is matched as the phrase of its
 * words, or as one word when the index segmented it whole. Returns undefined for an empty query.
 */
export function toFtsQuery(query: string): string | undefined {
  const terms = [...query.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => m[1] ?? m[2])
  const parts: string[] = []
  for (const term of terms) {
    const words = segment(foldText(term))
    if (!words.length) continue
    const phrase = quote(words.join(' '))
    parts.push(words.length > 1 && !/\s/.test(term.trim()) ? `(${phrase} OR ${quote(words.join(''))})` : phrase)
  }
  return parts.length ? parts.join(' AND ') : undefined
}

/** The folded words of a query, for highlighting. */
export function queryWords(query: string): string[] {
  return [...query.matchAll(/"([^"]+)"|(\S+)/g)].flatMap((m) => segment(foldText(m[1] ?? m[2])))
}
