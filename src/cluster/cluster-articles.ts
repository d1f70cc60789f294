import type { Article } from '../article.js'
import type { TermVector } from '../analyze/keywords.js'
import { EventClusterer, defaultClusterOptions, type Assignment, type ClusterOptions, type EventCluster } from './events.js'
import { ArticleFeatures } from './features.js'

export interface ClusteredEvent {
  readonly id: string
  readonly title: string
  readonly start?: string
  readonly end?: string
  readonly articleIds: readonly string[]
  readonly outlets: readonly string[]
  readonly keywords: readonly string[]
}

export interface ClusterResult {
  readonly events: readonly ClusteredEvent[]
  readonly assignments: ReadonlyMap<string, Assignment>
}

/**
 * Replays articles in publication order through the online clusterer, updating the
 * archive's word statistics as each arrives (exactly what ingestion-time clustering sees).
 */
export function clusterArticles(articles: readonly Article[], opts: ClusterOptions = defaultClusterOptions): ClusterResult {
  const ordered = [...articles].sort((a, b) => (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999') || a.id.localeCompare(b.id))
  const features = new ArticleFeatures()
  const clusterer = new EventClusterer(opts)
  const vectors = new Map<string, TermVector>()
  for (const a of ordered) {
    const item = features.item(a)
    vectors.set(a.id, item.vector)
    clusterer.add(item)
  }
  const byId = new Map(articles.map((a) => [a.id as string, a]))
  return { events: clusterer.events.map((e) => describe(e, byId, vectors)), assignments: clusterer.assignments }
}

function describe(e: EventCluster, byId: Map<string, Article>, vectors: Map<string, TermVector>): ClusteredEvent {
  const members = e.articleIds.map((id) => byId.get(id)!)
  const keywords = [...e.centroid.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t]) => t)
  // The event is named by the headline of its most central original article.
  const originals = members.filter((a) => !a.duplicateOf)
  const central = (originals.length ? originals : members)
    .map((a) => ({ a, score: [...vectors.get(a.id)!].reduce((s, [t, w]) => s + w * (e.centroid.get(t) ?? 0), 0) }))
    .sort((x, y) => y.score - x.score)[0].a
  return {
    id: e.id,
    title: central.title,
    start: e.start,
    end: e.end,
    articleIds: e.articleIds,
    outlets: [...new Set(originals.map((a) => a.outletId))].sort(),
    keywords,
  }
}
