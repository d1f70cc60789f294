import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Article } from '../article.js'
import type { OutletMeta } from '../compare/compare.js'
import { loadRegistry } from '../outlets/registry.js'
import type { Store } from '../store/store.js'
import { ArchiveClustering, type ClusteredEvent, type Progress } from './cluster-articles.js'
import type { Assignment } from './events.js'
import { restoreClustering, saveClustering } from './persist.js'
import { buildStories, type Story } from './stories.js'

/** Events and stories of every stored article, computed together: what `events` and `serve` read. */
export interface ClusterSnapshot {
  readonly articles: readonly Article[]
  readonly byId: ReadonlyMap<string, Article>
  readonly events: readonly ClusteredEvent[]
  readonly assignments: ReadonlyMap<string, Assignment>
  readonly stories: readonly Story[]
  readonly storyOf: ReadonlyMap<string, string>
  /** Read from the store's cache rather than computed. */
  readonly fromCache: boolean
  /** How many articles this call clustered: none when read from the cache, only the new ones when the saved clustering was continued. */
  readonly clusteredNow: number
}

// Events and stories are cached in the store with the version of the articles and of the code
// and data that computed them: reading them again is a lookup until an article is added. Then
// the clustering's saved state is continued with the new articles only (articles are never
// changed once stored, only added), so earlier events keep their ids; a new version of the
// code starts again from the first article.
export async function clusterStore(store: Store, progress?: Progress): Promise<ClusterSnapshot> {
  const articles: Article[] = []
  for await (const a of store.articles({ includeDuplicates: true })) articles.push(a)
  const byId = new Map(articles.map((a) => [a.id as string, a]))
  const version = await clustersVersion(store)
  const hit = await readClusters(store, version)
  if (hit) return { articles, byId, ...hit, clusteredNow: 0 }
  const clustering = (await savedClustering(store, articles)) ?? new ArchiveClustering()
  const clusteredNow = clustering.add(articles, progress)
  await store.saveState(STATE_KEY, stateVersion(), saveClustering(clustering))
  const clustered = clustering.result(articles)
  const stories = buildStories(clustered.events, byId, (a) => clustering.mentionsOf(a))
  const storyOf = new Map(stories.flatMap((s) => s.eventIds.map((e) => [e, s.id] as const)))
  const cached: CachedClusters = { events: clustered.events, assignments: [...clustered.assignments], stories, storyOf: [...storyOf] }
  await store.putCached(CACHE_KEY, version, JSON.stringify(cached))
  return { articles, byId, ...clustered, stories, storyOf, fromCache: false, clusteredNow }
}

/** The clustering saved by the last run, if the same code made it from articles all still stored. */
async function savedClustering(store: Store, articles: readonly Article[]): Promise<ArchiveClustering | undefined> {
  const saved = await store.savedState(STATE_KEY)
  if (!saved || saved.version !== stateVersion()) return undefined
  let clustering: ArchiveClustering | undefined
  try {
    clustering = restoreClustering(saved.body)
  } catch (e) {
    // The state is derived from the stored articles: one that cannot be read (a damaged
    // database page) costs a clustering from the first article, not every later run.
    process.stderr.write(`jianting: the saved clustering could not be read (${e instanceof Error ? e.message : String(e)}); clustering every article again\n`)
    return undefined
  }
  const ids = new Set(articles.map((a) => a.id as string))
  return clustering && [...clustering.items.keys()].every((id) => ids.has(id)) ? clustering : undefined
}

const STATE_KEY = 'cluster-state'
const CACHE_KEY = 'clusters'

// v8's serialisation format may change with Node: a state saved by another engine is not read.
const stateVersion = () => `${codeVersion()}|v8 ${process.versions.v8}`

const clustersVersion = async (store: Store) => `${await store.articlesVersion()}|${codeVersion()}`

type Clusters = Omit<ClusterSnapshot, 'articles' | 'byId' | 'clusteredNow'>

async function readClusters(store: Store, version: string): Promise<Clusters | undefined> {
  const hit = await store.cached(CACHE_KEY, version)
  if (!hit) return undefined
  const c = JSON.parse(hit) as CachedClusters
  return { events: c.events, assignments: new Map(c.assignments), stories: c.stories, storyOf: new Map(c.storyOf), fromCache: true }
}

/**
 * The cached events and stories when they are those of the articles as stored now: lets a
 * reader that needs no article text (the server) skip reading every text.
 */
export async function cachedClusters(store: Store): Promise<Clusters | undefined> {
  return readClusters(store, await clustersVersion(store))
}

interface CachedClusters {
  readonly events: readonly ClusteredEvent[]
  readonly assignments: ReadonlyArray<[string, Assignment]>
  readonly stories: readonly Story[]
  readonly storyOf: ReadonlyArray<[string, string]>
}

/**
 * The folders of src/ whose code computes events and stories: this one and every folder it
 * imports from (snapshot.test.ts checks that none is missing). The saved clustering is continued
 * for as long as their digest stays the same, so a folder left out here would let state computed
 * by old code (how text is folded, how dates are read) live on beside new.
 */
export const CLUSTER_CODE_DIRS = ['cluster', 'analyze', 'outlets', 'normalize', 'text'] as const

let code: string | undefined
/**
 * A digest of the code and data that compute events and stories (CLUSTER_CODE_DIRS, the entity
 * and outlet tables): an upgrade or an edited table invalidates cached results and saved state.
 */
function codeVersion(): string {
  if (!code) {
    const hash = createHash('sha256')
    const here = fileURLToPath(new URL('.', import.meta.url))
    // Built code lives in dist/src/, the data tables stay in src/: both are read.
    const source = join(here, '..', '..', '..', 'src')
    for (const dir of [...CLUSTER_CODE_DIRS.map((d) => join(here, '..', d)), join(source, 'analyze'), join(source, 'outlets')]) {
      if (!existsSync(dir)) continue
      for (const f of readdirSync(dir).sort()) if (/\.(js|ts|yaml|txt)$/.test(f) && !f.includes('.test.')) hash.update(f).update(readFileSync(join(dir, f)))
    }
    code = hash.digest('hex').slice(0, 16)
  }
  return code
}

/** Registry facts for an outlet id; outlets not in the registry keep the name the store gave them. */
export async function outletMetaOf(store: Store): Promise<(id: string) => OutletMeta> {
  const registry = loadRegistry()
  const names = new Map((await store.outlets()).map((o) => [o.id, o.name]))
  return (id: string): OutletMeta => {
    const o = registry.byId(id)
    return o ? { id, name: o.names['zh-Hans'], type: o.type, country: o.country, owner: o.owner } : { id, name: names.get(id) ?? id }
  }
}
