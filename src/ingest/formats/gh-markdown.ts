import { fail, ok, type DateHint, type OutletHint } from '../../article.js'
import { bylineDate } from '../../normalize/dates.js'
import type { Format } from './format.js'
import { fileName, pathHints, renderBody } from './markdown.js'

// `[轉載自GNews](https://gnews.org/...)` or `轉載自[戰友之聲](http://...)`, Traditional or Simplified.
const REPOST = /(?:\[\s*(?:轉載|转载)自\s*([^\]\n]+?)\s*\]\((\S+?)\)|(?:轉載|转载)自\s*\[([^\]\n]+?)\]\((\S+?)\))/
// Archive navigation: a heading made of emoji links (`###  [:house:返回首頁](https://github.com/...)`).
const NAV_LINE = /^#{1,6}\s+(?:\|?\s*\[:[\w-]+:[^\]]*\]\([^)]*\)\s*)+\|?\s*$/
const TITLE = /^\s{0,3}#{1,3}\s+(.+?)\s*#*\s*$/
const POSTER = /^\s*`([^`\n]*)`/
// The poster line opens with the time of posting, in one of two ways the archives were written
// over the years: `2020-09-14 22:09 GM64` (then the poster's name) and `3/22/2024 2:18 PM UTC `.
// Often it is the only date the file holds; the rest of the line is the poster.
const POSTED_ISO = /^(\d{4}-\d{1,2}-\d{1,2})\s+(\d{1,2}:\d{2})(?::\d{2})?\s*(.*)$/
const POSTED_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*([AP]M)\s*(?:\(?UTC\)?)?\s*(.*)$/i

/** GitHub Markdown repost archive: nav line, `## title`, a poster line with `[轉載自X](url)`. */
export const ghMarkdown: Format = {
  name: 'gh-markdown',
  detect: ({ text }) => {
    const head = text.slice(0, 2500)
    return REPOST.test(head) || head.split('\n', 3).some((l) => NAV_LINE.test(l.trim()))
  },
  parse({ text, locator }) {
    const lines = text.replace(/^\ufeff/, '').split(/\r?\n/)
    let archiveUrl: string | undefined
    let i = 0
    // Skip the archive's navigation header and its rule.
    while (i < lines.length && (lines[i].trim() === '' || NAV_LINE.test(lines[i].trim()) || /^-{3,}\s*$/.test(lines[i]))) {
      archiveUrl ??= lines[i].match(/\((https:\/\/github\.com\/[^/\s)]+\/[^/\s)]+)/)?.[1]
      i++
    }
    const titleAt = lines.findIndex((l, k) => k >= i && TITLE.test(l))
    if (titleAt < 0 || titleAt > i + 5) {
      // An archive's index page: a list of linked headlines (### [title](path)), not an article.
      const body = lines.slice(i).filter((l) => l.trim())
      const linked = body.filter((l) => /^\s*(#{1,6}\s*)?\[[^\]]*\]\([^)]*\)\s*$/.test(l)).length
      if (body.length >= 6 && linked / body.length >= 0.3)
        return fail('content/not-article', 'format', `gh-markdown: an index page (${linked} of ${body.length} lines are links to other pages), not an article`, locator)
      return fail('format/missing-title', 'format', 'gh-markdown: no ## title line after the archive header', locator)
    }
    const title = lines[titleAt].match(TITLE)![1].replace(/\*\*/g, '').trim()
    let bodyStart = titleAt + 1
    let poster: string | undefined
    let posted: string | undefined
    let repost: { name: string; url: string } | undefined
    for (let k = titleAt + 1; k < Math.min(lines.length, titleAt + 4); k++) {
      const m = lines[k].match(REPOST)
      if (!m) continue
      repost = { name: (m[1] ?? m[3]).trim(), url: m[2] ?? m[4] }
      ;({ poster, posted } = splitPoster(lines[k].match(POSTER)?.[1]?.trim()))
      bodyStart = k + 1
      break
    }
    const body = lines.slice(bodyStart).join('\n')
    if (!body.trim()) return fail('format/no-body', 'format', `gh-markdown: "${title}" has a title but no body text`, locator)
    const html = renderBody(body)
    const dateHints: DateHint[] = [
      ...(posted ? [{ value: posted, source: 'byline' as const }] : []),
      ...(bylineDate(body) ? [{ value: bylineDate(body)!, source: 'byline' as const }] : []),
      ...(repost ? [{ value: repost.url, source: 'url' as const }] : []),
      { value: fileName(locator), source: 'path' },
      ...[...html.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => ({ value: m[1], source: 'image-path' as const })),
    ]
    const outletHints: OutletHint[] = [
      ...(repost ? [{ kind: 'repost' as const, value: repost.name }, { kind: 'url' as const, value: repost.url }] : []),
      ...pathHints(locator),
    ]
    return ok({
      format: 'gh-markdown',
      title,
      html,
      dateHints,
      outletHints,
      author: poster,
      url: repost?.url,
      repost: { archive: archiveUrl, originalUrl: repost?.url, originalOutlet: repost?.name },
    })
  },
}

/**
 * A poster line's time of posting and the poster's name (either may be missing). The time is
 * written without a zone (2020-09-14 22:09, read as UTC like other zoneless times) or in UTC
 * with a 12-hour clock (3/22/2024 2:18 PM UTC, month first): returned as ISO 8601.
 */
export function splitPoster(line: string | undefined): { poster?: string; posted?: string } {
  if (!line) return {}
  const named = (rest: string) => (rest.trim() ? { poster: rest.trim() } : {})
  const pad = (n: number | string) => String(n).padStart(2, '0')
  const iso = line.match(POSTED_ISO)
  if (iso) return { posted: `${iso[1].split('-').map(pad).join('-')} ${iso[2].padStart(5, '0')}`, ...named(iso[3]) }
  const us = line.match(POSTED_US)
  if (us) {
    const [, month, day, year, hour, minute, half, rest] = us
    const h = (Number(hour) % 12) + (half.toUpperCase() === 'PM' ? 12 : 0)
    return { posted: `${year}-${pad(month)}-${pad(day)}T${pad(h)}:${minute}:00Z`, ...named(rest) }
  }
  return { poster: line }
}
