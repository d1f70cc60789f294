import type { Article } from '../../article.js'
import { queryWords } from '../../store/fts-query.js'
import { occurrences } from '../../store/snippet.js'
import { foldText } from '../../normalize/fold.js'
import type { SearchHit } from '../../store/store.js'
import type { View } from '../../api/view.js'
import type { PageContext } from '../context.js'
import { html, href, type Markup } from '../html.js'
import { page } from '../layout.js'

const CONTEXT_CHARS = 50

/**
 * A passage around the first hit with every hit in <mark>; matched on the folded text
 * (Traditional finds Simplified) and cut from the text as published.
 */
export function highlighted(ctx: PageContext, text: string, words: readonly string[]): Markup {
  const terms = words.filter(Boolean)
  for (const para of text.split(/\n{2,}/)) {
    const folded = foldText(para)
    if (folded.length !== para.length) continue
    const marks = new Array<boolean>(para.length).fill(false)
    for (const w of terms) for (const i of occurrences(folded, w)) marks.fill(true, i, i + w.length)
    const first = marks.indexOf(true)
    if (first < 0) continue
    const start = Math.max(0, first - CONTEXT_CHARS)
    const end = Math.min(para.length, first + CONTEXT_CHARS * 2)
    const parts: Markup[] = []
    let i = start
    while (i < end) {
      let j = i
      while (j < end && marks[j] === marks[i]) j++
      parts.push(marks[i] ? html`<mark>${ctx.shown(para.slice(i, j))}</mark>` : html`${ctx.shown(para.slice(i, j))}`)
      i = j
    }
    return html`${start > 0 ? '…' : ''}${parts}${end < para.length ? '…' : ''}`
  }
  return html`${ctx.shown(text.slice(0, CONTEXT_CHARS * 2))}…`
}

/** `full`: the hits' articles with their text, for the highlighted passage. */
/** Which page of results this is, whether more follow, and whether the query was cut to its beginning. */
export interface SearchPaging {
  readonly page: number
  /** The first result's number on this page (1-based). */
  readonly from: number
  readonly more: boolean
  readonly cut: boolean
}

export function searchPage(ctx: PageContext, view: View, q: string, hits: readonly SearchHit[], full: ReadonlyMap<string, Article>, paging: SearchPaging = { page: 1, from: 1, more: false, cut: false }): string {
  const t = ctx.t
  const words = queryWords(q)
  // The pages of a query cut to its beginning say so too (the links carry the cut query).
  const at = (n: number) => `/search?${new URLSearchParams({ q, ...(n > 1 ? { page: String(n) } : {}), ...(paging.cut ? { cut: '1' } : {}) })}`
  // "1–50 of more" when another page follows: the index is not counted to the end.
  const count = hits.length ? (paging.from > 1 || paging.more ? `${paging.from}–${paging.from + hits.length - 1}${paging.more ? '+' : ''}` : `${hits.length}`) : '0'
  const body = html`<h1>${t('search')}</h1>
<form class="filters" action="/search" method="get"><input type="search" name="q" value="${q}" size="40" aria-label="${t('search')}"><button>${t('search')}</button></form>
${paging.cut ? html`<p class="muted">${t('queryCut')}</p>` : ''}
${q ? html`<p class="muted">${count} ${t('results')}</p>` : ''}
${q && !hits.length ? html`<p>${t('noResults')}</p>` : ''}
<div class="hits">${hits.map((h) => {
    const a = full.get(h.id)
    const eventId = view.eventOfArticle.get(h.id)
    return html`<div class="hit" data-article="${h.id}"><a class="title" href="${href('articles', h.id)}">${highlighted(ctx, h.title, words)}</a>
  <div class="meta">${ctx.outletName(view.outlet(h.outletId).names)} · ${h.publishedAt?.slice(0, 10) ?? t('unknownDate')}${eventId ? html` · <a href="${href('events', eventId)}">${t('event')} ${eventId}</a>` : ''}</div>
  <div class="snippet">${a ? highlighted(ctx, a.text, words) : h.snippet}</div></div>`
  })}</div>
${paging.page > 1 || paging.more ? html`<div class="pager">${paging.page > 1 ? html`<a href="${at(paging.page - 1)}">${t('prevPage')}</a>` : ''}${paging.more ? html`<a rel="next" href="${at(paging.page + 1)}">${t('next')}</a>` : ''}</div>` : ''}`
  return page(ctx, q ? `${t('search')}: ${q}` : t('search'), body)
}
