import { fail, ok, type Article, type ArticleId, type Draft, type FormatName, type Outcome, type RawInput } from './article.js'
import { cleanHtml } from './clean/index.js'
import { defaultRules, type CleanRules } from './clean/rules.js'
import { findDuplicate, needsText, type Candidate } from './dedupe/decide.js'
import { matchText, sketch, textHash, titleKey } from './dedupe/minhash.js'
import { decodeEntities } from './clean/dom.js'
import { decodeBytes } from './ingest/decode.js'
import { parseAny } from './ingest/formats/index.js'
import { parseJsonlArticle } from './ingest/formats/jsonl.js'
import { canonicalUrl } from './normalize/canonical-url.js'
import { bylineDate, chooseDate, datelineDate, splitDateline } from './normalize/dates.js'
import { headlineOf, withoutSiteName } from './normalize/headline.js'
import { foldText } from './normalize/fold.js'
import { detectLang } from './normalize/lang.js'
import { indexTerms } from './analyze/index-terms.js'
import { resolveOutlet, viaOf } from './normalize/outlet.js'
import { sha256Hex } from './text/sha256.js'
import type { Registry } from './outlets/registry.js'
import type { Store } from './store/store.js'

export interface PipelineOptions {
  readonly registry: Registry
  readonly forcedFormat?: FormatName
  readonly cleanRules?: CleanRules
  readonly maxBytes?: number
  /**
   * Leave out the search terms (`terms`), the costliest stage and the only one that needs the
   * jieba dictionary: under `ingest --jobs N` the writer thread parses without it and a worker,
   * which holds a dictionary anyway, segments for it (see ingest/parse-pool.ts).
   */
  readonly withoutTerms?: boolean
}

// Fewer letters than this after cleaning is a stub, a caption-only post or an empty shell…
const MIN_TEXT_CHARS = 20
// …unless its headline says this much: a video or picture post whose page carries no prose is
// still a report, and an outlet that ran one did not leave its event out. Its headline becomes
// its text (`isHeadlineOnly`), so it is found, deduplicated and clustered by what it says.
// Shorter headlines ("test", "新年快樂！", a site's farewell page) stay stubs.
const MIN_HEADLINE_LETTERS = 10
// An article is prose; a page that is mostly link text is an index or a navigation page.
const MAX_LINK_SHARE = 0.6

/** A known outlet's name or alias ("RFI", "法国国际广播电台"), or a known outlet's domain. */
function isSiteName(part: string, registry: Registry): boolean {
  return registry.byName(part) !== undefined || (DOMAIN_LIKE.test(part) && registry.byDomain(part) !== undefined)
}
const DOMAIN_LIKE = /^[\w-]+(?:\.[\w-]+)+$/

export const articleIdOf = (sha256: string, locator: string): ArticleId =>
  sha256Hex(`${sha256}\n${locator}`).slice(0, 16) as ArticleId

export function rawInput(bytes: Uint8Array, locator: string, kind: RawInput['kind'], extra: Partial<RawInput> = {}): RawInput {
  return { locator, bytes, kind, sha256: sha256Hex(bytes), ...extra }
}

/** Pure: bytes → article (not yet checked against the store for copies), or the problem. */
export function runStages(raw: RawInput, opts: PipelineOptions): Outcome<Article> {
  if (raw.unreadable) return fail('source/unreadable', 'source', `cannot read the file: ${raw.unreadable}`, raw.locator)
  const decoded = decodeBytes(raw.bytes, { locator: raw.locator, contentType: raw.contentType, maxBytes: opts.maxBytes })
  if (!decoded.ok) return decoded
  const input = { text: decoded.value.text, locator: raw.locator, contentType: raw.contentType, bytes: raw.bytes }
  const draft = raw.kind === 'jsonl' ? parseJsonlArticle(input) : parseAny(input, opts.forcedFormat)
  if (!draft.ok) return draft
  return buildArticle(raw, draft.value, opts)
}

function buildArticle(raw: RawInput, input: Draft, opts: PipelineOptions): Outcome<Article> {
  // Headlines copied out of web pages keep their character references (&#8220;, &amp;).
  const decoded = /&(#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(input.title) ? { ...input, title: decodeEntities(input.title) } : input
  const rules = opts.cleanRules ?? defaultRules()
  if (rules.errorPageTitles.test(decoded.title.trim()))
    return fail('content/not-article', 'clean', `"${decoded.title}" is an error or placeholder page captured instead of an article`, raw.locator)
  const draft = { ...decoded, title: withoutSiteName(decoded.title, (part) => isSiteName(part, opts.registry)) }
  const outlet = draft.preset?.outletId
    ? { id: draft.preset.outletId, name: draft.preset.outletName ?? draft.preset.outletId, known: !!opts.registry.byId(draft.preset.outletId) }
    : resolveOutlet(draft.outletHints, opts.registry)
  const { cleaned, dateline } = splitDateline(
    draft.preset ? { ...draft.preset, blocks: [], linkShare: 0 } : cleanHtml(draft.html, { rules, outletId: outlet.id, leadImage: draft.leadImage, title: draft.title }),
  )
  const letters = countLetters(cleaned.text, MIN_TEXT_CHARS)
  const headlineOnly = letters < MIN_TEXT_CHARS
  if (headlineOnly && countLetters(draft.title, MIN_HEADLINE_LETTERS) < MIN_HEADLINE_LETTERS)
    return fail('content/too-short', 'clean', `only ${letters} letters of text remain after cleaning "${draft.title}", and the headline is too short to stand for a report; a stub or a page without an article`, raw.locator)
  // A headline-only post's few letters are mostly its one link (the video): not an index page.
  if (!headlineOnly && cleaned.linkShare > MAX_LINK_SHARE)
    return fail('content/not-article', 'clean', `${Math.round(cleaned.linkShare * 100)}% of the text is links: an index or navigation page, not an article`, raw.locator)
  const title = headlineOnly ? draft.title.trim() : headlineOf(draft.title, cleaned.text)
  const text = headlineOnly ? title : cleaned.text
  const textDate = bylineDate(cleaned.text)
  const bylines = [dateline, textDate].filter((d): d is string => !!d).map((value) => ({ value, source: 'byline' as const }))
  const wire = datelineDate(cleaned.text)
  const { publishedAt, dateSource } = chooseDate([...draft.dateHints, ...bylines, ...(wire ? [{ value: wire, source: 'body' as const }] : [])])
  const folded = foldText(text)
  const compact = matchText(folded)
  const sk = sketch(compact)
  const url = draft.url
  const canonical = canonicalUrl(url)
  // A repost names its archive; an article a site mirrors (nei.st/medium/nytimes/…) names the site.
  const via = viaOf(draft) ?? ('mirror' in outlet ? outlet.mirror : undefined)
  return ok({
    id: (draft.preset?.id as ArticleId | undefined) ?? articleIdOf(raw.sha256, raw.locator),
    outletId: outlet.id,
    outletName: outlet.name,
    ...(via ? { via } : {}),
    title,
    ...(url ? { url } : {}),
    ...(canonical ? { canonicalUrl: canonical } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    dateSource,
    ...(draft.author && draft.author !== outlet.name && !opts.registry.byName(draft.author) ? { author: draft.author } : {}),
    ...(draft.section ? { section: draft.section } : {}),
    lang: draft.preset?.lang ?? detectLang(text),
    text,
    folded,
    images: cleaned.images,
    blocks: cleaned.blocks,
    provenance: { kind: raw.kind, locator: raw.locator, format: draft.format, sha256: raw.sha256 },
    fingerprint: { textHash: textHash(compact), minhash: sk.minhash, shingleCount: sk.shingleCount, titleKey: titleKey(title) },
    ...(opts.withoutTerms ? {} : { terms: indexTerms(title, folded) }),
  })
}

/** Letters and digits in text, counted up to `enough`: a long text is not scanned to the end. */
function countLetters(text: string, enough: number): number {
  const letter = /[\p{L}\p{N}]/gu
  let n = 0
  while (n < enough && letter.test(text)) n++
  return n
}

export type IngestOutcome = 'article' | 'duplicate' | 'quarantined' | 'unchanged'

/** Raw bytes are stored first; then the article, or the quarantine entry with its reason. */
/** runStages, with a thrown bug turned into a quarantine reason for this one input. */
export function runStagesSafely(raw: RawInput, opts: PipelineOptions): Outcome<Article> {
  try {
    return runStages(raw, opts)
  } catch (e) {
    // A bug in one stage must not stop a run of a million files: record it and go on.
    const detail = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e)
    return fail('internal/bug', 'pipeline', detail, raw.locator)
  }
}

export async function ingestOne(raw: RawInput, store: Store, opts: PipelineOptions): Promise<IngestOutcome> {
  if ((await store.locatorState(raw.locator, raw.sha256)) === 'done') return 'unchanged'
  return commitParsed(raw, runStagesSafely(raw, opts), store, opts)
}

/** Raw bytes are stored first; then the article, or the quarantine entry with its reason. */
export async function commitParsed(raw: RawInput, result: Outcome<Article>, store: Store, opts: PipelineOptions): Promise<IngestOutcome> {
  await store.putRaw(raw)
  if (!result.ok) {
    await store.quarantine(raw, result.problem)
    return 'quarantined'
  }
  return storeArticle(result.value, store, opts)
}

/**
 * An article imported under the id it was exported with (JSONL) keeps it unless the store holds
 * that id already: for the same text, it is that article again (`stored`); for another text, it
 * takes the id its own bytes and place give, and nothing is lost.
 */
async function withFreeId(a: Article, store: Store): Promise<{ article: Article; stored: boolean }> {
  const derived = articleIdOf(a.provenance.sha256, a.provenance.locator)
  if (a.id === derived) return { article: a, stored: false }
  const held = await store.article(a.id)
  if (!held) return { article: a, stored: false }
  return held.fingerprint.textHash === a.fingerprint.textHash ? { article: a, stored: true } : { article: { ...a, id: derived }, stored: false }
}

/** The candidates, with the folded text of those the decision needs it of (`needsText`: few). */
async function withTexts(article: Article, candidates: readonly Candidate[], store: Store): Promise<Candidate[]> {
  return Promise.all(
    candidates.map(async (c) => {
      if (!needsText(article, c)) return c
      // Its text alone: a template many archived posts share brings up to hundreds of candidates
      // an article, and a whole row each (blocks, images) made ingest quadratic in their number.
      const text = await store.articleText(c.id)
      return text === undefined ? c : { ...c, folded: foldText(text) }
    }),
  )
}

/** Links a copy to the article it copies (counted once downstream), then stores it. */
export async function storeArticle(given: Article, store: Store, opts: PipelineOptions): Promise<IngestOutcome> {
  const { article, stored } = await withFreeId(given, store)
  // The same article again under its own id: only this new place of it is recorded.
  if (stored) return (await store.upsertArticle(article), 'unchanged')
  const dup = article.duplicateOf ? undefined : findDuplicate(article, await withTexts(article, await store.duplicateCandidates(article), store))
  const final: Article = dup && dup.of !== article.id ? { ...article, duplicateOf: dup.of as ArticleId, duplicateReason: dup.reason } : article
  await store.ensureOutlet({ id: final.outletId, name: final.outletName, known: opts.registry.byId(final.outletId) !== undefined })
  await store.upsertArticle(final)
  return final.duplicateOf ? 'duplicate' : 'article'
}
