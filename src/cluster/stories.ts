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

/**
 * Stories: events linked over longer spans by the central entities they share (拜登 and 普京
 * on the phone in January, in Geneva in June), ordered as a timeline. Linking is single-link
 * over the entity index, so a new event extends a story without recomputing the others.
 */
export function buildStories(events: readonly StoryEvent[], articles: ReadonlyMap<string, Article>, table: EntityTable = loadEntityTable()): Story[] {
  const central = events.map((e) => centralEntities(e, articles, table))
  const index = new Map<string, number[]>()
  central.forEach((c, i) => c.forEach((_, id) => index.set(id, [...(index.get(id) ?? []), i])))
  const parent = events.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  for (let i = 0; i < events.length; i++) {
    const shared = new Map<number, number>()
    for (const id of central[i].keys()) for (const j of index.get(id)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1)
    for (const [j, count] of shared) if (count >= MIN_SHARED && gapDays(events[i], events[j]) <= MAX_GAP_DAYS) parent[find(i)] = find(j)
  }
  const groups = new Map<number, number[]>()
  events.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]))
  const stories: Story[] = []
  for (const idx of groups.values()) {
    if (idx.length < 2) continue
    idx.sort((a, b) => (events[a].start ?? '').localeCompare(events[b].start ?? '') || events[a].id.localeCompare(events[b].id))
    const counts = new Map<string, { name: string; n: number }>()
    for (const i of idx) for (const [id, name] of central[i]) counts.set(id, { name, n: (counts.get(id)?.n ?? 0) + 1 })
    const entities = [...counts.values()].filter((c) => c.n >= 2).sort((a, b) => b.n - a.n || a.name.localeCompare(b.name)).map((c) => c.name)
    const first = events[idx[0]]
    stories.push({
      id: `s${first.id.replace(/^e/, '')}`,
      title: entities.slice(0, 3).join(' · ') || first.title,
      start: first.start,
      end: idx.map((i) => events[i].end ?? '').sort().pop() || undefined,
      eventIds: idx.map((i) => events[i].id),
      entities,
    })
  }
  return stories.sort((a, b) => (b.end ?? '').localeCompare(a.end ?? ''))
}

function centralEntities(e: StoryEvent, articles: ReadonlyMap<string, Article>, table: EntityTable): Map<string, string> {
  const counts = new Map<string, { name: string; n: number }>()
  for (const id of e.articleIds) {
    const a = articles.get(id)
    if (!a || a.duplicateOf) continue
    // The headline and lead name what the report is about; the rest drifts into background.
    for (const m of findEntities(`${a.folded.slice(0, 1500)}`, table)) {
      if (m.type === 'place') continue
      counts.set(m.id, { name: m.name, n: (counts.get(m.id)?.n ?? 0) + 1 })
    }
  }
  return new Map([...counts].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])).slice(0, CENTRAL).filter(([, c]) => c.n >= 2).map(([id, c]) => [id, c.name]))
}

function gapDays(a: StoryEvent, b: StoryEvent): number {
  const t = (s?: string) => (s ? Date.parse(s) : NaN)
  const gap = Math.max(t(b.start) - t(a.end), t(a.start) - t(b.end), 0)
  return Number.isNaN(gap) ? Infinity : gap / 86_400_000
}
