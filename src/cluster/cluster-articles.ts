import type { Article } from '../article.js'
import { EventClusterer, defaultClusterOptions, type Assignment, type ClusterItem, type ClusterOptions, type EventCluster } from './events.js'
import { ArticleFeatures, clusterOrder } from './features.js'
import { storyMentions, type Mentions } from './stories.js'

export interface ClusteredEvent {
  readonly id: string
  readonly title: string
  readonly start?: string
  readonly end?: string
  readonly articleIds: readonly string[]
  readonly outlets: readonly string[]
  readonly keywords: readonly string[]
  /** The day most of its reports' leads date the incident (YYYY-MM-DD), when they say. */
  readonly incidentDate?: string
}

export interface ClusterResult {
  readonly events: readonly ClusteredEvent[]
  readonly assignments: ReadonlyMap<string, Assignment>
}

/**
 * Replays articles in publication order (`clusterOrder`: the best date known for each)
 * through the online clusterer, updating the archive's word statistics as each arrives
 * (exactly what ingestion-time clustering sees).
 */
export function clusterArticles(articles: readonly Article[], opts: ClusterOptions = defaultClusterOptions): ClusterResult {
  const clustering = new ArchiveClustering(opts)
  clustering.add(articles)
  return clustering.result(articles)
}

/** Told how many articles are to be clustered, then how many are done, now and then. */
export interface Progress {
  start(total: number): void
  update(done: number): void
  stop(): void
}
const PROGRESS_EVERY = 100

/**
 * The clustering of an archive as it grows: each batch of new articles is featurised and
 * clustered in publication order after everything clustered before it, so earlier events keep
 * their ids and members (unless a new article bridges two of them). Its state is kept between
 * runs (cluster/persist.ts): adding articles costs featurising and clustering those articles,
 * plus reading and writing the saved state, which grows with the archive (≈ 1.4 KB an article).
 */
export class ArchiveClustering {
  constructor(
    readonly opts: ClusterOptions = defaultClusterOptions,
    readonly features = new ArticleFeatures(),
    readonly clusterer = new EventClusterer(opts),
    /** What events are named from, of each clustered article, by id. */
    readonly items = new Map<string, NamingItem>(),
    /** The entities each original article's lead names, by id: stories are linked by them. */
    readonly mentions = new Map<string, Mentions>(),
  ) {}

  /** An article's story mentions, found once when it was clustered. */
  mentionsOf(a: Article): Mentions {
    return this.mentions.get(a.id) ?? storyMentions(a)
  }

  /** Clusters the articles not clustered yet; returns how many there were. */
  add(articles: readonly Article[], progress?: Progress): number {
    const fresh = clusterOrder(articles.filter((a) => !this.items.has(a.id)))
    progress?.start(fresh.length)
    for (const [i, a] of fresh.entries()) {
      if (i % PROGRESS_EVERY === 0) progress?.update(i)
      const item = this.features.item(a)
      this.items.set(a.id, { vector: item.vector, publishedAt: item.publishedAt, dateHint: item.dateHint, incidentDate: item.incidentDate })
      if (!a.duplicateOf) this.mentions.set(a.id, storyMentions(a))
      this.clusterer.add(item)
    }
    progress?.stop()
    return fresh.length
  }

  /** The events, described with the articles (every clustered one must be among them). */
  result(articles: readonly Article[]): ClusterResult {
    const byId = new Map(articles.map((a) => [a.id as string, a]))
    return { events: this.clusterer.events.map((e) => describe(e, byId, this.items)), assignments: this.clusterer.assignments }
  }
}

// Headlines whose centrality is within this share of the most central one are equally good names.
const NAME_CENTRALITY_SHARE = 0.8

/** The part of an article's features that names its event (kept for every article, so small). */
type NamingItem = Pick<ClusterItem, 'vector' | 'publishedAt' | 'dateHint' | 'incidentDate'>

function describe(e: EventCluster, byId: Map<string, Article>, items: Map<string, NamingItem>): ClusteredEvent {
  const members = e.articleIds.map((id) => byId.get(id)!)
  const keywords = [...e.centroid.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t]) => t)
  const originals = members.filter((a) => !a.duplicateOf)
  const named = originals.length ? originals : members
  const incident = mostCommon(named.map((a) => items.get(a.id)?.incidentDate))
  // The event is named by the headline of a central original article: among those nearly as
  // central as the most central, one written on or after the incident day (a preview written
  // before a summit names what was expected, not what happened), then the most central.
  const ranked = named
    .map((a) => ({ a, score: [...items.get(a.id)!.vector].reduce((s, [t, w]) => s + w * (e.centroid.get(t) ?? 0), 0), after: isOnOrAfter(items.get(a.id)!, incident) }))
    .sort((x, y) => y.score - x.score)
  const close = ranked.filter((r) => r.score >= NAME_CENTRALITY_SHARE * ranked[0].score)
  const central = (close.find((r) => r.after) ?? ranked[0]).a
  return {
    id: e.id,
    title: central.title,
    start: e.start,
    end: e.end,
    articleIds: e.articleIds,
    outlets: [...new Set(originals.map((a) => a.outletId))].sort(),
    keywords,
    ...(incident ? { incidentDate: incident } : {}),
  }
}

/** Was the report written on or after the incident day (or is there no way to tell)? */
function isOnOrAfter(item: NamingItem, incident: string | undefined): boolean {
  const written = (item.dateHint ?? item.publishedAt)?.slice(0, 10)
  return !incident || !written || written >= incident
}

/** The value given most often (the earliest of a tie), ignoring missing ones. */
function mostCommon(values: ReadonlyArray<string | undefined>): string | undefined {
  const counts = new Map<string, number>()
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0]
}
