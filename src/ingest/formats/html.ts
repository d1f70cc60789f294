import { fail, ok, type DateHint, type OutletHint } from '../../article.js'
import { extractPage } from '../../extract/extract-page.js'
import type { Format } from './format.js'
import { fileName, pathHints } from './markdown.js'

/** A saved web page: main content extracted, metadata from <meta> and JSON-LD. */
export const html: Format = {
  name: 'html',
  detect: ({ text, locator }) => /\.x?html?$/i.test(locator) || /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1024)),
  parse({ text, bytes, locator, contentType }) {
    // The pipeline has already held the bytes to `ingest --max-mb`; the decoder's own default
    // limit must not refuse a page that the user allowed.
    const page = extractPage(bytes ?? new TextEncoder().encode(text), {
      locator,
      contentType,
      url: /^https?:/.test(locator) ? locator : undefined,
      maxBytes: Number.POSITIVE_INFINITY,
    })
    if (!page.ok) return page
    const p = page.value
    // A page with no headline anywhere (<title>, og:title, JSON-LD, <h1>) is no article one can
    // list; most often it is not a page at all but another format forced with --format html.
    if (!p.title.trim()) return fail('format/missing-title', 'format', 'html: the page names no headline (<title>, og:title, JSON-LD or <h1>); if it is not a saved web page, drop --format html', locator)
    const dateHints: DateHint[] = [
      ...(p.publishedAt ? [{ value: p.publishedAt, source: 'html-meta' as const }] : []),
      ...(p.url ? [{ value: p.url, source: 'url' as const }] : []),
      { value: fileName(locator), source: 'path' },
    ]
    const outletHints: OutletHint[] = [
      ...(p.siteName ? [{ kind: 'meta' as const, value: p.siteName }] : []),
      ...(p.url ? [{ kind: 'url' as const, value: p.url }] : []),
      ...pathHints(locator),
    ]
    return ok({ format: 'html', title: p.title, html: p.html, dateHints, outletHints, author: p.byline, ...(p.url ? { url: p.url } : {}) })
  },
}
