import { OUTLET_TYPES } from '../../outlets/registry.js'
import { paginate } from '../../api/paginate.js'
import { filterEvents, type EventFilter, type EventSummary, type View } from '../../api/view.js'
import { coverageBar, typeLegend } from '../charts.js'
import type { PageContext } from '../context.js'
import { html, href, query, type Markup } from '../html.js'
import { page } from '../layout.js'

export interface HomeQuery extends EventFilter {
  readonly cursor?: string
  /** At least this many articles, and this many outlets (the API's `min` and `outlets`). */
  readonly min?: number
  readonly outlets?: number
}

const PAGE_SIZE = 30

const span = (ctx: PageContext, e: { start: string | null; end: string | null }) =>
  e.start ? `${e.start.slice(0, 10)}${e.end && e.end.slice(0, 10) !== e.start.slice(0, 10) ? ` – ${e.end.slice(0, 10)}` : ''}` : ctx.t('unknownDate')

export function eventItem(ctx: PageContext, view: View, e: EventSummary, prefix?: Markup): Markup {
  const names = e.outlets.map((o) => ctx.outletName(view.outlet(o).names))
  return html`<li class="event" data-event="${e.id}">
  ${prefix ?? ''}<a class="title" href="${href('events', e.id)}">${ctx.shown(e.title)}</a>
  <div class="meta">${span(ctx, e)} · ${e.articleCount} ${ctx.t('articles')} · ${e.outlets.length} ${ctx.t('outletsCount')}: ${names.join('、')}</div>
  ${coverageBar(e.coverage, ctx.typeLabel)}
</li>`
}

export function homePage(ctx: PageContext, view: View, q: HomeQuery): string {
  const t = ctx.t
  const events = filterEvents(view, { ...q, minArticles: q.min, minOutlets: q.outlets })
  const shown = paginate(events, { limit: PAGE_SIZE, cursor: q.cursor })
  const typesPresent = OUTLET_TYPES.filter((ty) => view.outletIds.some((o) => view.outlet(o).type === ty))
  const base = { since: q.since, until: q.until, outlet: q.outlet, type: q.type, blindspot: q.blindspot ? 1 : undefined, missing: q.missing, min: q.min, outlets: q.outlets }
  const blindspotView = q.blindspot || q.missing
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}" ${selected ? html`selected` : ''}>${label}</option>`
  const body = html`
<h1>${blindspotView ? t('blindspot') : t('latestEvents')}</h1>
<div class="tabs"><a class="${blindspotView ? '' : 'on'}" href="/">${t('allEvents')}</a><a class="${blindspotView ? 'on' : ''}" href="/?blindspot=1" id="blindspot-tab">${t('blindspot')}</a></div>
${blindspotView ? html`<p class="muted">${t('blindspotHelp')}</p>` : ''}
<form class="filters" method="get" action="/">
  ${q.blindspot ? html`<input type="hidden" name="blindspot" value="1">` : ''}
  <label>${t('since')}<input type="date" name="since" value="${q.since ?? ''}"></label>
  <label>${t('until')}<input type="date" name="until" value="${q.until ?? ''}"></label>
  <label>${t('outlet')}<select name="outlet">${option('', t('any'), !q.outlet)}${byName(view).map((o) => option(o, ctx.outletName(view.outlet(o).names), q.outlet === o))}</select></label>
  <label>${t('outletType')}<select name="type">${option('', t('any'), !q.type)}${typesPresent.map((ty) => option(ty, ctx.typeLabel(ty), q.type === ty))}</select></label>
  <label>${t('minOutlets')}<select name="outlets">${[...new Set([1, 2, 3, 5, q.outlets ?? 1])].sort((a, b) => a - b).map((n) => option(n === 1 ? '' : String(n), n === 1 ? t('any') : `≥ ${n}`, (q.outlets ?? 1) === n))}</select></label>
  <label>${t('minArticles')}<select name="min">${[...new Set([1, 2, 3, 5, 10, q.min ?? 1])].sort((a, b) => a - b).map((n) => option(n === 1 ? '' : String(n), n === 1 ? t('any') : `≥ ${n}`, (q.min ?? 1) === n))}</select></label>
  ${blindspotView ? html`<label>${t('missingType')}<select name="missing">${option('', '—', !q.missing)}${typesPresent.map((ty) => option(ty, ctx.typeLabel(ty), q.missing === ty))}</select></label>` : ''}
  <button>${t('filter')}</button>
</form>
<p class="muted">${t('coverage')}</p>${typeLegend(typesPresent, ctx.typeLabel)}
<p class="muted">${shown.total} ${t('events')}</p>
${shown.items.length ? html`<ol class="events">${shown.items.map((e) => eventItem(ctx, view, e))}</ol>` : html`<p>${t('noEvents')}</p>`}
<div class="pager">${q.cursor ? html`<a href="${`/${query(base)}`}">${t('prev')}</a>` : ''}${shown.nextCursor ? html`<a rel="next" href="${`/${query({ ...base, cursor: shown.nextCursor })}`}">${t('next')}</a>` : ''}</div>`
  return page(ctx, blindspotView ? t('blindspot') : t('latestEvents'), body)
}

/** The archive's outlets for a menu: by name, the outlet that could not be told last. */
const byName = (view: View) =>
  [...view.outletIds].sort((a, b) => Number(a === 'unknown') - Number(b === 'unknown') || view.outlet(a).names['zh-Hans'].localeCompare(view.outlet(b).names['zh-Hans'], 'zh-Hans-CN') || a.localeCompare(b))

