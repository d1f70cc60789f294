import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Article } from '../../article.js'
import { openSqlite } from '../../store/sqlite/store.js'
import type { Store } from '../../store/store.js'
import { articleJson } from '../format.js'
import { runIngest } from './ingest.js'
import { listArticles } from './read.js'
import { walkDir, type SkippedEntry } from '../../ingest/sources/dir.js'
import { allArticles, exampleArchive } from '../../../test/support/store.js'

const quiet = { jobs: 1, quiet: true }


describe('ingest sources', () => {
  let dir: string
  const stores: Store[] = []
  const open = (name: string) => {
    const s = openSqlite(join(dir, name))
    stores.push(s)
    return s
  }
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jianting-src-'))
  })
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('does not follow a symbolic link out of the tree, and says so', async () => {
    const tree = join(dir, 'tree')
    const outside = join(dir, 'outside')
    mkdirSync(tree)
    mkdirSync(outside)
    writeFileSync(join(outside, 'secret.md'), '# 不该被读到的文件\n\n这是树外面的文件，不应被读入档案。')
    writeFileSync(join(tree, 'inside.md'), '# 树里的文章\n\n这是树里面的一篇文章，应当被读入档案，它的正文足够长，不会被当作空壳。')
    symlinkSync(outside, join(tree, 'link-out'))
    symlinkSync(join(tree, 'inside.md'), join(tree, 'link-in.md'))
    const s = await runIngest(open('a.db'), [tree], quiet)
    expect(s.skipped.map((k) => k.reason)).toEqual([expect.stringMatching(/points outside/)])
    const titles = (await allArticles(stores[0])).map((a) => a.title).sort()
    // The link inside the tree is read (a second locator of the same bytes: linked as a copy).
    expect(titles).toEqual(['树里的文章', '树里的文章'])
    expect((await allArticles(stores[0])).filter((a) => a.duplicateOf)).toHaveLength(1)
  })

  it('passes over a folder it cannot list, says which, and reads the rest', async () => {
    const tree = join(dir, 'tree')
    mkdirSync(join(tree, 'locked'), { recursive: true })
    writeFileSync(join(tree, 'locked', 'hidden.md'), '# 锁住的文章\n\n这篇文章所在的文件夹读不了，它不应让整个导入中断，其余文章照常读入。')
    writeFileSync(join(tree, 'open.md'), '# 树里的文章\n\n这是树里面的一篇文章，应当被读入档案，它的正文足够长，不会被当作空壳。')
    // Permissions do not hold for root, who runs CI: the listing fails as it would for anyone else.
    const denied = async (d: string) => {
      if (d.endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${d}'`), { code: 'EACCES' })
      return readdir(d, { withFileTypes: true })
    }
    const skipped: SkippedEntry[] = []
    const found: string[] = []
    for await (const f of walkDir(tree, (s) => skipped.push(s), denied)) found.push(f.path)
    expect(found).toEqual([join(tree, 'open.md')])
    expect(skipped).toEqual([{ path: join(tree, 'locked'), reason: `folder cannot be read (EACCES: permission denied, scandir '${join(tree, 'locked')}')` }])
    // A folder removed between the listing of its parent and its own.
    const gone: SkippedEntry[] = []
    const vanishing = async (d: string) => {
      const entries = await readdir(d, { withFileTypes: true })
      if (d === tree) rmSync(join(tree, 'locked'), { recursive: true })
      return entries
    }
    const left: string[] = []
    for await (const f of walkDir(tree, (s) => gone.push(s), vanishing)) left.push(f.path)
    expect(left).toEqual([join(tree, 'open.md')])
    expect(gone).toEqual([{ path: join(tree, 'locked'), reason: expect.stringMatching(/^folder cannot be read \(ENOENT/) }])
    mkdirSync(join(tree, 'locked'))
    if (process.getuid?.() === 0) return console.log('ingest sources: running as root, so the unreadable folder is not tried through the file system itself')
    chmodSync(join(tree, 'locked'), 0)
    try {
      const s = await runIngest(open('a.db'), [tree], quiet)
      expect(s).toMatchObject({ articles: 1 })
      expect(s.skipped.map((k) => k.reason)).toEqual([expect.stringMatching(/^folder cannot be read \(EACCES/)])
    } finally {
      chmodSync(join(tree, 'locked'), 0o755)
    }
  })

  it('round-trips articles through the JSONL interchange shape', async () => {
    const first = open('first.db')
    await runIngest(first, [exampleArchive], quiet)
    const original = await allArticles(first)
    const jsonl = join(dir, 'export.jsonl')
    writeFileSync(jsonl, `${original.map((a) => JSON.stringify(articleJson(a))).join('\n')}\n\nnot json at all\n`)
    const second = open('second.db')
    const s = await runIngest(second, [jsonl], quiet)
    expect(s).toMatchObject({ articles: 5, quarantined: 1 })
    const copy = await allArticles(second)
    const pick = (a: Article) => ({ id: a.id, outlet: a.outletId, title: a.title, text: a.text, publishedAt: a.publishedAt, lang: a.lang, images: a.images })
    expect(copy.map(pick).sort((x, y) => x.title.localeCompare(y.title))).toEqual(original.map(pick).sort((x, y) => x.title.localeCompare(y.title)))
    const problems = []
    for await (const q of second.quarantined()) problems.push(q)
    expect(problems).toEqual([expect.objectContaining({ code: 'format/bad-json', locator: expect.stringMatching(/export\.jsonl#L7$/) })])
  })

  it('keeps exported ids; the same article again is unchanged, and another text under a taken id gets an id of its own', async () => {
    const first = open('first.db')
    await runIngest(first, [exampleArchive], quiet)
    const [a, b] = await allArticles(first)
    const jsonl = join(dir, 'ids.jsonl')
    // b's line claims a's id: another text under a taken id.
    writeFileSync(jsonl, `${JSON.stringify(articleJson(a))}\n${JSON.stringify({ ...articleJson(b), id: a.id })}\n`)
    const s = await runIngest(first, [jsonl], quiet)
    // a's line is a itself; b's, under a's id, is b's text again: a copy of b, stored under an id of its own.
    expect(s).toMatchObject({ articles: 0, unchanged: 1, duplicates: 1 })
    const after = await allArticles(first)
    expect(after.filter((x) => x.id === a.id)).toHaveLength(1)
    expect(after.find((x) => x.id === a.id)!.text).toBe(a.text)
    const moved = after.find((x) => x.provenance.locator.endsWith('ids.jsonl#L2'))!
    expect(moved.id).not.toBe(a.id)
    expect(moved).toMatchObject({ text: b.text, duplicateOf: b.id })
    // Both lines are recorded: a second run finds nothing to do.
    expect(await runIngest(first, [jsonl], quiet)).toMatchObject({ articles: 0, duplicates: 0, unchanged: 2 })
  })

  it('exports a copy after the article it copies, though dated before it, so that a re-import keeps who copies whom', async () => {
    const first = open('first.db')
    await runIngest(first, [exampleArchive], quiet)
    const aj = (await allArticles(first)).find((a) => a.outletId === 'al-jazeera')!
    // A repost of Al Jazeera's report that an archive dated a day before it.
    await first.transaction(async (tx) => void (await tx.upsertArticle({ ...aj, id: 'ea51c0b100000000' as Article['id'], publishedAt: '2021-06-16T00:00:00Z', duplicateOf: aj.id, duplicateReason: 'exact: same folded text', provenance: { ...aj.provenance, locator: 'elsewhere/aj.md' } })))
    const lines: string[] = []
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(...String(chunk).split('\n').filter(Boolean)), true))
    try {
      await listArticles(first, { json: true })
    } finally {
      write.mockRestore()
    }
    const ids = lines.map((l) => JSON.parse(l).id)
    expect(ids).toHaveLength(6)
    expect(ids.indexOf('ea51c0b100000000')).toBe(ids.indexOf(aj.id) + 1)
    const jsonl = join(dir, 'export.jsonl')
    writeFileSync(jsonl, `${lines.join('\n')}\n`)
    const second = open('second.db')
    expect(await runIngest(second, [jsonl], quiet)).toMatchObject({ articles: 5, duplicates: 1 })
    expect((await allArticles(second)).find((a) => a.id === 'ea51c0b100000000')).toMatchObject({ duplicateOf: aj.id })
  })

  it.each(['sequence', 'image-path'] as const)('keeps a rough date (%s) rough through the JSONL interchange shape', async (dateSource) => {
    const first = open('first.db')
    await runIngest(first, [exampleArchive], quiet)
    const [a, b] = await allArticles(first)
    const jsonl = join(dir, 'estimated.jsonl')
    writeFileSync(jsonl, `${JSON.stringify({ ...articleJson(a), publishedAt: '2021-06-16', dateSource })}\n${JSON.stringify(articleJson(b))}\n`)
    const second = open('second.db')
    await runIngest(second, [jsonl], quiet)
    const byTitle = new Map((await allArticles(second)).map((x) => [x.title, x]))
    expect(byTitle.get(a.title)).toMatchObject({ publishedAt: '2021-06-16', dateSource })
    expect(byTitle.get(b.title)).toMatchObject({ publishedAt: b.publishedAt, dateSource: 'jsonl' })
  })

  it('quarantines bytes that no encoding decodes, and reads a saved HTML page', async () => {
    const tree = join(dir, 'mixed')
    mkdirSync(tree)
    writeFileSync(join(tree, 'garbage.md'), Buffer.from(Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 37) % 0x7f))))
    writeFileSync(
      join(tree, 'page.html'),
      `<!doctype html><html><head><title>测试页面</title><meta name="author" content="张三"></head><body><nav><a href="/">首页</a></nav>
       <article><h1>测试页面</h1><p>${'美国总统拜登和俄罗斯总统普京于6月16日在日内瓦举行了美俄峰会。'.repeat(12)}</p>
       <p>${'双方同意恢复战略稳定对话，并让两国大使返回各自岗位。'.repeat(12)}</p></article><footer>版权所有</footer></body></html>`,
    )
    const store = open('m.db')
    const s = await runIngest(store, [tree], quiet)
    expect(s).toMatchObject({ articles: 1, quarantined: 1 })
    const problems = []
    for await (const q of store.quarantined()) problems.push(q.code)
    expect(problems).toEqual(['decode/unknown-encoding'])
    const [page] = await allArticles(store)
    expect(page.provenance.format).toBe('html')
    expect(page.text).toContain('双方同意恢复战略稳定对话')
    expect(page.text).not.toMatch(/首页|版权所有/)
  })
})
