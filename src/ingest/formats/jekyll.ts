import { fail, ok, type DateHint, type OutletHint } from '../../article.js'
import type { Format } from './format.js'
import { hasFrontMatter, list, splitFrontMatter, str } from './front-matter.js'
import { fileName, pathHints, renderBody } from './markdown.js'

// Feed-to-Jekyll archivers write the feed item's time as an HTML comment (or <!--NaN--> when
// the feed had none), then a `[title](url)` line underlined with dashes, then the HTML.
const EPOCH = /^\s*<!--\s*(\d{10,13}|NaN|undefined|null)?\s*-->\s*$/m
const TITLE_LINK = /^\s*\[([^\]\n]+)\]\((\S+?)\)\s*\r?\n\s*-{3,}\s*$/m
const TITLE_LINK_AT_START = /^\[[^\]\n]+\]\(https?:\/\/\S+?\)\s*\r?\n\s*-{3,}\s*(\r?\n|$)/

/** Jekyll post (`from:` URL, epoch comment) and the same body shape without front matter. */
export const jekyll: Format = {
  name: 'jekyll',
  detect: ({ text }) => {
    const head = text.slice(0, 3000)
    if (hasFrontMatter(head)) return /^\s*(from|layout)\s*:/m.test(head) || /^---[\s\S]*?---\s*<!--\s*(\d{10,13}|NaN)?\s*-->/.test(head)
    // Without front matter: the epoch comment and/or the underlined [title](url) line open the file.
    const opening = head.replace(/^\ufeff/, '').trimStart()
    return (EPOCH.test(opening.split('\n')[0]) && TITLE_LINK.test(head)) || TITLE_LINK_AT_START.test(opening)
  },
  parse({ text, locator }) {
    const split = splitFrontMatter(text)
    if (split.kind === 'unclosed')
      return fail('format/unclosed-front-matter', 'format', `jekyll: front matter opened on line ${split.openLine} is never closed with '---'`, locator)
    const data = split.kind === 'ok' ? split.fm.data : {}
    let body = split.kind === 'ok' ? split.fm.body : text
    const epoch = body.match(EPOCH)
    if (epoch && body.slice(0, epoch.index).trim() === '') body = body.slice(epoch.index! + epoch[0].length)
    const link = body.match(TITLE_LINK)
    if (link && body.slice(0, link.index).trim() === '') body = body.slice(link.index! + link[0].length)
    const title = str(data.title) ?? link?.[1]?.trim()
    if (!title) return fail('format/missing-title', 'format', 'jekyll: no title in front matter and no [title](url) line', locator)
    const url = str(data.from) ?? link?.[2]
    const dateHints: DateHint[] = [
      ...(str(data.date) ? [{ value: str(data.date)!, source: 'front-matter' as const }] : []),
      ...(epoch?.[1] && /^\d+$/.test(epoch[1]) ? [{ value: epoch[1], source: 'epoch-comment' as const }] : []),
      ...(url ? [{ value: url, source: 'url' as const }] : []),
      { value: fileName(locator), source: 'path' },
    ]
    const outletHints: OutletHint[] = [
      ...list(data.categories).map((value) => ({ kind: 'category' as const, value })),
      ...(str(data.author) ? [{ kind: 'author' as const, value: str(data.author)! }] : []),
      ...(url ? [{ kind: 'from-url' as const, value: url }] : []),
      ...list(data.tags).map((value) => ({ kind: 'category' as const, value })),
      ...pathHints(locator),
    ]
    return ok({
      format: 'jekyll',
      title,
      html: renderBody(body),
      dateHints,
      outletHints,
      author: str(data.author),
      url,
      tags: list(data.tags),
    })
  },
}
