import { fail, ok, type Outcome } from '../article.js'
import { decodeBytes } from '../ingest/decode.js'
import { densityExtract } from './density.js'
import { blocksToText, htmlBlocks, type TextBlock } from './html-blocks.js'
import { normalizeHtml } from './normalize-html.js'
import { runReadability, type ReadabilityResult } from './readability.js'

export interface ExtractOptions {
  readonly url?: string
  readonly contentType?: string
  readonly locator: string
}

export interface ExtractedPage {
  readonly title: string
  readonly byline?: string
  readonly excerpt?: string
  /** Paragraphs separated by a blank line. */
  readonly text: string
  readonly publishedAt?: string
  /** Cleaned main-content HTML, for the clean stage; not sanitized for display. */
  readonly html: string
  readonly siteName?: string
  readonly lang?: string
  readonly encoding: string
}

/** Past this, a DOM plus Readability costs seconds and gigabytes; the streaming method copes. */
const MAX_DOM_ELEMENTS = 60_000

export function extractPage(bytes: Uint8Array, opts: ExtractOptions): Outcome<ExtractedPage> {
  const decoded = decodeBytes(bytes, { locator: opts.locator, contentType: opts.contentType })
  if (!decoded.ok) return decoded
  const page = normalizeHtml(decoded.value.text, { baseUrl: opts.url })
  const pageBlocks = htmlBlocks(page.html)
  if (pageBlocks.every((b) => b.chars === 0))
    return fail('format/no-body', 'extract', `page has no visible text (${page.elements} elements)`, opts.locator)

  let readable: ReadabilityResult | undefined
  let readabilityError = ''
  if (page.elements <= MAX_DOM_ELEMENTS) {
    try {
      readable = runReadability(page.html)
    } catch (e) {
      // Readability throws on some malformed trees (it walks up parents that are not there);
      // the density method below does not need a tree, so the page is not lost.
      if (!(e instanceof Error)) throw e
      readabilityError = `; Readability failed: ${e.message}`
    }
  }
  const fromReadability = readable ? htmlBlocks(readable.html) : []
  const fromDensity = densityExtract(pageBlocks)
  const blocks = choose(fromReadability, fromDensity)
  const text = blocksToText(blocks)
  if (!text)
    return fail('format/no-body', 'extract', `no article text found in ${pageBlocks.length} text blocks${readabilityError}`, opts.locator)
  return ok({
    title: readable?.title ?? page.head.title ?? '',
    byline: readable?.byline,
    excerpt: readable?.excerpt,
    text,
    html: readable && blocks === fromReadability ? readable.html : blocks.map((b) => `<p>${escape(b.lines.join('<br>'))}</p>`).join(''),
    siteName: readable?.siteName,
    lang: readable?.lang ?? page.head.lang,
    encoding: decoded.value.encoding,
  })
}

const total = (blocks: readonly TextBlock[]) => blocks.reduce((n, b) => n + b.chars, 0)

function choose(readability: TextBlock[], density: TextBlock[]): TextBlock[] {
  if (process.env.JT_DEBUG) console.error('readability', total(readability), 'density', total(density))
  if (total(readability) < Number(process.env.JT_RATIO ?? 0.3) * total(density)) return density
  return readability
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/&lt;br&gt;/g, '<br>')
