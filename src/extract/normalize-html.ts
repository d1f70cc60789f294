import { Parser } from 'htmlparser2'
import { defaultRules, type CleanRules } from '../clean/rules.js'
import { isInvisible, paintsBackground } from '../clean/watermarks.js'
import { estimateDepth, flattenTags, MAX_SAFE_DEPTH } from './depth-guard.js'

/** What the page says about itself outside the article body. */
export interface HeadInfo {
  readonly title?: string
  readonly lang?: string
  /** `<meta>` pairs keyed by the lower-cased name, property, itemprop or http-equiv. */
  readonly metas: readonly { readonly key: string; readonly content: string }[]
  readonly jsonLd: readonly string[]
  /** `datetime` attributes of `<time>` elements, in page order. */
  readonly times: readonly string[]
  /** `href` of the first `<link rel="canonical">`, as written. */
  readonly canonical?: string
}

export interface NormalizedHtml {
  /** One `<html><head>…</head><body>…</body></html>` document, safe to hand to a DOM. */
  readonly html: string
  readonly head: HeadInfo
  readonly elements: number
  readonly isDepthCapped: boolean
}

/**
 * Readability recurses over the tree and is quadratic in its depth: 10k nested divs overflow
 * the stack and 2k take a minute. Real article pages stay under ~40 levels.
 */
export const MAX_DEPTH = 100

/**
 * Never article text; dropping them early also shrinks huge pages before any DOM is built.
 * Forms, iframes and embeds stay: Readability counts them as evidence against a block.
 */
const DROP = new Set(['script', 'style', 'template', 'svg'])
const HEAD_ONLY = new Set(['title', 'meta', 'link', 'base'])
const SKIP_TAG = new Set(['html', 'head', 'body'])
export const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
])
export const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'center', 'caption',
])
const TAG_NAME = /^[a-z][a-z0-9:_-]*$/
const ATTR_NAME = /^[a-z_:][-a-z0-9_:.]*$/

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

function openTag(name: string, attribs: Record<string, string>): string {
  let out = `<${name}`
  for (const [k, v] of Object.entries(attribs)) if (ATTR_NAME.test(k)) out += ` ${k}="${escapeAttr(v)}"`
  return out + '>'
}

/**
 * Re-serializes any HTML soup as one well-formed document, in a single streaming pass that
 * builds no tree: scripts and styles go, elements past MAX_DEPTH are flattened into their
 * ancestor (text kept), and head elements are gathered into `<head>`. Saved pages arrive
 * wrapped in foreign elements, without `<body>`, or with `<meta>` in the body; a DOM built from
 * the result always has a body, and metadata is read once here for pages too big for a DOM.
 * Text a reader cannot see and comment-delimited ad sections go here, by the rules the clean
 * stage applies to other formats: extraction would otherwise keep them (Readability drops the
 * styles that show a watermark is invisible, and every comment).
 */
export function normalizeHtml(source: string, opts: { readonly baseUrl?: string; readonly rules?: CleanRules } = {}): NormalizedHtml {
  const rules = opts.rules ?? defaultRules()
  const headParts: string[] = []
  const body: string[] = []
  const metas: { key: string; content: string }[] = []
  const jsonLd: string[] = []
  const times: string[] = []
  let title: string | undefined
  let canonical: string | undefined
  let lang: string | undefined
  let elements = 0
  let isDepthCapped = false
  // One entry per open element: whether we wrote its tag (so its close tag is written too).
  const stack: { name: string; isEmitted: boolean; isDropped?: boolean; paintsBackground?: boolean }[] = []
  let backgrounds = 0 // open elements that paint a background: white text on them can be seen
  let depth = 0 // emitted elements currently open
  let dropDepth = 0 // > 0 inside a dropped element
  let capture: { kind: 'title' | 'json-ld' | 'skip'; text: string } | undefined
  // Where the output stood when an ad comment opened, and which element was open then.
  let adStart: { at: number; open: (typeof stack)[number] | undefined } | undefined

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (dropDepth > 0 || DROP.has(name) || (!SKIP_TAG.has(name) && isInvisible({ name, attribs }, backgrounds > 0))) {
          if (name === 'script' && /ld\+json/i.test(attribs.type ?? '') && dropDepth === 0) capture = { kind: 'json-ld', text: '' }
          const isDropped = !VOID.has(name)
          if (isDropped) dropDepth++
          return void stack.push({ name, isEmitted: false, isDropped })
        }
        // Counted from here on: dropped elements never get this far, void ones never enclose text.
        const bg = !VOID.has(name) && paintsBackground(attribs)
        if (bg) backgrounds++
        if (name === 'html') lang ??= attribs.lang || attribs['xml:lang'] || undefined
        if (name === 'time' && attribs.datetime) times.push(attribs.datetime)
        const isVoid = VOID.has(name)
        if (SKIP_TAG.has(name) || !TAG_NAME.test(name)) return void stack.push({ name, isEmitted: false, paintsBackground: bg })
        if (HEAD_ONLY.has(name)) {
          if (name === 'meta') {
            const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? attribs['http-equiv'] ?? '').toLowerCase()
            if (key && attribs.content !== undefined) metas.push({ key, content: attribs.content })
          }
          if (name === 'link' && /(^|\s)canonical(\s|$)/i.test(attribs.rel ?? '') && attribs.href) canonical ??= attribs.href
          if (name === 'title') capture = { kind: title === undefined ? 'title' : 'skip', text: '' }
          else headParts.push(openTag(name, attribs))
          return void stack.push({ name, isEmitted: false, paintsBackground: bg })
        }
        if (depth >= MAX_DEPTH) {
          isDepthCapped = true
          if (BLOCK.has(name) || name === 'br') body.push('<br>')
          return void stack.push({ name, isEmitted: false, paintsBackground: bg })
        }
        body.push(openTag(name, attribs))
        elements++
        if (!isVoid) depth++
        stack.push({ name, isEmitted: !isVoid, paintsBackground: bg })
      },
      ontext(text) {
        if (capture) capture.text += text
        else if (dropDepth === 0) body.push(escapeText(text))
      },
      oncomment(data) {
        if (dropDepth > 0) return
        if (rules.adCommentOpen.test(data)) adStart = { at: body.length, open: stack.at(-1) }
        else if (adStart && rules.adCommentClose.test(data)) {
          // Only a section that closes what it opened can be cut without unbalancing the page.
          if (stack.at(-1) === adStart.open) body.length = adStart.at
          adStart = undefined
        }
      },
      onclosetag(name) {
        // htmlparser2 closes implied and void elements itself, so closes mirror opens; the
        // search is only a guard against a mismatch leaving the stack skewed.
        let i = stack.length - 1
        while (i >= 0 && stack[i].name !== name) i--
        if (i < 0) return
        for (const entry of stack.splice(i).reverse()) {
          if (entry.paintsBackground) backgrounds--
          if (entry.isDropped) dropDepth--
          else if (entry.isEmitted) {
            body.push(`</${entry.name}>`)
            depth--
          } else if (depth >= MAX_DEPTH && BLOCK.has(entry.name)) body.push('<br>')
        }
        if (capture && (name === 'title' || name === 'script')) {
          if (capture.kind === 'title') title = capture.text.replace(/\s+/g, ' ').trim()
          else if (capture.kind === 'json-ld') {
            jsonLd.push(capture.text)
            // Readability reads title and byline from JSON-LD too, so it stays in the document.
            headParts.push(`<script type="application/ld+json">${capture.text.replace(/<\//g, '<\\/')}</script>`)
          }
          capture = undefined
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  const isHostile = estimateDepth(source) > MAX_SAFE_DEPTH
  parser.end(isHostile ? flattenTags(source) : source)
  isDepthCapped ||= isHostile
  const langAttr = lang ? ` lang="${escapeAttr(lang)}"` : ''
  const titleTag = title ? `<title>${escapeText(title)}</title>` : ''
  // Readability resolves links against <base>; the page's own base, if any, comes first.
  const hasBase = headParts.some((p) => p.startsWith('<base'))
  if (opts.baseUrl && !hasBase) headParts.unshift(`<base href="${escapeAttr(opts.baseUrl)}">`)
  const html = `<!DOCTYPE html><html${langAttr}><head>${titleTag}${headParts.join('')}</head><body>${body.join('')}</body></html>`
  return { html, head: { title, lang, metas, jsonLd, times, canonical }, elements, isDepthCapped }
}
