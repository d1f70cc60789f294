import type { Article } from '../article.js'
import { findEntities, loadEntityTable, type EntityTable } from '../analyze/entities.js'

export interface StoryEvent {
  readonly id: string
  readonly title: string
  readonly start?: string
  readonly end?: string
  readonly articleIds: readonly string[]
  readonly keywords: readonly string[]
}

export interface Story {
  readonly id: string
  readonly title: string
  readonly start?: string
  readonly end?: string
  /** Its events in time order: the timeline. */
  readonly eventIds: readonly string[]
  /** The people, organisations and works the events share. */
  readonly entities: readonly string[]
}

// An event's central entities: the few it names most, places aside (美国 and 俄罗斯 are the
// setting of half the news, not what a story is about).
const CENTRAL = 5
// Two events continue one story when they share this many central entities (two: storiesOf
// indexes stories by pairs of entities)…
const MIN_SHARED = 2
// …and are no further apart than this.
const MAX_GAP_DAYS = 400

// An entity named centrally by more than this share of events (中共 in movement media, 新冠 in
// 2020–21) is the archive's backdrop, not a story's thread; never fewer than DF_FLOOR events.
const MAX_EVENT_SHARE = 0.02
const DF_FLOOR = 5
// A story is known by its few most frequent entities; an event joins it by sharing MIN_SHARED
// of them, so a chain of pairwise overlaps cannot drift from one subject to another.
const PROFILE = 4

/**
 * Stories: events linked over longer spans by the central entities they share (拜登 and 普京
 * on the phone in January, in Geneva in June), ordered as a timeline. Events are taken in time
 * order and each joins the story whose profile — its most frequent entities — it shares
 * enough with, through an index from pairs of entities to story, so a new event never scans
 * all stories.
 */
export function buildStories(events: readonly StoryEvent[], articles: ReadonlyMap<string, Article>, mentionsOf: (a: Article) => Mentions = (a) => storyMentions(a)): Story[] {
  const originals = (e: StoryEvent) => e.articleIds.map((id) => articles.get(id)).filter((a): a is Article => a !== undefined && !a.duplicateOf)
  return storiesOf(events.map((e) => ({ ...e, central: centralEntities(originals(e).map(mentionsOf)) })))
}

/** An event with its central entities (`centralEntities`) already found. */
export interface CentralEvent extends Omit<StoryEvent, 'articleIds' | 'keywords'> {
  readonly central: ReadonlyMap<string, string>
}

/**
 * `buildStories` for events whose central entities are known: reads no article. Events that
 * name no central entity take no part in a story, so they may be left out of `events` as long
 * as `eventCount` counts them (what makes an entity the archive's backdrop).
 */
export function storiesOf(events: readonly CentralEvent[], eventCount = events.length): Story[] {
  // Entities are numbered, so that a pair of them is one number and counts live in arrays
  // (string pairs, Maps and Sets of them were most of the time at 100,000 articles). `rank` is
  // each one's place in the order of its id, for ties.
  const codes = new Map<string, number>()
  for (const e of events) for (const id of e.central.keys()) if (!codes.has(id)) codes.set(id, codes.size)
  const ids = [...codes.keys()]
  const rank = new Int32Array(ids.length)
  const byId = ids.map((_, code) => code).sort((a, b) => ids[a].localeCompare(ids[b]))
  // Ids that localeCompare calls equal share a rank, as they tied before.
  for (let i = 0; i < byId.length; i++) rank[byId[i]] = i > 0 && ids[byId[i - 1]].localeCompare(ids[byId[i]]) === 0 ? rank[byId[i - 1]] : i
  const df = new Int32Array(ids.length)
  for (const e of events) for (const id of e.central.keys()) df[codes.get(id)!]++
  const maxDf = Math.max(DF_FLOOR, eventCount * MAX_EVENT_SHARE)
  // Each event's central entities but the backdrop, in order.
  const central = events.map((e) => {
    const mine: number[] = []
    for (const id of e.central.keys()) {
      const code = codes.get(id)!
      if (df[code] <= maxDf) mine.push(code)
    }
    return mine
  })

  // A draft's profile changes only when it takes an event: kept, not sorted again per look-up.
  // Dates are parsed once (ms; NaN when missing). `seen` is the last event that met it as a candidate.
  interface Draft { readonly n: number; members: number[]; counts: Map<number, number>; end: string; endMs: number; profile: number[]; seen: number }
  const drafts: Draft[] = []
  // Drafts by each pair of their profile's entities: an event can join only a draft it shares
  // MIN_SHARED (two) profile entities with, so it looks up its own pairs and meets no other.
  // (Walking every draft that named one of its entities was quadratic in a long archive: 5 s
  // at 100,000 articles, most drafts being single events that name 拜登 or 普京.)
  const byPair = new Map<number, Set<Draft>>()
  const pairsOf = (codes: readonly number[]) => {
    const pairs: number[] = []
    for (let i = 0; i < codes.length; i++) for (let j = i + 1; j < codes.length; j++) pairs.push(Math.min(codes[i], codes[j]) * ids.length + Math.max(codes[i], codes[j]))
    return pairs
  }
  const startMs = events.map((e) => time(e.start))
  const endMs = events.map((e) => time(e.end))
  // Only the entities an event adds gain counts, so no other entity can pass the profile's: the
  // new profile is the best of the old one and those.
  const profile = (d: Draft, added: readonly number[]) =>
    [...new Set([...d.profile, ...added])]
      .map((code) => [code, d.counts.get(code)!] as const)
      .sort((a, b) => b[1] - a[1] || rank[a[0]] - rank[b[0]])
      .slice(0, PROFILE)
      .map(([code]) => code)
  // ISO dates and event ids are ASCII: compared by code unit, as localeCompare would order them
  // but without its cost (most of the time left here at 100,000 articles).
  const order = events.map((_, i) => i).sort((a, b) => compareAscii(events[a].start ?? '', events[b].start ?? '') || compareAscii(events[a].id, events[b].id))
  for (const i of order) {
    const mine = central[i]
    let best: Draft | undefined
    let bestShared = MIN_SHARED - 1
    // Events come in time order: a story that ended too long before this event starts can take
    // no later one either, and leaves the index.
    const start = startMs[i]
    const candidates: Draft[] = []
    for (const pair of pairsOf(mine)) {
      const drafts = byPair.get(pair)
      if (!drafts) continue
      for (const d of drafts) {
        if ((start - d.endMs) / DAY_MS > MAX_GAP_DAYS) drafts.delete(d)
        else if (d.seen !== i) {
          d.seen = i
          candidates.push(d)
        }
      }
    }
    // The draft sharing the most profile entities; of equals, the one begun first.
    for (const d of candidates) {
      if (gapDays(start, endMs[i], startMs[d.members[d.members.length - 1]], d.endMs) > MAX_GAP_DAYS) continue
      const shared = d.profile.filter((code) => mine.includes(code)).length
      if (shared > bestShared || (shared === bestShared && best && d.n < best.n)) [best, bestShared] = [d, shared]
    }
    const d: Draft = best ?? { n: drafts.length, members: [], counts: new Map(), end: '', endMs: NaN, profile: [], seen: -1 }
    if (!best) drafts.push(d)
    d.members.push(i)
    if ((events[i].end ?? '') > d.end) [d.end, d.endMs] = [events[i].end ?? '', endMs[i]]
    for (const code of mine) d.counts.set(code, (d.counts.get(code) ?? 0) + 1)
    const before = new Set(pairsOf(d.profile))
    d.profile = profile(d, mine)
    for (const pair of pairsOf(d.profile)) if (!before.delete(pair)) byPair.set(pair, (byPair.get(pair) ?? new Set()).add(d))
    for (const pair of before) byPair.get(pair)!.delete(d)
  }
  const stories: Story[] = []
  for (const d of drafts) {
    if (d.members.length < 2) continue
    // Each entity by the name its latest event gives it.
    const names = new Map<number, string>()
    for (const i of d.members) for (const code of central[i]) names.set(code, events[i].central.get(ids[code])!)
    const entities = [...d.counts]
      .filter(([, n]) => n >= 2)
      .map(([code, n]) => ({ name: names.get(code)!, n }))
      .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
      .map((c) => c.name)
    const first = events[d.members[0]]
    stories.push({
      id: `s${first.id.replace(/^e/, '')}`,
      title: entities.slice(0, 3).join(' · ') || first.title,
      start: first.start,
      end: d.end || undefined,
      eventIds: d.members.map((i) => events[i].id),
      entities,
    })
  }
  return stories.sort((a, b) => (b.end ?? '').localeCompare(a.end ?? ''))
}

/** Entities an article names, as [id, name] pairs. */
export type Mentions = ReadonlyArray<readonly [string, string]>

/**
 * The people, organisations and works an article's headline and lead name, each time it names
 * them (places aside): what its event brings to a story.
 */
export function storyMentions(a: { readonly folded: string }, table: EntityTable = loadEntityTable()): Mentions {
  // The headline and lead name what the report is about; the rest drifts into background.
  return findEntities(a.folded.slice(0, LEAD_CHARS), table)
    .filter((m) => m.type !== 'place')
    .map((m) => [m.id, m.name] as const)
}
const LEAD_CHARS = 1500

/** An event's central entities, [id → name], from what each of its original reports names. */
export function centralEntities(originals: readonly Mentions[]): Map<string, string> {
  const counts = new Map<string, { name: string; n: number }>()
  for (const mentions of originals) for (const [entity, name] of mentions) counts.set(entity, { name, n: (counts.get(entity)?.n ?? 0) + 1 })
  return new Map([...counts].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])).slice(0, CENTRAL).filter(([, c]) => c.n >= 2).map(([id, c]) => [id, c.name]))
}

const compareAscii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const DAY_MS = 86_400_000
const time = (s?: string) => (s ? Date.parse(s) : NaN)

/** Days between two spans given in ms (Infinity when a date is missing). */
function gapDays(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const gap = Math.max(bStart - aEnd, aStart - bEnd, 0)
  return Number.isNaN(gap) ? Infinity : gap / DAY_MS
}
