import MarkdownIt from 'markdown-it'
import cjkFriendly from 'markdown-it-cjk-friendly'
import { fail, ok, type DateHint, type Draft, type OutletHint } from '../../article.js'
import type { Format, FormatInput } from './format.js'
import { hasFrontMatter, list, splitFrontMatter, str } from './front-matter.js'

// html: true because archived Markdown embeds raw HTML blocks; sanitizing happens in clean/.
// CommonMark does not take ** for emphasis where the mark sits between Chinese punctuation and a
// letter (**红利之争：**拿着…), so the stars would stay in the text: the CJK-friendly
// amendment (markdown-it-cjk-friendly) reads them as Chinese writers mean them. Indented code
// blocks are off: in archived news an indented line is an indented paragraph or the inside of
// an HTML block, never code (fences still make code), and as code its tags would become text.
const md = new MarkdownIt({ html: true, linkify: false, breaks: false }).use(cjkFriendly).disable('code')

/**
 * Archive bodies are often plain HTML saved with a .md name, which pass through untouched.
 * But Markdown that merely opens with an HTML block (a <figure> before the first paragraph)
 * has paragraphs of its own: a chunk after a blank line that starts, less than four spaces
 * in, with text rather than a tag. Passed through as HTML, its headings, rules and links
 * would stay as literal `###`, `---` and `[…](…)` and its paragraphs run together.
 */
export function isHtmlBody(body: string): boolean {
  return HTML_START.test(body) && !body.split(/\r?\n[ \t]*\r?\n/).some((chunk) => MARKDOWN_CHUNK.test(chunk))
}
const HTML_START = /^\s*<(div|article|section|p|html|body|table|figure|span|h[1-6]|main|header|!--)[\s>]/i
const MARKDOWN_CHUNK = /^[\r\n]*[ ]{0,3}[^\s<]/

// Static-site shortcodes ({{< video ... >}}, {% include x %}) are template calls, not text.
const SHORTCODE = /\{\{[<%][\s\S]*?[>%]\}\}|\{%[\s\S]*?%\}/g

// Wiki links that reposting tools leave in the text ([[zh:中国]], [[target|label]]): their words.
// No Markdown library reads this MediaWiki syntax, and only the words are wanted. Not a
// Markdown link whose text is bracketed ([[1]](#note)), and never inside code.
const WIKI_LINK = /\[\[(?:[a-z]{2,3}(?:-[a-z]{2,4})?:)?([^[\]|\n]{1,80})(?:\|([^[\]\n]{1,80}))?\]\](?!\()/gi
// Converters that end one bold run and open the next at once write '****' ("**甲****乙**"), which no
// Markdown reader takes for emphasis: the stars would stay in the text. Only on a line with other
// bold marks; a lone run of four stars is a rule or a mask (操****).
const EMPTY_STRONG = /(?<!\*)\*{4}(?!\*)/g
function mergeBoldRuns(text: string): string {
  if (!text.includes('****')) return text
  return text
    .split('\n')
    .map((line) => {
      const merged = line.replace(EMPTY_STRONG, '')
      return merged.includes('**') ? merged : line
    })
    .join('\n')
}
// A line that is one bold run with a space inside its stars ("**中国禁海外赌博令玩真的? **", how
// GNews reposts write subheadings): CommonMark takes no emphasis there and would keep the stars
// in the text. The run is closed up; only whole lines, where the stars can only be a pair.
const PADDED_BOLD_LINE = /^([ \t]*)\*\*[ \t]*([^*\n]*?[^*\s])[ \t]*\*\*[ \t]*$/gm
// Images whose brackets a converter escaped (!\[\](url), inside a link's text): read as images.
const ESCAPED_IMAGE = /!\\\[([^\]\n]{0,200}?)\\\]\(/g
// Fenced blocks and code spans, which keep their text as written. Lengths are bounded and a
// run of backticks opens a span only whole: hostile input (a line of 100,000 backticks or of
// '!\\[') must not take quadratic time.
const CODE = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))[^\n]*\n[\s\S]*?(?:^ {0,3}\1[ \t]*$|(?![\s\S]))|(?<!`)(`+)(?!`)[^\n]{0,1000}?(?<!`)\2(?!`)/gm

/** `body` with `fix` applied to everything but its code. */
function outsideCode(body: string, fix: (text: string) => string): string {
  let out = ''
  let at = 0
  for (const m of body.matchAll(CODE)) {
    out += fix(body.slice(at, m.index)) + m[0]
    at = m.index + m[0].length
  }
  return out + fix(body.slice(at))
}

// markdown-it stops reading past 100 levels of nesting and drops the rest of the text (its
// guard against hostile input). Markdown nests that deep only through its line prefixes — a
// run of quote marks (>>>>…) or of indenting spaces (lists in lists) — so those are cut to a
// depth markdown-it reads: deeper lines are read at the deepest level kept, not lost.
const DEEP_QUOTE = /^((?:[ \t]{0,3}>){16})(?:[ \t]{0,3}>)+/gm
const DEEP_INDENT = /^[ \t]{64,}/gm
const KEPT_INDENT = ' '.repeat(64)
const shallow = (text: string) => text.replace(DEEP_QUOTE, '$1').replace(DEEP_INDENT, KEPT_INDENT)

export const renderBody = (body: string): string => {
  const text = outsideCode(body, (t) => mergeBoldRuns(t.replace(WIKI_LINK, (_, target: string, label?: string) => label ?? target).replace(ESCAPED_IMAGE, '![$1](')).replace(PADDED_BOLD_LINE, '$1**$2**'))
  return isHtmlBody(text) ? text.replace(BOLD_IN_HTML, '$1<strong>$2</strong>') : md.render(shallow(text.replace(SHORTCODE, '')))
}

// Feed converters write Markdown bold inside the HTML they save (<p>**有雄心胜于匆忙** </p>); no
// HTML reader takes it, so the stars would stay in the text. A pair on one line around a short
// run without tags or stars; four stars in a row are a mask (操****), not a pair.
const BOLD_IN_HTML = /(^|[^*\\])\*\*(?![*\s])([^*<>\n]{1,80}?)(?<![*\s])\*\*(?!\*)/g

const HEADING = /^\s{0,3}#{1,2}\s+(.+?)\s*#*\s*$/m

/** Path segments as outlet evidence: archives file posts under folders named for the outlet. */
export function pathHints(locator: string): OutletHint[] {
  if (/^[a-z]+:\/\//i.test(locator)) return []
  return locator
    .split(/[\\/]/)
    .slice(0, -1)
    .filter((seg) => seg && !seg.startsWith('.') && !/^\d+(-\d+)?$/.test(seg))
    .map((value) => ({ kind: 'path' as const, value }))
}

export const fileName = (locator: string): string => locator.split(/[\\/]/).pop() ?? locator

/** Plain Markdown, with or without front matter (Wayback archives, notes, generic posts). */
export const markdown: Format = {
  name: 'markdown',
  detect: ({ text, locator }) => hasFrontMatter(text) || /\.(md|markdown|txt)$/i.test(locator) || HEADING.test(text.slice(0, 2000)),
  parse({ text, locator }) {
    const split = splitFrontMatter(text)
    if (split.kind === 'unclosed')
      return fail('format/unclosed-front-matter', 'format', `markdown: front matter opened on line ${split.openLine} is never closed with '---'`, locator)
    const data = split.kind === 'ok' ? split.fm.data : {}
    let body = split.kind === 'ok' ? split.fm.body : text
    const heading = body.match(HEADING)
    const title = str(data.title) ?? heading?.[1]?.trim()
    if (!title) return fail('format/missing-title', 'format', 'markdown: no title in front matter and no # heading', locator)
    // A leading heading that repeats the title is not body text.
    if (heading && heading.index !== undefined && heading[1].trim() === title && body.slice(0, heading.index).trim() === '')
      body = body.slice(heading.index + heading[0].length)
    const url = str(data.original_url) ?? str(data.url) ?? str(data.link) ?? str(data.source)
    const dateHints: DateHint[] = [
      ...[data.date, data.published, data.pubDate].map((v) => str(v)).filter((v): v is string => !!v).map((value) => ({ value, source: 'front-matter' as const })),
      ...(url ? [{ value: url, source: 'url' as const }] : []),
      { value: fileName(locator), source: 'path' },
    ]
    const draft: Draft = {
      format: 'markdown',
      title,
      html: renderBody(body),
      dateHints,
      outletHints: [
        ...list(data.outlet ?? data.source_name).map((value) => ({ kind: 'meta' as const, value })),
        ...(url ? [{ kind: 'url' as const, value: url }] : []),
        ...pathHints(locator),
      ],
      author: str(data.author),
      url,
      section: str(data.category) ?? str(data.categories),
      tags: list(data.tags),
    }
    return ok(draft)
  },
}
