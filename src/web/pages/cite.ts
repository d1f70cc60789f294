import type { Article } from '../../article.js'
import { splitSentences, type Sentence } from '../../analyze/sentences.js'
import { href } from '../html.js'

const cache = new WeakMap<Article, readonly Sentence[]>()

const sentencesOf = (a: Article) => {
  let s = cache.get(a)
  if (!s) cache.set(a, (s = splitSentences(a.text)))
  return s
}

/** The link to a sentence in the reader: #sN as the comparison numbers sentences. */
export const sentenceHref = (articleId: string, n: number | undefined) => `${href('articles', articleId)}${n === undefined ? '' : `#s${n}`}`

/** The ordinal of the sentence holding this text (figures and quotes cite text, not positions). */
export function locate(article: Article | undefined, text: string): number | undefined {
  if (!article) return undefined
  const sentences = sentencesOf(article)
  const exact = sentences.find((s) => s.text === text)
  if (exact) return exact.n
  const probe = text.slice(0, 24)
  return sentences.find((s) => s.text.includes(probe) || probe.includes(s.text))?.n
}
