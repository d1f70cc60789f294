import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { openSqlite } from '../store/sqlite/store.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleArchive } from '../../test/support/store.js'
import { getJson, testServer } from '../../test/support/web.js'

type Server = Awaited<ReturnType<typeof testServer>>
const TOKEN = 'test-token-0123456789abcdef'

const get = getJson

describe('JSON API on the example archive', () => {
  let s: Server
  beforeAll(async () => {
    s = await testServer([exampleArchive])
  })
  afterAll(() => s.close())

  it('lists events latest first, paginated with an opaque cursor', async () => {
    const first = await get(s, '/api/events?limit=1')
    expect(first.status).toBe(200)
    expect(first.body.total).toBe(2)
    expect(first.body.items[0]).toMatchObject({ id: 'e00002', articleCount: 4, outlets: ['al-jazeera', 'gnews', 'guancha', 'mitbbs'], storyId: 's00001' })
    expect(first.body.items[0].coverage).toEqual({ 'government-funded-international': 1, 'political-movement': 1, commercial: 1, forum: 1 })
    const second = await get(s, `/api/events?limit=1&cursor=${first.body.nextCursor}`)
    expect(second.body.items.map((e: any) => e.id)).toEqual(['e00001'])
    expect(second.body.nextCursor).toBeNull()
  })

  it('lists events without their article ids (the event endpoint has them), as the OpenAPI document says', async () => {
    const list = (await get(s, '/api/events')).body.items
    const doc = (await get(s, '/api/openapi.json')).body
    const listed = Object.keys(doc.components.schemas.EventListItem.properties).sort()
    for (const item of list) {
      expect(item).not.toHaveProperty('articleIds')
      expect(Object.keys(item).sort()).toEqual(listed)
    }
    const one = (await get(s, `/api/events/${list[0].id}`)).body
    expect(one.articleIds).toHaveLength(list[0].articleCount)
    expect(one.articles.map((a: any) => a.id)).toEqual(one.articleIds)
    expect(Object.keys(doc.components.schemas.Event.properties)).toEqual(expect.arrayContaining(Object.keys(one)))
    const story = (await get(s, `/api/stories/${list[0].storyId}`)).body
    for (const e of story.events) expect(Object.keys(e).sort()).toEqual(listed)
  })

  it.each([
    ['type=forum', ['e00002']],
    ['outlet=voa-chinese', ['e00001']],
    ['since=2021-06-01', ['e00002']],
    ['until=2021-02-01', ['e00001']],
    // The January call: one outlet alone, no blind spot (see 'an event two outlets of one type reported').
    ['blindspot=1', []],
    ['outlets=2', ['e00002']],
    ['outlets=5', []],
    ['min=2', ['e00002']],
    ['missing=government-funded-international', []],
    ['missing=state-media', ['e00002']],
  ])('filters events: %s', async (q, ids) => {
    expect((await get(s, `/api/events?${q}`)).body.items.map((e: any) => e.id)).toEqual(ids)
  })

  it('answers bad input with 400 and a message naming the parameter', async () => {
    const r = await get(s, '/api/events?limit=abc')
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ status: 400, message: expect.stringMatching(/^limit: /) })
    expect((await get(s, '/api/events?limit=1000')).body.message).toBe('limit: expected at most 200')
    expect((await get(s, '/api/events?limit=0')).body.message).toBe('limit: expected 1 or more')
    // An outlet that is not in the archive is a typo, not an outlet that reported nothing.
    expect(await get(s, '/api/events?outlet=nosuch')).toMatchObject({ status: 400, body: { message: "outlet: no outlet 'nosuch' in this archive (see /api/outlets for the ids)" } })
    expect((await get(s, '/api/articles?outlet=nosuch')).status).toBe(400)
    // A day that does not exist, as the command line refuses it; a window that is empty by construction.
    expect(await get(s, '/api/events?since=2021-13-01')).toMatchObject({ status: 400, body: { message: 'since: expected a date like 2021-06-16' } })
    expect((await get(s, '/api/articles?until=2021-02-30')).body.message).toBe('until: expected a date like 2021-06-16')
    expect(await get(s, '/api/articles?since=2021-06-20&until=2021-06-10')).toMatchObject({ status: 400, body: { message: 'since: is after until: no article could match' } })
    expect((await get(s, '/api/events?since=2021-06-16&until=2021-06-16')).status).toBe(200)
    // Events are filtered by overlap: a since after until asks for those running over both days (the summit ran 15–19 June).
    expect((await get(s, '/api/events?since=2021-06-17&until=2021-06-15')).body.items.map((e: { id: string }) => e.id)).toEqual(['e00002'])
    expect((await get(s, '/api/events?type=tabloid')).body.message).toMatch(/type: expected one of state-media/)
    expect((await get(s, '/api/events?cursor=zzz')).body.message).toMatch(/cursor: .* start again without it/)
    expect((await get(s, '/api/search')).body.message).toBe('q: give a query: ?q=普京')
    expect((await get(s, '/api/events?min=-5')).body.message).toBe('min: expected 1 or more')
    expect((await get(s, '/api/events?outlets=x')).body.message).toBe('outlets: expected a whole number')
  })

  it('answers unknown ids and endpoints with 404 JSON', async () => {
    expect(await get(s, '/api/events/e99999')).toMatchObject({ status: 404, body: { status: 404, message: 'event e99999 not found' } })
    expect((await get(s, '/api/events/e99999/comparison')).status).toBe(404)
    expect((await get(s, '/api/nothing')).body.message).toMatch(/openapi\.json/)
    expect((await s.app.request('/api/nothing', { method: 'POST' })).status).toBe(404)
  })

  it('answers a method a path does not take with 405 and the methods it takes', async () => {
    const del = await s.app.request('/api/events/e00002', { method: 'DELETE' })
    expect(del.status).toBe(405)
    expect(del.headers.get('allow')).toBe('GET, HEAD')
    expect(await del.json()).toEqual({ status: 405, message: 'DELETE is not taken at /api/events/e00002; it takes GET, HEAD' })
    const read = await s.app.request('/api/ingest')
    expect(read.status).toBe(405)
    expect(read.headers.get('allow')).toBe('POST')
    expect((await s.app.request('/api/outlets/guancha', { method: 'PUT' })).headers.get('allow')).toBe('GET, HEAD, PATCH')
    expect((await s.app.request('/api/events/e00002', { method: 'HEAD' })).status).toBe(200)
  })

  it('serves one event with its articles, and its comparison (the compare --json contract)', async () => {
    const e = await get(s, '/api/events/e00002')
    expect(e.body.articles).toHaveLength(4)
    const c = await get(s, '/api/events/e00002/comparison')
    expect(c.status).toBe(200)
    for (const key of ['event', 'articles', 'claims', 'consensus', 'unique', 'omissions', 'quotes', 'figures', 'framing', 'summary']) expect(c.body).toHaveProperty(key)
    expect(c.body.outlets.map((o: any) => o.id)).toEqual(['al-jazeera', 'gnews', 'guancha', 'mitbbs'])
    const talks = c.body.figures.find((f: any) => f.conflict && f.dimension === 'duration')
    expect(talks.conflicting.map((v: any) => v.text).sort()).toEqual(['4个小时', '约3小时'])
    expect(c.body.articles.find((a: any) => a.outlet === 'mitbbs').before).toBe(true)
  })

  it('serves cached lists and comparisons brotli- or gzip-compressed to clients that accept it, the same JSON', async () => {
    for (const path of ['/api/events?limit=5', '/api/events/e00002/comparison']) {
      const plain = await (await s.app.request(path)).text()
      for (const [accept, encoding, decode] of [
        ['gzip, deflate, br', 'br', brotliDecompressSync],
        ['gzip, deflate', 'gzip', gunzipSync],
        ['br;q=0, gzip', 'gzip', gunzipSync],
      ] as const) {
        const res = await s.app.request(path, { headers: { 'accept-encoding': accept } })
        expect(res.headers.get('content-encoding')).toBe(encoding)
        expect(res.headers.get('vary')).toBe('Accept-Encoding')
        expect(decode(Buffer.from(await res.arrayBuffer())).toString()).toBe(plain)
      }
    }
  })

  it('serves stories with their events in time order', async () => {
    const list = await get(s, '/api/stories')
    expect(list.body.items.map((x: any) => x.id)).toEqual(['s00001'])
    const story = await get(s, '/api/stories/s00001')
    expect(story.body.events.map((e: any) => e.id)).toEqual(['e00001', 'e00002'])
  })

  it('serves articles with filters, and one article with provenance, copies and its event', async () => {
    const list = await get(s, '/api/articles?outlet=voa-chinese')
    expect(list.body.items).toHaveLength(1)
    const id = list.body.items[0].id
    expect(list.body.items[0].eventId).toBe('e00001')
    const a = await get(s, `/api/articles/${id}`)
    expect(a.body).toMatchObject({ id, outlet: { id: 'voa-chinese' }, eventId: 'e00001', storyId: 's00001', copies: [] })
    expect(a.body.provenance).toMatchObject({ kind: 'file', format: 'jekyll', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect((await get(s, '/api/articles?since=2021-06-17&until=2021-06-17')).body.items.map((x: any) => x.outlet.id).sort()).toEqual(['al-jazeera', 'guancha'])
  })

  it('searches, Traditional finding Simplified, with each hit’s event', async () => {
    const r = await get(s, '/api/search?q=%E6%99%AE%E4%BA%AC&limit=2') // 普京
    expect(r.body.items).toHaveLength(2)
    expect(r.body.nextCursor).not.toBeNull()
    const next = await get(s, `/api/search?q=%E6%99%AE%E4%BA%AC&limit=2&cursor=${r.body.nextCursor}`)
    expect(next.body.items.map((h: any) => h.id)).not.toContain(r.body.items[0].id)
    const trad = await get(s, '/api/search?q=%E6%A2%9D%E7%B4%84') // 條約
    expect(trad.body.items.some((h: any) => h.eventId === 'e00001')).toBe(true)
  })

  it('serves outlets with registry facts, volume and events; and the quarantine', async () => {
    const list = await get(s, '/api/outlets')
    expect(list.body.items.map((o: any) => o.id)).toContain('guancha')
    const o = await get(s, '/api/outlets/guancha')
    expect(o.body).toMatchObject({ id: 'guancha', type: 'commercial', country: 'CN', articles: 1, volume: [{ month: '2021-06', articles: 1 }], eventIds: ['e00002'] })
    expect((await get(s, '/api/quarantine')).body).toEqual({ items: [], total: 0, nextCursor: null })
  })

  it('describes every endpoint in /api/openapi.json', async () => {
    const doc = (await get(s, '/api/openapi.json')).body
    expect(doc.openapi).toBe('3.1.0')
    const paths = Object.keys(doc.paths)
    for (const p of ['/api/events', '/api/events/{id}', '/api/events/{id}/comparison', '/api/stories', '/api/stories/{id}', '/api/articles', '/api/articles/{id}', '/api/search', '/api/outlets', '/api/outlets/{id}', '/api/quarantine', '/api/ingest'])
      expect(paths).toContain(p)
    expect(doc.paths['/api/events'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['limit', 'cursor', 'since', 'type', 'blindspot']))
    expect(doc.paths['/api/ingest'].post.security).toEqual([{ bearer: [] }])
  })

  it('refuses writes when no token is configured, saying how to enable them', async () => {
    const r = await s.app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"paths":["/"]}' })
    expect(r.status).toBe(403)
    expect(((await r.json()) as any).message).toMatch(/JIANTING_TOKEN/)
  })
})

describe('write endpoints behind a bearer token', () => {
  let s: Server
  beforeAll(async () => {
    // Ingests on a connection of their own, as `jianting serve` runs them.
    s = await testServer([join(exampleArchive, '000_91afd5411599e453.txt')], { JIANTING_TOKEN: TOKEN }, {}, undefined, (path) => openSqlite(path))
  })
  afterAll(() => s.close())
  const auth = { authorization: `Bearer ${TOKEN}` }

  it('rejects a missing or wrong token with 401', async () => {
    const none = await s.app.request('/api/ingest', { method: 'POST' })
    expect(none.status).toBe(401)
    const wrong = await s.app.request('/api/ingest', { method: 'POST', headers: { authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(401)
    expect(((await wrong.json()) as any).message).toMatch(/does not match/)
  })

  it('ingests an uploaded file and recomputes the events before answering', async () => {
    expect((await get(s, '/api/events')).body.total).toBe(1)
    const form = new FormData()
    form.append('file', new Blob([readFileSync(join(exampleArchive, '001_c0e8cc5cf2b2201f.txt'))]), '001.txt')
    const r = await s.app.request('/api/ingest', { method: 'POST', headers: auth, body: form })
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject({ files: 1, articles: 1, events: 1 })
    const events = (await get(s, '/api/events')).body
    expect(events.items[0].outlets).toEqual(['al-jazeera', 'guancha'])
  })

  it('ingests a path on the server; a missing path is a 400 naming it', async () => {
    const ok = await s.app.request('/api/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ paths: [join(exampleArchive, '004_ca78db5e0b80d853.txt')] }) })
    expect(await ok.json()).toMatchObject({ articles: 1, events: 2 })
    const bad = await s.app.request('/api/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ paths: ['/no/such/dir'] }) })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as any).message).toMatch(/\/no\/such\/dir does not exist/)
  })

  it('reads, while an ingest runs, only what the ingest has committed', async () => {
    // A third connection sees exactly what is committed. Both are asked in one synchronous step
    // (the queries run when called), so no write falls between them.
    const committed = openSqlite(s.config.dbPath)
    let done = false
    const ingest = s.state.ingestPaths([exampleArchive]).finally(() => (done = true))
    const seen: Array<[number, number]> = []
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve))
      const [reader, truth] = [s.store.articlesEnd(), committed.articlesEnd()]
      seen.push([await reader, await truth])
    }
    expect(await ingest).toMatchObject({ articles: 2 })
    await committed.close()
    expect(seen.length).toBeGreaterThan(3) // the ingest yielded to readers while it ran
    expect(seen.filter(([reader, truth]) => reader !== truth)).toEqual([])
  })

  it('edits outlet metadata, validated, kept beside the database and shown at once', async () => {
    const bad = await s.app.request('/api/outlets/guancha', { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: '{"country":"China"}' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as any).message).toMatch(/country: expected an ISO 3166/)
    const r = await s.app.request('/api/outlets/guancha', { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ owner: 'Edited owner', names: { en: 'Guancha (edited)' } }) })
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject({ owner: 'Edited owner', names: { 'zh-Hans': '观察者网', en: 'Guancha (edited)' }, edited: true })
    expect(JSON.parse(readFileSync(s.config.outletEditsPath, 'utf8')).guancha.owner).toBe('Edited owner')
    // Events keep the ids they were founded with: the summit's is the first ingested here.
    const summit = (await get(s, '/api/events')).body.items.find((e: any) => e.outlets.includes('guancha'))
    expect(summit.id).toBe('e00001')
    expect((await get(s, `/api/events/${summit.id}/comparison`)).body.outlets.find((o: any) => o.id === 'guancha').owner).toBe('Edited owner')
    expect((await s.app.request('/api/outlets/nobody', { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' })).status).toBe(404)
  })
})
