import type { Article } from '../../article.js'
import { placement } from '../../cluster/features.js'
import type { Comparison } from '../../compare/compare.js'
import type { EventSummary, View } from '../../api/view.js'
import { coverageBar, typeLegend } from '../charts.js'
import type { PageContext } from '../context.js'
import { html, href, type Markup } from '../html.js'
import { page } from '../layout.js'
import { locate, sentenceHref } from './cite.js'

// Unique claims past this many per outlet fold into "more": the most informative come first.
const UNIQUE_SHOWN = 6

/** `full`: the event's articles with their text (to find the sentences figures and quotes cite). */
export function eventPage(ctx: PageContext, view: View, e: EventSummary, c: Comparison, full: ReadonlyMap<string, Article>): string {
  const t = ctx.t
  const outletName = (id: string) => ctx.outletName(view.outlet(id).names)
  const claimById = new Map(c.claims.map((x) => [x.id, x]))
  const cites = (claimId: string, only?: string) => {
    const claim = claimById.get(claimId)!
    const sentences = claim.sentences.filter((s) => !only || s.outlet === only)
    // A sentence that tells the claim as expected, not as happened, is marked so.
    return html`<span class="cites">${sentences.map(
      (s) => html`<a href="${sentenceHref(s.articleId, s.sentence)}" title="${ctx.shown(s.text)}"${s.expected ? html` class="expected"` : ''}>${outletName(s.outlet)} §${s.sentence + 1}${s.expected ? html` ${t('expectedMark')}` : ''}</a>`,
    )}</span>`
  }
  const repeated = (claimId: string): Markup => {
    const by = claimById.get(claimId)!.relayedBy
    return by.length ? html` <span class="meta repeated">（${t('repeatedBy')}${by.map(outletName).join('、')}）</span>` : html``
  }
  const claimLi = (claimId: string, only?: string) => html`<li class="claim" data-claim="${claimId}">${ctx.shown(claimById.get(claimId)!.text)}${repeated(claimId)} ${cites(claimId, only)}</li>`
  const list = (ids: readonly string[], only?: string): Markup => (ids.length ? html`<ul>${ids.map((id) => claimLi(id, only))}</ul>` : html`<p class="muted">${t('none')}</p>`)

  // One row of outlets side by side (who, what headline, when), then the same columns for
  // what each says alone, leaves out, and the words it prefers.
  // Each report on the day clustering placed it (as `jianting event` shows it): where that is
  // not its publication date, marked * with the publication date beside it.
  const placements = new Map(c.articles.map((a) => [a.id, full.has(a.id) ? placement(full.get(a.id)!) : undefined]))
  const dateOf = (a: Comparison['articles'][number]): Markup => {
    const p = placements.get(a.id)
    if (p?.estimated && !p.moved) return html`<span class="meta date estimated">${p.published}~</span>`
    if (!p?.moved) return html`<span class="meta date">${a.publishedAt?.slice(0, 16).replace('T', ' ') ?? t('unknownDate')}</span>`
    const published = p.published ? `${t('publishedOn')} ${p.published}` : t('noPublishedDate')
    return html`<span class="meta date placed" data-placed="${p.placed ?? ''}" data-published="${p.published ?? ''}">${p.placed ?? t('unknownDate')}* <span class="published">(${published})</span></span>`
  }
  const anyMoved = [...placements.values()].some((p) => p?.moved)
  const anyEstimated = [...placements.values()].some((p) => p?.estimated && !p.moved)
  // A cited sentence that tells its claim as expected, not as happened, is marked （预期）: said once under the columns.
  const anyExpected = c.claims.some((x) => x.sentences.some((s) => s.expected))
  const heads = c.outlets.map((o) => {
    const facts = view.outlet(o.id)
    const articles = c.articles.filter((a) => a.outlet === o.id)
    return html`<section class="col outlet-col" data-outlet="${o.id}">
  <h3><a href="${href('outlets', o.id)}">${outletName(o.id)}</a> <span class="badge">${ctx.typeLabel(facts.type)}</span></h3>
  <p class="meta">${[facts.country, facts.owner].filter(Boolean).join(' · ')}</p>
  ${articles.map(
    (a) => html`<p class="headline"><a href="${href('articles', a.id)}"><b>${ctx.shown(a.title)}</b></a><br>${dateOf(a)}
    ${a.before ? html` <span class="flag preview">${t('preview')}</span>` : ''}${a.background ? html` <span class="flag">${t('background')}</span>` : ''}${a.headlineOnly ? html` <span class="flag headline-only">${t('headlineOnly')}</span>` : ''}${
      a.comparedChars ? html` <span class="flag long" title="${a.comparedChars} / ${a.chars}">${t('longText')} ${a.comparedChars.toLocaleString('en')} / ${a.chars!.toLocaleString('en')}</span>` : ''
    }</p>`,
  )}
</section>`
  })
  const perOutlet = c.outlets.map((o) => {
    const unique = c.unique[o.id] ?? []
    return html`<section class="col outlet-claims" data-outlet="${o.id}">
  <h3>${outletName(o.id)}</h3>
  <h4>${t('onlyHere')} (${unique.length})</h4>${list(unique.slice(0, UNIQUE_SHOWN), o.id)}
  ${unique.length > UNIQUE_SHOWN ? html`<details><summary>${t('more')} (${unique.length - UNIQUE_SHOWN})</summary>${list(unique.slice(UNIQUE_SHOWN), o.id)}</details>` : ''}
  ${c.apart?.includes(o.id) ? html`<p class="muted apart">${t('apart')}</p>` : html`<h4>${t('leftOut')} (${(c.omissions[o.id] ?? []).length})</h4>${list(c.omissions[o.id] ?? [])}`}
  <h4>${t('vocabulary')}</h4>${(c.framing[o.id] ?? []).length ? html`<p class="terms">${(c.framing[o.id] ?? []).slice(0, 12).map((x) => html`<span title="${`z=${x.score.toFixed(1)}, ×${x.count}`}">${ctx.shown(x.term)}</span>`)}</p>` : html`<p class="muted">${t('none')}</p>`}
</section>`
  })

  const figures = c.figures
    .filter((g) => g.conflict || new Set(g.values.map((v) => v.outlet)).size >= 2)
    .map((g) => {
      const conflicting = new Set(g.conflicting.map((v) => `${v.articleId}|${v.text}|${v.sentence}`))
      return html`<div class="figure ${g.conflict ? 'conflict' : ''}" data-subject="${g.subject}">
  <h3>${ctx.shown(g.subject)} <span class="muted">(${g.unit})</span> ${g.conflict ? html`<span class="conflict-badge">${t('conflict')}</span>` : ''}</h3>
  <table><tbody>${g.values.map((v) => {
    const n = locate(full.get(v.articleId), v.sentence)
    const isConflict = conflicting.has(`${v.articleId}|${v.text}|${v.sentence}`)
    return html`<tr class="${isConflict ? 'conflict' : ''}"><td>${outletName(v.outlet)}</td><td><b>${ctx.shown(v.text)}</b>${v.modality === 'planned' ? html` <span class="badge">${t('planned')}</span>` : ''}${v.relayed ? html` <span class="badge">${t('relayedFrom')} ${v.relayed}</span>` : ''}</td><td><a href="${sentenceHref(v.articleId, n)}">${ctx.shown(v.sentence)}</a></td></tr>`
  })}</tbody></table>
</div>`
    })

  const speakers = new Map<string, typeof c.quotes[number][]>()
  for (const q of c.quotes) speakers.set(q.speaker, [...(speakers.get(q.speaker) ?? []), q])
  const quotes = [...speakers].map(
    ([speaker, qs]) => html`<div class="speaker"><h3>${ctx.shown(speaker)}</h3>${qs.map((q) => {
      const first = q.variants.find((v) => v.articleId === q.articleIds[0])
      return html`<div class="quote">${q.kind === 'quoted' ? '「' : ''}${ctx.shown(q.text)}${q.kind === 'quoted' ? '」' : ''}
  <span class="cites">${q.articleIds.map((aid) => {
    const a = view.article(aid)
    const v = q.variants.find((x) => x.articleId === aid) ?? first
    const n = locate(full.get(aid), v?.text ?? q.text) ?? locate(full.get(aid), (v?.text ?? q.text).slice(0, 12))
    return html`<a href="${sentenceHref(aid, n)}">${a ? outletName(a.outletId) : aid}</a>`
  })}</span></div>`
    })}</div>`,
  )

  const body = html`
<p class="muted"><a href="/">${t('events')}</a> › ${e.id}</p>
<h1>${ctx.shown(c.event.title)}</h1>
<p class="meta">${e.start?.slice(0, 10) ?? ''} – ${e.end?.slice(0, 10) ?? ''}${c.event.incidentDate ? ` · ${t('incident')} ${c.event.incidentDate}${c.event.incidentZone ? ` (${c.event.incidentZone})` : ''}` : ''} · ${e.articleCount} ${t('articles')}${e.copyCount ? ` (+${e.copyCount} ${t('plusCopies')})` : ''} · ${c.outlets.length} ${t('outletsCount')}
${e.storyId ? html` · ${t('story')}: <a href="${href('stories', e.storyId)}">${ctx.shown(view.storyById.get(e.storyId)?.title ?? e.storyId)}</a>` : ''} · <a href="${`/api/events/${encodeURIComponent(e.id)}/comparison`}">JSON</a></p>
${coverageBar(e.coverage, ctx.typeLabel, 320)}${typeLegend(Object.keys(e.coverage) as never, ctx.typeLabel)}
<h2>${t('sideBySide')}</h2>
<div class="cols">${heads}</div>
${anyMoved ? html`<p class="meta placed-help">${t('placedHelp')}</p>` : ''}
${anyEstimated ? html`<p class="meta estimated-help">${t('estimatedHelp')}</p>` : ''}
${anyExpected ? html`<p class="meta expected-help">${t('expectedHelp')}</p>` : ''}
${c.relays.length ? html`<p class="meta">${t('relays')}: ${c.relays.map((r) => html`${outletName(r.outlet)} ${t('relaysOf')} ${outletName(r.of)}; `)}</p>` : ''}
<h2>${t('summary')}</h2>${c.summary.length ? html`<ul class="summary">${c.summary.map((s) => html`<li>${ctx.shown(s)}</li>`)}</ul>` : html`<p class="muted">${t('none')}</p>`}
<h2>${t('figures')}</h2><div class="figures">${figures.length ? figures : html`<p class="muted">${t('none')}</p>`}</div>
<h2>${t('consensus')}</h2><p class="muted">${t('consensusHelp')}</p>
<div class="consensus">${list(c.consensus)}</div>
<h2>${t('onlyHere')} · ${t('leftOut')} · ${t('vocabulary')}</h2>
<div class="cols">${perOutlet}</div>
<h2>${t('quotes')}</h2><div class="quotes">${quotes.length ? quotes : html`<p class="muted">${t('none')}</p>`}</div>`
  return page(ctx, c.event.title, body)
}
