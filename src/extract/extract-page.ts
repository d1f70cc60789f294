import { fail, ok, type Outcome } from '../article.js'
import { decodeBytes } from '../ingest/decode.js'
import { dropBoilerplate } from './boilerplate.js'
import { findByline } from './byline.js'
import { densityExtract } from './density.js'
import { blocksToText, countChars, htmlBlocks, type TextBlock } from './html-blocks.js'
import { jsonLdAuthors, jsonLdUrl } from './json-ld.js'
import { normalizeHtml, type HeadInfo } from './normalize-html.js'
import { articleContext } from './page-context.js'
import { droppedLines, pruneHtml } from './prune-html.js'
import { findPublished } from './published.js'
import { runReadability, type ReadabilityResult } from './readability.js'

export interface ExtractOptions {
  readonly url?: string
  readonly contentType?: string
  readonly locator: string
  /** Larger pages are refused (decode/too-large); the decoder's default when absent. */
  readonly maxBytes?: number
}

export interface ExtractedPage {
  readonly title: string
  readonly byline?: string
  readonly excerpt?: string
  /** Paragraphs separated by a blank line. */
  readonly text: string
  /** ISO 8601; a local time without offset when the page gives none. */
  readonly publishedAt?: string
  /** Cleaned main-content HTML, for the clean stage; not sanitized for display. */
  readonly html: string
  readonly siteName?: string
  /** Where the page was published: `url` if given, else what the page says (canonical link, og:url, JSON-LD). */
  readonly url?: string
  readonly lang?: string
  readonly encoding: string
}

/** Past this, a DOM plus Readability takes several seconds (30k elements: ~1.7 s); density copes with any size. */
const MAX_DOM_ELEMENTS = 60_000

/**
 * When Readability keeps less than this share of what the density method finds, it has
 * latched onto a fragment (a caption, a teaser). Lower than it looks: on a page with a long
 * gallery or comment thread, density legitimately finds 3-5 times the article.
 */
const MIN_SHARE_OF_DENSITY = 0.1

/**
 * Main content of one saved HTML page. Readability (on a normalized, depth-capped DOM) does
 * the extraction; a text-density pass over the same page catches what it misses or when the
 * page is too big for a DOM; Chinese boilerplate lines are filtered from either result.
 */
export function extractPage(bytes: Uint8Array, opts: ExtractOptions): Outcome<ExtractedPage> {
  const decoded = decodeBytes(bytes, { locator: opts.locator, contentType: opts.contentType, maxBytes: opts.maxBytes })
  if (!decoded.ok) return decoded
  const page = normalizeHtml(decoded.value.text, { baseUrl: opts.url })
  const pageBlocks = htmlBlocks(page.html)
  if (pageBlocks.every((b) => b.chars === 0))
    return fail('format/no-body', 'extract', `page has no visible text (${page.elements} elements)`, opts.locator)

  let readable: ReadabilityResult | undefined
  let why = page.elements > MAX_DOM_ELEMENTS ? `; ${page.elements} elements, too many for Readability` : ''
  const isChinese = isMostlyChinese(pageBlocks)
  if (!why) {
    try {
      readable = runReadability(page.html, isChinese)
    } catch (e) {
      // Readability throws on some malformed trees (it walks up parents that are not there);
      // the density method does not need a tree, so the page is not lost.
      if (!(e instanceof Error)) throw e
      why = `; Readability failed: ${e.message}`
    }
  }
  const rawReadability = readable ? htmlBlocks(readable.html) : []
  const rawDensity = densityExtract(pageBlocks)
  const fromReadability = dropBoilerplate(rawReadability)
  const fromDensity = dropBoilerplate(rawDensity)
  const useReadability = total(fromReadability) > 0 && total(fromReadability) >= MIN_SHARE_OF_DENSITY * total(fromDensity)
  const blocks = useReadability ? fromReadability : fromDensity
  const text = blocksToText(blocks)
  if (!text)
    return fail('format/no-body', 'extract', `no article text among ${pageBlocks.length} text blocks${why}`, opts.locator)

  // Menus and link lists carry neither bylines nor dates, and look like title/name pairs.
  const pageLines = pageBlocks.filter((b) => b.linkChars < 0.8 * b.chars).flatMap((b) => b.lines)
  const titles = [readable?.title, page.head.title].filter((t): t is string => !!t)
  // The info bar that dropBoilerplate removed from the text is where bylines and dates are.
  const context = articleContext(pageLines, (useReadability ? rawReadability : rawDensity).flatMap((b) => b.lines), titles)
  const declared = [readable?.byline, metaContent(page.head, 'author'), ...jsonLdAuthors(page.head.jsonLd)].map((d) => d?.trim() || undefined)
  return ok({
    title: isChinese ? chineseTitle(readable?.title ?? page.head.title ?? '') : readable?.title ?? page.head.title ?? '',
    // Outside Chinese pages Readability's byline rules (classes, rel=author, meta) are the better judge.
    byline: isChinese
      ? findByline({ lines: [...context.head, ...context.tail], underTitle: context.underTitle, declared })
      : declared.find((d) => d !== undefined)?.replace(/\s+/g, ' '),
    // Readability falls back to the first <p>, which on Chinese pages is often the byline line.
    excerpt: readable?.excerpt && (!isChinese || countChars(readable.excerpt) >= 15) ? readable.excerpt : firstParagraph(text),
    text,
    publishedAt: findPublished(page.head, [...context.head, ...context.tail.slice(0, 2)], readable?.publishedTime),
    html: useReadability && readable ? pruneHtml(readable.html, droppedLines(rawReadability, blocks)) : blocksToHtml(blocks),
    siteName: readable?.siteName ?? metaContent(page.head, 'og:site_name'),
    url: opts.url ?? ownUrl(page.head),
    lang: readable?.lang ?? page.head.lang,
    encoding: decoded.value.encoding,
  })
}

const total = (blocks: readonly TextBlock[]) => blocks.reduce((n, b) => n + b.chars, 0)

/** Han characters are most of the page's tokens; a sample of the page decides. */
function isMostlyChinese(blocks: readonly TextBlock[]): boolean {
  let han = 0
  let tokens = 0
  for (const b of blocks) {
    for (const line of b.lines) han += line.match(/\p{Script=Han}/gu)?.length ?? 0
    tokens += b.chars
    if (tokens > 50_000) break
  }
  return han > 0.5 * tokens
}

/**
 * A saved page on disk has no address but the one it states about itself: the best evidence of
 * its outlet and often of its date. Only absolute web addresses count; a relative canonical
 * link says nothing without the address it is relative to.
 */
function ownUrl(head: HeadInfo): string | undefined {
  return [head.canonical, metaContent(head, 'og:url'), jsonLdUrl(head.jsonLd)].map((u) => u?.trim()).find((u) => !!u && /^https?:\/\/[^/\s]/i.test(u))
}

const metaContent = (head: HeadInfo, key: string) => head.metas.find((m) => m.key === key)?.content.trim() || undefined

function firstParagraph(text: string): string | undefined {
  const para = text.split('\n\n').find((p) => countChars(p) >= 15 && /[。！？.!?]/.test(p))
  return para ? para.slice(0, 200) : undefined
}

/**
 * Chinese portals join title, section and site with underscores ("标题_国际新闻_新浪网"), a
 * separator Readability does not know; the headline is the first part when it is long enough.
 */
function chineseTitle(title: string): string {
  const first = title.split(/_{1,2}/)[0].trim()
  return first.length >= 6 && first.length < title.length ? first : title
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const blocksToHtml = (blocks: readonly TextBlock[]) => blocks.map((b) => `<p>${b.lines.map(escapeHtml).join('<br>')}</p>`).join('\n')
