import type { Story } from '../../cluster/stories.js'
import type { View } from '../../api/view.js'
import { timelineChart } from '../charts.js'
import type { PageContext } from '../context.js'
import { html, href } from '../html.js'
import { page } from '../layout.js'
import { eventItem } from './home.js'

export function storyPage(ctx: PageContext, view: View, s: Story): string {
  const t = ctx.t
  const events = s.eventIds.map((id) => view.eventById.get(id)!).filter(Boolean)
  const chart = timelineChart(
    events.map((e) => ({ id: e.id, href: href('events', e.id), label: ctx.shown(e.title), start: e.start, end: e.end, articles: e.articleCount })),
    `${t('timeline')}: ${s.title}`,
  )
  const body = html`
<p class="muted"><a href="/stories">${t('stories')}</a> › ${s.id}</p>
<h1>${ctx.shown(s.title)}</h1>
<p class="meta">${s.start?.slice(0, 10) ?? ''} – ${s.end?.slice(0, 10) ?? ''} · ${events.length} ${t('events')} · ${s.entities.map((x) => ctx.shown(x)).join('、')}</p>
<h2>${t('timeline')}</h2>
<figure class="timeline-figure">${chart}</figure>
<ol class="events timeline-list">${events.map((e, i) => eventItem(ctx, view, e, html`<span class="badge">${i + 1}</span> `))}</ol>`
  return page(ctx, s.title, body)
}

export function storiesPage(ctx: PageContext, view: View): string {
  const t = ctx.t
  const body = html`<h1>${t('stories')}</h1>
<ol class="events">${view.snapshot.stories.map(
    (s) => html`<li class="story"><a class="title" href="${href('stories', s.id)}">${ctx.shown(s.title)}</a>
  <div class="meta">${s.start?.slice(0, 10) ?? ''} – ${s.end?.slice(0, 10) ?? ''} · ${s.eventIds.length} ${t('events')}</div>
  <div class="muted">${s.eventIds.map((id) => view.eventById.get(id)).filter(Boolean).map((e) => ctx.shown(e!.title)).join(' → ')}</div></li>`,
  )}</ol>${view.snapshot.stories.length ? '' : html`<p>${t('none')}</p>`}`
  return page(ctx, t('stories'), body)
}
