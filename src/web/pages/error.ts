import type { Context } from 'hono'
import { pageContext } from '../context.js'
import { html } from '../html.js'
import { page } from '../layout.js'

export function errorPage(c: Context, status: number, message: string): string {
  const ctx = pageContext(c)
  return page(ctx, `${status}`, html`<h1>${status === 404 ? ctx.t('notFound') : ctx.t('error')} (${status})</h1><p>${message}</p><p><a href="/">${ctx.t('events')}</a></p>`)
}
