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
// Two events continue one story when they share this many central entities…
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
 * enough with, through an index from entity to story, so a new event never scans all stories.
 */
export function buildStories(events: readonly StoryEvent[], articles: ReadonlyMap<string, Article>, mentionsOf: (a: Article) => Mentions = (a) => storyMentions(a)): Story[] {
  const originals = (e: StoryEvent) => e.articleIds.map((id) => articles.get(id)).filter((a): a is Article => a !== undefined && !a.duplicateOf)
  return storiesOf(events.map((e) => ({ ...e, central: centralEntities(originals(e).map(mentionsOf)) })))
}

/** An event with its central entities (`centralEntities`) already found. */
export interface CentralEvent extends Omit<StoryEvent, 'articleIds' | 'keywords'> {
  readonly central: ReadonlyMap<string, string>
}

/** `buildStories` for events whose central entities are known: reads no article. */
export function storiesOf(events: readonly CentralEvent[]): Story[] {
  const central = events.map((e) => new Map(e.central))
  const df = new Map<string, number>()
  for (const c of central) for (const id of c.keys()) df.set(id, (df.get(id) ?? 0) + 1)
  const maxDf = Math.max(DF_FLOOR, events.length * MAX_EVENT_SHARE)
  for (const c of central) for (const id of [...c.keys()]) if (df.get(id)! > maxDf) c.delete(id)

  // A draft's profile changes only when it takes an event: kept, not sorted again per look-up.
  // Dates are parsed once (ms; NaN when missing): parsing them per candidate was most of the time.
  interface Draft { members: number[]; counts: Map<string, { name: string; n: number }>; end: string; endMs: number; profile: string[] }
  const drafts: Draft[] = []
  const byEntity = new Map<string, Set<Draft>>()
  const startMs = events.map((e) => time(e.start))
  const endMs = events.map((e) => time(e.end))
  // Only the entities an event adds gain counts, so no other entity can pass the profile's: the
  // new profile is the best of the old one and those (sorting all of a long story's entities
  // at every event was most of the time at 100,000 articles).
  const profile = (d: Draft, added: Iterable<string>) =>
    [...new Set([...d.profile, ...added])]
      .map((id) => [id, d.counts.get(id)!.n] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, PROFILE)
      .map(([id]) => id)
  const order = events.map((_, i) => i).sort((a, b) => (events[a].start ?? '').localeCompare(events[b].start ?? '') || events[a].id.localeCompare(events[b].id))
  for (const i of order) {
    const mine = central[i]
    let best: Draft | undefined
    let bestShared = MIN_SHARED - 1
    // Events come in time order: a story that ended too long before this event starts can take
    // no later one either, and leaves the index (else every event naming 拜登 would walk every
    // story that ever named him).
    const start = startMs[i]
    const candidates = new Set<Draft>()
    for (const id of mine.keys())
      for (const d of byEntity.get(id) ?? []) {
        if ((start - d.endMs) / DAY_MS > MAX_GAP_DAYS) byEntity.get(id)!.delete(d)
        else candidates.add(d)
      }
    for (const d of candidates) {
      if (gapDays(start, endMs[i], startMs[d.members[d.members.length - 1]], d.endMs) > MAX_GAP_DAYS) continue
      const shared = d.profile.filter((id) => mine.has(id)).length
      if (shared > bestShared) [best, bestShared] = [d, shared]
    }
    const d: Draft = best ?? { members: [], counts: new Map(), end: '', endMs: NaN, profile: [] }
    if (!best) drafts.push(d)
    d.members.push(i)
    if ((events[i].end ?? '') > d.end) [d.end, d.endMs] = [events[i].end ?? '', endMs[i]]
    for (const [id, name] of mine) {
      d.counts.set(id, { name, n: (d.counts.get(id)?.n ?? 0) + 1 })
      byEntity.set(id, (byEntity.get(id) ?? new Set()).add(d))
    }
    d.profile = profile(d, mine.keys())
  }
  const stories: Story[] = []
  for (const d of drafts) {
    if (d.members.length < 2) continue
    const entities = [...d.counts.values()].filter((c) => c.n >= 2).sort((a, b) => b.n - a.n || a.name.localeCompare(b.name)).map((c) => c.name)
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
export function storyMentions(a: Pick<Article, 'folded'>, table: EntityTable = loadEntityTable()): Mentions {
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

const DAY_MS = 86_400_000
const time = (s?: string) => (s ? Date.parse(s) : NaN)

/** Days between two spans given in ms (Infinity when a date is missing). */
function gapDays(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const gap = Math.max(bStart - aEnd, aStart - bEnd, 0)
  return Number.isNaN(gap) ? Infinity : gap / DAY_MS
}
