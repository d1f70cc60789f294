import type { Block, Cleaned, Image } from '../article.js'
import { dropCommentDelimited, dropEmptyFrames, dropSelected } from './ads.js'
import { type RawBlock, toBlocks } from './blocks.js'
import { dropHeadFurniture, dropLeadingAppeals, dropLeadingCredits, dropLeadingNav, dropRepeats, dropTitleRepeat, dropTrailingFooter } from './boilerplate.js'
import { capDepth, parseHtml } from './dom.js'
import { defaultRules, type CleanRules } from './rules.js'
import { dropInvisible } from './watermarks.js'

export interface CleanOptions {
  readonly rules?: CleanRules
  readonly outletId?: string
  readonly leadImage?: string
  /** The headline, which pages repeat as the first paragraph. */
  readonly title?: string
}

// Deeper than any real article layout; keeps recursive library code safe (see capDepth).
const MAX_DEPTH = 200

/** Article HTML (hostile, dirty) → plain text paragraphs, captioned images and display blocks. */
export function cleanHtml(html: string, opts: CleanOptions = {}): Cleaned {
  const rules = opts.rules ?? defaultRules()
  const doc = parseHtml(html)
  capDepth(doc, MAX_DEPTH)
  dropCommentDelimited(doc, rules)
  dropSelected(doc, [...rules.dropSelectors, ...(opts.outletId ? rules.outletDropSelectors[opts.outletId] ?? [] : [])])
  dropInvisible(doc)
  dropEmptyFrames(doc)
  let raw = toBlocks(doc.children)
  const totalChars = raw.reduce((n, b) => n + b.text.length, 0)
  const linkShare = totalChars ? raw.reduce((n, b) => n + b.linkChars, 0) / totalChars : 0
  // The footer goes first: an article's first block is never cut as footer, and a credit line
  // above a page of nothing but footer is no article either.
  raw = dropLeadingCredits(dropLeadingNav(dropTrailingFooter(raw, rules), rules), rules)
  raw = dropRepeats(dropTitleRepeat(dropHeadFurniture(dropLeadingAppeals(raw, rules), rules), opts.title))
  raw = raw.filter((b) => b.type !== 'figure' || !isPlaceholder(b.src!, rules))
  return { ...assemble(raw, opts.leadImage && !isPlaceholder(opts.leadImage, rules) ? opts.leadImage : undefined), linkShare }
}

function isPlaceholder(src: string, rules: CleanRules): boolean {
  const host = src.match(/^(?:https?:)?\/\/([^/?#]+)/i)?.[1]?.toLowerCase()
  return !!host && rules.placeholderImageHosts.some((h) => host === h || host.endsWith(`.${h}`))
}

function assemble(raw: RawBlock[], leadImage: string | undefined): Omit<Cleaned, 'linkShare'> {
  const blocks: Block[] = []
  const images: Image[] = []
  const seen = new Set<string>()
  for (const b of raw) {
    if (b.type === 'figure') {
      if (seen.has(b.src!)) continue
      seen.add(b.src!)
      images.push(b.caption ? { src: b.src!, caption: b.caption } : { src: b.src! })
      blocks.push(b.caption ? { type: 'figure', src: b.src, caption: b.caption } : { type: 'figure', src: b.src })
    } else blocks.push({ type: b.type, text: b.text })
  }
  // The front-matter header image is usually the body's first picture; list it once.
  if (leadImage && !images.some((i) => sameImage(i.src, leadImage))) images.unshift({ src: leadImage })
  const text = blocks.filter((b) => b.type !== 'figure').map((b) => b.text).join('\n\n')
  return { text, images, blocks }
}

const sameImage = (a: string, b: string) => a.split('?')[0] === b.split('?')[0]
