import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { z } from 'zod'
import { articleDetail, outletDetail } from '../api/routes/archive.js'
import { paginate } from '../api/paginate.js'
import { HTML_TYPE, sendCached } from '../api/respond.js'
import { eventsFields, idParam } from '../api/schemas.js'
import type { ServerState } from '../api/state.js'
import { NotFoundError } from '../errors.js'
import { pageContext, safeBack, SCRIPT_COOKIE, UI_COOKIE } from './context.js'
import { articlePage } from './pages/article.js'
import { eventPage } from './pages/event.js'
import { homePage } from './pages/home.js'
import { outletPage, outletsPage } from './pages/outlets.js'
import { quarantinePage } from './pages/quarantine.js'
import { searchPage } from './pages/search.js'
import { storiesPage, storyPage } from './pages/story.js'
import { STYLE, STYLE_PATH } from './style.js'

// A form submits empty fields as `since=`: empty means "not set".
const formQuery = (q: Record<string, string>) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== ''))
const homeQuery = eventsFields.omit({ limit: true })
const SEARCH_RESULTS = 50
// Pages of results a search goes to (as the API's search ends at its 1,000th result), and the
// longest query searched (the API refuses longer ones; a page searches their beginning).
const SEARCH_PAGES = 20
const MAX_QUERY_CHARS = 200
const YEAR_S = 31_536_000
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><text x="16" y="24" font-size="22" text-anchor="middle" fill="#fff">兼</text></svg>'

// Raster images only: an SVG from the cache could carry script if opened directly.
function rasterType(b: Buffer): string | undefined {
  if (b[0] === 0xff && b[1] === 0xd8) return 'image/jpeg'
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (b.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif'
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp'
  return undefined
}

export function webRoutes(state: ServerState): Hono {
  const app = new Hono()

  app.get(STYLE_PATH, (c) => {
    c.header('Cache-Control', `public, max-age=${YEAR_S}, immutable`)
    return c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })

  // The tab's icon: 兼 in the app's blue. Browsers ask /favicon.ico of any page: no content there.
  app.get('/favicon.svg', (c) => {
    c.header('Cache-Control', `public, max-age=${YEAR_S}`)
    return c.body(FAVICON, 200, { 'Content-Type': 'image/svg+xml' })
  })
  app.get('/favicon.ico', (c) => c.body(null, 204))

  app.get('/prefs', (c) => {
    const ui = c.req.query('ui')
    const script = c.req.query('script')
    const opts = { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: YEAR_S } as const
    if (ui === 'zh' || ui === 'en') setCookie(c, UI_COOKIE, ui, opts)
    if (script === 'orig' || script === 'hans' || script === 'hant') setCookie(c, SCRIPT_COOKIE, script, opts)
    // The choice is in the cookie now: drop it from the address we return to.
    const back = new URL(safeBack(c.req.query('back')), 'http://x')
    back.searchParams.delete('ui')
    back.searchParams.delete('script')
    return c.redirect(back.pathname + back.search, 303)
  })

  app.get('/', async (c) => {
    const q = homeQuery.parse(formQuery(c.req.query()))
    const ctx = pageContext(c)
    return sendCached(c, await state.cachedBody(`page:${ctx.path}|${ctx.ui}|${ctx.script}`, async () => homePage(ctx, await state.view(), q)), HTML_TYPE)
  })

  app.get('/events/:id', async (c) => {
    const id = idParam.parse(c.req.param('id'))
    const view = await state.view()
    const e = view.eventById.get(id)
    if (!e) throw new NotFoundError('event', id)
    const ctx = pageContext(c)
    return sendCached(c, await state.cachedBody(`page:event:${id}|${ctx.ui}|${ctx.script}`, async () => eventPage(ctx, view, e, await state.comparison(id), await state.fullArticles(e.articleIds))), HTML_TYPE)
  })

  app.get('/stories', async (c) => c.html(storiesPage(pageContext(c), await state.view())))

  app.get('/stories/:id', async (c) => {
    const id = idParam.parse(c.req.param('id'))
    const view = await state.view()
    const s = view.storyById.get(id)
    if (!s) throw new NotFoundError('story', id)
    return c.html(storyPage(pageContext(c), view, s))
  })

  app.get('/articles/:id', async (c) => {
    const id = idParam.parse(c.req.param('id'))
    const detail = await articleDetail(state, id) // 404s for us
    const a = (await state.store.article(id))!
    const copies = await Promise.all(detail.copies.map((x) => state.store.article(x.id)))
    return c.html(articlePage(pageContext(c), await state.view(), a, copies.filter((x) => x !== undefined), state.config.imageCacheDir))
  })

  app.get('/search', async (c) => {
    // A pasted paragraph is searched by its beginning, and the page says so (not an error page).
    const asked = z.string().trim().default('').parse(c.req.query('q'))
    const q = asked.slice(0, MAX_QUERY_CHARS).trim()
    const pageNo = z.coerce.number().int().min(1).max(SEARCH_PAGES).catch(1).parse(c.req.query('page') ?? 1)
    // One more than the page shows: whether there is a next page.
    const found = q ? await state.store.search(q, { limit: pageNo * SEARCH_RESULTS + 1 }) : []
    const hits = found.slice((pageNo - 1) * SEARCH_RESULTS, pageNo * SEARCH_RESULTS)
    const paging = { page: pageNo, from: (pageNo - 1) * SEARCH_RESULTS + 1, more: found.length > pageNo * SEARCH_RESULTS && pageNo < SEARCH_PAGES, cut: asked.length > q.length || c.req.query('cut') === '1' }
    return c.html(searchPage(pageContext(c), await state.view(), q, hits, await state.fullArticles(hits.map((h) => h.id)), paging))
  })

  app.get('/outlets', async (c) => c.html(outletsPage(pageContext(c), await state.view(), await state.store.outlets())))

  app.get('/outlets/:id', async (c) => c.html(outletPage(pageContext(c), await state.view(), await outletDetail(state, idParam.parse(c.req.param('id'))))))

  app.get('/quarantine', async (c) => {
    const q = eventsFields.pick({ limit: true, cursor: true }).parse(formQuery(c.req.query()))
    const all = []
    for await (const e of state.store.quarantined()) all.push(e)
    return c.html(quarantinePage(pageContext(c), paginate(all, q)))
  })

  app.get('/media/:key', (c) => {
    const key = c.req.param('key')
    const dir = state.config.imageCacheDir
    if (!dir || !/^[0-9a-f]{64}$/.test(key)) throw new NotFoundError('image', key)
    let bytes: Buffer
    try {
      bytes = readFileSync(join(dir, key))
    } catch {
      throw new NotFoundError('image', key) // not in the cache: this server never fetches it
    }
    const type = rasterType(bytes)
    if (!type) throw new NotFoundError('image', `${key} (not a JPEG, PNG, GIF or WebP)`)
    c.header('Cache-Control', `public, max-age=${YEAR_S}, immutable`)
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': type })
  })

  return app
}
