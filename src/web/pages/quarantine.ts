import type { Page } from '../../api/paginate.js'
import type { QuarantineEntry } from '../../store/store.js'
import type { PageContext } from '../context.js'
import { html, query } from '../html.js'
import { page } from '../layout.js'

export function quarantinePage(ctx: PageContext, p: Page<QuarantineEntry>): string {
  const t = ctx.t
  const body = html`<h1>${t('quarantine')}</h1><p class="muted">${t('quarantineHelp')} · ${p.total}</p>
<table class="quarantine"><thead><tr><th>${t('code')}</th><th>${t('file')}</th><th>${t('detail')}</th></tr></thead><tbody>
${p.items.map((q) => html`<tr><td class="nowrap">${ctx.problemLabel(q.code)}<br><code>${q.code}</code><br><span class="muted">${q.stage} · ${q.at.slice(0, 10)} ${q.at.slice(11, 16)}</span></td><td>${q.locator}</td><td>${q.detail}</td></tr>`)}
</tbody></table>
<div class="pager">${p.nextCursor ? html`<a rel="next" href="${`/quarantine${query({ cursor: p.nextCursor })}`}">${t('next')}</a>` : ''}</div>`
  return page(ctx, t('quarantine'), body)
}
