// The records every stage shares. A raw input becomes a Draft (format), a Cleaned body
// (clean), then an Article (normalize + fingerprint). Stages are pure functions over these.

export type ArticleId = string & { readonly brand: 'ArticleId' }

export type SourceKind = 'file' | 'jsonl' | 'feed' | 'url'

/** Bytes as they arrived, with where they came from. Stored before anything can fail. */
export interface RawInput {
  readonly locator: string // path, path#line, or URL
  readonly bytes: Uint8Array
  readonly sha256: string
  readonly kind: SourceKind
  readonly contentType?: string
  readonly url?: string
  /** Set when the bytes could not be read at all (permissions, I/O error): why. */
  readonly unreadable?: string
}

export type FormatName = 'hexo' | 'jekyll' | 'gh-markdown' | 'markdown' | 'html' | 'jsonl'

/** The formats a file can be forced to (`ingest --format`), in detection order (ingest/formats/index.ts). */
export const fileFormatNames = ['jekyll', 'hexo', 'gh-markdown', 'html', 'markdown'] as const satisfies readonly FormatName[]

export type DateSource =
  | 'front-matter'
  | 'epoch-comment'
  | 'byline'
  | 'url'
  | 'path'
  | 'image-path'
  | 'body'
  | 'html-meta'
  | 'feed'
  | 'jsonl'
  /** None of its own: estimated from the dates of the articles its site numbered next to it (ingest/sequence-dates.ts). */
  | 'sequence'
  | 'none'

export interface DateHint {
  readonly value: string
  readonly source: DateSource
}

/** Evidence of who published an article; resolved against the outlet registry. */
export interface OutletHint {
  readonly kind: 'category' | 'author' | 'from-url' | 'repost' | 'path' | 'url' | 'meta' | 'jsonl'
  readonly value: string
}

export interface Image {
  readonly src: string
  readonly caption?: string
}

/** What a format understood of the bytes: metadata hints and a body as HTML. */
export interface Draft {
  readonly format: FormatName
  readonly title: string
  readonly html: string
  readonly dateHints: readonly DateHint[]
  readonly outletHints: readonly OutletHint[]
  readonly author?: string
  readonly url?: string
  readonly section?: string
  readonly tags?: readonly string[]
  readonly leadImage?: string
  /** A repost: the archive that copied the article (its outlet hint) and where it says it came from. */
  readonly repost?: { readonly archive?: string; readonly originalUrl?: string; readonly originalOutlet?: string }
  /** JSONL interchange carries finished text; cleaning is skipped for it. */
  readonly preset?: { text: string; images: readonly Image[]; outletId?: string; outletName?: string; lang?: Lang; duplicateOf?: string; /** The id it was exported under, kept so that citations of it survive a re-import. */ id?: string }
}

export type BlockType = 'p' | 'h' | 'quote' | 'li' | 'figure' | 'pre'

/** Sanitized display structure: plain text only, never HTML. */
export interface Block {
  readonly type: BlockType
  readonly text?: string
  readonly src?: string
  readonly caption?: string
}

export interface Cleaned {
  readonly text: string // paragraphs separated by blank lines
  readonly linkShare: number // share of the page's text inside links, before boilerplate removal
  readonly images: readonly Image[]
  readonly blocks: readonly Block[]
}

export type Lang = 'zh-Hans' | 'zh-Hant' | 'en' | 'other'

export interface Provenance {
  readonly kind: SourceKind
  readonly locator: string
  readonly format: FormatName
  readonly sha256: string
}

export interface Fingerprint {
  readonly textHash: string // sha256 of folded text without spaces/punctuation
  readonly minhash: Uint32Array // one-permutation MinHash over folded character shingles
  readonly shingleCount: number
  readonly titleKey: string // folded title, used only to find candidates
}

export interface Article {
  readonly id: ArticleId
  readonly outletId: string
  readonly outletName: string
  readonly via?: { readonly outlet: string; readonly url?: string }
  readonly title: string
  readonly url?: string
  readonly canonicalUrl?: string
  readonly publishedAt?: string
  readonly dateSource: DateSource
  readonly author?: string
  readonly section?: string
  readonly lang: Lang
  readonly text: string // as published: Traditional stays Traditional
  readonly folded: string // Simplified, NFKC, width-normalized: for matching only
  readonly images: readonly Image[]
  readonly blocks: readonly Block[]
  readonly provenance: Provenance
  readonly fingerprint: Fingerprint
  readonly duplicateOf?: ArticleId
  readonly duplicateReason?: string
  /** Search terms (segmented folded title and text), computed by the parsing worker. */
  readonly terms?: IndexTerms
}

/**
 * A report that is only its headline (a video or picture post whose page has no prose): the
 * pipeline gives it the headline as its text, so it is searched, deduplicated and clustered by
 * it. Readers show it as headline-only; comparisons do not take its headline for a claim it
 * carries in full.
 */
export const isHeadlineOnly = (a: Pick<Article, 'title' | 'text'>): boolean => a.text === a.title

/**
 * An article without its text, blocks, images and fingerprint: what lists, indexes and the
 * server's view need, at a small part of the memory (`Store.articleMetas`).
 */
export type ArticleMeta = Omit<Article, 'text' | 'folded' | 'blocks' | 'images' | 'terms' | 'fingerprint'>

/**
 * An article as clustering reads it: metadata, text and images, without the blocks, the
 * fingerprint or the folded text (folded where it is used, one article at a time, rather than
 * held for a whole batch).
 */
export type ArticleText = ArticleMeta & Pick<Article, 'text' | 'images'>

export interface IndexTerms {
  readonly title: string // space-separated words
  readonly body: string
  readonly extra: string // sub-words of long words
}

export type ProblemCode =
  | 'decode/empty'
  | 'decode/binary'
  | 'decode/too-large'
  | 'decode/unknown-encoding'
  | 'format/unknown'
  | 'format/bad-front-matter'
  | 'format/unclosed-front-matter'
  | 'format/missing-title'
  | 'format/no-body'
  | 'format/bad-json'
  | 'content/not-article'
  | 'content/too-short'
  | 'source/unreadable'
  | 'internal/bug'

export interface Problem {
  readonly code: ProblemCode
  readonly stage: string
  readonly detail: string // what was wrong, in words a user can act on
  readonly locator: string
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem }

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value })
export const fail = (code: ProblemCode, stage: string, detail: string, locator: string): Outcome<never> => ({
  ok: false,
  problem: { code, stage, detail, locator },
})
