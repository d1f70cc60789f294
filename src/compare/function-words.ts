import { idfOf } from '../analyze/keywords.js'
import { tagWords } from '../analyze/tag.js'

// Word classes that are grammar in any text: conjunctions, prepositions, pronouns and
// determiners (此次, 各州), particles, locatives (最近, 之后), modal particles, interjections
// (jieba's tags c, p, r, u…, f, y, e, o). Classifiers (q) are one character, and jieba tags some
// two-character words q out of context (美方), so they are not judged by tag.
const GRAMMAR_TAG = /^(c|p|r|u|f|y|e|o)/
// Numerals and time words (m, t) are grammar for a reader of vocabulary, but in a claim 万亿 and
// 周一 still say what happened: only framing leaves them out.
const FRAMING_ALSO_TAG = /^(m|t)/
// Adverbs are a class of both: 对此, 再次, 依然 are grammar, 悍然, 公然, 一再 take a side. The
// side-taking ones are rare in general text; an adverb as common as 对此 (IDF 5.9 in jieba's
// table, where 一再 is 7.3 and 悍然 10.1) is grammar.
const STANCE_ADVERB_MIN_IDF = 7
// Formal verbs (形式动词) take an action noun and add nothing of their own (作出回应, 进行调查,
// 予以否认): a closed class in Chinese grammar, listed whole.
const FORMAL_VERBS = new Set(['作出', '做出', '进行', '加以', '给予', '予以', '给以', '展开'])

// A word's part of speech out of context ('' when jieba cuts it further), memoised: tagging is a native call, and an event's
// few thousand words recur.
const tagMemo = new Map<string, string>()
export function tagOf(word: string): string {
  let tag = tagMemo.get(word)
  if (tag === undefined) {
    const tags = tagWords(word)
    tag = tags.length === 1 ? tags[0].tag : ''
    if (tagMemo.size > 100_000) tagMemo.clear()
    tagMemo.set(word, tag)
  }
  return tag
}

// Time words that point at the time of writing (目前为止, 至今, 日前): every report has its own
// now, so two sentences sharing one share nothing of what happened (目前为止…还未正式确定 /
// 到目前为止还没有一件诉讼成功). A closed list: jieba tags them t, d, i or l, classes that also
// hold 周一 and 一再.
const NOW_WORDS = new Set(['目前', '目前为止', '到目前为止', '迄今', '迄今为止', '至今', '截至目前', '现在', '当前', '如今', '眼下', '当下', '日前', '近日', '近期', '此前'])

// Adverbs of negation and aspect (并未, 尚未, 已经, 正在): they say whether or when something
// happened, not what. jieba tags them d, with 悍然 and 立即, which do say something; listed whole.
// Two sentences sharing 具体 and 并未 shared nothing (他们并未指明可能的具体举措 / 国安法的具体文本并未公开).
const ASPECT_WORDS = new Set(['并未', '并没有', '没有', '尚未', '仍未', '还未', '并不', '已经', '曾经', '正在', '仍然', '依然'])

/** Is a word of a closed, grammatical class (此次, 以及, 最近, 并未)? Such words say nothing of what happened. */
export const isGrammarWord = (word: string): boolean => NOW_WORDS.has(word) || ASPECT_WORDS.has(word) || GRAMMAR_TAG.test(tagOf(word))

/**
 * Is a word grammar rather than vocabulary, for a reader of an outlet's words? The closed
 * classes, numerals and time words, common adverbs (对此) and formal verbs (作出). One outlet's
 * habit of writing 对此 or 此前 says how it writes, not how it sees the event.
 */
export function isFunctionWord(word: string): boolean {
  const tag = tagOf(word)
  return FORMAL_VERBS.has(word) || GRAMMAR_TAG.test(tag) || FRAMING_ALSO_TAG.test(tag) || (tag === 'd' && idfOf(word) < STANCE_ADVERB_MIN_IDF)
}
