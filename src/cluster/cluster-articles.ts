import type { Article } from '../article.js'
import { EventClusterer, defaultClusterOptions, type Assignment, type ClusterItem, type ClusterOptions, type EventCluster } from './events.js'
import { ArticleFeatures, clusterOrder } from './features.js'

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
  const ordered = clusterOrder(articles)
  const features = new ArticleFeatures()
  const clusterer = new EventClusterer(opts)
  const items = new Map<string, ClusterItem>()
  for (const a of ordered) {
    const item = features.item(a)
    items.set(a.id, item)
    clusterer.add(item)
  }
  const byId = new Map(articles.map((a) => [a.id as string, a]))
  return { events: clusterer.events.map((e) => describe(e, byId, items)), assignments: clusterer.assignments }
}

// Headlines whose centrality is within this share of the most central one are equally good names.
const NAME_CENTRALITY_SHARE = 0.8

function describe(e: EventCluster, byId: Map<string, Article>, items: Map<string, ClusterItem>): ClusteredEvent {
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
function isOnOrAfter(item: ClusterItem, incident: string | undefined): boolean {
  const written = (item.dateHint ?? item.publishedAt)?.slice(0, 10)
  return !incident || !written || written >= incident
}

/** The value given most often (the earliest of a tie), ignoring missing ones. */
function mostCommon(values: ReadonlyArray<string | undefined>): string | undefined {
  const counts = new Map<string, number>()
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0]
}
