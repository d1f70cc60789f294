import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleArchive } from '../../test/support/store.js'
import { runIngest } from '../cli/commands/ingest.js'
import { openSqlite } from '../store/sqlite/store.js'
import type { Store } from '../store/store.js'
import { CLUSTER_CODE_DIRS, clusterStore } from './snapshot.js'
import { restoreClustering } from './persist.js'

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
    expect(first.clusteredNow).toBe(first.articles.length)
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
    expect(redone.clusteredNow).toBe(redone.articles.length)
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
    const warnings: string[] = []
    const write = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((chunk: string) => (warnings.push(String(chunk)), true)) as typeof process.stderr.write
    try {
      const redone = await clusterStore(store)
      expect(redone.clusteredNow).toBe(redone.articles.length)
    } finally {
      process.stderr.write = write
    }
    expect(warnings.join('')).toMatch(/saved clustering could not be read .*clustering every article again/)
    // …and a readable state is saved in its place.
    expect(restoreClustering((await store.savedState('cluster-state'))!.body)?.items.size).toBe((await clusterStore(store)).articles.length)
  })
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
})
