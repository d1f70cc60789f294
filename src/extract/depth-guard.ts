/**
 * htmlparser2 keeps its open-element stack with unshift/shift, so parsing costs O(depth²):
 * 100k nested divs take 8 s, a million would take minutes. This linear scan estimates the
 * nesting depth first, and a hostile page is flattened to text-with-breaks before any parser
 * sees it. The text survives; only the structure, which was nonsense anyway, is lost.
 */

/** Far above real pages (~40), far below where the parser's quadratic stack starts to hurt. */
export const MAX_SAFE_DEPTH = 5_000

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
/** The parser closes these itself when a sibling opens, so unclosed ones do not nest. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'tbody', 'thead', 'tfoot'])
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g
const RAW_TEXT = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi

export function estimateDepth(html: string): number {
  let depth = 0
  let max = 0
  TAG.lastIndex = 0
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2].toLowerCase()
    if (VOID.has(name) || SELF_CLOSING_SIBLINGS.has(name) || m[3]) continue
    if (m[1]) depth = Math.max(0, depth - 1)
    else if (++depth > max) max = depth
  }
  return max
}

const BLOCK_TAG = /<\/?(p|div|br|li|tr|td|th|h[1-6]|blockquote|pre|table|section|article|ul|ol|dl|dt|dd|hr)\b[^>]*>/gi
const JSON_LD = /^<script\b[^>]*ld\+json/i
/** Metadata neither nests nor is body text: void elements of the head. */
const META_TAG = /<(?:meta|link|base)\b[^>]*>/gi

/**
 * Every block tag becomes a `<br>`, every other tag goes; scripts and styles go with their text.
 * What the page says about itself (title, `<meta>`, JSON-LD) is put back in front, unnested, so
 * a hostile page keeps its headline, dates and author.
 */
export function flattenTags(html: string): string {
  const head: string[] = []
  const text = html
    .replace(RAW_TEXT, (el, name: string) => {
      if (name.toLowerCase() === 'title' || JSON_LD.test(el)) head.push(el)
      return ' '
    })
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(META_TAG, (tag) => {
      head.push(tag)
      return ''
    })
    .replace(BLOCK_TAG, '<br>')
    .replace(/<(?!br>)[^>]*>/g, '')
  return head.join('') + text
}
