import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Article } from '../../article.js'
import { allArticles, exampleArchive } from '../../../test/support/store.js'
import { openSqlite } from '../../store/sqlite/store.js'
import type { Store } from '../../store/store.js'
import { compareCommand, explainArticle, listEvents, listStories, showEvent } from './events.js'
import { runIngest } from './ingest.js'

/** What a command prints on stdout, line by line. */
async function printed(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean))
    return true
  })
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    await run()
  } finally {
    spy.mockRestore()
    err.mockRestore()
  }
  return lines
}

// The "done when", through the commands a user runs on the example archive.
describe('events, stories and compare on the example archive', () => {
  let dir: string
  let store: Store
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianting-events-'))
    store = openSqlite(join(dir, 'test.db'))
    await runIngest(store, [exampleArchive], { jobs: 1, quiet: true })
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('shows the summit as one event of four outlets and the January call as another event of the same story', async () => {
    const events = (await printed(() => listEvents(store, { json: true }))).map((l) => JSON.parse(l))
    expect(events.map((e) => e.outlets)).toEqual([['al-jazeera', 'gnews', 'guancha', 'mitbbs'], ['voa-chinese']])
    expect(events[0].storyId).not.toBeNull()
    expect(events[1].storyId).toBe(events[0].storyId)
    const stories = (await printed(() => listStories(store, { json: true }))).map((l) => JSON.parse(l))
    expect(stories).toHaveLength(1)
    expect(stories[0].eventIds).toEqual([events[1].id, events[0].id]) // the call first: a timeline
  })

  it('lists only the events of several outlets, of one outlet by any of its names, or running in a window', async () => {
    const ids = async (flags: Parameters<typeof listEvents>[1]) => (await printed(() => listEvents(store, { json: true, ...flags }))).map((l) => JSON.parse(l).outlets.length)
    expect(await ids({ outlets: 2 })).toEqual([4])
    expect(await ids({ outlets: 5 })).toEqual([])
    expect(await ids({ outlet: '美國之音' })).toEqual([1])
    expect(await ids({ outlet: 'guancha' })).toEqual([4])
    // By overlap: the summit ran in June 2021, the call in January.
    expect(await ids({ since: '2021-06-01' })).toEqual([4])
    expect(await ids({ until: '2021-02-01' })).toEqual([1])
    expect(await ids({ since: '2021-02-01', until: '2021-05-31' })).toEqual([])
    await expect(listEvents(store, { outlet: 'no such outlet' })).rejects.toThrow(/no outlet called no such outlet/)
  })

  it('compares the summit: consensus, unique claims, the conflict, previews, quotes', async () => {
    const [summit] = (await printed(() => listEvents(store, { json: true }))).map((l) => JSON.parse(l))
    const [line] = await printed(() => compareCommand(store, summit.id, { json: true }))
    const c = JSON.parse(line)
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['event', 'articles', 'claims', 'consensus', 'unique', 'omissions', 'quotes', 'figures', 'framing', 'summary']))
    const text = (id: string) => JSON.stringify(c.claims.find((x: { id: string }) => x.id === id))
    expect(c.consensus.map(text).some((t: string) => /大使/.test(t))).toBe(true)
    expect(c.unique.guancha.map(text).some((t: string) => /93分钟/.test(t))).toBe(true)
    expect(c.figures.some((g: { conflict: boolean }) => g.conflict)).toBe(true)
    expect(c.articles.find((a: { outlet: string }) => a.outlet === 'mitbbs').before).toBe(true)
    const md = (await printed(() => compareCommand(store, summit.id, {}))).join('\n')
    expect(md).toMatch(/## Figures[\s\S]*conflict/)
    expect(md).toContain('preview')
  })

  it('explains an article and shows one event; unknown ids are a clear error', async () => {
    const [summit] = (await printed(() => listEvents(store, { json: true }))).map((l) => JSON.parse(l))
    const [why] = await printed(() => explainArticle(store, summit.articleIds[1], { json: true }))
    expect(JSON.parse(why)).toMatchObject({ eventId: summit.id })
    expect(JSON.parse(why).sharedEntities).toEqual(expect.arrayContaining(['拜登', '普京']))
    const shown = await printed(() => showEvent(store, summit.id, {}))
    expect(shown.join('\n')).toContain('2021-06-16')
    await expect(compareCommand(store, 'e99999', {})).rejects.toThrow('event e99999 not found')
    await expect(compareCommand(store, summit.id, { json: true, md: true })).rejects.toThrow('choose one of')
  })
})

describe('event', () => {
  /**
   * `jianting event` for the summit, with Al Jazeera's report added again as a repost made by
   * `repost` from it (in a fresh store of the example archive).
   */
  async function summitWithRepost(repost: (aj: Article) => Article): Promise<{ shown: string; aj: Article }> {
    const dir = mkdtempSync(join(tmpdir(), 'jianting-event-'))
    const store = openSqlite(join(dir, 'test.db'))
    try {
      await runIngest(store, [exampleArchive], { jobs: 1, quiet: true })
      const aj = (await allArticles(store)).find((a) => a.outletId === 'al-jazeera')!
      const copy = repost(aj)
      await store.transaction(async (tx) => void (await tx.upsertArticle(copy)))
      const [summit] = (await printed(() => listEvents(store, { json: true }))).map((l) => JSON.parse(l)).filter((e) => e.articleIds.includes(aj.id))
      expect(summit.articleIds).toContain(copy.id)
      return { shown: (await printed(() => showEvent(store, summit.id, {}))).join('\n'), aj }
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('shows a report on the day clustering placed it, marked, when that is not its publication date', async () => {
    // The same report reposted without a date, its headline giving the day.
    const { shown, aj } = await summitWithRepost((aj) => {
      const { publishedAt: _, ...rest } = aj
      return { ...rest, id: 'repost0000000000' as Article['id'], title: `简讯(2021.6.17早间)：${aj.title}`, dateSource: 'none' }
    })
    expect(shown).toMatch(/repost0000000000 {2}2021-06-17\* .*\[published: no date\]/)
    expect(shown).toMatch(new RegExp(`${aj.id} {2}\\d{4}-\\d\\d-\\d\\d  `))
    expect(shown).toContain('* not placed by its publication date (missing, or a reused picture\'s): by a date its headline or lead gives')
    expect(shown).not.toContain('~ no date of its own')
    // The repost (same outlet, another headline) is not a copy: five reports from four outlets.
    expect(shown).toMatch(/, 5 articles from 4 outlets/)
  })

  it('counts a copy once in its event\'s heading, and says how many copies it lists', async () => {
    const { shown } = await summitWithRepost((aj) => ({ ...aj, id: 'repost0000000002' as Article['id'], duplicateOf: aj.id, duplicateReason: 'same text' }))
    expect(shown).toMatch(/, 4 articles \(and 1 copy of them\) from 4 outlets/)
    expect(shown).toMatch(/repost0000000002 .*\(copy of /)
  })

  it('marks a date estimated from the site\'s numbering', async () => {
    const { shown } = await summitWithRepost((aj) => ({ ...aj, id: 'repost0000000001' as Article['id'], title: `转载：${aj.title}`, publishedAt: '2021-06-17', dateSource: 'sequence' }))
    expect(shown).toMatch(/repost0000000001 {2}2021-06-17~ /)
    expect(shown).toContain('~ no date of its own: estimated from the articles its site numbered next to it')
    expect(shown).not.toContain('* not placed by')
  })
})
