import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../article.js'
import { openSqlite } from '../../store/sqlite/store.js'
import type { Store } from '../../store/store.js'
import { runIngest } from './ingest.js'
import { allArticles, exampleArchive } from '../../../test/support/store.js'

const quiet = { jobs: 1, quiet: true }


describe('ingest of the seed archive', () => {
  let dir: string
  let store: Store
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jianting-test-'))
    store = openSqlite(join(dir, 'test.db'))
  })
  afterEach(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('gives five attributed, dated, clean articles', async () => {
    const summary = await runIngest(store, [exampleArchive], quiet)
    expect(summary).toMatchObject({ files: 5, articles: 5, duplicates: 0, quarantined: 0 })
    const articles = await allArticles(store)
    expect(articles.map((a) => a.outletId).sort()).toEqual(['al-jazeera', 'gnews', 'guancha', 'mitbbs', 'voa-chinese'])
    const byOutlet = Object.fromEntries(articles.map((a) => [a.outletId, a]))
    expect(byOutlet.gnews.via?.outlet).toBe('ourhimalayas/txt')
    expect(byOutlet.gnews.url).toBe('https://gnews.org/zh-hans/1333308/')
    expect(byOutlet['al-jazeera'].publishedAt).toBe('2021-06-17T02:20:28Z')
    expect(byOutlet.mitbbs.publishedAt).toBe('2021-06-15T20:45:00Z')
    expect(byOutlet['voa-chinese'].publishedAt?.slice(0, 10)).toBe('2021-01-27')
    for (const a of articles) {
      expect(a.text).not.toMatch(/<[a-z/!]|Mitbbs\.com|adsbygoogle|更多资讯|返回首頁|GTV-/i)
      expect(a.text.length).toBeGreaterThan(800)
      expect(a.lang).toBe('zh-Hans')
    }
    // The pull quote in the Al Jazeera piece repeats a paragraph: it is kept once.
    const aj = byOutlet['al-jazeera'].text
    expect(aj.split('普京批评美国将俄罗斯视为敌人和对手，并表示美国支持').length - 1).toBe(1)
    expect(byOutlet.guancha.images.find((i) => i.caption === 'RT报道截图')).toBeDefined()
    expect(byOutlet['voa-chinese'].images[0].src).toBe('https://gdb.voanews.com/990D9CDF-4414-4B17-8918-3AD60621C597_cx0_cy2_cw0_r1_s_w900.jpg')
  })

  it('finds all five with search 普京, and Traditional queries find Simplified text', async () => {
    await runIngest(store, [exampleArchive], quiet)
    expect((await store.search('普京')).length).toBe(5)
    const trad = await store.search('峰會')
    expect(trad.length).toBe(4)
    expect(await store.search('"核战争 没有 赢家"')).toHaveLength(1)
  })

  it('adds and changes nothing on a second run', async () => {
    await runIngest(store, [exampleArchive], quiet)
    const before = await allArticles(store)
    const again = await runIngest(store, [exampleArchive], quiet)
    expect(again).toMatchObject({ articles: 0, duplicates: 0, quarantined: 0, unchanged: 5 })
    expect(await allArticles(store)).toEqual(before)
  })

  it('parses a quarantined input again: what failed under one option passes under another, and a repeated failure changes nothing', async () => {
    // Forced to a format they are not, the seeds are quarantined; a run without --format reads them.
    const forced = await runIngest(store, [exampleArchive], { ...quiet, format: 'html' })
    expect(forced).toMatchObject({ articles: 0, quarantined: 5 })
    const entries = await all(store.quarantined())
    expect(forced.quarantinedBefore).toBe(0)
    const again = await runIngest(store, [exampleArchive], { ...quiet, format: 'html' })
    expect(again).toMatchObject({ articles: 0, quarantined: 5, quarantinedBefore: 5, unchanged: 0 })
    expect(await all(store.quarantined())).toEqual(entries)
    const freed = await runIngest(store, [exampleArchive], quiet)
    expect(freed).toMatchObject({ articles: 5, quarantined: 0 })
    expect(await all(store.quarantined())).toEqual([])
    expect(await runIngest(store, [exampleArchive], quiet)).toMatchObject({ articles: 0, unchanged: 5 })
  })

  it('a run killed midway leaves a consistent database that the next run completes', async () => {
    let calls = 0
    const failing: Store = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'upsertArticle')
          return async (a: Article) => {
            if (++calls === 4) throw new Error('killed')
            return target.upsertArticle(a)
          }
        if (prop === 'transaction') return (fn: (tx: Store) => Promise<unknown>) => target.transaction(() => fn(failing))
        return Reflect.get(target, prop, receiver)
      },
    })
    await expect(runIngest(failing, [exampleArchive], { ...quiet, batchSize: 2 })).rejects.toThrow('killed')
    // The first batch of two committed; the batch that died rolled back entirely.
    expect((await store.stats()).articles).toBe(2)
    expect((await store.stats()).raw).toBe(2)
    const resumed = await runIngest(store, [exampleArchive], quiet)
    expect(resumed).toMatchObject({ articles: 3, unchanged: 2 })
    expect((await store.stats()).articles).toBe(5)
  })
})

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}
