import { contrastWithWhite, parseColor } from './colors.js'
import { type Document, type Element, isTag, removeNode, styleOf, walk } from './dom.js'

// Below this WCAG contrast ratio against white a reader cannot see the text (#F8F8F8 ≈ 1.06,
// light grey captions like #999 ≈ 2.8 stay).
const INVISIBLE_CONTRAST = 1.1

/** Does the element paint a background of its own (over which white text may well be seen)? */
export const paintsBackground = (attribs: Element['attribs']): boolean =>
  attribs.bgcolor !== undefined || /(^|;)\s*background/i.test(attribs.style ?? '')

/**
 * Forums stamp their name into reposted text in a colour the reader cannot see. `onBackground`:
 * an ancestor paints a background, so page-coloured text is not known to be invisible.
 */
export function isInvisible(el: Pick<Element, 'name' | 'attribs'>, onBackground = false): boolean {
  const style = styleOf(el)
  if (style.display === 'none' || style.visibility === 'hidden') return true
  if (/^0(px|pt|em|rem|%)?$/.test(style['font-size'] ?? '')) return true
  if (style.opacity !== undefined && Number(style.opacity) === 0) return true
  const color = style.color ?? (el.name === 'font' ? el.attribs.color : undefined)
  if (!color) return false
  const rgb = parseColor(color)
  // Text coloured like the page only hides when nothing paints a background behind it.
  return rgb !== undefined && !onBackground && !paintsBackground(el.attribs) && contrastWithWhite(rgb) < INVISIBLE_CONTRAST
}

export function dropInvisible(doc: Document): number {
  const doomed: Element[] = []
  walk(doc, (n) => {
    if (!isTag(n)) return true
    if (isInvisible(n)) {
      doomed.push(n)
      return false
    }
    return true
  })
  doomed.forEach(removeNode)
  return doomed.length
}

/** Zero-width and soft-hyphen characters: invisible, and used to fingerprint copies. */
export const stripZeroWidth = (s: string): string => s.replace(/[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g, '')
