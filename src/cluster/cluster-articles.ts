import type { Article } from '../article.js'
import { EventClusterer, defaultClusterOptions, type Assignment, type ClusterItem, type ClusterOptions, type EventCluster } from './events.js'
import { foldText } from '../normalize/fold.js'
import { ArticleFeatures, clusterOrder, type FeatureInput } from './features.js'
import { anchorEntities, anchorMask, centralEntities, storyMentions, type Mentions } from './stories.js'

export interface ClusteredEvent {
  readonly id: string
  readonly title: string
  readonly start?: string
  readonly end?: string
  readonly articleIds: readonly string[]
  /** How many of `articleIds` are copies of another article (counted once, with it). */
  readonly copies: number
  /** The outlets of `articleIds`, copies' too. */
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
export function clusterArticles(articles: readonly ClusterInput[], opts: ClusterOptions = defaultClusterOptions): ClusterResult {
  const clustering = new ArchiveClustering(opts)
  clustering.add(articles)
  return clustering.result()
}

/** Told how many articles are to be clustered, then how many are done, now and then. */
export interface Progress {
  start(total: number): void
  update(done: number): void
  stop(): void
}
const PROGRESS_EVERY = 100

/**
 * What the clustering keeps of each clustered article: what names its event and what its
 * event brings to a story, so that describing an event or linking stories never reads articles.
 */
export interface Member extends Pick<ClusterItem, 'vector' | 'publishedAt' | 'dateHint' | 'incidentDate'> {
  readonly title: string
  readonly outletId: string
  /** A copy of another stored article (`Article.duplicateOf`). */
  readonly copy: boolean
  /** The entities an original's lead names (`storyMentions`). */
  readonly mentions?: Mentions
}

/** What clustering reads of an article (a full `Article` will do; `folded` is computed when missing). */
export type ClusterInput = FeatureInput & Pick<Article, 'outletId'>

/** An article featurised in clustering order, not yet given to the clusterer: it holds no text. */
export interface Featurised {
  readonly article: Pick<ClusterInput, 'id' | 'title' | 'outletId' | 'duplicateOf'>
  readonly item: ClusterItem
  /** The entities an original's lead names (`storyMentions`). */
  readonly mentions?: Mentions
}

/**
 * The clustering of an archive as it grows: each batch of new articles is featurised and
 * clustered in publication order after everything clustered before it, so earlier events keep
 * their ids and members (unless a new article bridges two of them). Its state is kept between
 * runs in parts (cluster/persist.ts): a batch loads only the events it can meet, and writes
 * back only those it changed.
 */
export class ArchiveClustering {
  constructor(
    readonly opts: ClusterOptions = defaultClusterOptions,
    readonly features = new ArticleFeatures(),
    readonly clusterer = new EventClusterer(opts),
    /** Each clustered article of the loaded events, by id. */
    readonly items = new Map<string, Member>(),
  ) {}

  /** Clusters the articles not clustered yet; returns how many there were. */
  add(articles: readonly ClusterInput[], progress?: Progress): number {
    const fresh = clusterOrder(articles.filter((a) => !this.items.has(a.id)))
    progress?.start(fresh.length)
    for (const [i, a] of fresh.entries()) {
      if (i % PROGRESS_EVERY === 0) progress?.update(i)
      this.place(this.featured(a))
    }
    progress?.stop()
    return fresh.length
  }

  /**
   * The first half of `add`, for a clustering whose events are loaded on demand: features of
   * new articles in clustering order. Features depend only on the articles before, never on
   * events, so which events the batch can meet is known before any is placed. What is
   * returned holds no text: a batch's texts can be let go as it is featurised.
   */
  featurise(fresh: readonly ClusterInput[], progress?: Progress): Featurised[] {
    // Each text is folded once, for its place in the order and its features (a batch's folded
    // texts are as large as its texts, which are held anyway).
    const folded = new Map(fresh.map((a) => [a, a.folded ?? foldText(a.text)]))
    const ordered = clusterOrder(fresh, (a) => folded.get(a)!)
    progress?.start(ordered.length)
    const out = ordered.map((a, i) => {
      if (i % PROGRESS_EVERY === 0) progress?.update(i)
      return this.featured(a, folded.get(a))
    })
    progress?.stop()
    return out
  }

  // The whole text is folded once (here, or by `featurise`) for the features and the story mentions, and not kept.
  // A digest of unrelated items names many people and bodies that no one story is about: its
  // event (it stands alone) is linked into none.
  private featured(a: ClusterInput, folded = a.folded ?? foldText(a.text)): Featurised {
    const item = this.features.item(a, folded)
    return {
      article: { id: a.id, title: a.title, outletId: a.outletId, ...(a.duplicateOf ? { duplicateOf: a.duplicateOf } : {}) },
      item,
      ...(a.duplicateOf || item.digest ? {} : { mentions: storyMentions({ folded, foldedTitle: foldText(a.title) }) }),
    }
  }

  /** The second half of `add`: places featurised articles, in their order. */
  cluster(batch: readonly Featurised[]): void {
    for (const f of batch) this.place(f)
  }

  /**
   * `cluster` for a clustering whose events are loaded on demand: before each article is
   * placed, the events it will be compared with and that are not loaded yet are loaded. Which
   * those are depends on the articles placed before it (the index grows, events merge), so it
   * is asked each time rather than guessed for the batch.
   */
  async clusterLoading(batch: readonly Featurised[], load: (events: readonly number[]) => Promise<void>): Promise<void> {
    for (const f of batch) {
      // One candidate search per article: the one that finds what to load also places it.
      const candidates = this.clusterer.candidatesFor(f.item)
      const missing = candidates.filter((idx) => !this.clusterer.isLoaded(idx))
      if (missing.length) await load(missing)
      this.place(f, candidates)
    }
  }

  private place({ article: a, item, mentions }: Featurised, candidates?: readonly number[]): void {
    this.items.set(a.id, {
      vector: item.vector,
      publishedAt: item.publishedAt,
      dateHint: item.dateHint,
      incidentDate: item.incidentDate,
      title: a.title,
      outletId: a.outletId,
      copy: a.duplicateOf !== undefined,
      ...(mentions ? { mentions } : {}),
    })
    this.clusterer.add(item, candidates)
  }

  /** The loaded events, described. */
  result(): ClusterResult {
    return { events: this.clusterer.events.map((e) => this.describe(e)), assignments: this.clusterer.assignments }
  }

  describe(e: EventCluster): ClusteredEvent {
    return describe(e, this.items)
  }

  /** The people, organisations and works an event's original reports name most, and those of them it is about: what links it into stories. */
  centralOf(e: EventCluster): { central: Map<string, string>; anchors: number } {
    const originals = e.articleIds.map((id) => this.items.get(id)!).filter((m) => !m.copy).map((m) => m.mentions ?? [])
    const central = centralEntities(originals)
    return { central, anchors: anchorMask(central, anchorEntities(originals, central)) }
  }
}

// Headlines whose centrality is within this share of the most central one are equally good names.
const NAME_CENTRALITY_SHARE = 0.8

// A column's label opening a headline (【圣城传声筒】, 【时事解析】), or a headline that asks.
const COLUMN_OR_QUESTION = /^\s*[【\[]|[？?]\s*$/u

/**
 * A headline as an event's name: without a video's trailing hashtags (…#隔离#疫情#广州) or the
 * Markdown emphasis an archive kept around it (_比预期更糟糕_).
 */
export function plainTitle(title: string): string {
  const bare = title.replace(/(?:\s*#[^\s#]+)+\s*$/u, '').replace(/^([_*]{1,2})(.+)\1$/u, '$2').trim()
  return bare || title
}

function describe(e: EventCluster, items: ReadonlyMap<string, Member>): ClusteredEvent {
  const members = e.articleIds.map((id) => ({ id, ...items.get(id)! }))
  const keywords = [...e.centroid.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t]) => t)
  const originals = members.filter((a) => !a.copy)
  const named = originals.length ? originals : members
  const incident = mostCommon(named.map((a) => a.incidentDate))
  // The event is named by the headline of a central original article: among those nearly as
  // central as the most central, one written on or after the incident day (a preview written
  // before a summit names what was expected, not what happened), then the most central.
  const ranked = named
    .map((a) => ({ a, score: [...a.vector].reduce((s, [t, w]) => s + w * (e.centroid.get(t) ?? 0), 0), after: isOnOrAfter(a, incident) }))
    .sort((x, y) => y.score - x.score)
  // …and of those, one that reads as a report: not a column's (【圣城传声筒】…) nor a question.
  const close = ranked.filter((r) => r.score >= NAME_CENTRALITY_SHARE * ranked[0].score)
  const central = (close.find((r) => r.after && !COLUMN_OR_QUESTION.test(r.a.title)) ?? close.find((r) => r.after) ?? ranked[0]).a
  return {
    id: e.id,
    title: plainTitle(central.title),
    start: e.start,
    end: e.end,
    articleIds: e.articleIds,
    copies: members.length - originals.length,
    // Every outlet that published one of its articles, copies too: an outlet whose article the
    // archive stored second (a wire report after another outlet's repost of it) covered the event.
    outlets: [...new Set(members.map((a) => a.outletId))].sort(),
    keywords,
    ...(incident ? { incidentDate: incident } : {}),
  }
}

/** Was the report written on or after the incident day (or is there no way to tell)? */
function isOnOrAfter(item: Member, incident: string | undefined): boolean {
  const written = (item.dateHint ?? item.publishedAt)?.slice(0, 10)
  return !incident || !written || written >= incident
}

/** The value given most often (the earliest of a tie), ignoring missing ones. */
function mostCommon(values: ReadonlyArray<string | undefined>): string | undefined {
  const counts = new Map<string, number>()
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0]
}
