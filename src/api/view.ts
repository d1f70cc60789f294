import { BadRequestError } from './errors.js'
import type { ArticleMeta } from '../article.js'
import type { ClusteredEvent } from '../cluster/cluster-articles.js'
import type { ClusterSnapshot } from '../cluster/snapshot.js'
import type { Story } from '../cluster/stories.js'
import type { OutletType } from '../outlets/registry.js'
import type { OutletFacts } from './outlet-edits.js'

/**
 * Articles as the view keeps them: metadata only. Text, blocks and fingerprints are read
 * from the store when a page needs them, so a large archive's texts do not sit in the heap
 * (a 2 GB heap means long garbage-collection pauses, which is what a p99 feels).
 */
export type { ArticleMeta }

export interface ViewSnapshot extends Omit<ClusterSnapshot, 'clusteredNow'> {
  readonly articles: readonly ArticleMeta[]
  readonly byId: ReadonlyMap<string, ArticleMeta>
}

/** An event as the API lists it: the `events --json` line plus counts and coverage by outlet type. */
export interface EventSummary {
  readonly id: string
  readonly title: string
  readonly start: string | null
  readonly end: string | null
  readonly articleIds: readonly string[]
  readonly outlets: readonly string[]
  readonly storyId: string | null
  readonly keywords: readonly string[]
  /** Its reports, copies counted once (with the article each copies). */
  readonly articleCount: number
  /** How many copies it holds besides (listed in `articleIds`). */
  readonly copyCount: number
  /** Outlets of each type reporting the event (`outlets`: an outlet whose article is a copy of another outlet's too). */
  readonly coverage: Readonly<Partial<Record<OutletType, number>>>
}

/**
 * An event as lists show it (GET /api/events, a story's events): counts, outlets and coverage,
 * not every article id. A list page stays a few KB however large its events are; the event
 * endpoint has the articles.
 */
export type EventListItem = Omit<EventSummary, 'articleIds'>

export function listItem({ articleIds: _ids, ...item }: EventSummary): EventListItem {
  return item
}

/**
 * Everything the server answers from, derived once from a cluster snapshot: events latest
 * first, the indexes that make each page a lookup, outlet facts with the user's edits.
 */
export class View {
  readonly events: readonly EventSummary[]
  readonly eventById: ReadonlyMap<string, EventSummary>
  /** The snapshot's events as clustered (what a comparison is made of), by id. */
  readonly clusteredById: ReadonlyMap<string, ClusteredEvent>
  readonly eventOfArticle: ReadonlyMap<string, string>
  readonly storyById: ReadonlyMap<string, Story>
  readonly articlesByDate: readonly ArticleMeta[]
  readonly outletIds: readonly string[]
  private readonly eventsByOutlet = new Map<string, string[]>()

  constructor(
    readonly snapshot: ViewSnapshot,
    readonly outlet: (id: string) => OutletFacts,
    readonly builtAt: string,
    readonly buildMs: number,
  ) {
    const summaries = snapshot.events.map((e) => this.summarize(e))
    this.events = summaries.sort((a, b) => (b.end ?? '').localeCompare(a.end ?? '') || b.articleCount - a.articleCount || a.id.localeCompare(b.id))
    this.eventById = new Map(this.events.map((e) => [e.id, e]))
    this.clusteredById = new Map(snapshot.events.map((e) => [e.id, e]))
    const eventOf = new Map<string, string>()
    for (const e of this.events) for (const a of e.articleIds) eventOf.set(a, e.id)
    this.eventOfArticle = eventOf
    for (const e of this.events)
      for (const o of e.outlets) {
        const ids = this.eventsByOutlet.get(o)
        if (ids) ids.push(e.id)
        else this.eventsByOutlet.set(o, [e.id])
      }
    this.storyById = new Map(snapshot.stories.map((s) => [s.id, s]))
    this.articlesByDate = [...snapshot.articles].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.id.localeCompare(b.id))
    this.outletIds = [...new Set(snapshot.articles.map((a) => a.outletId))].sort()
  }

  private summarize(e: ClusteredEvent): EventSummary {
    const coverage: Partial<Record<OutletType, number>> = {}
    for (const o of e.outlets) {
      const t = this.outlet(o).type
      coverage[t] = (coverage[t] ?? 0) + 1
    }
    return {
      id: e.id,
      title: e.title,
      start: e.start ?? null,
      end: e.end ?? null,
      articleIds: e.articleIds,
      outlets: e.outlets,
      storyId: this.snapshot.storyOf.get(e.id) ?? null,
      keywords: e.keywords,
      articleCount: e.articleIds.length - e.copies,
      copyCount: e.copies,
      coverage,
    }
  }

  eventsOfOutlet(id: string): readonly string[] {
    return this.eventsByOutlet.get(id) ?? []
  }

  article(id: string): ArticleMeta | undefined {
    return this.snapshot.byId.get(id)
  }
}

export interface EventFilter {
  readonly since?: string
  readonly until?: string
  readonly outlet?: string
  readonly type?: OutletType
  /** Only events two or more outlets reported, all of one type (the other sides are silent). */
  readonly blindspot?: boolean
  /** Only events reported by at least two outlets, none of them of this type. */
  readonly missing?: OutletType
  readonly minArticles?: number
  /** Only events at least this many outlets reported (copies aside). */
  readonly minOutlets?: number
}

export function filterEvents(view: View, f: EventFilter): readonly EventSummary[] {
  knownOutlet(view, f.outlet)
  const since = f.since
  const until = f.until ? `${f.until}\uffff` : undefined
  const out = view.events.filter(
    (e) =>
      (!since || (e.end ?? '') >= since) &&
      (!until || (e.start ?? '') <= until) &&
      (!f.outlet || e.outlets.includes(f.outlet)) &&
      (!f.type || (e.coverage[f.type] ?? 0) > 0) &&
      // One side among several outlets: an event one outlet alone reported is not a blind spot.
      (!f.blindspot || (e.outlets.length >= 2 && Object.keys(e.coverage).length === 1)) &&
      (!f.missing || (e.outlets.length >= 2 && !(e.coverage[f.missing] ?? 0))) &&
      e.articleCount >= (f.minArticles ?? 1) &&
      e.outlets.length >= (f.minOutlets ?? 1),
  )
  // One-sided events that many report are the telling ones: most reports first.
  return f.blindspot ? [...out].sort((a, b) => b.articleCount - a.articleCount || (b.end ?? '').localeCompare(a.end ?? '')) : out
}

/** An outlet filter must name an outlet of this archive: a typo would otherwise read as "it reported nothing". */
export function knownOutlet(view: View, outlet: string | undefined): void {
  if (outlet && !view.outletIds.includes(outlet)) throw new BadRequestError(`outlet: no outlet '${outlet}' in this archive (see /api/outlets for the ids)`)
}
