import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runIngest } from '../cli/commands/ingest.js'
import { openSqlite } from '../store/sqlite/store.js'
import type { Store } from '../store/store.js'
import { allArticles } from '../../test/support/store.js'
import { estimateDates, Numberings, sequenceOf } from './sequence-dates.js'

describe('Numberings.reach', () => {
  it('bounds the numbers whose dates bear on an estimate: one added outside them changes nothing for it', () => {
    const n = new Numberings()
    const day = (i: number) => new Date(Date.UTC(2021, 0, 1) + i * 86_400_000).toISOString()
    for (let i = 0; i < 200; i++) n.add('k', 1000 + i * 10, day(Math.floor(i / 4)))
    const [lo, hi] = n.reach('k', 2005)
    expect(lo).toBeGreaterThan(1000)
    expect(hi).toBeLessThan(2990)
    expect(lo).toBeLessThan(2005)
    expect(hi).toBeGreaterThan(2005)
    const before = n.estimate('k', 2005)
    // A dated post far outside the reach, however odd its date, leaves the estimate as it was.
    n.add('k', hi + 500, day(900))
    n.add('k', lo - 500, day(-900))
    expect(n.estimate('k', 2005)).toBe(before)
    // A small numbering has no bounds: any new dated post may decide.
    const few = new Numberings()
    for (let i = 0; i < 5; i++) few.add('k', 1000 + i, day(i))
    expect(few.reach('k', 1002)).toEqual([-Infinity, Infinity])
  })
})

describe('sequenceOf', () => {
  it.each([
    ['https://gnews.org/zh-hans/1325746/', 'gnews.org/zh-hans/#', 1325746],
    ['https://gnews.org/articles/2418260', 'gnews.org/articles/#', 2418260],
    ['https://www.rti.org.tw/news/view/id/2073671', 'rti.org.tw/news/view/id/#', 2073671],
    // A slug before the number is the article's own, not the numbering's.
    ['https://www.voachinese.com/a/uk-hong-kong-extradition-treaty-20200720/5510957.html', 'voachinese.com/a/*/#.html', 5510957],
  ])('reads %s as numbering %s', (url, key, seq) => {
    expect(sequenceOf(url)).toEqual({ key, seq })
  })

  it.each(['https://gnews.org/zh-hans/', 'https://example.org/2021/', 'https://youtu.be/dQw4w9WgXcQ', 'not a url', undefined])('finds no numbering in %s', (url) => {
    expect(sequenceOf(url)).toBeUndefined()
  })
})

describe('estimateDates', () => {
  // A site posting ten articles a day, numbered in order: June 1 is 1000–1009, June 2 1010–1019…
  const day = (n: number) => `2021-06-${String(n).padStart(2, '0')}`
  const site = (key = 'k', every = 1) =>
    Array.from({ length: 200 }, (_, i) => ({ key, seq: 1000 + i, date: day(1 + Math.floor(i / 10)) })).filter((_, i) => i % every === 0)

  it('dates an undated article by its numbered neighbours', () => {
    const out = estimateDates(site(), [{ key: 'k', seq: 1055, id: 'a' }, { key: 'k', seq: 1195, id: 'b' }])
    expect(out).toEqual(new Map([['a', day(6)], ['b', day(20)]]))
  })

  it('is not moved by one neighbour dated weeks early (a reused picture)', () => {
    const dated = site().map((d) => (d.seq === 1054 ? { ...d, date: '2021-05-01' } : d))
    expect(estimateDates(dated, [{ key: 'k', seq: 1055, id: 'a' }]).get('a')).toBe(day(6))
  })

  it('does not take the article\'s own number, or its copies\', for a neighbour', () => {
    // Three copies of one post, each dated by the same old picture.
    const dated = [...site().filter((d) => d.seq !== 1055), ...[1, 2, 3].map(() => ({ key: 'k', seq: 1055, date: '2021-05-01' }))]
    expect(estimateDates(dated, [{ key: 'k', seq: 1055, id: 'a' }]).get('a')).toBe(day(6))
  })

  it('does not date an article at the edge of its numbering from one side (its own dated copy aside)', () => {
    const dated = [...site().filter((d) => d.seq > 1000), { key: 'k', seq: 1000, date: '2021-05-01' }]
    expect(estimateDates(dated, [{ key: 'k', seq: 1000, id: 'first' }]).size).toBe(0)
  })

  it('does not reach past the dated range, into another numbering, or from too few dated articles', () => {
    const out = estimateDates(site(), [
      { key: 'k', seq: 999, id: 'before' },
      { key: 'k', seq: 1200, id: 'after' },
      { key: 'other', seq: 1055, id: 'elsewhere' },
    ])
    expect(out.size).toBe(0)
    expect(estimateDates(site().slice(0, 9), [{ key: 'k', seq: 1004, id: 'a' }]).size).toBe(0)
  })

  it('gives nothing where the numbering does not follow time', () => {
    // Ids handed out at random over half a year.
    let x = 7
    const random = Array.from({ length: 200 }, (_, i) => {
      x = (x * 1103515245 + 12345) % 2147483648
      return { key: 'k', seq: 1000 + i, date: new Date(Date.UTC(2021, 0, 1 + (x % 180))).toISOString().slice(0, 10) }
    })
    expect(estimateDates(random, [{ key: 'k', seq: 1100, id: 'a' }]).size).toBe(0)
  })

  it('gives nothing where the neighbours are months apart (a gap in what the archive kept)', () => {
    const sparse = [...site().slice(0, 100), ...site().slice(100).map((d) => ({ ...d, date: `2021-09-${d.date.slice(8)}` }))]
    expect(estimateDates(sparse, [{ key: 'k', seq: 1099, id: 'a' }, { key: 'k', seq: 1055, id: 'b' }])).toEqual(new Map([['b', day(6)]]))
  })
})

describe('ingest dates undated reposts by their site numbering', () => {
  let dir: string
  let store: Store
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jianting-seq-'))
    store = openSqlite(join(dir, 'test.db'))
  })
  afterEach(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  // GNews reposts as the archives keep them: a poster line that dates the post, or only a name.
  const repost = (n: number, poster: string) =>
    `###  [:house:返回首頁](https://github.com/ourhimalayas/txt)\n---\n\n## 第${n}号报道：某地发生第${n}起事件\n\`${poster}\` [轉載自GNews](https://gnews.org/zh-hans/${1_300_000 + n * 100}/)\n\n` +
    `第${n}段正文，记述某地当天发生的第${n}起事件的经过，以及各方对此事的不同说法和后续的处理情况。\n\n另一段正文，补充第${n}起事件的背景、时间和地点，并引用了当事人的说法。\n`

  it('from the dated reposts numbered next to them, and those dated by an old picture, saying so; once', async () => {
    const files = join(dir, 'files')
    mkdirSync(files)
    // Post 11 has no date of its own; posts 15 and 16 only a picture's, uploaded weeks or a day before.
    const picture = (day: string) => `![](https://gnews.org/wp-content/uploads/2021/${day}/photo.jpg)\n\n`
    for (let n = 1; n <= 20; n++) {
      const dated = n !== 11 && n !== 15 && n !== 16
      const text = repost(n, dated ? `2021-06-${String(n).padStart(2, '0')} 10:00 GM64` : ' 纽约香草山MOS02')
      writeFileSync(join(files, `${n}.md`), n === 15 ? text.replace('第15段正文', `${picture('05/01')}第15段正文`) : n === 16 ? text.replace('第16段正文', `${picture('06/15')}第16段正文`) : text)
    }
    const summary = await runIngest(store, [files], { jobs: 1, quiet: true })
    expect(summary.estimated).toBe(2)
    const byTitle = new Map((await allArticles(store)).map((a) => [a.title, a]))
    expect(byTitle.get('第11号报道：某地发生第11起事件')).toMatchObject({ publishedAt: '2021-06-10', dateSource: 'sequence', author: '纽约香草山MOS02' })
    expect(byTitle.get('第12号报道：某地发生第12起事件')).toMatchObject({ publishedAt: '2021-06-12T10:00:00Z', dateSource: 'byline', author: 'GM64' })
    // The old picture's date gives way; the picture of the day before stands.
    expect(byTitle.get('第15号报道：某地发生第15起事件')).toMatchObject({ publishedAt: '2021-06-14', dateSource: 'sequence' })
    expect(byTitle.get('第16号报道：某地发生第16起事件')).toMatchObject({ publishedAt: '2021-06-15', dateSource: 'image-path' })
    // A second run finds nothing left to date, and leaves the estimate as it was.
    expect((await runIngest(store, [files], { jobs: 1, quiet: true })).estimated).toBe(0)
    expect((await store.article(byTitle.get('第11号报道：某地发生第11起事件')!.id))?.publishedAt).toBe('2021-06-10')
  })

  it('never from a picture\'s date it replaced in the same run', async () => {
    // Posts 15–17 are dated only by one old picture; post 18 has no date. Were the pictures'
    // dates evidence, 18's three lower neighbours would say May and there would be no majority.
    const files = join(dir, 'files')
    mkdirSync(files)
    const picture = '![](https://gnews.org/wp-content/uploads/2021/05/01/photo.jpg)\n\n'
    // One post a day from 1 June for 45 days: three outliers in a row are 5 disagreements of the 41 checked around.
    const posted = (n: number) => `${new Date(Date.UTC(2021, 5, n)).toISOString().slice(0, 10)} 10:00 GM64`
    for (let n = 1; n <= 45; n++) {
      const text = repost(n, n >= 15 && n <= 18 ? ' 纽约香草山MOS02' : posted(n))
      writeFileSync(join(files, `${n}.md`), n >= 15 && n <= 17 ? text.replace(`第${n}段正文`, `${picture}第${n}段正文`) : text)
    }
    expect((await runIngest(store, [files], { jobs: 1, quiet: true })).estimated).toBe(4)
    const byN = new Map((await allArticles(store)).map((a) => [Number(/第(\d+)号/.exec(a.title)![1]), a]))
    for (const n of [15, 16, 17]) expect(byN.get(n)).toMatchObject({ dateSource: 'sequence' })
    expect(byN.get(18)).toMatchObject({ publishedAt: '2021-06-14', dateSource: 'sequence' })
  })

  it('builds the numberings again from every article when the saved ones cannot be read', async () => {
    const files = join(dir, 'files')
    mkdirSync(files)
    for (let n = 1; n <= 20; n++) writeFileSync(join(files, `${n}.md`), repost(n, n === 11 ? ' 纽约香草山MOS02' : `2021-06-${String(n).padStart(2, '0')} 10:00 GM64`))
    await store.saveState('sequence-dates', '3', new Uint8Array([1, 2, 3, 4]))
    expect((await runIngest(store, [files], { jobs: 1, quiet: true })).estimated).toBe(1)
  })

  it('dates an undated post of an earlier run once a later run brings the neighbours it lacked, as one run would', async () => {
    const [first, second] = [join(dir, 'first'), join(dir, 'second')]
    mkdirSync(first)
    mkdirSync(second)
    // Post 11 arrives with posts 1–10 only: no dated neighbour above it, so no estimate yet.
    for (let n = 1; n <= 20; n++) writeFileSync(join(n <= 11 ? first : second, `${n}.md`), repost(n, n === 11 ? ' 纽约香草山MOS02' : `2021-06-${String(n).padStart(2, '0')} 10:00 GM64`))
    expect((await runIngest(store, [first], { jobs: 1, quiet: true })).estimated).toBe(0)
    const eleven = async () => (await allArticles(store)).find((a) => a.title.startsWith('第11号'))
    expect(await eleven()).toMatchObject({ dateSource: 'none' })
    expect((await runIngest(store, [second], { jobs: 1, quiet: true })).estimated).toBe(1)
    // The date one run over both folders gives (the first test above).
    expect(await eleven()).toMatchObject({ publishedAt: '2021-06-10', dateSource: 'sequence' })
    // Nothing is left waiting: a third run dates nothing again.
    expect((await runIngest(store, [first, second], { jobs: 1, quiet: true })).estimated).toBe(0)
  })

  it('by the numberings earlier runs kept, reading only the run\'s own articles', async () => {
    const [first, second] = [join(dir, 'first'), join(dir, 'second')]
    mkdirSync(first)
    mkdirSync(second)
    for (let n = 1; n <= 20; n++) writeFileSync(join(n === 11 ? second : first, `${n}.md`), repost(n, n === 11 ? ' 纽约香草山MOS02' : `2021-06-${String(n).padStart(2, '0')} 10:00 GM64`))
    expect((await runIngest(store, [first], { jobs: 1, quiet: true })).estimated).toBe(0)
    const seen: number[] = []
    const urlDates = store.urlDates.bind(store)
    store.urlDates = (after: number, upTo: number) => (seen.push(after), urlDates(after, upTo))
    expect((await runIngest(store, [second], { jobs: 1, quiet: true })).estimated).toBe(1)
    expect(seen).toEqual([19])
    const late = (await allArticles(store)).find((a) => a.title.startsWith('第11号'))
    expect(late).toMatchObject({ publishedAt: '2021-06-10', dateSource: 'sequence' })
  })
})
