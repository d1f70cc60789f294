import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import sanitizeHtml from 'sanitize-html'
import type { Article, Block } from '../article.js'
import { splitSentences, type Sentence } from '../analyze/sentences.js'
import type { PageContext } from './context.js'
import { html, trusted, type Markup } from './html.js'

// The last step before article content reaches a browser (STYLE.md: "HTML is hostile"): the
// body is built from plain text through `html` (escaped), then passed through sanitize-html
// with an allowlist of exactly the markup built here, so a bug upstream still cannot emit a
// script, a handler, a style, a remote URL or a frame.
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'pre', 'figure', 'figcaption', 'span', 'div', 'code', 'img', 'mark'],
  allowedAttributes: { span: ['id', 'class'], div: ['class'], p: ['class'], figure: ['class'], img: ['src', 'alt'] },
  allowedSchemes: [],
  allowedSchemesAppliedToAttributes: ['src', 'href'],
  allowProtocolRelative: false,
  // Only images served by this server (the local image cache) survive.
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^\/media\/[0-9a-f]{64}$/.test(frame.attribs.src ?? ''),
  disallowedTagsMode: 'discard',
}

export const sanitizeFragment = (markup: string): Markup => trusted(sanitizeHtml(markup, POLICY))

export const imageKey = (src: string) => createHash('sha256').update(src).digest('hex')

/** A remote image is shown only from the local cache; otherwise its address, as text. */
export function imageMarkup(ctx: PageContext, src: string, caption: string | undefined, cacheDir: string | undefined): Markup {
  const key = imageKey(src)
  const cached = cacheDir !== undefined && existsSync(join(cacheDir, key))
  const body = cached
    ? html`<img src="${`/media/${key}`}" alt="${caption ? ctx.shown(caption) : ''}">`
    : html`<div class="img-placeholder">${ctx.t('imageNotLoaded')} <code>${src}</code></div>`
  return html`<figure class="image">${body}${caption ? html`<figcaption>${ctx.shown(caption)}</figcaption>` : ''}</figure>`
}

/**
 * The article body with every sentence an anchor (#s0, #s1, … numbered as the comparison
 * cites them), figures in place, and nothing else.
 */
export function articleBody(ctx: PageContext, a: Article, cacheDir: string | undefined): Markup {
  const sentences = splitSentences(a.text)
  const byParagraph = new Map<number, Sentence[]>()
  for (const s of sentences) byParagraph.set(s.paragraph, [...(byParagraph.get(s.paragraph) ?? []), s])
  const paragraphs = a.text.split(/\n\s*\n/)
  const textBlocks = a.blocks.filter((b) => b.text !== undefined)
  // Blocks carry the layout (headings, figures in place) when they line up with the text.
  const blocks: readonly Block[] =
    textBlocks.length === paragraphs.length && textBlocks.map((b) => b.text).join('\n\n') === a.text
      ? a.blocks
      : [...paragraphs.map((text): Block => ({ type: 'p', text })), ...a.images.map((i): Block => ({ type: 'figure', src: i.src, caption: i.caption }))]
  let p = 0
  const parts = blocks.map((b) => {
    if (b.text === undefined) return b.src ? imageMarkup(ctx, b.src, b.caption, cacheDir) : html``
    const inner = withAnchors(ctx, paragraphs[p] ?? b.text, byParagraph.get(p) ?? [])
    p++
    switch (b.type) {
      case 'h':
        return html`<h3>${inner}</h3>`
      case 'quote':
        return html`<blockquote>${inner}</blockquote>`
      case 'li':
        return html`<ul><li>${inner}</li></ul>`
      case 'pre':
        return html`<pre>${inner}</pre>`
      default:
        return html`<p>${inner}</p>`
    }
  })
  return sanitizeFragment(html`${parts}`.value)
}

/** The paragraph as published, each of its sentences wrapped in a span with its anchor. */
function withAnchors(ctx: PageContext, paragraph: string, sentences: readonly Sentence[]): Markup {
  const text = paragraph.replace(/\s*\n\s*/g, ' ').trim()
  const out: Markup[] = []
  let at = 0
  for (const s of sentences) {
    const i = text.indexOf(s.text, at)
    if (i < 0) {
      out.push(html`<span class="s" id="${`s${s.n}`}">${ctx.shown(s.text)}</span>`)
      continue
    }
    if (i > at) out.push(html`${ctx.shown(text.slice(at, i))}`)
    out.push(html`<span class="s" id="${`s${s.n}`}">${ctx.shown(s.text)}</span>`)
    at = i + s.text.length
  }
  if (at < text.length) out.push(html`${ctx.shown(text.slice(at))}`)
  return html`${out}`
}
