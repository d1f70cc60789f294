import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createHash } from 'node:crypto'
import type { Article, ArticleMeta } from '../article.js'
import { cachedClusters, readUpdated } from '../cluster/snapshot.js'
import { runIngest, type IngestSummary } from '../cli/commands/ingest.js'
import { compareEvent, type Comparison } from '../compare/compare.js'
import { NotFoundError } from '../errors.js'
import { loadRegistry, type Registry } from '../outlets/registry.js'
import type { Store } from '../store/store.js'
import type { ServeConfig } from './config.js'
import { OutletEdits, type OutletEdit, type OutletFacts } from './outlet-edits.js'
import { ResponseCache, type CachedBody } from './response-cache.js'
import { View, type ViewSnapshot } from './view.js'

// Serialized responses kept per view (big events make big JSON: serializing it again on every
// request is what would cost time).
const RESPONSE_CACHE_BYTES = 128 * 1024 * 1024

/**
 * The server's memory: one View of the archive, computed at start and again after each
 * ingest through the API (never per request), and each event's comparison once computed.
 */
export class ServerState {
  private current: Promise<View> | undefined
  private comparisons = new Map<string, Promise<Comparison>>()
  private responses = new ResponseCache(RESPONSE_CACHE_BYTES)
  private writing: Promise<unknown> = Promise.resolve()
  private closed = false
  readonly registry: Registry = loadRegistry()
  readonly edits: OutletEdits

  constructor(
    readonly store: Store,
    readonly config: ServeConfig,
    /**
     * A connection of its own for each ingest: readers on `store` then see only what an ingest
     * has committed, never the rows of a transaction still open (a search hit that a failed
     * ingest would take back). Without it ingests write through `store`.
     */
    private readonly openWriter?: () => Store,
  ) {
    this.edits = new OutletEdits(config.outletEditsPath)
  }

  view(): Promise<View> {
    if (!this.current) {
      const building = this.build()
      this.current = building
      // A failed build (the database went away) is retried by the next request.
      building.catch(() => {
        if (this.current === building) this.current = undefined
      })
    }
    return this.current
  }

  private async build(): Promise<View> {
    const started = performance.now()
    // The cache first; else brought up to date, then read back as from the cache.
    const snapshot = (await this.cachedSnapshot()) ?? { ...(await readUpdated(this.store, () => this.cachedSnapshot())).value, fromCache: false }
    const names = new Map((await this.store.outlets()).map((o) => [o.id, o.name]))
    const facts = new Map<string, OutletFacts>()
    const outlet = (id: string) => {
      let f = facts.get(id)
      if (!f) facts.set(id, (f = this.edits.facts(id, this.registry.byId(id), names.get(id))))
      return f
    }
    return new View(snapshot, outlet, new Date().toISOString(), performance.now() - started)
  }

  /**
   * The snapshot from the store's cache, reading only the articles' metadata: on a second
   * start this is a fraction of the time and memory of reading every text (which only
   * clustering needs).
   */
  private async cachedSnapshot(): Promise<ViewSnapshot | undefined> {
    // The cache first: without it (a first start, after each ingest) reading every article's
    // metadata (≈ 1 s at 100,000 articles) would be wasted before clustering reads them again.
    const before = await this.store.articlesVersion()
    const clusters = await cachedClusters(this.store)
    if (!clusters) return undefined
    const articles: ArticleMeta[] = []
    for await (const a of this.store.articleMetas({ includeDuplicates: true })) articles.push(a)
    // An article added meanwhile makes the cache stale (computed afresh), never the view
    // inconsistent: the events are those of exactly the articles read.
    if ((await this.store.articlesVersion()) !== before) return undefined
    return { ...clusters, articles, byId: new Map(articles.map((a) => [a.id as string, a])) }
  }

  /** Drops the cached view and comparisons and computes the view again. */
  private async refresh(): Promise<View> {
    const next = this.build()
    await next
    this.current = next
    this.comparisons = new Map()
    this.responses = new ResponseCache(RESPONSE_CACHE_BYTES)
    return next
  }

  /**
   * A response body computed once per view: the same URL (and, for pages, the same reader
   * preferences) gets the same bytes until the archive changes.
   */
  async cachedBody(key: string, make: () => Promise<string>): Promise<CachedBody> {
    const responses = this.responses
    const hit = responses.get(key)
    if (hit !== undefined) return hit
    return responses.add(key, new Uint8Array(Buffer.from(await make())))
  }

  async comparison(eventId: string): Promise<Comparison> {
    const view = await this.view()
    const e = view.clusteredById.get(eventId)
    if (!e) throw new NotFoundError('event', eventId)
    let c = this.comparisons.get(eventId)
    if (!c) {
      const meta = (id: string) => {
        const f = view.outlet(id)
        return { id, name: f.names['zh-Hans'], type: f.type, country: f.country, owner: f.owner }
      }
      c = this.fullArticles(e.articleIds).then((members) => compareEvent(e, [...members.values()], meta))
      c.catch(() => this.comparisons.delete(eventId))
      this.comparisons.set(eventId, c)
    }
    return c
  }

  /** Articles with their text, from the store (the view keeps metadata only). */
  async fullArticles(ids: readonly string[]): Promise<Map<string, Article>> {
    const out = new Map<string, Article>()
    for (const id of ids) {
      const a = await this.store.article(id)
      if (a) out.set(id, a)
    }
    return out
  }

  /** One write at a time; the view is recomputed before the answer, so it reflects the write. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writing.then(fn, fn)
    this.writing = run.catch(() => undefined)
    return run
  }

  ingestPaths(paths: readonly string[]): Promise<IngestSummary & { events: number }> {
    return this.exclusive(async () => {
      if (this.closed) throw new Error('the server is closing: no more ingests')
      // A connection for this ingest, closed after it: kept open, its duplicate-detection index
      // would miss what another process (a `jianting ingest` beside) stored meanwhile.
      const writer = this.openWriter?.() ?? this.store
      let summary: IngestSummary
      try {
        summary = await runIngest(writer, paths, { jobs: 1, quiet: true })
      } finally {
        if (writer !== this.store) await writer.close()
      }
      const view = await this.refresh()
      return { ...summary, events: view.events.length }
    })
  }

  /** Uploaded files are kept (named by content) so the provenance of what they became stays readable. */
  ingestUploads(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Promise<IngestSummary & { events: number }> {
    const dir = this.config.uploadDir
    mkdirSync(dir, { recursive: true })
    const paths = files.map((f) => {
      const sha = createHash('sha256').update(f.bytes).digest('hex').slice(0, 16)
      const safe = basename(f.name).replace(/[^\p{L}\p{N}._-]/gu, '_').slice(-120) || 'upload'
      const path = join(dir, `${sha}-${safe}`)
      writeFileSync(path, f.bytes)
      return path
    })
    return this.ingestPaths(paths)
  }

  /** Takes no more ingests, once the writes under way are done (the readers' `store` is the caller's to close). */
  async close(): Promise<void> {
    this.closed = true
    await this.writing
  }

  editOutlet(id: string, edit: OutletEdit): Promise<OutletFacts> {
    return this.exclusive(async () => {
      const view = await this.view()
      if (!this.registry.byId(id) && !view.outletIds.includes(id)) throw new NotFoundError('outlet', id)
      this.edits.save(id, edit)
      const next = await this.refresh()
      return next.outlet(id)
    })
  }
}
