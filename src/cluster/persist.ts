import { deserialize, serialize } from 'node:v8'
import { CorpusStats, RecentStats } from '../analyze/keywords.js'
import { SortedKeys, Tally } from '../analyze/tally.js'
import { ArchiveClustering, type Member } from './cluster-articles.js'
import { defaultClusterOptions, EventClusterer, type Assignment, type EventCluster, type PackedWeek, type SavedIndex } from './events.js'
import { ArticleFeatures, TitleStats } from './features.js'
import { RepeatedLines } from './repeated-lines.js'
import type { CentralEvent, CentralIdList } from './stories.js'

// The clustering's state is kept in parts, so that adding a batch reads and writes what the
// batch touches rather than the archive:
// - the head: the archive's word statistics (packed: analyze/tally.ts) and repeated lines
//   (ArticleFeatures, a few MB whatever the archive's size, as the line sketches are fixed),
//   the clusterer's merge links and the list of weeks its index holds;
// - one part per week of the clusterer's index (WEEK_PART + week): the events holding each
//   term that week; loaded only when a batch's articles look that week up (an article with no
//   date looks up every week);
// - one part per event (EVENT_PART + index): its sums and day groups; loaded only when a
//   batch's articles can meet the event;
// - the members of each event, in parts of MEMBERS_CHUNK (MEMBERS_PART + index + '.' + chunk):
//   each one's naming features and assignment; loaded only when a batch changes the event or
//   holds the original of one of its copies (most of the bytes of a large one). Members are only
//   ever added at the end of an event (joining, or merging in another), and a member's
//   assignment changes only when its event is merged into another, where it is added anew: a
//   batch rewrites only the chunks from the first member it added, not every member of every
//   event it joined;
// - the story entry (dates, name, central entities: what linking stories reads of an event) of
//   each live event that names central entities, by CENTRAL_CHUNK events of consecutive
//   indexes (CENTRAL_PART + index / CENTRAL_CHUNK): all are read when a clustering is
//   restored, and a batch writes only the chunks of the events whose entry it changed. (Kept
//   in the head they were more than half of what every batch wrote, whatever it changed; a
//   part per event made a restore read and parse tens of thousands of rows, several times the
//   time the head took.)
// - one part per clustered article (ARTICLE_PART + id): the event it was placed in, so that a
//   copy finds its original's event, and the store can tell which articles are new.
// v8's structured serialisation keeps the data but not the classes, so each class instance is
// written as a tagged record and rebuilt on the way back. A class missing from this list fails
// loudly when saved rather than coming back without its methods; so does an instance reached
// twice (it would come back as two) and a Map keyed by objects (its keys are not rebuilt).
const CLASSES = { ArticleFeatures, CorpusStats, RecentStats, RepeatedLines, SortedKeys, Tally, TitleStats } as const
type ClassName = keyof typeof CLASSES
const nameOf = new Map<object, ClassName>(Object.entries(CLASSES).map(([name, c]) => [c.prototype, name as ClassName]))

const TAG = '\u0000class'
// 14: events hold their members' outlets (`EventCluster.outlets`), which `oneOutletSpread` reads.
const FORMAT = 14

export const EVENT_PART = 'e:'
export const ARTICLE_PART = 'a:'
export const WEEK_PART = 'w:'
export const MEMBERS_PART = 'm:'
export const CENTRAL_PART = 'c:'

/** The part name of a week of the clusterer's index (undated postings are week -Infinity). */
export const weekPartName = (week: number) => `${WEEK_PART}${week === Number.NEGATIVE_INFINITY ? 'undated' : week}`

/** Weeks of the clusterer's index, each as its part's body. */
export function saveWeeks(c: ArchiveClustering, weeks: Iterable<number>): Map<number, Uint8Array> {
  return new Map([...c.clusterer.weekParts(weeks)].map(([w, part]) => [w, serialize(part)] as const))
}

/** Puts a saved week of the index back into the clustering. */
export function loadWeek(c: ArchiveClustering, week: number, bytes: Uint8Array): void {
  const saved = deserialize(bytes) as Partial<PackedWeek>
  if (typeof saved.terms !== 'string' || !(saved.ends instanceof Int32Array) || !(saved.sizes instanceof Int32Array) || !(saved.events instanceof Int32Array) || saved.ends.length !== saved.sizes.length) throw new Error(`saved week ${week} of the index is not readable`)
  c.clusterer.loadWeek(week, saved as PackedWeek)
}

interface Tagged {
  readonly [TAG]: ClassName
  readonly fields: Record<string, unknown>
}

interface Head {
  readonly format: number
  readonly features: unknown
  readonly index: SavedIndex
  /** The store's `articlesEnd` before the articles the clustering holds were read: it holds all up to there. */
  readonly through: number
  /**
   * The store's `articlesRemoved` read with `through`: while it is the same, no article the
   * clustering holds has left the store. Missing from a head saved before it was kept: unknown.
   */
  readonly removed?: number
}

/** The head of a saved clustering: what every batch needs whatever it touches. `through`, `removed`: see `Head`. */
export function saveHead(c: ArchiveClustering, through = 0, removed?: number): Uint8Array {
  c.features.pack()
  return serialize({ format: FORMAT, features: encode(c.features, new Set()), index: c.clusterer.index(), through, removed } satisfies Head)
}

/** A clustering continued from its head, none of its events loaded; undefined when saved in another format. */
export function restoreHead(bytes: Uint8Array): { clustering: ArchiveClustering; through: number; removed?: number } | undefined {
  const saved = deserialize(bytes) as Partial<Head>
  if (saved.format !== FORMAT) return undefined
  const features = decode(saved.features)
  if (!(features instanceof ArticleFeatures) || !saved.index || typeof saved.through !== 'number' || (saved.removed !== undefined && typeof saved.removed !== 'number'))
    throw new Error('saved clustering state does not hold a clustering')
  return { clustering: new ArchiveClustering(defaultClusterOptions, features, EventClusterer.continued(defaultClusterOptions, saved.index)), through: saved.through, removed: saved.removed }
}

export const CENTRAL_CHUNK = 32

/** The part holding the story entry of an event (`CENTRAL_PART`). */
export const centralPartName = (idx: number) => `${CENTRAL_PART}${Math.floor(idx / CENTRAL_CHUNK)}`

/**
 * A chunk of story entries as saved: flat, not a Map of entries each with a Map of entities.
 * Every restore reads all of them (~40,000 entries at 100,000 articles) and links stories from
 * their entities' ids and dates alone; titles and entity names are read only for the few events
 * that end in a story (or whose entry a batch changes). So the ids are kept as strings, the
 * names in one string, and an entry is read from the chunk when asked (`SavedEntry`), not made
 * into an object with a Map of its own: v8's deserialiser rebuilds a Map entry by entry through
 * a call from C++ into JS, and every object a restore makes stays alive to its end.
 */
interface SavedCentrals {
  /** Each entry's event index. */
  readonly idx: Int32Array
  /** Its `anchors`, -1 when not given (a mask of bits is never negative). */
  readonly anchors: Int32Array
  /** How many central entities it names. */
  readonly counts: Uint8Array
  /** Bit 1: it has a start, bit 2: an end. */
  readonly dated: Uint8Array
  /** Each entry's id, start and end ('' when missing), then its entities' ids, one entry after another. */
  readonly keys: readonly string[]
  /** Each entry's title, then its entities' names, joined: `ends[i]` is where the i-th ends. */
  readonly names: string
  readonly ends: Int32Array
}
const HAS_START = 1
const HAS_END = 2
// An entry's id, start and end come before its entities' ids in `keys`.
const KEYS_BEFORE = 3

/** The events of `centralPartName(idx)` with a story entry (`entryOf`), or undefined when none has. */
export function saveCentrals(idx: number, entryOf: (idx: number) => CentralEvent | undefined): Uint8Array | undefined {
  const first = Math.floor(idx / CENTRAL_CHUNK) * CENTRAL_CHUNK
  const entries: Array<[number, CentralEvent]> = []
  for (let i = first; i < first + CENTRAL_CHUNK; i++) {
    const e = entryOf(i)
    if (e) entries.push([i, e])
  }
  if (!entries.length) return undefined
  const n = entries.length
  const keys: string[] = []
  const names: string[] = []
  const ends: number[] = []
  let end = 0
  const name = (s: string) => {
    names.push(s)
    ends.push((end += s.length))
  }
  const chunk = { idx: new Int32Array(n), anchors: new Int32Array(n), counts: new Uint8Array(n), dated: new Uint8Array(n) }
  entries.forEach(([i, e], k) => {
    if (e.central.size > 255) throw new Error(`the story entry of event ${i} names more central entities than a chunk can hold`)
    chunk.idx[k] = i
    chunk.anchors[k] = e.anchors ?? -1
    chunk.counts[k] = e.central.size
    chunk.dated[k] = (e.start !== undefined ? HAS_START : 0) | (e.end !== undefined ? HAS_END : 0)
    keys.push(e.id, e.start ?? '', e.end ?? '')
    name(e.title)
    for (const [id, n] of e.central) {
      keys.push(id)
      name(n)
    }
  })
  return serialize({ ...chunk, keys, names: names.join(''), ends: Int32Array.from(ends) } satisfies SavedCentrals)
}

/** The story entries of a saved chunk, by event index (each read from the chunk when asked: `SavedEntry`). */
export function loadCentrals(name: string, bytes: Uint8Array): Map<number, CentralEvent> {
  const chunk = deserialize(bytes) as Partial<SavedCentrals>
  const { idx, anchors, counts, dated, keys, names, ends } = chunk
  const unreadable = () => new Error(`saved story entries ${name} are not readable`)
  if (!(idx instanceof Int32Array) || !(anchors instanceof Int32Array) || !(counts instanceof Uint8Array) || !(dated instanceof Uint8Array) || !Array.isArray(keys) || typeof names !== 'string' || !(ends instanceof Int32Array)) throw unreadable()
  const n = idx.length
  if (anchors.length !== n || counts.length !== n || dated.length !== n) throw unreadable()
  let entities = 0
  for (let k = 0; k < n; k++) entities += counts[k]
  if (keys.length !== KEYS_BEFORE * n + entities || keys.some((x) => typeof x !== 'string') || ends.length !== n + entities) throw unreadable()
  for (let i = 0, before = 0; i < ends.length; before = ends[i++]) if (ends[i] < before) throw unreadable()
  if (ends.length && ends[ends.length - 1] !== names.length) throw unreadable()
  const saved = chunk as SavedCentrals
  const out = new Map<number, CentralEvent>()
  for (let k = 0, key = 0, at = 0; k < n; k++) {
    out.set(idx[k], new SavedEntry(saved, k, key, at))
    key += KEYS_BEFORE + counts[k]
    at += 1 + counts[k]
  }
  return out
}

/** One story entry of a saved chunk, read from it when asked; its Map of entities is made only if asked for. */
class SavedEntry implements CentralEvent, CentralIdList {
  private map: Map<string, string> | undefined

  constructor(
    private readonly chunk: SavedCentrals,
    private readonly k: number,
    /** Where its id is in `chunk.keys`. */
    private readonly key: number,
    /** Where its title is in `chunk.ends`. */
    private readonly at: number,
  ) {}

  get id(): string {
    return this.chunk.keys[this.key]
  }
  get start(): string | undefined {
    return this.chunk.dated[this.k] & HAS_START ? this.chunk.keys[this.key + 1] : undefined
  }
  get end(): string | undefined {
    return this.chunk.dated[this.k] & HAS_END ? this.chunk.keys[this.key + 2] : undefined
  }
  get anchors(): number | undefined {
    const a = this.chunk.anchors[this.k]
    return a >= 0 ? a : undefined
  }
  get title(): string {
    return this.name(this.at)
  }
  get centralCount(): number {
    return this.chunk.counts[this.k]
  }
  centralId(j: number): string {
    return this.chunk.keys[this.key + KEYS_BEFORE + j]
  }
  get central(): ReadonlyMap<string, string> {
    if (!this.map) {
      this.map = new Map()
      for (let j = 0; j < this.centralCount; j++) this.map.set(this.centralId(j), this.name(this.at + 1 + j))
    }
    return this.map
  }

  private name(i: number): string {
    const { names, ends } = this.chunk
    return names.slice(i === 0 ? 0 : ends[i - 1], ends[i])
  }
}

/** One event of the clustering, without its members (`saveMembers`). */
export function saveEvent(c: ArchiveClustering, idx: number): Uint8Array {
  return serialize(c.clusterer.event(idx))
}

/** Puts a saved event back into the clustering (its members' features and assignments come with `loadMembers`). */
export function loadEvent(c: ArchiveClustering, idx: number, bytes: Uint8Array): void {
  const event = deserialize(bytes) as Partial<EventCluster>
  if (!Array.isArray(event.articleIds) || !(event.centroid instanceof Map) || !Array.isArray(event.days)) throw new Error(`saved event ${idx} is not readable`)
  c.clusterer.load(idx, event as EventCluster)
}

export const MEMBERS_CHUNK = 64

/** The names of the parts holding the first `count` members of an event, from the one holding the `from`th. */
export function memberParts(idx: number, count: number, from = 0): string[] {
  return memberChunks(count, from).map((k) => memberPart(idx, k))
}
const memberPart = (idx: number, chunk: number) => `${MEMBERS_PART}${idx}.${chunk}`
/** The numbers of the chunks holding the first `count` members, from the one holding the `from`th. */
function memberChunks(count: number, from: number): number[] {
  const chunks: number[] = []
  for (let k = Math.floor(from / MEMBERS_CHUNK); k * MEMBERS_CHUNK < count; k++) chunks.push(k)
  return chunks
}

/**
 * The members of one event from the `from`th on (each one's naming features and assignment),
 * by part name: the whole chunks that hold them, earlier members of the first one included.
 */
export function saveMembers(c: ArchiveClustering, idx: number, from = 0): Map<string, Uint8Array> {
  const ids = c.clusterer.event(idx).articleIds
  const out = new Map<string, Uint8Array>()
  for (const k of memberChunks(ids.length, from)) {
    const chunk = ids.slice(k * MEMBERS_CHUNK, (k + 1) * MEMBERS_CHUNK)
    out.set(memberPart(idx, k), serialize(chunk.map((id) => [c.items.get(id)!, c.clusterer.assignments.get(id)!] as const) satisfies SavedMembers))
  }
  return out
}

/** Puts the members of a saved event back into the clustering, from its parts in order (`memberParts`). */
export function loadMembers(c: ArchiveClustering, idx: number, parts: readonly Uint8Array[]): void {
  const members = parts.flatMap((bytes) => {
    const chunk = deserialize(bytes) as SavedMembers
    if (!Array.isArray(chunk) || chunk.some((m) => !Array.isArray(m) || m.length !== 2)) throw new Error(`saved members of event ${idx} are not readable`)
    return chunk
  })
  for (const [member, a] of members) c.items.set(a.articleId, member)
  c.clusterer.loadAssignments(members.map(([, a]) => a))
}
type SavedMembers = ReadonlyArray<readonly [Member, Assignment]>

// Returns the value itself when nothing inside it needed tagging (the common case: Maps of
// numbers), so the large data parts are not copied.
// `instances` are the class instances encoded so far.
function encode(v: unknown, instances: Set<object>): unknown {
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return v
  const proto = Object.getPrototypeOf(v)
  const name = nameOf.get(proto)
  if (name) {
    if (instances.has(v)) throw new Error(`cannot save a ${name} held in two places (or in itself) in the clustering state: it would be restored as two objects`)
    instances.add(v)
    return { [TAG]: name, fields: encodeFields(v as Record<string, unknown>, instances) } satisfies Tagged
  }
  // A copy is started only at the first entry that changes.
  if (Array.isArray(v)) {
    let out: unknown[] | undefined
    for (let i = 0; i < v.length; i++) {
      const e = encode(v[i], instances)
      if (e !== v[i]) out ??= v.slice(0, i)
      out?.push(e)
    }
    return out ?? v
  }
  if (v instanceof Map) {
    let out: Map<unknown, unknown> | undefined
    let i = 0
    for (const [k, x] of v) {
      if (k !== null && typeof k === 'object') throw new Error('cannot save a Map keyed by objects in the clustering state')
      const e = encode(x, instances)
      if (e !== x) out ??= new Map([...v.entries()].slice(0, i))
      out?.set(k, e)
      i++
    }
    return out ?? v
  }
  if (v instanceof Set) {
    for (const x of v) if (x !== null && typeof x === 'object') throw new Error('cannot save a Set of objects in the clustering state')
    return v
  }
  if (proto === Object.prototype || proto === null) {
    const out = encodeFields(v as Record<string, unknown>, instances)
    return Object.keys(out).some((k) => out[k] !== (v as Record<string, unknown>)[k]) ? out : v
  }
  throw new Error(`cannot save an instance of ${proto?.constructor?.name ?? 'an unknown class'} in the clustering state: add it to CLASSES in cluster/persist.ts`)
}

function encodeFields(o: Record<string, unknown>, instances: Set<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(o)) out[k] = encode(o[k], instances)
  return out
}

// Deserialised values are fresh objects, so containers are mended in place.
function decode(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return v
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = decode(v[i])
    return v
  }
  if (v instanceof Map) {
    for (const [k, x] of v) if (x !== null && typeof x === 'object') v.set(k, decode(x))
    return v
  }
  if (v instanceof Set) return v
  const o = v as Record<string, unknown>
  const name = (o as Partial<Tagged>)[TAG]
  if (name !== undefined) {
    const cls = CLASSES[name]
    if (!cls) throw new Error(`saved clustering state holds an unknown class ${name}`)
    return Object.assign(Object.create(cls.prototype) as object, decode((o as unknown as Tagged).fields))
  }
  for (const k of Object.keys(o)) o[k] = decode(o[k])
  return o
}
