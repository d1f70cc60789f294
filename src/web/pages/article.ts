import type { Article } from '../../article.js'
import type { View } from '../../api/view.js'
import type { PageContext } from '../context.js'
import { html, href } from '../html.js'
import { page } from '../layout.js'
import { articleBody } from '../sanitize.js'

export function articlePage(ctx: PageContext, view: View, a: Article, copies: readonly Article[], cacheDir: string | undefined): string {
  const t = ctx.t
  const eventId = view.eventOfArticle.get(a.id)
  const event = eventId ? view.eventById.get(eventId) : undefined
  const others = copies.filter((c) => c.id !== a.id)
  const body = html`
<article class="reader" data-article="${a.id}">
<p class="muted"><a href="${href('outlets', a.outletId)}">${ctx.outletName(view.outlet(a.outletId).names)}</a>${a.via ? html` · ${t('via')} ${a.via.outlet}` : ''}</p>
<h1>${ctx.shown(a.title)}</h1>
<p class="meta">${t('published')} ${a.publishedAt ?? t('unknownDate')} (${t('dateFrom')} ${ctx.dateSourceLabel(a.dateSource)})${a.author ? html` · ${t('author')} ${ctx.shown(a.author)}` : ''}</p>
${event ? html`<p class="event-link">${t('inEvent')}: <a href="${href('events', event.id)}">${ctx.shown(event.title)}</a> (${event.outlets.length} ${t('outletsCount')}) · <a href="${href('events', event.id)}">${t('compareEvent')}</a></p>` : ''}
${a.duplicateOf ? html`<p class="flag">${t('copyOf')} <a href="${href('articles', a.duplicateOf)}">${a.duplicateOf}</a> (${a.duplicateReason ?? ''})</p>` : ''}
<div class="body">${articleBody(ctx, a, cacheDir)}</div>
</article>
<h2>${t('provenance')}</h2>
<dl class="facts provenance">
  <dt>${t('file')}</dt><dd>${a.provenance.kind}: ${a.provenance.locator}</dd>
  <dt>${t('format')}</dt><dd>${a.provenance.format}</dd>
  <dt>sha256</dt><dd><code>${a.provenance.sha256}</code></dd>
  ${a.url ? html`<dt>${t('originalUrl')}</dt><dd><code>${a.url}</code></dd>` : ''}
  ${a.via ? html`<dt>${t('via')}</dt><dd>${a.via.outlet}${a.via.url ? html` <code>${a.via.url}</code>` : ''}</dd>` : ''}
  <dt>${t('copies')}</dt><dd>${others.length ? html`<ul class="plain">${others.map((c) => html`<li><a href="${href('articles', c.id)}">${c.id}</a> ${c.outletName} · ${c.provenance.locator} ${c.duplicateReason ? `(${c.duplicateReason})` : ''}</li>`)}</ul>` : t('none')}</dd>
  <dt>id</dt><dd>${a.id} · <a href="${`/api/articles/${encodeURIComponent(a.id)}`}">JSON</a></dd>
</dl>`
  return page(ctx, a.title, body)
}
