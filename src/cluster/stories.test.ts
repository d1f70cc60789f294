import { describe, expect, it } from 'vitest'
import { anchorEntities, anchorMask, centralEntities, storiesOf, storyMentions, StoryLinker, time, type CentralEvent, type Mentions } from './stories.js'

// Events as storiesOf sees them: a day (days after 2021-01-01) and the central entities, [id, name].
const DAY_MS = 86_400_000
const event = (n: number, day: number, central: ReadonlyArray<readonly [string, string]>): CentralEvent => {
  const date = new Date(Date.UTC(2021, 0, 1) + day * DAY_MS).toISOString()
  return { id: `e${n}`, title: `event ${n}`, start: date, end: date, central: new Map(central) }
}
const BIDEN = ['p:biden', '拜登'] as const
const PUTIN = ['p:putin', '普京'] as const
const NATO = ['o:nato', '北约'] as const
const WHO = ['o:who', '世卫'] as const
const XI = ['p:xi', '习近平'] as const

/** Each story as its events' ids, in the order storiesOf lists them. */
const timelines = (events: readonly CentralEvent[], eventCount?: number) => storiesOf(events, eventCount).map((s) => s.eventIds)

describe('storiesOf', () => {
  it('links events that share two central entities, in time order, whatever order they come in', () => {
    const events = [event(3, 160, [BIDEN, PUTIN, NATO]), event(1, 20, [BIDEN, PUTIN]), event(2, 90, [XI, WHO])]
    const [story, ...rest] = storiesOf(events)
    expect(rest).toEqual([])
    expect(story.eventIds).toEqual(['e1', 'e3'])
    expect(story.id).toBe('s1')
    expect(story.start).toBe(events[1].start)
    expect(story.end).toBe(events[0].end)
    expect(story.entities).toEqual(['拜登', '普京'])
    expect(story.title).toBe('拜登 · 普京')
  })

  it('links an event only by an entity it is about (an anchor), not by names its lead drops in passing', () => {
    const about = (e: CentralEvent, ...ids: string[]): CentralEvent => ({ ...e, anchors: anchorMask(e.central, new Set(ids)) })
    // A commentary naming 拜登 and 普京 in passing, about neither: no story with the summit.
    expect(timelines([event(1, 0, [BIDEN, PUTIN]), about(event(2, 30, [BIDEN, PUTIN, NATO]), 'o:nato')])).toEqual([])
    // About one of the two it shares: linked.
    expect(timelines([event(1, 0, [BIDEN, PUTIN]), about(event(2, 30, [BIDEN, PUTIN, NATO]), 'p:putin')])).toEqual([['e1', 'e2']])
    // The same through the incremental linker.
    const linker = new StoryLinker()
    linker.set(0, event(1, 0, [BIDEN, PUTIN]))
    linker.set(1, about(event(2, 30, [BIDEN, PUTIN]), 'o:nato'))
    expect(linker.stories().map((s) => s.eventIds)).toEqual([])
    linker.set(1, about(event(2, 30, [BIDEN, PUTIN]), 'p:biden'))
    expect(linker.stories().map((s) => s.eventIds)).toEqual([['e1', 'e2']])
  })

  it('finds a story only through an entity one of its events is about, whichever event comes first', () => {
    const about = (e: CentralEvent, ...ids: string[]): CentralEvent => ({ ...e, anchors: anchorMask(e.central, new Set(ids)) })
    // The first is about NATO and names 拜登 and 普京 in passing; the second is about 拜登.
    expect(timelines([about(event(1, 0, [BIDEN, PUTIN, NATO]), 'o:nato'), about(event(2, 30, [BIDEN, PUTIN]), 'p:biden')])).toEqual([])
    // Both about 拜登: one story.
    expect(timelines([about(event(1, 0, [BIDEN, PUTIN, NATO]), 'p:biden'), about(event(2, 30, [BIDEN, PUTIN]), 'p:biden')])).toEqual([['e1', 'e2']])
  })

  it('does not link events that share one entity only', () => {
    expect(timelines([event(1, 0, [BIDEN, PUTIN]), event(2, 10, [BIDEN, XI])])).toEqual([])
  })

  it('does not link events more than 400 days apart', () => {
    expect(timelines([event(1, 0, [BIDEN, PUTIN]), event(2, 401, [BIDEN, PUTIN])])).toEqual([])
    expect(timelines([event(1, 0, [BIDEN, PUTIN]), event(2, 399, [BIDEN, PUTIN])])).toEqual([['e1', 'e2']])
  })

  it('measures the gap from the end of the story, so a story runs on event after event', () => {
    const chain = [0, 300, 600, 900].map((day, i) => event(i + 1, day, [BIDEN, PUTIN]))
    expect(timelines(chain)).toEqual([['e1', 'e2', 'e3', 'e4']])
  })

  it('leaves out the backdrop: an entity most events name links nothing', () => {
    // 普京 is named by every event: with 拜登 it would link them all; alone with it, 北约 links e1 and e3.
    const events = [event(1, 0, [PUTIN, NATO, XI]), event(2, 5, [PUTIN, BIDEN]), event(3, 10, [PUTIN, NATO, XI]), event(4, 15, [PUTIN, BIDEN]), ...[5, 6, 7, 8].map((n) => event(n, 20 + n, [PUTIN]))]
    expect(timelines(events)).toEqual([['e1', 'e3']])
    // Among 10,000 events, 8 naming 普京 is no backdrop: e2 and e4 share it and 拜登.
    expect(timelines(events, 10_000)).toEqual(expect.arrayContaining([['e2', 'e4']]))
  })

  it('joins the story sharing the most of its profile, the one begun first of equals', () => {
    // e3 shares two with each story; it joins the one begun first, though it meets the other first.
    expect(timelines([event(1, 0, [XI, WHO]), event(2, 1, [BIDEN, PUTIN]), event(3, 2, [BIDEN, PUTIN, XI, WHO])])).toEqual([['e1', 'e3']])
    const events = [
      event(1, 0, [BIDEN, PUTIN]),
      event(2, 1, [XI, WHO]),
      event(3, 2, [BIDEN, PUTIN, XI, WHO]),
      // Shares three with that story (拜登, 普京 and 习近平, now in its profile) and one with e2's.
      event(4, 3, [BIDEN, PUTIN, XI, NATO]),
    ]
    expect(timelines(events)).toEqual([['e1', 'e3', 'e4']])
  })

  it('keeps in a profile, of entities named equally often, the first by id', () => {
    const names = (ids: readonly string[]) => ids.map((id) => [id, id] as const)
    // A profile holds four: 'y' is left out of e1's (though named first), so e2 starts its own.
    const events = [event(1, 0, names(['y', 'a', 'b', 'c', 'd'])), event(2, 1, names(['y', 'a'])), event(3, 2, names(['a', 'b']))]
    expect(timelines(events)).toEqual([['e1', 'e3']])
  })

  it("names an entity as its story's latest event does, and lists first those named most", () => {
    const events = [event(1, 0, [BIDEN, PUTIN]), event(2, 10, [['p:biden', '拜登总统'], PUTIN, NATO]), event(3, 20, [PUTIN, NATO])]
    const [story] = storiesOf(events)
    expect(story.eventIds).toEqual(['e1', 'e2', 'e3'])
    expect(story.entities).toEqual(['普京', '北约', '拜登总统'])
  })

  it('lists the stories latest first', () => {
    const events = [event(1, 0, [BIDEN, PUTIN]), event(2, 5, [BIDEN, PUTIN]), event(3, 50, [XI, WHO]), event(4, 60, [XI, WHO])]
    expect(storiesOf(events).map((s) => s.id)).toEqual(['s3', 's1'])
  })
})

describe('StoryLinker', () => {
  // A small pool of entities over a short span, so that events link, stories split and merge, and
  // entities cross the backdrop's bar as events come and go.
  const POOL = [BIDEN, PUTIN, NATO, WHO, XI, ...Array.from({ length: 55 }, (_, i) => [`p:${i}`, `人物${i}`] as const)]
  const random = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)

  it.each([1, 2, 3, 4, 5])('gives the stories of its events as they are, however they came and went (seed %i)', (seed) => {
    const next = random(seed)
    const linker = new StoryLinker()
    const held = new Map<number, CentralEvent>()
    let linked = 0
    for (let round = 0; round < 12; round++) {
      // A batch: new events, events changed (a later end, other entities), events merged away.
      const changes = round === 0 ? 300 : 1 + Math.floor(next() * 30)
      for (let k = 0; k < changes; k++) {
        const key = Math.floor(next() * 400)
        if (held.has(key) && next() < 0.2) {
          linker.delete(key)
          held.delete(key)
          continue
        }
        const entities = POOL.filter(() => next() < 0.06)
        const e = { ...event(key + 1, Math.floor(next() * 900), entities), ...(next() < 0.05 ? { start: undefined } : {}) }
        linker.set(key, e)
        held.set(key, e)
      }
      const eventCount = held.size + Math.floor(next() * 1000)
      const stories = linker.stories(eventCount)
      expect(stories).toEqual(storiesOf([...held.values()], eventCount))
      linked += stories.length
    }
    expect(linker.size).toBe(held.size)
    expect(linked).toBeGreaterThan(12)
  })

  // Linking as the rules say it, without the linker's index: every draft scanned, each profile
  // sorted afresh (count, then id), each entity named by the story's latest event naming it.
  const plainStories = (events: readonly CentralEvent[], eventCount: number) => {
    const df = new Map<string, number>()
    for (const e of events) for (const id of e.central.keys()) df.set(id, (df.get(id) ?? 0) + 1)
    const maxDf = Math.max(5, eventCount * 0.02)
    const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
    const order = events.filter((e) => e.central.size >= 2).sort((a, b) => ascii(a.start ?? '', b.start ?? '') || ascii(a.id, b.id))
    const ms = (s?: string) => (s ? Date.parse(s) : NaN)
    interface Plain { members: CentralEvent[]; counts: Map<string, number>; end: string; profile: string[] }
    const drafts: Plain[] = []
    for (const e of order) {
      const mine = [...e.central.keys()].filter((id) => df.get(id)! <= maxDf)
      if (mine.length < 2) continue
      let best: Plain | undefined
      let bestShared = 1
      for (const d of drafts) {
        const last = d.members[d.members.length - 1]
        const gap = Math.max(ms(last.start) - ms(e.end), ms(e.start) - ms(d.end || undefined), 0)
        if (!(gap / DAY_MS <= 400)) continue
        const shared = d.profile.filter((id) => mine.includes(id)).length
        if (shared > bestShared) [best, bestShared] = [d, shared]
      }
      const d: Plain = best ?? { members: [], counts: new Map(), end: '', profile: [] }
      if (!best) drafts.push(d)
      d.members.push(e)
      if ((e.end ?? '') > d.end) d.end = e.end ?? ''
      for (const id of mine) d.counts.set(id, (d.counts.get(id) ?? 0) + 1)
      d.profile = [...new Set([...d.profile, ...mine])].sort((a, b) => d.counts.get(b)! - d.counts.get(a)! || a.localeCompare(b)).slice(0, 4)
    }
    return drafts
      .filter((d) => d.members.length >= 2)
      .map((d) => {
        const name = (id: string) => [...d.members].reverse().find((m) => m.central.has(id))!.central.get(id)!
        const entities = [...d.counts].filter(([, n]) => n >= 2).map(([id, n]) => ({ name: name(id), n })).sort((a, b) => b.n - a.n || a.name.localeCompare(b.name)).map((c) => c.name)
        return { id: `s${d.members[0].id.slice(1)}`, title: entities.slice(0, 3).join(' · ') || d.members[0].title, start: d.members[0].start, end: d.end || undefined, eventIds: d.members.map((m) => m.id), entities }
      })
      .sort((a, b) => (b.end ?? '').localeCompare(a.end ?? ''))
  }

  it.each([11, 12, 13])('links as the rules say without its index (seed %i)', (seed) => {
    const next = random(seed)
    // Few entities, so that stories take many events and profiles change and tie.
    const few = POOL.slice(0, 9)
    const events = Array.from({ length: 400 }, (_, i) => {
      const e = event(i + 1, Math.floor(next() * 1500), few.filter(() => next() < 0.3))
      return next() < 0.1 ? { ...e, end: new Date(Date.parse(e.start!) + Math.floor(next() * 30) * DAY_MS).toISOString() } : e
    })
    const linker = new StoryLinker()
    events.forEach((e, k) => linker.set(k, e))
    // Counting events that name none, so that no entity is the backdrop.
    const stories = linker.stories(10_000)
    expect(stories.filter((s) => s.eventIds.length > 3).length).toBeGreaterThan(3)
    expect(stories).toEqual(plainStories(events, 10_000))
  })

  it('links as if events naming fewer than two central entities were not there (they only count towards the backdrop)', () => {
    const next = random(7)
    const events = Array.from({ length: 200 }, (_, i) => event(i + 1, Math.floor(next() * 600), POOL.filter(() => next() < 0.08)))
    // Each naming one entity no other event names (so no other entity's count moves), or none.
    const lone = Array.from({ length: 200 }, (_, i) => event(1000 + i, Math.floor(next() * 600), i % 3 ? [[`q:${i}`, `独${i}`] as const] : []))
    const linker = new StoryLinker()
    ;[...events, ...lone].forEach((e, k) => linker.set(k, e))
    const stories = linker.stories(1000)
    expect(stories.length).toBeGreaterThan(3)
    expect(stories).toEqual(storiesOf(events, 1000))
    // Taken out again, they leave nothing behind.
    lone.forEach((_, k) => linker.delete(events.length + k))
    expect(linker.stories(1000)).toEqual(stories)
  })

  it('forgets an event taken out, and takes out nothing it does not hold', () => {
    const linker = new StoryLinker()
    linker.set(0, event(1, 0, [BIDEN, PUTIN]))
    linker.set(1, event(2, 5, [BIDEN, PUTIN]))
    expect(linker.stories().map((s) => s.eventIds)).toEqual([['e1', 'e2']])
    expect(linker.delete(1)).toBe(true)
    expect(linker.delete(1)).toBe(false)
    expect(linker.get(1)).toBeUndefined()
    expect(linker.stories()).toEqual([])
  })
})

describe('centralEntities', () => {
  it('keeps the five entities most reports name, each named by at least two', () => {
    const reports = [
      [BIDEN, PUTIN, NATO],
      [BIDEN, PUTIN],
      [BIDEN, XI],
      [PUTIN, NATO, WHO],
    ]
    expect([...centralEntities(reports).keys()]).toEqual(['p:biden', 'p:putin', 'o:nato'])
  })
})

describe('anchorEntities', () => {
  const lead = (...ids: string[]): Mentions => ids.map((id) => [id, id] as const)
  const headline = (...ids: string[]): Mentions => ids.map((id) => [id, id, true] as const)

  it('keeps the central entities a headline names, or two reports name', () => {
    const reports = [
      [...headline('p:biden'), ...lead('p:biden', 'p:putin', 'p:putin', 'o:nato')],
      lead('o:nato', 'o:who', 'o:who'),
    ]
    const central = centralEntities(reports)
    expect([...central.keys()].sort()).toEqual(['o:nato', 'o:who', 'p:putin'].sort())
    // 拜登: in a headline, but its lead names him once only: not central, so no anchor either.
    expect([...anchorEntities(reports, central)].sort()).toEqual(['o:nato'])
  })

  it('takes a headline mention as what a one-report event is about', () => {
    const reports = [[...headline('p:putin'), ...lead('p:putin', 'p:putin', 'o:nato', 'o:nato')]]
    const central = centralEntities(reports)
    expect([...central.keys()].sort()).toEqual(['o:nato', 'p:putin'])
    expect([...anchorEntities(reports, central)]).toEqual(['p:putin'])
  })
})

describe('storyMentions', () => {
  const ids = (folded: string) => storyMentions({ folded }).map(([id]) => id)

  it('marks the mentions of the headline, and counts them apart from the lead', () => {
    const m = storyMentions({ foldedTitle: '普京会见拜登', folded: '北约秘书长表示，北约将继续。' })
    expect(m.filter(([, , h]) => h).map(([id]) => id)).toEqual(['putin', 'biden'])
    expect(m.filter(([, , h]) => !h).map(([id]) => id)).toEqual(['nato', 'nato'])
  })

  it('leaves out an organisation named as the source of the report, and keeps it where it is the subject', () => {
    expect(ids('据路透社报道，白宫官员周二表示协议完好。')).toEqual(['white-house'])
    expect(ids('路透北京/上海6月24日 - 人民币收跌，白宫官员称协议进展良好。')).toEqual(['white-house'])
    expect(ids('美联社记者在现场看到，白宫外聚集了抗议者。')).toEqual(['white-house'])
    expect(ids('路透社援引白宫官员的话说，会谈将继续。')).toEqual(['white-house'])
    // The agency as what the report is about.
    expect(ids('白宫批评路透社的报道失实。')).toEqual(['white-house', 'reuters'])
    expect(ids('据路透社的报道，白宫称协议完好。')).toEqual(['white-house'])
    expect(ids('警方搜查苹果日报大楼。')).toEqual(['apple-daily'])
    // Reuters on the EU's vaccine plans: the agency that sent or saw the story is its source too.
    expect(ids('路透社今天发出了一篇消息，欧盟将扩大疫苗生产。')).toEqual(['eu'])
    expect(ids('由路透社看到的问卷显示，欧盟正在调查。')).toEqual(['eu'])
    // A body that issues news of its own, or learns of something, is the subject.
    expect(ids('美国国务院今天发布消息，宣布制裁。')).toEqual(['state-department'])
    expect(ids('白宫获悉后表示关注。')).toEqual(['white-house'])
    expect(ids('苹果日报发表的文章涉嫌违反国安法。')).toContain('apple-daily')
  })
})

describe('time', () => {
  it('is Date.parse for ISO dates and for anything else', () => {
    let seed = 7
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n
    const samples: Array<string | undefined> = [undefined, '', '2021-02-29T00:00:00.000Z', '2020-02-29T23:59:59.999Z', '2021-04-31T10:00:00.000Z', '2021-06-14T24:00:00.000Z', '2021-06-14T23:60:00.000Z', '0050-06-14T12:00:00.000Z', '0100-03-01T00:00:00.000Z', '2021-06-14T12:00:00Z', '2021-06-14', '2021-06-14T12:00:00.000+08:00', '2021-1a-14T12:00:00.000Z', '2021-06-14T-1:00:00.000Z', '2021-06-14T12:00:00.-00Z', 'not a date at all, 24 ch']
    for (let k = 0; k < 20_000; k++) {
      const ms = (random(2) ? 1 : -1) * random(2 ** 20) * random(2 ** 22)
      const d = new Date(ms)
      if (!Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 0 && d.getUTCFullYear() <= 9999) samples.push(d.toISOString())
      // Each field pushed out of its range or made a non-digit, one at a time.
      const iso = new Date(random(2 ** 20) * random(2 ** 22)).toISOString()
      const at = random(24)
      samples.push(iso.slice(0, at) + '0123456789x:-.TZ'[random(16)] + iso.slice(at + 1))
    }
    for (const s of samples) expect(Object.is(time(s), s ? Date.parse(s) : NaN)).toBe(true)
  })
})

describe('a digest and stories', () => {
  it('links the event of a digest of unrelated items into no story, though it names the entities of one', async () => {
    const { ArchiveClustering } = await import('./cluster-articles.js')
    const c = new ArchiveClustering()
    const lead = '拜登与普京在日内瓦举行峰会，拜登表示会谈富有建设性，普京称双方同意恢复大使。'
    c.add([
      { id: 'digest', title: '路德时评：拜登普京会面｜广州封城｜台山核电泄漏', text: lead, outletId: 'gnews', publishedAt: '2021-06-17T00:00:00Z' },
      { id: 'report', title: '拜登普京日内瓦峰会', text: lead, outletId: 'voa', publishedAt: '2021-06-16T00:00:00Z' },
    ])
    const assigned = (id: string) => c.clusterer.assignments.get(id)!
    expect(assigned('digest').digest).toBe(true)
    const central = (id: string) => c.centralOf(c.clusterer.events.find((e) => e.articleIds.includes(id))!).central
    expect([...central('report').values()]).toEqual(expect.arrayContaining(['拜登', '普京']))
    expect(central('digest').size).toBe(0)
  })
})
