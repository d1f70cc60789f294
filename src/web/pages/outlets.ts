import type { OutletRow } from '../../store/store.js'
import type { View } from '../../api/view.js'
import { TYPE_COLOURS, volumeChart } from '../charts.js'
import type { PageContext } from '../context.js'
import { html, href, trusted } from '../html.js'
import { page } from '../layout.js'
import { eventItem } from './home.js'

const swatch = (colour: string) => trusted(`<svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${colour}"/></svg>`)

export function outletsPage(ctx: PageContext, view: View, rows: readonly OutletRow[]): string {
  const t = ctx.t
  const body = html`<h1>${t('outlets')}</h1>
<table class="outlets"><thead><tr><th>${t('outlet')}</th><th>${t('type')}</th><th>${t('country')}</th><th>${t('articlesTitle')}</th><th>${t('events')}</th></tr></thead><tbody>
${rows.map((r) => {
    const f = view.outlet(r.id)
    return html`<tr><td><a href="${href('outlets', r.id)}">${f.names['zh-Hans']}</a>${f.names.en ? html` <span class="muted">${f.names.en}</span>` : ''}${r.known ? '' : html` <span class="badge">${t('notInRegistry')}</span>`}</td><td>${swatch(TYPE_COLOURS[f.type])} ${ctx.typeLabel(f.type)}</td><td>${f.country ?? ''}</td><td>${r.articles}</td><td>${view.eventsOfOutlet(r.id).length}</td></tr>`
  })}</tbody></table>`
  return page(ctx, t('outlets'), body)
}

const EVENTS_SHOWN = 50

export function outletPage(ctx: PageContext, view: View, d: { id: string; articles: number; volume: ReadonlyArray<{ month: string; articles: number }>; eventIds: readonly string[] }): string {
  const t = ctx.t
  const f = view.outlet(d.id)
  const events = d.eventIds.map((id) => view.eventById.get(id)!).filter(Boolean)
  const body = html`<p class="muted"><a href="/outlets">${t('outlets')}</a> › ${d.id}</p>
<h1>${f.names['zh-Hans']}${f.names['zh-Hant'] && f.names['zh-Hant'] !== f.names['zh-Hans'] ? ` / ${f.names['zh-Hant']}` : ''}${f.names.en ? html` <span class="muted">${f.names.en}</span>` : ''}</h1>
<dl class="facts">
  <dt>${t('type')}</dt><dd>${swatch(TYPE_COLOURS[f.type])} ${ctx.typeLabel(f.type)}</dd>
  ${f.country ? html`<dt>${t('country')}</dt><dd>${f.country}</dd>` : ''}
  ${f.owner ? html`<dt>${t('owner')}</dt><dd>${f.owner}</dd>` : ''}
  ${f.funding ? html`<dt>${t('funding')}</dt><dd>${f.funding}</dd>` : ''}
  ${f.sources.length ? html`<dt>${t('sources')}</dt><dd><ul class="plain">${f.sources.map((s) => html`<li><code>${s}</code></li>`)}</ul></dd>` : ''}
  <dt>${t('articlesTitle')}</dt><dd>${d.articles}</dd>
  ${f.known ? '' : html`<dt></dt><dd>${t('notInRegistry')}</dd>`}${f.edited ? html`<dt></dt><dd>${t('edited')}</dd>` : ''}
</dl>
<h2>${t('volume')}</h2>${volumeChart(d.volume, `${t('volume')}: ${f.names['zh-Hans']}`)}
<h2>${t('events')} (${events.length})</h2>
<ol class="events">${events.slice(0, EVENTS_SHOWN).map((e) => eventItem(ctx, view, e))}</ol>
${events.length > EVENTS_SHOWN ? html`<p><a href="${`/?outlet=${encodeURIComponent(d.id)}`}">${t('more')}</a></p>` : ''}`
  return page(ctx, f.names['zh-Hans'], body)
}
