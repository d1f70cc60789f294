import { Hono } from 'hono'
import { articleJson } from '../../cli/format.js'
import { NotFoundError } from '../../errors.js'
import { BadRequestError } from '../errors.js'
import { decodeCursor, encodeCursor, paginate } from '../paginate.js'
import { articlesQuery, eventsFields, idParam, searchQuery } from '../schemas.js'
import type { ServerState } from '../state.js'
import { knownOutlet, type ArticleMeta, type View } from '../view.js'

// Search ranks on demand; deeper pages than this are better served by a narrower query.
const MAX_SEARCH_DEPTH = 1000

export function archiveRoutes(state: ServerState): Hono {
  const app = new Hono()

  app.get('/articles', async (c) => {
    const q = articlesQuery.parse(c.req.query())
    const view = await state.view()
    knownOutlet(view, q.outlet)
    const until = q.until ? `${q.until}\uffff` : undefined
    const shown = view.articlesByDate.filter(
      (a) =>
        (q.all || !a.duplicateOf) &&
        (!q.outlet || a.outletId === q.outlet) &&
        (!q.since || (a.publishedAt ?? '') >= q.since) &&
        (!until || (a.publishedAt !== undefined && a.publishedAt <= until)),
    )
    return c.json(paginate(shown, q, (a) => articleSummary(view, a)))
  })

  app.get('/articles/:id', async (c) => c.json(await articleDetail(state, idParam.parse(c.req.param('id')))))

  app.get('/search', async (c) => {
    const q = searchQuery.parse(c.req.query())
    const offset = decodeCursor(q.cursor)
    if (offset + q.limit > MAX_SEARCH_DEPTH) throw new BadRequestError(`search pages end at result ${MAX_SEARCH_DEPTH}; narrow the query`)
    const hits = await state.store.search(q.q, { limit: offset + q.limit + 1 })
    const view = await state.view()
    const items = hits.slice(offset, offset + q.limit).map((h) => ({ ...h, publishedAt: h.publishedAt ?? null, eventId: view.eventOfArticle.get(h.id) ?? null }))
    return c.json({ items, total: null, nextCursor: hits.length > offset + q.limit ? encodeCursor(offset + q.limit) : null })
  })

  app.get('/outlets', async (c) => {
    const q = eventsFields.pick({ limit: true, cursor: true }).parse(c.req.query())
    const rows = await state.store.outlets()
    const view = await state.view()
    return c.json(paginate(rows, q, (r) => ({ ...view.outlet(r.id), articles: r.articles, events: view.eventsOfOutlet(r.id).length })))
  })

  app.get('/outlets/:id', async (c) => c.json(await outletDetail(state, idParam.parse(c.req.param('id')))))

  app.get('/quarantine', async (c) => {
    const q = eventsFields.pick({ limit: true, cursor: true }).parse(c.req.query())
    const all = []
    for await (const e of state.store.quarantined()) all.push(e)
    return c.json(paginate(all, q))
  })

  return app
}

export const articleSummary = (view: View, a: ArticleMeta) => ({
  id: a.id,
  outlet: { id: a.outletId, name: a.outletName },
  title: a.title,
  publishedAt: a.publishedAt ?? null,
  url: a.url ?? null,
  duplicateOf: a.duplicateOf ?? null,
  eventId: view.eventOfArticle.get(a.id) ?? null,
})

/** The `show --json` shape: the interchange article, its copies, and where it sits. */
export async function articleDetail(state: ServerState, id: string) {
  const a = await state.store.article(id)
  if (!a) throw new NotFoundError('article', id)
  const view = await state.view()
  const copies = await state.store.copiesOf(a.duplicateOf ?? a.id)
  const eventId = view.eventOfArticle.get(a.id) ?? null
  return {
    ...articleJson(a),
    blocks: a.blocks,
    copies: copies.filter((x) => x.id !== a.id).map((x) => ({ id: x.id, outlet: x.outletId, locator: x.provenance.locator, reason: x.duplicateReason ?? null })),
    eventId,
    storyId: eventId ? (view.snapshot.storyOf.get(eventId) ?? null) : null,
  }
}

export async function outletDetail(state: ServerState, id: string) {
  const view = await state.view()
  const row = (await state.store.outlets()).find((o) => o.id === id)
  if (!row && !state.registry.byId(id)) throw new NotFoundError('outlet', id)
  const volume = new Map<string, number>()
  for (const a of view.snapshot.articles) if (a.outletId === id && !a.duplicateOf && a.publishedAt) volume.set(a.publishedAt.slice(0, 7), (volume.get(a.publishedAt.slice(0, 7)) ?? 0) + 1)
  return {
    ...view.outlet(id),
    articles: row?.articles ?? 0,
    volume: [...volume].sort((a, b) => a[0].localeCompare(b[0])).map(([month, articles]) => ({ month, articles })),
    eventIds: view.eventsOfOutlet(id),
  }
}
