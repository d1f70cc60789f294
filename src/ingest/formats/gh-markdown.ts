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
    let repost: { name: string; url: string } | undefined
    for (let k = titleAt + 1; k < Math.min(lines.length, titleAt + 4); k++) {
      const m = lines[k].match(REPOST)
      if (!m) continue
      repost = { name: (m[1] ?? m[3]).trim(), url: m[2] ?? m[4] }
      poster = lines[k].match(POSTER)?.[1]?.trim() || undefined
      bodyStart = k + 1
      break
    }
    const body = lines.slice(bodyStart).join('\n')
    if (!body.trim()) return fail('format/no-body', 'format', `gh-markdown: "${title}" has a title but no body text`, locator)
    const html = renderBody(body)
    const dateHints: DateHint[] = [
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
