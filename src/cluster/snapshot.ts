import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ArticleText } from '../article.js'
import type { OutletMeta } from '../compare/compare.js'
import { loadRegistry } from '../outlets/registry.js'
import type { Store } from '../store/store.js'
import { ArchiveClustering, type ClusteredEvent, type Featurised, type Progress } from './cluster-articles.js'
import { EventClusterer, type Assignment } from './events.js'
import { ARTICLE_PART, CENTRAL_PART, centralPartName, EVENT_PART, loadCentrals, loadEvent, loadMembers, loadWeek, memberParts, restoreHead, saveCentrals, saveEvent, saveHead, saveMembers, saveWeeks, weekPartName } from './persist.js'
import { StoryLinker, type CentralEvent, type Story } from './stories.js'

/** Events and stories of every stored article, computed together: what `events` and `serve` read. */
export interface ClusterSnapshot {
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
  const { value, fromCache, clusteredNow } = await readUpdated(store, async () => readClusters(store, await clustersVersion(store)), progress)
  return { ...value, fromCache, clusteredNow }
}

/**
 * Brings the stored events up to date and reads them back with `read` (undefined when they are
 * not those of the articles stored now): an article stored between the update and the read (an
 * ingest running beside) makes the read miss, and the events are brought up to date again.
 */
export async function readUpdated<T>(store: Store, read: () => Promise<T | undefined>, progress?: Progress): Promise<{ value: T; fromCache: boolean; clusteredNow: number }> {
  let clusteredNow = 0
  let fromCache = true
  for (let tries = 0; tries < MAX_UPDATES; tries++) {
    const update = await updateClusters(store, progress)
    clusteredNow += update.clusteredNow
    fromCache &&= update.fromCache
    const value = await read()
    if (value !== undefined) return { value, fromCache, clusteredNow }
  }
  throw new Error(`the stored events could not be read back after ${MAX_UPDATES} updates: is an ingest writing to the same database?`)
}
const MAX_UPDATES = 3

/** Stage times of `updateClusters`, in milliseconds, for the bench. */
export type UpdateTimes = Record<'restore' | 'read' | 'featurise' | 'load' | 'cluster' | 'describe' | 'stories' | 'save', number>

/**
 * Brings the stored events and stories up to date with the stored articles without reading
 * them back: the work of an `events` run after an ingest. Only the new articles are read;
 * only the events they can meet are loaded from the saved clustering, and only those they
 * changed are described and written again (stories are linked again from every event's
 * central entities, kept or read from their saved parts, which reads no article).
 */
export async function updateClusters(store: Store, progress?: Progress, times?: Partial<UpdateTimes>): Promise<Update> {
  const version = await clustersVersion(store)
  const head = await store.savedState(CACHE_KEY)
  if (head?.version === version) return { fromCache: true, clusteredNow: 0, inMemory: false }
  let clock = performance.now()
  const lap = (stage: keyof UpdateTimes) => {
    const now = performance.now()
    if (times) times[stage] = (times[stage] ?? 0) + now - clock
    clock = now
  }
  // Taken out while the update runs: one that fails midway leaves nothing to continue in memory.
  const mine = kept.get(store)
  kept.delete(store)
  // Continued when the store's events are still those this process saved, and no article has
  // left the store since (see `savedClustering`).
  const inMemory = mine !== undefined && head?.version === mine.version && (await store.savedState(SAVE_KEY))?.version === mine.saveId && mine.removed === (await store.articlesRemoved())
  const saved = inMemory ? mine : await savedClustering(store)
  lap('restore')
  if (saved) {
    try {
      return { fromCache: false, clusteredNow: await continueClustering(store, version, saved, progress, lap), inMemory }
    } catch (e) {
      if (!(e instanceof DamagedStateError)) throw e
      warnUnreadable(e.cause)
    }
  }
  return { fromCache: false, clusteredNow: await continueClustering(store, version, undefined, progress, lap), inMemory: false }
}

interface Update {
  readonly fromCache: boolean
  readonly clusteredNow: number
  /** The clustering this process saved last was continued, not restored from the store. */
  readonly inMemory: boolean
}

/**
 * The clustering a process saved last, by store, with the events and weeks it loaded: the next
 * update of that store in the same process (a server, a loop beside an ingest) continues it
 * in memory instead of restoring the head and loading those parts again, as long as what is
 * saved is still what it saved: the events' version it saved, and the random id each save
 * stamps the store with (SAVE_KEY; the version alone cannot tell, as two processes that read
 * different new articles can save under the same one).
 */
interface Kept extends Restored {
  /** The version of the events it saved (`clustersVersion`). */
  readonly version: string
  readonly saveId: string
}
const kept = new WeakMap<Store, Kept>()
const SAVE_KEY = 'cluster-save'
// Beyond this many members with their features, or events, in memory the clustering is not
// kept: a long-running server would otherwise come to hold every event of a large archive. The
// next update restores from the store. (About the whole of a 100,000-article archive.)
const MAX_KEPT_MEMBERS = 150_000
const MAX_KEPT_EVENTS = 100_000

/** A part of the saved clustering that cannot be read: the state is computed again. */
class DamagedStateError extends Error {}

async function continueClustering(store: Store, version: string, saved: Restored | undefined, progress: Progress | undefined, lap: (stage: keyof UpdateTimes) => void): Promise<number> {
  const { clustering, stories, withMembers, savedMembers } = saved ?? { clustering: new ArchiveClustering(), stories: new StoryLinker(), withMembers: new Set<number>(), savedMembers: new Map<number, number>() }
  // Taken before reading: every article stored up to here is read now (or was before
  // `saved.through`), and none removed after the count is missed by the next update.
  const removed = await store.articlesRemoved()
  const through = await store.articlesEnd()
  let fresh: ArticleText[] = []
  for await (const a of saved ? store.articlesWithoutPart(STATE_KEY, ARTICLE_PART, saved.through) : store.articleTexts({ includeDuplicates: true })) fresh.push(a)
  const freshIds = fresh.map((a) => a.id)
  lap('read')
  const c = clustering.clusterer
  const restoredEvents = c.founded
  const loadMembersOf = async (events: readonly number[]) => {
    const wanted = events.filter((idx) => idx < restoredEvents && !withMembers.has(idx))
    const names = new Map(wanted.map((idx) => [idx, memberParts(idx, savedMembers.get(idx) ?? 0)]))
    const parts = await store.stateParts(STATE_KEY, [...names.values()].flat())
    for (const idx of wanted) {
      try {
        // Every event whose members are loaded was loaded first: how many it had saved is known.
        if (!savedMembers.has(idx)) throw new Error(`the members of event ${idx} are needed before the event`)
        const bodies = names.get(idx)!.map((name) => parts.get(name))
        if (!bodies.length || bodies.includes(undefined)) throw new Error(`the members of event ${idx} are missing`)
        loadMembers(clustering, idx, bodies as Uint8Array[])
      } catch (e) {
        throw new DamagedStateError('', { cause: e })
      }
      withMembers.add(idx)
    }
  }
  if (saved) {
    const batch = clustering.featurise(fresh, progress)
    fresh = [] // the texts are let go: what placing needs is in the batch
    lap('featurise')
    await clusterBatch(store, clustering, savedMembers, batch, loadMembersOf, lap)
  } else {
    clustering.add(fresh, progress) // everything in memory: featurised and placed one by one
    fresh = []
  }
  lap('cluster')
  const changed = c.takeChanged()
  // Merged events too: the assignments of their members now name the event they joined.
  await loadMembersOf(changed)
  // Each changed event's members must all have come back: an `m:` part that does not match its
  // event (written by an interrupted save, say) would otherwise save assignments of nothing.
  for (const idx of changed) {
    if (c.live(idx) !== idx) continue
    const lost = c.event(idx).articleIds.find((id) => !c.assignments.has(id) || !clustering.items.has(id))
    if (lost) throw new DamagedStateError('', { cause: new Error(`the saved members of event ${idx} do not include article ${lost}`) })
  }
  lap('load')
  const state = new Map<string, Uint8Array | undefined>()
  const shown = new Map<string, Uint8Array | undefined>()
  // Events whose story entry changed (the chunks holding them are written again).
  const entries: number[] = []
  for (const idx of changed) {
    const name = `${EVENT_PART}${idx}`
    if (c.live(idx) !== idx) {
      // Merged into another event: only the merge link (in the head) is left of it.
      state.set(name, undefined)
      for (const part of memberParts(idx, savedMembers.get(idx) ?? 0)) state.set(part, undefined)
      shown.set(name, undefined)
      if (stories.delete(idx)) entries.push(idx)
      continue
    }
    const e = c.event(idx)
    const described = clustering.describe(e)
    state.set(name, saveEvent(clustering, idx))
    for (const [part, body] of saveMembers(clustering, idx, savedMembers.get(idx) ?? 0)) state.set(part, body)
    shown.set(name, Buffer.from(JSON.stringify({ event: described, assignments: e.articleIds.map((id) => c.assignments.get(id)!) } satisfies ShownEvent)))
    // Only events naming central entities can be part of a story: the others are only counted.
    // Its chunk is written, and it is placed in time order anew, only when its entry changed.
    const { central, anchors } = clustering.centralOf(e)
    const entry: CentralEvent = { id: described.id, title: described.title, start: described.start, end: described.end, central, anchors }
    if (!central.size) {
      if (stories.delete(idx)) entries.push(idx)
    } else if (!isSameEntry(stories.get(idx), entry)) {
      stories.set(idx, entry)
      entries.push(idx)
    }
  }
  for (const idx of entries) if (!state.has(centralPartName(idx))) state.set(centralPartName(idx), saveCentrals(idx, (i) => stories.get(i)))
  for (const id of freshIds) state.set(`${ARTICLE_PART}${id}`, Buffer.from(c.assignments.get(id)!.eventId))
  for (const [week, body] of saveWeeks(clustering, c.takeChangedWeeks())) state.set(weekPartName(week), body)
  lap('describe')
  const linked = stories.stories(c.liveCount)
  const storyOf = [...linked.flatMap((s) => s.eventIds.map((e) => [e, s.id] as const))]
  lap('stories')
  const body = saveHead(clustering, through, removed)
  const saveId = randomUUID()
  await store.transaction(async (tx) => {
    await tx.saveStateParts(STATE_KEY, stateVersion(), body, state, !saved)
    await tx.saveStateParts(CACHE_KEY, version, Buffer.from(JSON.stringify({ stories: linked, storyOf } satisfies ShownStories)), shown, !saved)
    await tx.saveState(SAVE_KEY, saveId, new Uint8Array())
  })
  lap('save')
  // Every changed event's members are in memory now (checked above), as are those of events founded here.
  for (const idx of changed) {
    withMembers.add(idx)
    if (c.live(idx) === idx) savedMembers.set(idx, c.event(idx).articleIds.length)
    else savedMembers.delete(idx)
  }
  c.forgetMerges()
  if (clustering.items.size <= MAX_KEPT_MEMBERS && c.loadedCount <= MAX_KEPT_EVENTS) kept.set(store, { clustering, stories, withMembers, savedMembers, version, saveId, through, removed })
  return freshIds.length
}

/**
 * Places a batch in a clustering continued from its saved state, loading parts as needed:
 * first, together, the weeks of the index its articles look up and the events holding the
 * originals its copies copy (with their members); then, before each article is placed, the
 * events it will be compared with (without: see `EventClusterer.load`).
 */
async function clusterBatch(store: Store, clustering: ArchiveClustering, savedMembers: Map<number, number>, batch: readonly Featurised[], loadMembersOf: (events: readonly number[]) => Promise<void>, lap: (stage: keyof UpdateTimes) => void): Promise<void> {
  const c = clustering.clusterer
  const load = async (events: Iterable<number>) => {
    const names = [...events].map((idx) => `${EVENT_PART}${idx}`)
    const parts = await store.stateParts(STATE_KEY, names)
    for (const name of names) {
      const idx = Number(name.slice(EVENT_PART.length))
      try {
        const body = parts.get(name)
        if (!body) throw new Error(`event ${idx} is missing`)
        loadEvent(clustering, idx, body)
        savedMembers.set(idx, c.event(idx).articleIds.length)
      } catch (e) {
        throw new DamagedStateError('', { cause: e })
      }
    }
  }
  // The weeks of the index the batch looks up depend only on its articles' dates: read at once.
  const weeks = [...new Set(batch.flatMap((f) => c.weeksFor(f.item)))]
  const weekParts = await store.stateParts(STATE_KEY, weeks.map(weekPartName))
  for (const week of weeks) {
    try {
      const body = weekParts.get(weekPartName(week))
      if (!body) throw new Error(`week ${week} of the index is missing`)
      loadWeek(clustering, week, body)
    } catch (e) {
      throw new DamagedStateError('', { cause: e })
    }
  }
  const originals = batch.flatMap((f) => (f.article.duplicateOf && !clustering.items.has(f.article.duplicateOf) ? [`${ARTICLE_PART}${f.article.duplicateOf}`] : []))
  const need = new Set<number>()
  for (const body of (await store.stateParts(STATE_KEY, originals)).values()) need.add(c.live(EventClusterer.indexOf(Buffer.from(body).toString())))
  await load([...need].filter((idx) => !c.isLoaded(idx)))
  // A copy reads its original's assignment.
  await loadMembersOf([...need])
  lap('load')
  // The events each article will be compared with are loaded as it comes (asked once per
  // article, not also for the whole batch beforehand): reading them counts as loading.
  await clustering.clusterLoading(batch, async (events) => {
    lap('cluster')
    await load(events)
    lap('load')
  })
}

interface Restored extends NonNullable<ReturnType<typeof restoreHead>> {
  /** The story entry of every live event that names central entities. */
  readonly stories: StoryLinker
  /**
   * Events whose members (features and assignments) are in memory: only those a batch changes
   * need them, to be described and saved again. None of a restored clustering's.
   */
  readonly withMembers: Set<number>
  /**
   * How many members of each event loaded (or founded and saved since) its saved parts hold:
   * the chunks of members a batch must write again start there (`saveMembers`).
   */
  readonly savedMembers: Map<number, number>
}

/** The clustering saved by the last run, if the same code made it from articles all still stored. */
async function savedClustering(store: Store): Promise<Restored | undefined> {
  const saved = await store.savedState(STATE_KEY)
  if (!saved || saved.version !== stateVersion()) return undefined
  let restored: ReturnType<typeof restoreHead>
  const stories = new StoryLinker()
  try {
    restored = restoreHead(saved.body)
    if (!restored) return undefined
    for await (const [name, body] of store.allStateParts(STATE_KEY, CENTRAL_PART)) for (const [idx, entry] of loadCentrals(name, body)) stories.set(idx, entry)
  } catch (e) {
    warnUnreadable(e)
    return undefined
  }
  // Every article it holds is still stored: none has left the store since it was saved, or,
  // when some have (or the head is older than that count), no part names one that has. (That
  // look-up reads every clustered article's id: ~50 ms at 100,000 articles, growing with them.)
  const whole = restored.removed === (await store.articlesRemoved()) || (await store.partsWithoutArticle(STATE_KEY, ARTICLE_PART)) === 0
  return whole ? { ...restored, stories, withMembers: new Set(), savedMembers: new Map() } : undefined
}

/** Do two story entries of one event say the same (entities in the same order)? */
function isSameEntry(a: CentralEvent | undefined, b: CentralEvent): boolean {
  if (!a || a.id !== b.id || a.title !== b.title || a.start !== b.start || a.end !== b.end || a.central.size !== b.central.size) return false
  const mine = [...b.central]
  let i = 0
  for (const [id, name] of a.central) if (mine[i][0] !== id || mine[i++][1] !== name) return false
  return a.anchors === b.anchors
}

// The state is derived from the stored articles: one that cannot be read (a damaged database
// page) costs a clustering from the first article, not every later run.
function warnUnreadable(e: unknown): void {
  process.stderr.write(`jianting: the saved clustering could not be read (${e instanceof Error ? e.message : String(e)}); clustering every article again\n`)
}

export const STATE_KEY = 'cluster-state'
const CACHE_KEY = 'clusters'

// v8's serialisation format may change with Node: a state saved by another engine is not read.
export const stateVersion = () => `${codeVersion()}|v8 ${process.versions.v8}`

const clustersVersion = async (store: Store) => `${await store.articlesVersion()}|${codeVersion()}`

type Clusters = Omit<ClusterSnapshot, 'clusteredNow'>

/** How an event is kept for readers: its description and its members' assignments. */
interface ShownEvent {
  readonly event: ClusteredEvent
  readonly assignments: readonly Assignment[]
}
interface ShownStories {
  readonly stories: readonly Story[]
  readonly storyOf: ReadonlyArray<readonly [string, string]>
}

async function readClusters(store: Store, version: string): Promise<Clusters | undefined> {
  const head = await store.savedState(CACHE_KEY)
  if (head?.version !== version) return undefined
  const { stories, storyOf } = JSON.parse(Buffer.from(head.body).toString()) as ShownStories
  const shown: Array<[number, ShownEvent]> = []
  for await (const [name, body] of store.allStateParts(CACHE_KEY, EVENT_PART)) shown.push([Number(name.slice(EVENT_PART.length)), JSON.parse(Buffer.from(body).toString()) as ShownEvent])
  // Founding order, as the clusterer lists its events.
  shown.sort((a, b) => a[0] - b[0])
  const assignments = new Map(shown.flatMap(([, s]) => s.assignments.map((a) => [a.articleId, a] as const)))
  return { events: shown.map(([, s]) => s.event), assignments, stories, storyOf: new Map(storyOf), fromCache: true }
}

/**
 * The cached events and stories when they are those of the articles as stored now: lets a
 * reader that needs no article text (the server) skip reading every text.
 */
export async function cachedClusters(store: Store): Promise<Clusters | undefined> {
  return readClusters(store, await clustersVersion(store))
}

/**
 * The folders of src/ whose code computes events and stories: this one and every folder it
 * imports from (snapshot.test.ts checks that none is missing). The saved clustering is continued
 * for as long as their digest stays the same, so a folder left out here would let state computed
 * by old code (how text is folded, how dates are read) live on beside new.
 */
export const CLUSTER_CODE_DIRS = ['cluster', 'analyze', 'outlets', 'normalize', 'text', 'shipped'] as const

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
    for (const name of FEATURE_LIBRARIES) hash.update(`${name}@${libraryVersion(name)}`)
    code = hash.digest('hex').slice(0, 16)
  }
  return code
}

// The libraries that segment and fold text shape every feature: a new version of either is new
// code as far as saved state goes.
const FEATURE_LIBRARIES = ['@node-rs/jieba', 'opencc-js'] as const

/** The installed version of a package, from the package.json above its entry point. */
export function libraryVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name))
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (!existsSync(file)) continue
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
    if (pkg.name === name) return pkg.version ?? 'unknown'
  }
  return 'unknown'
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
