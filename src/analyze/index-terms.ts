import type { IndexTerms } from '../article.js'
import { foldText } from '../normalize/fold.js'
import { segment, subwords } from './segment.js'

// Long documents are indexed by their head: enough to find them, bounded cost for 50 MB files.
const MAX_INDEXED_CHARS = 50_000

/** Words for the full-text index: jieba over folded text, plus sub-words of long words. */
export function indexTerms(title: string, folded: string): IndexTerms {
  const titleText = foldText(title)
  const bodyText = folded.slice(0, MAX_INDEXED_CHARS)
  const titleWords = segment(titleText)
  const bodyWords = segment(bodyText)
  const extra = subwords(titleWords).concat(subwords(bodyWords))
  return { title: titleWords.join(' '), body: bodyWords.join(' '), extra: extra.join(' ') }
}
