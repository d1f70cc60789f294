import type { Article } from '../article.js'
import type { OutletMeta } from '../compare/compare.js'
import { loadRegistry } from '../outlets/registry.js'
import type { Store } from '../store/store.js'
import { clusterArticles, type ClusteredEvent } from './cluster-articles.js'
import type { Assignment } from './events.js'
import { buildStories, type Story } from './stories.js'

/** Events and stories of every stored article, computed together: what `events` and `serve` read. */
export interface ClusterSnapshot {
  readonly articles: readonly Article[]
  readonly byId: ReadonlyMap<string, Article>
  readonly events: readonly ClusteredEvent[]
  readonly assignments: ReadonlyMap<string, Assignment>
  readonly stories: readonly Story[]
  readonly storyOf: ReadonlyMap<string, string>
}

// Events and stories are computed from the stored articles (not yet persisted): ids are
// stable for a given archive but change when articles are added before them.
export async function clusterStore(store: Store): Promise<ClusterSnapshot> {
  const articles: Article[] = []
  for await (const a of store.articles({ includeDuplicates: true })) articles.push(a)
  const clustered = clusterArticles(articles)
  const byId = new Map(articles.map((a) => [a.id as string, a]))
  const stories = buildStories(clustered.events, byId)
  const storyOf = new Map(stories.flatMap((s) => s.eventIds.map((e) => [e, s.id] as const)))
  return { articles, byId, ...clustered, stories, storyOf }
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
