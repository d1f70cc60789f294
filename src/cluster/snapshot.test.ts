import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { serialize } from 'node:v8'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../article.js'
import { allArticles, exampleArchive, shifted } from '../../test/support/store.js'
import { runIngest } from '../cli/commands/ingest.js'
import { openSqlite } from '../store/sqlite/store.js'
import type { Store } from '../store/store.js'
import { ArchiveClustering, type ClusteredEvent } from './cluster-articles.js'
import { MEMBERS_CHUNK, restoreHead, saveHead } from './persist.js'
import { CLUSTER_CODE_DIRS, clusterStore, libraryVersion, updateClusters } from './snapshot.js'
import { foldText } from '../normalize/fold.js'
import { buildStories, storyMentions } from './stories.js'

const put = (store: Store, batch: readonly Article[]) => store.transaction(async (tx) => { for (const a of batch) await tx.upsertArticle(a) })
/** Takes an article out of the store, as someone might in the sqlite3 shell. */
function removeArticle(db: Database.Database, id: string): void {
  db.pragma('foreign_keys = OFF')
  db.prepare('DELETE FROM article_bodies WHERE rowid = (SELECT rowid FROM articles WHERE id = ?)').run(id)
  db.prepare('DELETE FROM articles WHERE id = ?').run(id)
}
const sortedAssignments = (m: ReadonlyMap<string, unknown>) => [...m].sort((a, b) => a[0].localeCompare(b[0]))

/** Runs `fn` with stderr captured; returns what was written there. */
async function stderrOf(fn: () => Promise<unknown>): Promise<string> {
  const warnings: string[] = []
  const write = process.stderr.write.bind(process.stderr)
  process.stderr.write = ((chunk: string) => (warnings.push(String(chunk)), true)) as typeof process.stderr.write
  try {
    await fn()
  } finally {
    process.stderr.write = write
  }
  return warnings.join('')
}

describe('events and stories cached in the store', () => {
  let dir: string
  let store: Store
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianting-snapshot-'))
    store = openSqlite(join(dir, 'test.db'))
    await runIngest(store, [exampleArchive], { jobs: 1, quiet: true })
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('computes once, then reads the same events back until an article is added', async () => {
    const version = await store.articlesVersion()
    const first = await clusterStore(store)
    expect(first.fromCache).toBe(false)
    const again = await clusterStore(store)
    expect(again.fromCache).toBe(true)
    expect(again.events).toEqual(first.events)
    expect([...again.assignments]).toEqual([...first.assignments])
    expect(again.stories).toEqual(first.stories)

    const more = join(dir, 'more')
    writeFileSync(more + '.md', '---\ntitle: 另一件事\ndate: 2021-03-01\n---\n\n' + '东京奥运会组委会宣布，海外观众将不被允许入境观赛，这是为了防止疫情扩散而作出的决定。'.repeat(3))
    await runIngest(store, [more + '.md'], { jobs: 1, quiet: true })
    expect(await store.articlesVersion()).not.toBe(version)
    const after = await clusterStore(store)
    expect(after.fromCache).toBe(false)
    // Only the new article was clustered; the earlier events kept their ids and members.
    expect(after.clusteredNow).toBe(1)
    expect(first.clusteredNow).toBe((await allArticles(store)).length - 1)
    expect(after.events.length).toBe(first.events.length + 1)
    for (const e of first.events) expect(after.events.find((x) => x.id === e.id)?.articleIds).toEqual(e.articleIds)
  })

  it('starts again from the first article when the saved clustering is not usable', async () => {
    const saved = (await store.savedState('cluster-state'))!
    expect(saved.body.length).toBeGreaterThan(0)
    // Saved by other code (an upgrade): ignored.
    await store.saveState('cluster-state', 'another-version', saved.body)
    await store.putCached('clusters', 'stale', '{}')
    const redone = await clusterStore(store)
    expect(redone.clusteredNow).toBe((await allArticles(store)).length)
    // The state is saved again under this code's version, and the next run continues it.
    const resumed = (await store.savedState('cluster-state'))!
    expect(resumed.version).not.toBe('another-version')
    await store.putCached('clusters', 'stale', '{}')
    expect((await clusterStore(store)).clusteredNow).toBe(0)
  })

  it('clusters every article again, saying so, when the saved clustering cannot be read', async () => {
    const saved = (await store.savedState('cluster-state'))!
    await store.saveState('cluster-state', saved.version, saved.body.subarray(0, saved.body.length >> 1))
    await store.putCached('clusters', 'stale', '{}')
    const n = (await allArticles(store)).length
    const warnings = await stderrOf(async () => expect((await clusterStore(store)).clusteredNow).toBe(n))
    expect(warnings).toMatch(/saved clustering could not be read .*clustering every article again/)
    // …and a readable state is saved in its place, which the next run continues.
    expect(restoreHead((await store.savedState('cluster-state'))!.body)).toBeDefined()
    await store.putCached('clusters', 'stale', '{}')
    expect((await clusterStore(store)).clusteredNow).toBe(0)
  })

  /**
   * Replaces one kind of part (`e:` events, `m:` members) of every saved event with `bytes`,
   * stores the articles again a day later (they need those events), and clusters: what the
   * run wrote to stderr, after checking it clustered every article again.
   */
  async function damageEventsThenCluster(prefix: string, bytes: Uint8Array, suffix: string, part = ''): Promise<string> {
    const saved = (await store.savedState('cluster-state'))!
    const events = (await clusterStore(store)).events
    const damaged = new Map(events.map((e) => [`${prefix}${Number(e.id.slice(1)) - 1}${part}`, bytes]))
    await store.saveStateParts('cluster-state', saved.version, saved.body, damaged, false)
    // Read by another process: this one would continue the clustering it holds in memory.
    await store.close()
    store = openSqlite(join(dir, 'test.db'))
    await put(store, (await allArticles(store)).filter((a) => !a.duplicateOf).map((a) => shifted(a, 1, suffix)))
    const n = (await allArticles(store)).length
    return stderrOf(async () => expect((await clusterStore(store)).clusteredNow).toBe(n))
  }

  it('clusters every article again, saying so, when a saved event the new articles need cannot be read', async () => {
    const warnings = await damageEventsThenCluster('e:', new Uint8Array([1, 2, 3]), '-later')
    expect(warnings).toMatch(/saved clustering could not be read .*clustering every article again/)
  })

  it('clusters every article again, saying so, when the saved members of an event the new articles change do not match it', async () => {
    // Readable, but holding none of the event's members (those of its first part).
    const warnings = await damageEventsThenCluster('m:', new Uint8Array(serialize([])), '-members', '.0')
    expect(warnings).toMatch(/saved clustering could not be read .*do not include article/)
  })

  it('clusters every article again, saying so, when the saved story entries cannot be read', async () => {
    // Every restore reads them all (linking stories needs every event's), whatever the batch touches.
    // (Parts of CENTRAL_CHUNK events: the first event's index names the first part.)
    const warnings = await damageEventsThenCluster('c:', new Uint8Array(serialize(new Map([[0, { id: 'e1' }]]))), '-central')
    expect(warnings).toMatch(/saved clustering could not be read .*saved story entries c:0 are not readable/)
  })

  it('looks for saved articles no longer stored only when the store has lost some since, or cannot tell', async () => {
    await clusterStore(store)
    const saved = (await store.savedState('cluster-state'))!
    const orphaned = async (body: Uint8Array) => {
      await store.saveStateParts('cluster-state', saved.version, body, new Map([['a:gone', Buffer.from('e00001')]]), false)
      await store.putCached('clusters', 'stale', '{}')
      return (await clusterStore(store)).clusteredNow
    }
    // No article has left the store since the head was saved: its parts are not looked up one by one.
    expect(restoreHead(saved.body)!.removed).toBe(0)
    expect(await orphaned(saved.body)).toBe(0)
    // A head saved before the count was kept: every part is looked up, and one names an article no longer stored.
    const { clustering, through } = restoreHead(saved.body)!
    expect(await orphaned(saveHead(clustering, through))).toBe((await allArticles(store)).length)
  })

  it('clusters every article again once an article it holds has left the store', async () => {
    await clusterStore(store)
    const [gone, ...kept] = await allArticles(store)
    const other = new Database(join(dir, 'test.db'))
    removeArticle(other, gone.id)
    other.close()
    const again = await clusterStore(store)
    expect(again.clusteredNow).toBe(kept.length)
    expect(again.assignments.has(gone.id)).toBe(false)
  })
})

describe('clustering in batches through the stored state', () => {
  it.each([
    ['one process, which continues the clustering it holds', false, 1],
    ['a process for each batch, which restores the clustering from the store', true, 1],
    // Events of more members than a part of them holds, each batch adding to the last part and beginning new ones
    // (66 copies: the undated GNews seed's copies stay out of the summit's event at undatedBar 3, so it grows by two a copy).
    ['one process, events larger than a part of their members', false, 66],
    ['a process for each batch, events larger than a part of their members', true, 66],
  ])('gives the events, assignments and stories of the same arrivals clustered in one go, and earlier events keep their ids: %s', async (_, reopen, copies) => {
    const dir = mkdtempSync(join(tmpdir(), 'jianting-batches-'))
    let store = openSqlite(join(dir, 'test.db'))
    try {
      await runIngest(store, [exampleArchive], { jobs: 1, quiet: true })
      const first = await allArticles(store)
      // Later batches: the same reports a day or two later (they join earlier events) and ten
      // or eleven days later (they found events of their own, which the third batch joins).
      // Each under a headline of its own: an outlet's headline given to two earlier originals is a standing title (a digest).
      const again = (days: number, suffix: string) =>
        Array.from({ length: copies }, (_, k) => first.map((a) => shifted(a, days, copies > 1 ? `${suffix}${k}` : suffix)).map((a) => ({ ...a, title: `${a.title} ${a.id.slice(-4)}` }))).flat()
      const batches = [first, [...again(1, '-b'), ...again(10, '-c')], [...again(2, '-d'), ...again(11, '-e')]]
      const inMemory = new ArchiveClustering()
      const all: Article[] = []
      let before: readonly ClusteredEvent[] = []
      for (const [i, batch] of batches.entries()) {
        if (i > 0) await put(store, batch)
        all.push(...batch)
        inMemory.add(batch)
        if (reopen) {
          await store.close()
          store = openSqlite(join(dir, 'test.db'))
        }
        const update = await updateClusters(store)
        expect(update).toEqual({ fromCache: false, clusteredNow: batch.length, inMemory: i > 0 && !reopen })
        const got = await clusterStore(store)
        expect(got.fromCache).toBe(true)
        const expected = inMemory.result()
        expect(got.events).toEqual(expected.events)
        expect(sortedAssignments(got.assignments)).toEqual(sortedAssignments(expected.assignments))
        // A digest's event is linked into no story (ArchiveClustering keeps no mentions of it).
        const mentionsOf = (a: Article) => (expected.assignments.get(a.id)?.digest ? [] : storyMentions({ folded: a.folded, foldedTitle: foldText(a.title) }))
        expect(got.stories).toEqual(buildStories(expected.events, new Map(all.map((a) => [a.id as string, a])), mentionsOf))
        for (const e of before) expect(got.events.find((x) => x.id === e.id)?.articleIds.slice(0, e.articleIds.length)).toEqual(e.articleIds)
        before = got.events
      }
      expect(new Set([...(await clusterStore(store)).assignments.values()].map((a) => a.reason))).toEqual(new Set(['founded', 'joined']))
      if (copies > 1) expect(Math.max(...before.map((e) => e.articleIds.length))).toBeGreaterThan(2 * MEMBERS_CHUNK)
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000) // the larger events' batches take seconds, more on a busy machine
})

describe('a clustering held in memory', () => {
  /** Two processes' stores on one database holding the example archive, its events clustered by `mine`. */
  async function twoProcesses(fn: (mine: Store, other: Store, first: readonly Article[], path: string) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'jianting-kept-'))
    const mine = openSqlite(join(dir, 'test.db'))
    const other = openSqlite(join(dir, 'test.db'))
    try {
      await runIngest(mine, [exampleArchive], { jobs: 1, quiet: true })
      await updateClusters(mine)
      await fn(mine, other, await allArticles(mine), join(dir, 'test.db'))
    } finally {
      await mine.close()
      await other.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('is not continued once another process has updated the events: that one is restored from the store', () =>
    twoProcesses(async (mine, other, first) => {
      const inMemory = new ArchiveClustering()
      inMemory.add(first)
      for (const [days, store, continued] of [[1, other, false], [2, mine, false], [3, mine, true]] as const) {
        const batch = first.map((a) => shifted(a, days, `-${days}`))
        await put(store, batch)
        inMemory.add(batch)
        expect(await updateClusters(store)).toEqual({ fromCache: false, clusteredNow: batch.length, inMemory: continued })
        const got = await clusterStore(store)
        expect(got.events).toEqual(inMemory.result().events)
        expect(sortedAssignments(got.assignments)).toEqual(sortedAssignments(inMemory.result().assignments))
      }
    }))

  it('is not continued once an article it holds has left the store: the clustering starts again', () =>
    twoProcesses(async (mine, _, first, path) => {
      const other = new Database(path)
      removeArticle(other, first[0].id)
      other.close()
      const batch = first.map((a) => shifted(a, 1, '-1'))
      await put(mine, batch)
      expect(await updateClusters(mine)).toEqual({ fromCache: false, clusteredNow: first.length - 1 + batch.length, inMemory: false })
    }))

  it('is not continued when another process saved under the same version of the events: every stored article keeps an event', () =>
    twoProcesses(async (mine, other, first) => {
      await put(mine, first.map((a) => shifted(a, 1, '-1')))
      // The other process reads the events' version, then, before it restores, this one saves
      // under that version and an ingest adds more: the other clusters those and saves under
      // the same version, with articles this one's clustering does not hold.
      const read = other.savedState.bind(other)
      let raced = false
      other.savedState = async (key) => {
        const r = await read(key)
        if (key === 'clusters' && !raced) {
          raced = true
          await updateClusters(mine)
          await put(mine, first.map((a) => shifted(a, 2, '-2')))
        }
        return r
      }
      await updateClusters(other)
      await put(mine, first.map((a) => shifted(a, 3, '-3')))
      expect((await updateClusters(mine)).inMemory).toBe(false)
      const got = await clusterStore(mine)
      expect((await allArticles(mine)).filter((a) => !got.assignments.has(a.id))).toEqual([])
    }))
})

describe('the code version of cached events and saved clustering', () => {
  it('covers every folder the clustering and stories import code from', () => {
    const src = join(import.meta.dirname, '..')
    const seen = new Set<string>()
    const queue = ['cluster/cluster-articles.ts', 'cluster/stories.ts'].map((f) => join(src, f))
    while (queue.length) {
      const file = queue.pop()!
      if (seen.has(file)) continue
      seen.add(file)
      // Value imports only: a type import leaves no code behind.
      for (const m of readFileSync(file, 'utf8').matchAll(/^import (?!type )[^'"]*?from '(\.[^']+)'/gm)) {
        const target = join(dirname(file), m[1]).replace(/\.js$/, '.ts')
        if (existsSync(target)) queue.push(target)
      }
    }
    const dirs = new Set([...seen].map((f) => relative(src, dirname(f))))
    expect(dirs.size).toBeGreaterThan(2)
    expect([...dirs].filter((d) => !(CLUSTER_CODE_DIRS as readonly string[]).includes(d))).toEqual([])
  })

  it('reads the installed versions of the segmentation and folding libraries', () => {
    const installed = (name: string) => (JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
    expect(libraryVersion('@node-rs/jieba')).toBe(installed('@node-rs/jieba'))
    expect(libraryVersion('opencc-js')).toBe(installed('opencc-js'))
    expect(libraryVersion('opencc-js')).toMatch(/^\d+\.\d+/)
  })
})
