import type { Article, ArticleId, ArticleMeta, ArticleText, DateSource, Problem, RawInput } from '../article.js'
import type { Candidate } from '../dedupe/decide.js'

export interface ArticleQuery {
  readonly outletId?: string
  readonly since?: string // ISO date, inclusive
  readonly until?: string // ISO date, inclusive
  readonly includeDuplicates?: boolean
  readonly limit?: number
}

export interface SearchHit {
  readonly id: ArticleId
  readonly title: string
  readonly outletId: string
  readonly outletName: string
  readonly publishedAt?: string
  readonly snippet: string
  readonly score: number
}

export interface QuarantineEntry {
  readonly locator: string
  readonly code: string
  readonly stage: string
  readonly detail: string
  readonly at: string
  readonly sha256: string
}

export interface OutletRow {
  readonly id: string
  readonly name: string
  readonly known: boolean
  readonly articles: number
}

export interface StoreStats {
  readonly raw: number
  readonly articles: number
  readonly duplicates: number
  readonly quarantined: number
  readonly outlets: number
}

/**
 * What the store already knows of a locator: lets a re-run skip finished work. An input with
 * the same bytes that was quarantined is `quarantined`, not `done`: it is parsed again, since
 * what failed may pass now (`--max-mb` raised, `--format` dropped, a parser mended).
 */
export type LocatorState = 'new' | 'done' | 'quarantined' | 'changed'

export interface Store {
  readonly capabilities: { readonly concurrentWriters: boolean; readonly fullTextSearch: 'fts5' | 'tsvector' }
  locatorState(locator: string, sha256: string): Promise<LocatorState>
  putRaw(raw: RawInput): Promise<void>
  upsertArticle(a: Article): Promise<ArticleId>
  quarantine(raw: RawInput, p: Problem): Promise<void>
  ensureOutlet(o: { id: string; name: string; known: boolean }): Promise<void>
  article(id: string): Promise<Article | undefined>
  /** An article's text alone (what the duplicate decision reads of a candidate): no row made of the rest. */
  articleText(id: string): Promise<string | undefined>
  articles(q: ArticleQuery): AsyncIterable<Article>
  /** The same articles in the same order, metadata only: no text is read. */
  articleMetas(q: ArticleQuery): AsyncIterable<ArticleMeta>
  /** The same articles in the same order, with their text and images but not their blocks or fingerprint: what clustering reads. */
  articleTexts(q: ArticleQuery): AsyncIterable<ArticleText>
  copiesOf(id: string): Promise<Article[]>
  duplicateCandidates(a: Pick<Article, 'fingerprint' | 'canonicalUrl'>): Promise<Candidate[]>
  search(query: string, opts?: { limit?: number }): Promise<SearchHit[]>
  outlets(): Promise<OutletRow[]>
  quarantined(): AsyncIterable<QuarantineEntry>
  stats(): Promise<StoreStats>
  /** Changes whenever an article is added, replaced or linked: what derived results are keyed by. */
  articlesVersion(): Promise<string>
  /** A derived result stored under `key`, if one was computed from articles at `version`. */
  cached(key: string, version: string): Promise<string | undefined>
  putCached(key: string, version: string, body: string): Promise<void>
  /** State a derived computation keeps between runs (bytes), with the version it was saved at. */
  savedState(key: string): Promise<{ readonly version: string; readonly body: Uint8Array } | undefined>
  saveState(key: string, version: string, body: Uint8Array): Promise<void>
  /**
   * Parts of a state kept beside its body, by name, so that a run reads and rewrites only
   * those it needs; names not stored are left out of the answer.
   */
  stateParts(key: string, names: Iterable<string>): Promise<Map<string, Uint8Array>>
  /** Every part of a state whose name starts with `prefix`. */
  allStateParts(key: string, prefix: string): AsyncIterable<readonly [string, Uint8Array]>
  /**
   * Saves a state's body and its changed parts together (an undefined part is deleted);
   * `replace` drops every other part of the state first (a state computed afresh).
   */
  saveStateParts(key: string, version: string, body: Uint8Array, parts: ReadonlyMap<string, Uint8Array | undefined>, replace: boolean): Promise<void>
  /**
   * Stored articles (copies too) with no part named `prefix` + their id in the state: those it
   * has not taken in yet. `after`, an `articlesEnd` taken before an earlier read whose articles
   * the state has all taken in, spares looking at those again.
   */
  articlesWithoutPart(key: string, prefix: string, after?: number): AsyncIterable<ArticleText>
  /**
   * Where the stored articles end now: every article stored later comes after it. Articles are
   * stored in order and never removed, so nothing stored by then can come after it later.
   */
  articlesEnd(): Promise<number>
  /**
   * Articles (copies too) stored after `after` and up to `upTo` (`articlesEnd`s) that have a URL,
   * with their date and where it came from: what dating by a site's numbering reads
   * (ingest/sequence-dates.ts).
   */
  urlDates(after: number, upTo: number): AsyncIterable<{ readonly id: string; readonly url: string; readonly publishedAt?: string; readonly dateSource: DateSource }>
  /** Dates estimated for articles dated roughly or not at all (YYYY-MM-DD by id), stored with `dateSource` 'sequence'. */
  setSequenceDates(dates: ReadonlyMap<string, string>): Promise<void>
  /** How many parts named `prefix` + an article id the state holds for articles no longer stored. */
  partsWithoutArticle(key: string, prefix: string): Promise<number>
  /**
   * How many articles have been taken out of the store, or given another id, since it was
   * made, by any means (the database counts them itself). While it stays the same, every
   * article stored when it was read is still stored under its id: what a saved state that
   * recorded it need not check one by one (`partsWithoutArticle`).
   */
  articlesRemoved(): Promise<number>
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>
  close(): Promise<void>
}
