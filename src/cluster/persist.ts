import { deserialize, serialize } from 'node:v8'
import { CorpusStats } from '../analyze/keywords.js'
import { ArchiveClustering } from './cluster-articles.js'
import { EventClusterer } from './events.js'
import { ArticleFeatures, TitleStats } from './features.js'
import { RepeatedLines } from './repeated-lines.js'

// The clustering's state (word statistics, repeated lines, events and their index, each
// article's features) is Maps, Sets, typed arrays and plain objects held by a few classes.
// v8's structured serialisation keeps the data but not the classes, so each class instance is
// written as a tagged record and rebuilt on the way back. A class missing from this list fails
// loudly when saved rather than coming back without its methods; so does an instance reached
// twice (it would come back as two) and a Map keyed by objects (its keys are not rebuilt).
const CLASSES = { ArchiveClustering, ArticleFeatures, CorpusStats, EventClusterer, RepeatedLines, TitleStats } as const
type ClassName = keyof typeof CLASSES
const nameOf = new Map<object, ClassName>(Object.entries(CLASSES).map(([name, c]) => [c.prototype, name as ClassName]))

const TAG = '\u0000class'
const FORMAT = 1

interface Tagged {
  readonly [TAG]: ClassName
  readonly fields: Record<string, unknown>
}

/** The clustering as bytes, to be stored and continued later with `restoreClustering`. */
export function saveClustering(c: ArchiveClustering): Uint8Array {
  return serialize({ format: FORMAT, state: encode(c, new Set()) })
}

/** The clustering saved by `saveClustering`, or undefined when it was saved in another format. */
export function restoreClustering(bytes: Uint8Array): ArchiveClustering | undefined {
  const saved = deserialize(bytes) as { format?: number; state?: unknown }
  if (saved.format !== FORMAT) return undefined
  const c = decode(saved.state)
  if (!(c instanceof ArchiveClustering)) throw new Error('saved clustering state does not hold a clustering')
  return c
}

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
