import { Hono } from 'hono'
import { placement } from '../../cluster/features.js'
import { NotFoundError } from '../../errors.js'
import { paginate } from '../paginate.js'
import { JSON_TYPE, sendCached } from '../respond.js'
import { eventsFields, eventsQuery, idParam } from '../schemas.js'
import type { ServerState } from '../state.js'
import { filterEvents, listItem } from '../view.js'

export function eventRoutes(state: ServerState): Hono {
  const app = new Hono()

  app.get('/events', async (c) => {
    const q = eventsQuery.parse(c.req.query())
    const body = await state.cachedBody(`api:${c.req.url}`, async () => {
      const view = await state.view()
      return JSON.stringify(paginate(filterEvents(view, { ...q, minArticles: q.min, minOutlets: q.outlets }), q, listItem))
    })
    return sendCached(c, body, JSON_TYPE)
  })

  app.get('/events/:id', async (c) => {
    const id = idParam.parse(c.req.param('id'))
    // Cached like the list: a large event is thousands of articles to serialize.
    return sendCached(c, await state.cachedBody(`api:event:${id}`, async () => JSON.stringify(await eventDetail(state, id))), JSON_TYPE)
  })

  app.get('/events/:id/comparison', async (c) => {
    const id = idParam.parse(c.req.param('id'))
    return sendCached(c, await state.cachedBody(`api:comparison:${id}`, async () => JSON.stringify(await state.comparison(id))), JSON_TYPE)
  })

  app.get('/stories', async (c) => {
    const q = eventsFields.pick({ limit: true, cursor: true }).parse(c.req.query())
    const view = await state.view()
    return c.json(paginate(view.snapshot.stories, q, (s) => ({ ...s, start: s.start ?? null, end: s.end ?? null })))
  })

  app.get('/stories/:id', async (c) => {
    const id = idParam.parse(c.req.param('id'))
    const view = await state.view()
    const s = view.storyById.get(id)
    if (!s) throw new NotFoundError('story', id)
    return c.json({ ...s, start: s.start ?? null, end: s.end ?? null, events: s.eventIds.map((e) => listItem(view.eventById.get(e)!)) })
  })

  return app
}

/**
 * An event with its articles, each with the day clustering placed it on (`placedAt`, as the event
 * page and `jianting event` show it) beside its publication time: the texts are read for it
 * (the lead's dates), once, as the answer is cached.
 */
export async function eventDetail(state: ServerState, id: string) {
  const view = await state.view()
  const e = view.eventById.get(id)
  if (!e) throw new NotFoundError('event', id)
  const full = await state.fullArticles(e.articleIds)
  const articles = e.articleIds.map((aid) => {
    const a = view.article(aid)!
    const text = full.get(aid)
    return { id: a.id, outlet: { id: a.outletId, name: a.outletName }, title: a.title, publishedAt: a.publishedAt ?? null, placedAt: (text && placement(text).placed) ?? null, duplicateOf: a.duplicateOf ?? null }
  })
  return { ...e, articles }
}
