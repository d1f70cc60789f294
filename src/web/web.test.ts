import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDocument } from 'htmlparser2'
import { findAll } from 'domutils'
import type { Element } from 'domhandler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../article.js'
import { allArticles, exampleArchive } from '../../test/support/store.js'
import { getJson, testServer, xssFiles } from '../../test/support/web.js'
import { imageKey, sanitizeFragment } from './sanitize.js'
import { timelineChart } from './charts.js'

type Server = Awaited<ReturnType<typeof testServer>>

async function page(s: Server, path: string, headers: Record<string, string> = {}) {
  const res = await s.app.request(path, { headers })
  return { status: res.status, html: await res.text(), headers: res.headers }
}

const get = getJson

const elements = (html: string) => findAll(() => true, parseDocument(html).children) as Element[]

describe('pages on the example archive', () => {
  let s: Server
  beforeAll(async () => {
    s = await testServer([exampleArchive])
  })
  afterAll(() => s.close())

  it('send a strict Content-Security-Policy and no-referrer on every response', async () => {
    for (const path of ['/', '/events/e00002', '/api/events', '/nope']) {
      const { headers } = await page(s, path)
      expect(headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'/)
      expect(headers.get('referrer-policy')).toBe('no-referrer')
    }
  })

  it('home lists the events with coverage bars; the blindspot view shows the one-sided event', async () => {
    const home = await page(s, '/')
    expect(home.html).toContain('href="/events/e00002"')
    expect(home.html).toContain('href="/events/e00001"')
    expect(home.html).toMatch(/<svg class="bar"[^>]*aria-label="政府资助国际广播 1, 商业媒体 1, 政治运动媒体 1, 论坛 1"/)
    // One outlet alone (the January call) is no blind spot; four of several types (the summit) neither.
    const blind = await page(s, '/?blindspot=1')
    expect(blind.html).not.toContain('href="/events/e00001"')
    expect(blind.html).not.toContain('href="/events/e00002"')
    expect((await page(s, '/?since=2021-06-01&until=&outlet=&type=')).html).not.toContain('href="/events/e00001"')
    expect((await page(s, '/?since=June')).status).toBe(400)
    // Several outlets, several articles: the summit only.
    for (const q of ['outlets=2', 'min=2']) {
      const several = await page(s, `/?${q}`)
      expect(several.html).toContain('href="/events/e00002"')
      expect(several.html).not.toContain('href="/events/e00001"')
    }
    expect((await page(s, '/?outlets=2')).html).toContain('<option value="2" selected>≥ 2</option>')
    // A value the menu does not offer is shown as chosen, and min= is kept by the form.
    expect((await page(s, '/?outlets=4')).html).toContain('<option value="4" selected>≥ 4</option>')
    // min= is a menu too, which keeps a value it does not offer.
    expect((await page(s, '/?min=3')).html).toContain('<option value="3" selected>≥ 3</option>')
    expect((await page(s, '/?min=4')).html).toContain('<option value="4" selected>≥ 4</option>')
    expect((await page(s, '/')).html).toMatch(/<select name="min"><option value="" selected>全部<\/option><option value="2" ?>≥ 2<\/option>/)
  })

  it('event page: four outlets side by side, the talks’ length conflict highlighted, the preview marked', async () => {
    const { html } = await page(s, '/events/e00002')
    const cols = [...html.matchAll(/<section class="col outlet-col" data-outlet="([^"]+)"/g)].map((m) => m[1])
    expect(cols).toEqual(['al-jazeera', 'gnews', 'guancha', 'mitbbs'])
    const conflict = /<div class="figure conflict" data-subject="会谈">([\s\S]*?)<\/div>/.exec(html)![1]
    expect(conflict).toContain('数字冲突')
    expect(conflict).toMatch(/<tr class="conflict"><td>观察者网<\/td><td><b>约3小时<\/b>/)
    expect(conflict).toMatch(/<tr class="conflict"><td>GNews<\/td><td><b>4个小时<\/b>/)
    const mitbbs = /data-outlet="mitbbs">([\s\S]*?)<\/section>/.exec(html)![1]
    expect(mitbbs).toContain('class="flag preview"')
    // The day the preview is judged by, in the zone where the incident happened.
    expect(html).toContain('事发日期 2021-06-16 (Europe/Zurich)')
    // The one sentence that tells a claim as expected (整个会谈预计持续4至5个小时) is cited so.
    expect([...html.matchAll(/class="expected">([^<]*)<\/a>/g)].map((m) => m[1])).toEqual(['观察者网 §9 （预期）'])
    expect(html).toContain('<p class="meta expected-help">（预期）该句说的是预计、将会发生的事')
  })

  it('every citation on the event page links to a sentence anchor that exists in the reader', async () => {
    const { html } = await page(s, '/events/e00002')
    const links = [...new Set([...html.matchAll(/href="\/articles\/([0-9a-f]+)#s(\d+)"/g)].map((m) => `${m[1]}#s${m[2]}`))]
    expect(links.length).toBeGreaterThan(50)
    const readers = new Map<string, string>()
    for (const l of links) {
      const [id, anchor] = l.split('#')
      if (!readers.has(id)) readers.set(id, (await page(s, `/articles/${id}`)).html)
      expect(readers.get(id)).toContain(`id="${anchor}"`)
    }
  })

  it('story page: the January call and the summit on a timeline chart', async () => {
    const { html } = await page(s, '/stories/s00001')
    const svg = /<svg class="chart timeline"[\s\S]*?<\/svg>/.exec(html)![0]
    expect([...svg.matchAll(/data-event="(e\d+)"/g)].map((m) => m[1])).toEqual(['e00001', 'e00002'])
    expect(svg).toContain('2021-01-27 拜登总统与普京首次通话')
  })

  it('article reader: text with sentence anchors, provenance, remote images as text only', async () => {
    const id = (await (await s.app.request('/api/articles?outlet=guancha')).json() as any).items[0].id
    const { html } = await page(s, `/articles/${id}`)
    expect(html).toMatch(/<span class="s" id="s0">/)
    expect(html).toMatch(/sha256<\/dt><dd><code>[0-9a-f]{64}<\/code>/)
    // Where the date came from, said as a reader says it (front matter, in the code).
    expect(html).toContain('(日期来源 文章元数据)')
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">')
    const icon = await s.app.request('/favicon.svg')
    expect(icon.headers.get('content-type')).toBe('image/svg+xml')
    expect(await icon.text()).not.toMatch(/<script|on\w+=/i)
    expect((await s.app.request('/favicon.ico')).status).toBe(204)
    expect((await page(s, `/articles/${id}`, { cookie: 'jt_ui=en' })).html).toContain('(date from the post’s metadata)')
    expect(html).toContain('href="/events/e00002"')
    expect(html).toMatch(/<div class="img-placeholder">远程图片未加载[^<]*<code>https:\/\/[^<]+<\/code><\/div>/)
    expect(elements(html).filter((e) => e.name === 'img')).toEqual([])
  })

  it('search highlights the hits', async () => {
    const { html } = await page(s, `/search?q=${encodeURIComponent('核战争')}`)
    expect(html).toContain('<mark>核战争</mark>')
  })

  it('switches the interface language and the script of article text, by cookie', async () => {
    const r = await s.app.request('/prefs?ui=en&back=/events/e00002')
    expect(r.status).toBe(303)
    expect(r.headers.get('location')).toBe('/events/e00002')
    expect(r.headers.get('set-cookie')).toMatch(/jt_ui=en/)
    const en = await page(s, '/events/e00002', { cookie: 'jt_ui=en' })
    expect(en.html).toContain('Outlets side by side')
    expect(en.html).toContain('<html lang="en">')
    const hant = await page(s, '/events/e00002', { cookie: 'jt_script=hant' })
    expect(hant.html).toContain('美俄關係')
    // …and the interface with it.
    expect(hant.html).toMatch(/ 4 篇報道 · 4 家媒體/)
    expect(hant.html).not.toContain('篇报道')
    expect(hant.html).toContain('<html lang="zh-Hant">')
    // Outlets are named in the reader's script and language too.
    const heading = (h: string) => /data-outlet="guancha">\s*<h3>([\s\S]*?)<\/h3>/.exec(h)![1]
    expect(heading(hant.html)).toContain('觀察者網')
    expect(heading((await page(s, '/events/e00002')).html)).toContain('观察者网')
    // Type labels and where dates came from, in Traditional too.
    expect(heading(hant.html)).toContain('商業媒體')
    expect(hant.html).not.toContain('商业媒体')
    expect((await s.app.request('/prefs?ui=en&back=//evil.example.com/')).headers.get('location')).toBe('/')
  })

  it('unknown pages are a 404 page, not a stack trace', async () => {
    const r = await page(s, '/events/e99999')
    expect(r.status).toBe(404)
    // In the reader's language: the missing thing named in Chinese, the English message in English.
    expect(r.html).toContain('<p>找不到事件：e99999</p>')
    expect((await page(s, '/events/e99999', { cookie: 'jt_ui=en' })).html).toContain('<p>event e99999 not found</p>')
    expect((await page(s, '/nothing/here')).html).toContain('<p>找不到页面：/nothing/here</p>')
    const bad = await page(s, '/?since=June')
    expect(bad.status).toBe(400)
    expect(bad.html).toContain('<p>请求的参数有误：since: expected a date like 2021-06-16</p>')
  })

  it('a form posted to a page is a 405 page that says which methods it takes', async () => {
    const r = await s.app.request('/events/e00002', { method: 'POST' })
    expect(r.status).toBe(405)
    expect(r.headers.get('allow')).toBe('GET, HEAD')
    expect(await r.text()).toContain('<p>此地址不接受这种请求：POST（只接受 GET、HEAD）</p>')
    const en = await s.app.request('/', { method: 'DELETE', headers: { cookie: 'jt_ui=en' } })
    expect(await en.text()).toContain('<p>DELETE is not taken at /; it takes GET, HEAD</p>')
  })
})

describe('the quarantine page', () => {
  let s: Server
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jt-quarantine-'))
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'blob.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]))
    s = await testServer([dir])
  })
  afterAll(() => {
    s.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('says why each input was kept out in the reader\'s language, with the code and the exact detail', async () => {
    const zh = await page(s, '/quarantine')
    const rows = zh.html.split('<tr>').slice(2)
    expect(rows).toHaveLength(2)
    const empty = rows.find((r) => r.includes('empty.txt'))!
    expect(empty).toContain('空文件<br><code>decode/empty</code>')
    expect(rows.find((r) => r.includes('blob.txt'))).toContain('不是文本（二进制文件）<br><code>decode/binary</code>')
    expect((await page(s, '/quarantine?ui=en')).html).toContain('empty file<br><code>decode/empty</code>')
  })
})

// Al Jazeera's summit report followed by a transcript's worth of talk: compared by its beginning.
describe('a very long text in an event', () => {
  let s: Server
  beforeAll(async () => {
    s = await testServer([exampleArchive], {}, {}, async (store) => {
      const aj = (await allArticles(store)).find((a) => a.outletId === 'al-jazeera')!
      const talk = Array.from({ length: 3000 }, (_, i) => `第${i + 1}段，主持人继续讲述与峰会无关的话题和听众来信，内容冗长。`).join('\n')
      await store.transaction(async (tx) => void (await tx.upsertArticle({ ...aj, id: 'long000000000000' as Article['id'], title: `（全文）${aj.title}`, text: `${aj.text}\n${talk}` })))
    })
  })
  afterAll(() => s.close())

  it('the event page flags it with how much of it was compared', async () => {
    const { html } = await page(s, '/events/e00002')
    const aj = /data-outlet="al-jazeera">([\s\S]*?)<\/section>/.exec(html)![1]
    expect(aj).toMatch(/<span class="flag long" title="\d+ \/ \d+">长文：只比较了开头的字数 [\d,]+ \/ [\d,]+<\/span>/)
    expect(html.match(/class="flag long"/g)).toHaveLength(1)
  })
})

describe('timelineChart', () => {
  it('draws no label over another: events days apart on a long story keep their numbers and tooltips', () => {
    const day = (d: number) => new Date(Date.UTC(2021, 5, 1 + d)).toISOString()
    const points = [0, 1, 2, 3, 4, 5, 200].map((d, i) => ({ id: `e${i}`, href: `/events/e${i}`, label: `第${i}个事件的很长很长的标题文字`, start: day(d), end: day(d), articles: 3 }))
    const svg = String(timelineChart(points, 'story'))
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="12" text-anchor="(\w+)"[^>]*>([^<]+)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), anchor: m[3], text: m[4] }))
    expect(labels.length).toBeGreaterThanOrEqual(2)
    expect(labels.length).toBeLessThan(points.length)
    const span = (l: (typeof labels)[number]) => {
      const w = [...l.text].reduce((n, c) => n + (/[\u2e80-\uffef]/u.test(c) ? 12 : 7), 0)
      const from = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2
      return [from, from + w]
    }
    for (const a of labels) for (const b of labels) if (a !== b && Math.abs(a.y - b.y) < 12) expect(span(a)[1] <= span(b)[0] || span(b)[1] <= span(a)[0]).toBe(true)
    // Every event keeps its mark and its tooltip.
    expect(svg.match(/<circle /g)).toHaveLength(points.length)
    expect(svg.match(/<title>/g)).toHaveLength(points.length)
  })
})

// Sixty short posts that all name one summit: more than a page of search results.
describe('search over more than a page of results', () => {
  let s: Server
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianting-search-'))
    // Each with characters of its own, so that none is taken for a copy of another.
    const own = (i: number) => Array.from({ length: 80 }, (_, k) => String.fromCharCode(0x4e00 + ((i * 7919 + k * 104_729) % 20_000))).join('')
    for (let i = 1; i <= 60; i++)
      writeFileSync(join(dir, `${i}.md`), `# 峰会简讯第${i}号\n\n第${i}号简讯：峰会今天举行，The band played and the crowd waited。${own(i)}\n`)
    s = await testServer([dir])
  })
  afterAll(async () => {
    await s.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('pages through them, saying where it is', async () => {
    const first = await page(s, `/search?q=${encodeURIComponent('峰会')}`)
    expect(first.html).toContain('1–50+ 条结果')
    expect(first.html.match(/class="hit"/g)).toHaveLength(50)
    expect(first.html).toContain(`<a rel="next" href="/search?q=${encodeURIComponent('峰会')}&amp;page=2">下一页</a>`)
    const second = await page(s, `/search?q=${encodeURIComponent('峰会')}&page=2`)
    const last = Number(/51–(\d+) 条结果/.exec(second.html)![1])
    expect(last).toBeGreaterThan(55) // a generated post or two may still be taken for a copy
    expect(second.html.match(/class="hit"/g)).toHaveLength(last - 50)
    expect(second.html).toContain('上一页')
    expect(second.html).not.toContain('rel="next"')
  })

  it('searches the beginning of a pasted paragraph, and says so', async () => {
    const long = `峰会${'各方代表陆续抵达会场'.repeat(30)}`
    const r = await page(s, `/search?q=${encodeURIComponent(long)}`)
    expect(r.status).toBe(200)
    expect(r.html).toContain('查询过长，只搜索了前 200 个字。')
    // A long query with more than a page of results: its next page says so too.
    const many = await page(s, `/search?q=${encodeURIComponent(`峰会${' 峰会'.repeat(100)}`)}`)
    const next = /<a rel="next" href="([^"]+)">/.exec(many.html)![1].replace(/&amp;/g, '&')
    expect((await page(s, next)).html).toContain('查询过长，只搜索了前 200 个字。')
  })

  it('marks a Latin word as a word, not letters inside others', async () => {
    const { html } = await page(s, '/search?q=and')
    expect(html).toContain('band played <mark>and</mark> the')
    expect(html).not.toContain('b<mark>and</mark>')
  })
})

// The January call reported by a second international broadcaster (RFI, of VOA's type), in its own words.
describe('an event two outlets of one type reported', () => {
  let s: Server
  beforeAll(async () => {
    s = await testServer([exampleArchive], {}, {}, async (store) => {
      const voa = (await allArticles(store)).find((a) => a.outletId === 'voa-chinese')!
      const text = voa.text.split('\n\n').slice(1).join('\n\n')
      await store.transaction(async (tx) => {
        await tx.ensureOutlet({ id: 'rfi-chinese', name: '法国国际广播电台', known: true })
        await tx.upsertArticle({ ...voa, id: 'rfi0000000000000' as Article['id'], outletId: 'rfi-chinese', outletName: '法国国际广播电台', title: `法广：${voa.title}`, text, folded: text })
      })
    })
  })
  afterAll(() => s.close())

  it('is the blind spot: covered by one side only', async () => {
    const call = (await get(s, '/api/events?blindspot=1')).body.items
    expect(call.map((e: { outlets: string[] }) => e.outlets)).toEqual([['rfi-chinese', 'voa-chinese']])
    expect((await page(s, '/?blindspot=1')).html).toContain(`href="/events/${call[0].id}"`)
  })
})

// The summit's Al Jazeera report stored again as a copy of itself (another archive's repost).
describe('an event holding a copy', () => {
  let s: Server
  beforeAll(async () => {
    s = await testServer([exampleArchive], {}, {}, async (store) => {
      const aj = (await allArticles(store)).find((a) => a.outletId === 'al-jazeera')!
      await store.transaction(async (tx) => void (await tx.upsertArticle({ ...aj, id: 'copy000000000000' as Article['id'], duplicateOf: aj.id, duplicateReason: 'exact: same folded text' })))
    })
  })
  afterAll(() => s.close())

  it('counts the copy once, on the list, the event page and in the API', async () => {
    const list = (await get(s, '/api/events')).body.items.find((e: { id: string }) => e.id === 'e00002')
    expect(list).toMatchObject({ articleCount: 4, copyCount: 1 })
    const one = (await get(s, '/api/events/e00002')).body
    expect(one.articleIds).toContain('copy000000000000')
    expect((await get(s, '/api/events?min=5')).body.items).toEqual([])
    const { html } = await page(s, '/events/e00002')
    expect(html).toMatch(/ 4 篇报道 \(\+1 篇副本\) · 4 家媒体/)
    expect((await page(s, '/')).html).toMatch(/ 4 篇报道 · 4 家媒体/)
  })
})

// Twelve GNews reposts numbered in order, one a day, the seventh without a date of its own:
// ingest dates it by its neighbours, and the event page says the date is an estimate.
describe('a report dated by its site numbering (test/fixtures/numbered)', () => {
  let s: Server
  beforeAll(async () => {
    s = await testServer([join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'numbered')])
  })
  afterAll(() => s.close())

  it('the event page marks the estimated date ~, with a legend, and a dated report not', async () => {
    const items = ((await (await s.app.request('/api/events?limit=50')).json()) as any).items
    const estimated = items.find((e: any) => e.title.includes('消费者物价指数'))
    const { html } = await page(s, `/events/${estimated.id}`)
    expect(html).toContain('<span class="meta date estimated">2021-06-06~</span>')
    expect(html).toContain('class="meta estimated-help"')
    expect(html).not.toContain('placed-help')
    const dated = await page(s, `/events/${items.find((e: any) => e.title.includes('比特币')).id}`)
    expect(dated.html).not.toContain('estimated')
    expect(dated.html).toContain('<span class="meta date">2021-06-06 09:30</span>')
  })
})

// One report published 2021-06-10 whose headline names 2021年6月20日: clustering places it on
// the 20th, and the event page and API say so, as `jianting event` does.
describe('a report placed by its headline’s date (test/fixtures/placed)', () => {
  let s: Server
  let eventId: string
  beforeAll(async () => {
    s = await testServer([exampleArchive, join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'placed')])
    const items = ((await (await s.app.request('/api/events?limit=50')).json()) as any).items
    eventId = items.find((e: any) => e.title.includes('香港书展延期')).id
  })
  afterAll(() => s.close())

  it('the event page shows the day it was placed on, marked *, with the publication date beside it', async () => {
    const { html } = await page(s, `/events/${eventId}`)
    const head = /<p class="headline">([\s\S]*?)<\/p>/.exec(html)![1]
    expect(head).toMatch(/<span class="meta date placed" data-placed="2021-06-20" data-published="2021-06-10">2021-06-20\* <span class="published">\(发表 2021-06-10\)<\/span><\/span>/)
    // Not the publication time as the report's date.
    expect(head).not.toContain('2021-06-10 08:00')
    expect(html).toContain('class="meta placed-help"')
    // A report placed on its publication day keeps its publication time, and no legend.
    const summit = await page(s, '/events/e00002')
    expect(summit.html).not.toContain('placed-help')
    expect(summit.html).toMatch(/<span class="meta date">2021-06-1\d \d\d:\d\d<\/span>/)
  })

  it('the event API gives each article’s placedAt beside its publishedAt', async () => {
    const e = (await (await s.app.request(`/api/events/${eventId}`)).json()) as any
    expect(e.articles.map((a: any) => [a.publishedAt.slice(0, 10), a.placedAt])).toEqual([['2021-06-10', '2021-06-20']])
    const summit = (await (await s.app.request('/api/events/e00002')).json()) as any
    for (const a of summit.articles) expect(a.placedAt).toBe(a.publishedAt.slice(0, 10))
  })
})

describe('hostile article HTML (test/fixtures/xss)', () => {
  let s: Server
  let ids: string[]
  beforeAll(async () => {
    s = await testServer(xssFiles)
    ids = ((await (await s.app.request('/api/articles?limit=200')).json()) as any).items.map((a: any) => a.id)
  })
  afterAll(() => s.close())

  it('is ingested as articles (the attacks reach the reader, not the quarantine)', () => {
    expect(ids).toHaveLength(xssFiles.length)
  })

  it('renders no script, handler, style, frame, plugin or remote URL on any page', async () => {
    const events = ((await (await s.app.request('/api/events')).json()) as any).items.map((e: any) => e.id)
    const outlets = ((await (await s.app.request('/api/outlets')).json()) as any).items.map((o: any) => o.id)
    const paths = ['/', '/?blindspot=1', '/stories', '/outlets', '/quarantine', '/search?q=%E5%B3%B0%E4%BC%9A', ...ids.map((id) => `/articles/${id}`), ...events.map((e: string) => `/events/${e}`), ...outlets.map((o: string) => `/outlets/${o}`)]
    for (const path of paths) {
      const { html, status } = await page(s, path)
      expect(status, path).toBe(200)
      for (const el of elements(html)) {
        expect(['script', 'iframe', 'object', 'embed', 'style', 'base', 'frame', 'applet', 'foreignobject', 'math'], `${path}: <${el.name}>`).not.toContain(el.name)
        if (el.name === 'meta') expect(el.attribs['http-equiv'], path).toBeUndefined()
        if (el.name === 'link') expect(el.attribs.href, path).toMatch(/^(\/static\/style-[0-9a-f]+\.css|\/favicon\.svg)$/)
        for (const [name, value] of Object.entries(el.attribs)) {
          expect(name, `${path}: <${el.name} ${name}>`).not.toMatch(/^on|^style$|^srcdoc$|^formaction$|^xlink:href$/)
          if (['href', 'src', 'action', 'srcset', 'data', 'poster'].includes(name)) expect(value, `${path}: <${el.name} ${name}>`).toMatch(/^(\/(?!\/)|#|\?)/)
        }
      }
    }
  })

  it('shows the hostile text as text', async () => {
    const id = ((await (await s.app.request('/api/search?q=%E7%AC%AC%E4%B8%83%E6%AE%B5')).json()) as any).items[0].id // 第七段
    const { html } = await page(s, `/articles/${id}`)
    expect(html).toContain('&lt;script&gt;window.__xss="escaped"&lt;/script&gt;')
  })
})

describe('sanitizer', () => {
  it.each(xssFiles.map((f) => [f.split('/').pop()!, f]))('never adds a tag (%s)', (_, file) => {
    const input = readFileSync(file, 'utf8')
    const count = (s: string) => elements(s).length
    const out = sanitizeFragment(input).value
    expect(count(out)).toBeLessThanOrEqual(count(input))
    expect(out).not.toMatch(/<script|=\s*["']?\s*javascript:|\son\w+=|<iframe|<svg|<style/i)
  })
})

describe('the local image cache', () => {
  let s: Server
  beforeAll(async () => {
    s = await testServer([join(exampleArchive, '001_c0e8cc5cf2b2201f.txt')])
  })
  afterAll(() => s.close())

  it('serves a cached raster image from this server, never an SVG, and never fetches', async () => {
    const dir = join(s.dir, 'images')
    mkdirSync(dir)
    const article = ((await (await s.app.request('/api/articles')).json()) as any).items[0]
    const full = (await (await s.app.request(`/api/articles/${article.id}`)).json()) as any
    const [first, second] = full.images.map((i: any) => i.src)
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    writeFileSync(join(dir, imageKey(first)), png)
    writeFileSync(join(dir, imageKey(second)), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const cached = await testServer([join(exampleArchive, '001_c0e8cc5cf2b2201f.txt')], {}, { imageCacheDir: dir })
    try {
      const { html } = await page(cached, `/articles/${article.id}`)
      expect(html).toContain(`<img src="/media/${imageKey(first)}"`)
      const img = await cached.app.request(`/media/${imageKey(first)}`)
      expect(img.headers.get('content-type')).toBe('image/png')
      expect((await cached.app.request(`/media/${imageKey(second)}`)).status).toBe(404)
      expect((await cached.app.request('/media/../../etc/passwd')).status).toBe(404)
    } finally {
      await cached.close()
    }
  })
})
