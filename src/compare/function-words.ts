import { idfOf } from '../analyze/keywords.js'
import { tagWords } from '../analyze/tag.js'

// Word classes that carry grammar, not a view of the event: conjunctions, prepositions,
// pronouns and determiners (此次), particles, numerals, locatives and time words (jieba's tags
// c, p, r, u…, m, f, t, y, e, o). One outlet's habit of writing 对此 or 此前 says how it writes,
// not how it sees the event. Classifiers (q) are one character, and jieba tags some two-character
// words q out of context (美方), so they are not dropped by tag.
const FUNCTION_TAG = /^(c|p|r|u|m|f|t|y|e|o)/
// Adverbs are a class of both: 对此, 再次, 依然 are grammar, 悍然, 公然, 一再 take a side. The
// side-taking ones are rare in general text; an adverb as common as 对此 (IDF 5.9 in jieba's
// table, where 一再 is 7.3 and 悍然 10.1) is grammar.
const STANCE_ADVERB_MIN_IDF = 7
// Formal verbs (形式动词) take an action noun and add nothing of their own (作出回应, 进行调查,
// 予以否认): a closed class in Chinese grammar, listed whole.
const FORMAL_VERBS = new Set(['作出', '做出', '进行', '加以', '给予', '予以', '给以', '展开'])

const functionMemo = new Map<string, boolean>()
/** Is a word grammar rather than vocabulary? By its part of speech out of context, memoised. */
export function isFunctionWord(word: string): boolean {
  let is = functionMemo.get(word)
  if (is === undefined) {
    const tags = tagWords(word)
    const tag = tags.length === 1 ? tags[0].tag : ''
    is = FORMAL_VERBS.has(word) || FUNCTION_TAG.test(tag) || (tag === 'd' && idfOf(word) < STANCE_ADVERB_MIN_IDF)
    if (functionMemo.size > 100_000) functionMemo.clear()
    functionMemo.set(word, is)
  }
  return is
}
