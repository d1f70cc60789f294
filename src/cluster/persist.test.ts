import { describe, expect, it } from 'vitest'
import type { Article } from '../article.js'
import { exampleArticles } from '../../test/support/store.js'
import { CorpusStats } from '../analyze/keywords.js'
import { ArchiveClustering } from './cluster-articles.js'
import { restoreClustering, saveClustering } from './persist.js'

const DAY_MS = 86_400_000
const shifted = (a: Article, days: number, suffix: string): Article => ({
  ...a,
  id: `${a.id}${suffix}` as Article['id'],
  ...(a.publishedAt ? { publishedAt: new Date(Date.parse(a.publishedAt) + days * DAY_MS).toISOString() } : {}),
  ...(a.duplicateOf ? { duplicateOf: `${a.duplicateOf}${suffix}` as Article['id'] } : {}),
})

describe('saving and restoring the clustering', () => {
  const first = exampleArticles()
  // A second batch: the same reports again a day later (they join the first batch's events)
  // and ten days later (they found events of their own).
  const second = [...first.map((a) => shifted(a, 1, '-b')), ...first.map((a) => shifted(a, 10, '-c'))]

  it('continues exactly where it stopped: saved, restored and given more articles, it clusters as if it had never stopped', () => {
    const continuous = new ArchiveClustering()
    continuous.add(first)
    const saved = saveClustering(continuous)
    continuous.add(second)

    const restored = restoreClustering(saved)!
    expect(restored).toBeInstanceOf(ArchiveClustering)
    expect(restored.items.size).toBe(first.length)
    expect(restored.add([...first, ...second])).toBe(second.length)

    const all = [...first, ...second]
    const expected = continuous.result(all)
    const got = restored.result(all)
    expect(got.events).toEqual(expected.events)
    expect([...got.assignments]).toEqual([...expected.assignments])
    // The second batch did join the first batch's events and found others: the test exercises both.
    const reasons = new Set(second.map((a) => got.assignments.get(a.id)!.reason))
    expect(reasons).toContain('joined')
    expect(reasons).toContain('founded')
  })

  it('keeps the first batch in the events it had: ids and members do not move when articles are added', () => {
    const c = new ArchiveClustering()
    c.add(first)
    const before = c.result(first).events
    const restored = restoreClustering(saveClustering(c))!
    restored.add(second)
    const after = new Map(restored.result([...first, ...second]).events.map((e) => [e.id, e]))
    for (const e of before) expect(after.get(e.id)!.articleIds.slice(0, e.articleIds.length)).toEqual(e.articleIds)
  })

  it('adds nothing for articles it has already clustered', () => {
    const c = new ArchiveClustering()
    expect(c.add(first)).toBe(first.length)
    expect(c.add(first)).toBe(0)
  })

  it('refuses to save an object of a class it cannot rebuild, naming the class', () => {
    class Unknown {
      readonly x = 1
    }
    const c = new ArchiveClustering()
    ;(c.items as Map<string, unknown>).set('odd', new Unknown())
    expect(() => saveClustering(c)).toThrow(/instance of Unknown .*persist\.ts/)
  })

  it('rebuilds a class instance inside a Map or an array, keeping the order of the entries', () => {
    const c = new ArchiveClustering()
    const items = c.items as Map<string, unknown>
    items.set('plain', { n: 1 })
    items.set('stats', new CorpusStats())
    items.set('list', [{ n: 2 }, new CorpusStats(), 3])
    items.set('last', { n: 4 })
    const back = restoreClustering(saveClustering(c))!.items as Map<string, unknown>
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
    ;(c.items as Map<string, unknown>).set('shared', c.features)
    expect(() => saveClustering(c)).toThrow(/ArticleFeatures held in two places/)
  })

  it('refuses to save a Map keyed by objects', () => {
    const c = new ArchiveClustering()
    ;(c.items as Map<string, unknown>).set('odd', new Map([[{ key: 1 }, 1]]))
    expect(() => saveClustering(c)).toThrow(/Map keyed by objects/)
  })

  it('ignores state saved in another format', async () => {
    const { serialize } = await import('node:v8')
    expect(restoreClustering(serialize({ format: 0, state: {} }))).toBeUndefined()
  })
})
