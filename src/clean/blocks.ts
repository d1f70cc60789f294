import type { BlockType } from '../article.js'
import { contrastWithWhite, parseColor } from './colors.js'
import { type AnyNode, type Element, isTag, isText, styleOf } from './dom.js'
import { unwrapUrl } from './trackers.js'
import { stripZeroWidth } from './watermarks.js'

/** A block before boilerplate removal, with the measurements that removal needs. */
export interface RawBlock {
  type: BlockType
  text: string
  linkChars: number
  src?: string
  caption?: string
  isCaptionStyled: boolean
}

const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'table', 'tbody', 'thead', 'tr', 'td', 'th', 'ul', 'ol', 'dl', 'dd', 'dt', 'center', 'address', 'hr', 'body', 'html'])
const TYPED: Record<string, BlockType> = { h1: 'h', h2: 'h', h3: 'h', h4: 'h', h5: 'h', h6: 'h', blockquote: 'quote', li: 'li', pre: 'pre', figure: 'figure' }
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f'
const NEWLINE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s*\\n\\s*(?=[${CJK}])`, 'g')

/** Whitespace as a reader sees it: source line breaks between Chinese characters vanish. */
export function tidyText(s: string): string {
  const visible = stripZeroWidth(s)
  // The look-behind is tried at every position: skip it when there is no line break to remove.
  return (visible.includes('\n') ? visible.replace(NEWLINE_BETWEEN_CJK, '') : visible).replace(/[\s\u00a0]+/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
}

/** Grey, small, centred or explicitly captioned text right under a picture is its caption. */
function isCaptionStyle(el: Element): boolean {
  if (['small', 'figcaption', 'cite'].includes(el.name)) return true
  if (/caption|credit/i.test(el.attribs.class ?? '')) return true
  if ((el.attribs.align ?? '').toLowerCase() === 'center') return true
  const style = styleOf(el)
  if (style['text-align'] === 'center') return true
  const rgb = style.color ? parseColor(style.color) : undefined
  return rgb !== undefined && contrastWithWhite(rgb) < 7 && Math.max(...rgb) - Math.min(...rgb) < 40
}

function imageSrc(el: Element): string | undefined {
  const raw = el.attribs['data-src'] || el.attribs['data-original'] || el.attribs.src || ''
  if (!raw || raw.startsWith('data:')) return undefined
  if (el.attribs.width === '1' && el.attribs.height === '1') return undefined // tracking pixel
  return unwrapUrl(raw)
}

/** DOM → blocks. Recursive: callers cap the tree depth first (dom.capDepth). */
export function toBlocks(root: AnyNode[]): RawBlock[] {
  const blocks: RawBlock[] = []
  let buf = ''
  let linkChars = 0
  let captionStyled = false
  const types: BlockType[] = []

  const flush = () => {
    const text = tidyText(buf)
    if (text) blocks.push({ type: types[types.length - 1] ?? 'p', text, linkChars: Math.min(linkChars, text.length), isCaptionStyled: captionStyled })
    buf = ''
    linkChars = 0
    captionStyled = false
  }

  const visit = (node: AnyNode, inLink: boolean, styled: boolean) => {
    if (isText(node)) {
      buf += node.data
      if (inLink) linkChars += tidyText(node.data).length
      if (styled && node.data.trim()) captionStyled = true
      return
    }
    if (!isTag(node)) return
    const name = node.name
    if (name === 'br') return flush()
    if (name === 'img') {
      flush()
      const src = imageSrc(node)
      if (src) blocks.push({ type: 'figure', text: '', linkChars: 0, src, caption: tidyText(node.attribs.title ?? '') || undefined, isCaptionStyled: false })
      return
    }
    const typed = TYPED[name]
    const isBlock = typed !== undefined || BLOCK.has(name)
    if (isBlock) flush()
    if (typed && typed !== 'figure') types.push(typed)
    const childStyled = styled || isCaptionStyle(node) || (typed === 'figure')
    for (const child of node.children) visit(child, inLink || name === 'a', childStyled)
    if (isBlock) flush()
    if (typed && typed !== 'figure') types.pop()
  }
  for (const n of root) visit(n, false, false)
  flush()
  return attachCaptions(blocks)
}

// Captions are short; a longer styled line is body text that happens to be centred.
const MAX_CAPTION_CHARS = 90

function attachCaptions(blocks: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = []
  for (const b of blocks) {
    const prev = out[out.length - 1]
    const looksLikeCaption = b.isCaptionStyled || /^[(（].*[)）]$/.test(b.text)
    if (prev?.type === 'figure' && !prev.caption && b.type !== 'figure' && looksLikeCaption && b.text.length <= MAX_CAPTION_CHARS) {
      prev.caption = b.text
      continue
    }
    out.push(b)
  }
  return out
}
