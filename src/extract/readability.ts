import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

export interface ReadabilityResult {
  readonly title?: string
  readonly byline?: string
  readonly excerpt?: string
  readonly siteName?: string
  readonly lang?: string
  readonly publishedTime?: string
  /** Readability's cleaned main content, serialized. */
  readonly html: string
}

/**
 * Chinese packs a sentence into a dozen characters; Readability's default 500-character bar
 * (tuned on English) makes it retry short Chinese articles with its cleaning switched off,
 * which pulls in the page chrome.
 */
const CHAR_THRESHOLD = { chinese: 250, other: 500 }

/** `undefined` when Readability finds no article. `html` must be a whole document (see normalizeHtml). */
export function runReadability(html: string, isChinese: boolean): ReadabilityResult | undefined {
  // linkedom's Document implements what Readability touches; its types are its own.
  const { document } = parseHTML(html) as unknown as { document: Document }
  const charThreshold = isChinese ? CHAR_THRESHOLD.chinese : CHAR_THRESHOLD.other
  const article = new Readability(document, { charThreshold }).parse()
  if (!article || typeof article.content !== 'string') return undefined
  const opt = (s: string | null | undefined) => (s ? s.trim() || undefined : undefined)
  return {
    title: opt(article.title),
    byline: opt(article.byline),
    excerpt: opt(article.excerpt),
    siteName: opt(article.siteName),
    lang: opt(article.lang),
    publishedTime: opt(article.publishedTime),
    html: article.content,
  }
}
