import { describe, expect, it } from 'vitest'
import { exampleArticles, shifted } from '../../test/support/store.js'
import { CorpusStats, RecentStats } from '../analyze/keywords.js'
import { ArchiveClustering } from './cluster-articles.js'
import { EventClusterer } from './events.js'
import { CENTRAL_CHUNK, centralPartName, loadCentrals, loadEvent, loadMembers, loadWeek, restoreHead, saveCentrals, saveEvent, saveHead, saveMembers, saveWeeks } from './persist.js'
import { storiesOf, type CentralEvent } from './stories.js'


/** Saves the head, every event and every week of the index, as a first run over an archive does. */
function saveAll(c: ArchiveClustering): { head: Uint8Array; events: Map<number, Uint8Array>; members: Map<number, Uint8Array[]>; weeks: Map<number, Uint8Array> } {
  const events = new Map<number, Uint8Array>()
  const members = new Map<number, Uint8Array[]>()
  for (let idx = 0; idx < c.clusterer.founded; idx++)
    if (c.clusterer.live(idx) === idx) {
      events.set(idx, saveEvent(c, idx))
      members.set(idx, [...saveMembers(c, idx).values()])
    }
  const weeks = saveWeeks(c, c.clusterer.takeChangedWeeks())
  return { head: saveHead(c), events, members, weeks }
}

/** Loads the weeks of the index a batch looks up; returns which. */
function loadWeeks(c: ArchiveClustering, saved: ReturnType<typeof saveAll>, batch: ReturnType<ArchiveClustering['featurise']>): number[] {
  const weeks = [...new Set(batch.flatMap((f) => c.clusterer.weeksFor(f.item)))]
  for (const w of weeks) loadWeek(c, w, saved.weeks.get(w)!)
  return weeks
}

describe('saving and restoring the clustering in parts', () => {
  const first = exampleArticles()
  // A second batch: the same reports again a day later (they join the first batch's events)
  // and ten days later (they found events of their own).
  const second = [...first.map((a) => shifted(a, 1, '-b')), ...first.map((a) => shifted(a, 10, '-c'))]

  it('continues exactly where it stopped, loading only the events the new articles can meet', async () => {
    const continuous = new ArchiveClustering()
    continuous.add(first)
    const saved = saveAll(continuous)
    continuous.add(second)

    const restored = restoreHead(saved.head)!.clustering
    expect(restored.clusterer.events).toEqual([])
    const batch = restored.featurise(second)
    const weeks = loadWeeks(restored, saved, batch)
    // Every saved week is within the window of one of the new articles here (the copies a day
    // later), so every one is loaded, and nothing else (weeks not saved cannot be).
    expect(new Set(weeks)).toEqual(new Set(saved.weeks.keys()))
    expect(batch.flatMap((f) => restored.clusterer.weeksFor(f.item))).toEqual([])
    const loaded: number[] = []
    await restored.clusterLoading(batch, async (events) => {
      for (const idx of events) loadEvent(restored, idx, saved.events.get(idx)!)
      loaded.push(...events)
    })
    expect(loaded.length).toBeGreaterThan(0)
    expect(new Set(loaded).size).toBe(loaded.length) // each event loaded once
    expect(loaded.length).toBeLessThanOrEqual(saved.events.size) // the seeds' two events are both near the new week

    // Members come only for the events the batch changed (merged ones too): their assignments
    // are loaded after the merges that moved them, and must come out as if loaded before.
    const changed = restored.clusterer.takeChanged()
    for (const idx of changed) if (saved.members.has(idx)) loadMembers(restored, idx, saved.members.get(idx)!)
    expect(changed.filter((idx) => saved.members.has(idx)).length).toBeGreaterThan(0)

    // Every event the batch changed is the continuous one's, member for member and assignment for assignment.
    const expected = new Map(continuous.result().events.map((e) => [e.id, e]))
    const live = changed.filter((idx) => restored.clusterer.live(idx) === idx).map((idx) => restored.describe(restored.clusterer.event(idx)))
    expect(live.length).toBeGreaterThan(0)
    for (const e of live) {
      expect(e).toEqual(expected.get(e.id))
      for (const id of e.articleIds) expect(restored.clusterer.assignments.get(id)).toEqual(continuous.clusterer.assignments.get(id))
    }
    // …and so are the summits its headlines name (one seed's names the 美俄峰会), which keep other summits' reports out.
    const kept = changed.filter((idx) => restored.clusterer.live(idx) === idx)
    expect(kept.some((idx) => restored.clusterer.event(idx).summits?.includes('russia+usa'))).toBe(true)
    for (const idx of kept) expect(restored.clusterer.event(idx).summits).toEqual(continuous.clusterer.event(idx).summits)
    const got = { assignments: restored.clusterer.assignments }
    for (const a of second) expect(got.assignments.get(a.id)).toEqual(continuous.clusterer.assignments.get(a.id))
    // The second batch did join the first batch's events and found others: the test exercises both.
    const reasons = new Set(second.map((a) => got.assignments.get(a.id)!.reason))
    expect(reasons).toContain('joined')
    expect(reasons).toContain('founded')
  })

  it('keeps the counts of the last days, so that a restored clustering weighs a bursting word as the continuous one does', () => {
    const continuous = new ArchiveClustering()
    const at = (d: number) => new Date(Date.UTC(2021, 4, d)).toISOString()
    for (let i = 0; i < 200; i++) continuous.features.item({ id: `o${i}`, title: `往事${i}`, text: `其他 内容 ${i}`, publishedAt: at(1 + (i % 20)) })
    for (let i = 0; i < 60; i++) continuous.features.item({ id: `a${i}`, title: `新闻${i}`, text: `alphaword 其他 内容 ${i}`, publishedAt: at(30 + (i % 5)) })
    const restored = restoreHead(saveHead(continuous))!.clustering
    const later = { id: 'x', title: '报道', text: '正文 alphaword 和 betaword', publishedAt: at(34) }
    const [c, r] = [continuous.features.item(later).vector, restored.features.item(later).vector]
    expect(r).toEqual(c)
    // The restored counts are a RecentStats again, holding the week: alphaword is in all of it.
    const recent = (restored.features as unknown as { recent: RecentStats }).recent
    expect(recent).toBeInstanceOf(RecentStats)
    expect(recent.damping(Date.parse(at(34)) / 86_400_000, () => 0.01)('alphaword', 6)).toBeLessThan(1)
  })

  it('fails loudly when an event the batch needs was not loaded, rather than deciding without it', () => {
    const c = new ArchiveClustering()
    c.add(first)
    const saved = saveAll(c)
    const restored = restoreHead(saved.head)!.clustering
    const batch = restored.featurise(second)
    loadWeeks(restored, saved, batch)
    expect(() => restored.cluster(batch)).toThrow(/event .* not loaded/)
  })

  it('fails loudly when a week of the index the batch looks up was not loaded', () => {
    const c = new ArchiveClustering()
    c.add(first)
    const restored = restoreHead(saveAll(c).head)!.clustering
    // The day after the first batch: the same weeks it indexed.
    expect(() => restored.cluster(restored.featurise(first.map((a) => shifted(a, 1, '-next'))))).toThrow(/week .* not loaded/)
  })

  it('numbers events so that an id gives back its index', () => {
    const c = new ArchiveClustering()
    c.add([...first, ...second])
    for (const e of c.clusterer.events) expect(c.clusterer.event(EventClusterer.indexOf(e.id))).toBe(e)
  })

  it('refuses to save an object of a class it cannot rebuild, naming the class', () => {
    class Unknown {
      readonly x = 1
    }
    const c = new ArchiveClustering()
    ;(c.features as unknown as Record<string, unknown>).odd = new Unknown()
    expect(() => saveHead(c)).toThrow(/instance of Unknown .*persist\.ts/)
  })

  it('rebuilds a class instance inside a Map or an array, keeping the order of the entries', () => {
    const c = new ArchiveClustering()
    const extra = new Map<string, unknown>([
      ['plain', { n: 1 }],
      ['stats', new CorpusStats()],
      ['list', [{ n: 2 }, new CorpusStats(), 3]],
      ['last', { n: 4 }],
    ])
    ;(c.features as unknown as Record<string, unknown>).extra = extra
    const back = (restoreHead(saveHead(c))!.clustering.features as unknown as Record<string, unknown>).extra as Map<string, unknown>
    expect([...back.keys()]).toEqual(['plain', 'stats', 'list', 'last'])
    expect(back.get('stats')).toBeInstanceOf(CorpusStats)
    const list = back.get('list') as unknown[]
    expect(list[0]).toEqual({ n: 2 })
    expect(list[1]).toBeInstanceOf(CorpusStats)
    expect(list[2]).toBe(3)
    expect(back.get('last')).toEqual({ n: 4 })
  })

  it('refuses to save a class instance held in two places, which would come back as two', () => {
    const c = new ArchiveClustering()
    ;(c.features as unknown as Record<string, unknown>).shared = c.features.stats
    expect(() => saveHead(c)).toThrow(/CorpusStats held in two places/)
  })

  it('refuses to save a Map keyed by objects', () => {
    const c = new ArchiveClustering()
    ;(c.features as unknown as Record<string, unknown>).odd = new Map([[{ key: 1 }, 1]])
    expect(() => saveHead(c)).toThrow(/Map keyed by objects/)
  })

  it('saves story entries by chunks of consecutive events, each holding only its own, and reads them back', () => {
    // Every third event names no central entity (it has no entry); the last chunk is partly
    // filled. Entries differ in how many entities they name, in which dates and anchors they
    // have, and no two name the same: an entry read back with another's strings, or shifted by
    // one, is caught.
    const entries = new Map<number, CentralEvent>()
    for (let idx = 0; idx < 3 * CENTRAL_CHUNK + 5; idx++) {
      if (!(idx % 3)) continue
      const central = new Map<string, string>([[`p:${idx}`, `人物${idx}`]])
      for (let k = 1; k < 1 + (idx % 5); k++) central.set(`o:${idx}.${k}`, `机构${idx}.${k}`)
      entries.set(idx, {
        id: `e${idx + 1}`,
        title: `event ${idx}`,
        start: idx % 7 ? `2021-06-${String(1 + (idx % 28)).padStart(2, '0')}` : undefined,
        end: idx % 5 ? `2021-07-${String(1 + (idx % 28)).padStart(2, '0')}` : undefined,
        central,
        anchors: idx % 2 ? idx % 32 : undefined,
      })
    }
    const parts = new Map<string, Uint8Array | undefined>()
    for (const idx of entries.keys()) parts.set(centralPartName(idx), saveCentrals(idx, (i) => entries.get(i)))
    expect(parts.size).toBe(4)
    const back = new Map<number, CentralEvent>()
    for (const [name, body] of parts) for (const [idx, e] of loadCentrals(name, body!)) {
      expect(centralPartName(idx)).toBe(name)
      back.set(idx, e)
    }
    // Entities compared in their order (toEqual would take Maps in another order as equal).
    const plain = (m: Map<number, CentralEvent>) => [...m].sort((a, b) => a[0] - b[0]).map(([idx, e]) => [idx, { id: e.id, title: e.title, start: e.start, end: e.end, central: [...e.central], anchors: e.anchors }])
    expect(plain(back)).toStrictEqual(plain(entries))
    // A chunk none of whose events has an entry any more is not written (its part is deleted).
    expect(saveCentrals(CENTRAL_CHUNK, () => undefined)).toBeUndefined()
  })

  it('links the same stories from story entries read back as from those saved', () => {
    // Threads of events (each naming its pair of people and one entity of its own), and events naming one person only.
    const entries = new Map<number, CentralEvent>()
    for (let idx = 0; idx < 2 * CENTRAL_CHUNK; idx++) {
      // Threads of four events at most: an entity named by more than five is the backdrop.
      const thread = Math.floor(idx / 4)
      const central = new Map<string, string>(idx % 4 === 3 ? [[`p:lone${idx}`, `独${idx}`]] : [[`p:a${thread}`, `甲${thread}`], [`p:b${thread}`, `乙${thread}`], [`o:${idx}`, `机构${idx}`]])
      const day = String(1 + (idx % 28)).padStart(2, '0')
      entries.set(idx, { id: `e${idx + 1}`, title: `event ${idx}`, start: `2021-0${1 + (idx % 9)}-${day}T00:00:00.000Z`, end: `2021-0${1 + (idx % 9)}-${day}T12:00:00.000Z`, central, anchors: idx % 4 ? 3 : 1 })
    }
    const back = new Map<number, CentralEvent>()
    for (const name of new Set([...entries.keys()].map(centralPartName))) {
      const body = saveCentrals(Number(name.slice(2)) * CENTRAL_CHUNK, (i) => entries.get(i))!
      for (const [idx, e] of loadCentrals(name, body)) back.set(idx, e)
    }
    const order = [...entries.keys()].sort((a, b) => a - b)
    const linked = storiesOf(order.map((i) => entries.get(i)!))
    expect(linked.length).toBeGreaterThanOrEqual(2)
    expect(storiesOf(order.map((i) => back.get(i)!))).toEqual(linked)
  })

  it('refuses a chunk of story entries whose strings do not match its counts', async () => {
    const { deserialize, serialize } = await import('node:v8')
    const body = saveCentrals(0, (i) => (i === 1 ? { id: 'e2', title: 't', central: new Map([['p:a', 'A'], ['p:b', 'B']]) } : undefined))!
    expect(loadCentrals('c:0', body).get(1)?.central).toEqual(new Map([['p:a', 'A'], ['p:b', 'B']]))
    const saved = deserialize(body) as { keys: string[]; names: string }
    expect(() => loadCentrals('c:0', serialize({ ...saved, keys: saved.keys.slice(1) }))).toThrow(/not readable/)
    expect(() => loadCentrals('c:0', serialize({ ...saved, names: `${saved.names}x` }))).toThrow(/not readable/)
    expect(() => loadCentrals('c:0', serialize(new Map([[1, { id: 'e2' }]])))).toThrow(/not readable/)
  })

  it('ignores state saved in another format', async () => {
    const { serialize } = await import('node:v8')
    expect(restoreHead(serialize({ format: 1, state: {} }))).toBeUndefined()
  })
})
