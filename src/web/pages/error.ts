import type { Context } from 'hono'
import { MethodNotAllowedError, NotFoundError } from '../../errors.js'
import { pageContext, type PageContext } from '../context.js'
import { html } from '../html.js'
import type { StringKey } from '../i18n.js'
import { page } from '../layout.js'

// What a missing thing is called (NotFoundError.what), as the interface says it.
const THINGS: Record<string, StringKey> = { event: 'thingEvent', article: 'thingArticle', story: 'thingStory', outlet: 'thingOutlet', page: 'thingPage' }

/**
 * An error page in the reader's language: a missing thing named in it, a refused request said to
 * be one, with the exact reason (which names the parameter) kept as the server gave it.
 */
export function errorPage(c: Context, status: number, message: string, err?: unknown): string {
  const ctx = pageContext(c)
  return page(ctx, `${status}`, html`<h1>${status === 404 ? ctx.t('notFound') : ctx.t('error')} (${status})</h1><p>${said(ctx, status, message, err)}</p><p><a href="/">${ctx.t('events')}</a></p>`)
}

function said(ctx: PageContext, status: number, message: string, err: unknown): string {
  if (ctx.ui === 'en') return message
  if (err instanceof NotFoundError && THINGS[err.what]) return `${ctx.t('notFound')}${ctx.t(THINGS[err.what])}：${err.id}`
  if (err instanceof MethodNotAllowedError) return `${ctx.t('methodNotAllowed')}${err.method}（${ctx.t('methodsTaken')}${err.allowed.join('、')}）`
  return status === 400 ? `${ctx.t('badRequest')}${message}` : message
}
