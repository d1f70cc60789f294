import { fail, ok, type DateHint, type OutletHint } from '../../article.js'
import type { Format } from './format.js'
import { list, splitFrontMatter, str } from './front-matter.js'
import { pathHints, renderBody } from './markdown.js'

// The feed-to-Hexo exporters behind these archives always write these keys; plain Markdown
// with front matter rarely has headimg/thumbnail/comments.
const HEXO_KEYS = /^\s*(headimg|thumbnail|comments)\s*:/m

/** Hexo post: front matter with `categories: [新媒体, <outlet>, <section>]`, HTML body. */
export const hexo: Format = {
  name: 'hexo',
  detect: ({ text }) => {
    const head = text.slice(0, 1500)
    return /^\ufeff?\s*---/.test(head) && /^\s*categories\s*:/m.test(head) && HEXO_KEYS.test(head)
  },
  parse({ text, locator }) {
    const split = splitFrontMatter(text)
    if (split.kind === 'none') return fail('format/unknown', 'format', 'hexo: no front matter', locator)
    if (split.kind === 'unclosed')
      return fail('format/unclosed-front-matter', 'format', `hexo: front matter opened on line ${split.openLine} is never closed with '---'`, locator)
    const { data, body } = split.fm
    const title = str(data.title)
    if (!title) return fail('format/missing-title', 'format', 'hexo: front matter has no title', locator)
    const categories = list(data.categories)
    const leadImage = str(data.headimg) ?? str(data.thumbnail)
    const dateHints: DateHint[] = [
      ...(str(data.date) ? [{ value: str(data.date)!, source: 'front-matter' as const }] : []),
      ...(leadImage ? [{ value: leadImage, source: 'image-path' as const }] : []),
    ]
    // categories[0] is the exporter's bucket (新媒体), [1] the outlet, [2] the outlet's section.
    const outletHints: OutletHint[] = [
      ...categories.slice(1, 2).map((value) => ({ kind: 'category' as const, value })),
      ...(str(data.author) ? [{ kind: 'author' as const, value: str(data.author)! }] : []),
      ...categories.slice(0, 1).map((value) => ({ kind: 'category' as const, value })),
      ...pathHints(locator),
    ]
    return ok({
      format: 'hexo',
      title,
      html: renderBody(body),
      dateHints,
      outletHints,
      author: str(data.author),
      url: str(data.link) ?? str(data.url),
      section: categories[2],
      tags: list(data.tags),
      leadImage,
    })
  },
}
