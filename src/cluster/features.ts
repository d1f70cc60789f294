import { CorpusStats, RecentStats, dateNames, foldedArticleWords, keywordVector, pairKey, type TermVector, type WeightedWords } from '../analyze/keywords.js'
import { findEntities } from '../analyze/entities.js'
import { nameWords, segment, segmentNaming } from '../analyze/segment.js'
import { splitSentences } from '../analyze/sentences.js'
import { findTimeExprs, incidentDate, type TimeExpr } from '../analyze/time-expr.js'
import { withCanonicalNames } from '../analyze/user-dict.js'
import { dateFromPath } from '../normalize/dates.js'
import { foldText } from '../normalize/fold.js'
import type { ClusterItem } from './events.js'
import { summitKeys } from './meetings.js'
import { Tally } from '../analyze/tally.js'
import { RepeatedLines } from './repeated-lines.js'

/** What featurising needs of an article (a subset of `Article`). */
export interface FeatureInput {
  readonly id: string
  readonly title: string
  readonly text: string
  readonly folded?: string
  readonly publishedAt?: string
  readonly duplicateOf?: string
  /** Where `publishedAt` came from (`Article.dateSource`), and the images cleaning kept. */
  readonly dateSource?: string
  readonly images?: ReadonlyArray<{ readonly src: string }>
  readonly outletId?: string
}

// Credit lines name the people and groups who translated, edited or posted a piece, in the
// first or last lines, where they weigh as lead text: "翻译:…校对:…编辑:…", "作者:某某农场",
// "by: 【…翻译组】". The label opens the line (after at most a short prefix such as 【).
const CREDIT_LINE = /^.{0,6}?(?:作者|翻译|翻譯|校对|审校|听校|编辑|撰稿|撰写|发布|发稿|排版|审核|整理|出品|制作|编译|上传|责编|责任编辑|记者|摄影|视频|剪辑|字幕|配音|录音|听写|主播|by|page)\s*[:：]/
const MAX_CREDIT_LINE_CHARS = 160

// Headlines of a programme or column open or close with its name: "【热点播报】…",
// "路德时评简讯(视频版):…(2021.6.14早间路德社简讯之…)". A bracketed or colon-separated part
// of a headline that earlier headlines repeat names the series, not the event.
const TITLE_SEPARATOR = /[【】\[\]|:()]/
const SERIES_MIN_TITLES = 3
// A word in the series labels of this many headlines names a programme (路德, 简讯, 播报) wherever
// it appears; its hosts and formats bring it into the text of every episode.
const SERIES_WORD_MIN_TITLES = 2

// Names (people, places, organisations, and words the dictionary lacks) in the headline and
// lead tell incidents apart better than common words: 北约 vs 峰会. Measured on the labelled
// week: 1.5 helps on both label sets, 2 overshoots.
const NAME_BOOST = 1.5
const NAME_CHARS = 300

const DIGEST_SEPARATOR = /[|]|,及/
const DIGEST_ITEM_CHARS = 6
const DIGEST_MAX_ITEMS = 8
// A headline pair in more than 2% of the archive's headlines (美国, 中共, 香港) is common;
// judged only once there are enough headlines to tell.
const COMMON_SHARE = 0.02
const COMMON_MIN_TITLES = 50

/**
 * When an article's report happened as far as clustering can tell (the publication date,
 * unless it is a reused picture's or its headline names a later day; else a date its headline
 * or lead mentions). Replaying an archive in this order is what ingestion in publication
 * order would have seen.
 */
export function effectiveDate(a: FeatureInput, folded = a.folded ?? foldedLead(a.text)): string | undefined {
  const { publishedAt, dateHint } = reportDates(a, foldText(a.title), folded, false)
  return dateHint ?? publishedAt
}

/**
 * The day clustering placed a report on beside the day it was published (YYYY-MM-DD each):
 * `moved` when they differ (no publication date, a reused picture's, or a headline naming a
 * later day); `estimated` when the publication date is the site numbering's estimate
 * (ingest/sequence-dates.ts). What `jianting event`, the event page and the event API show for
 * each report.
 */
export function placement(a: FeatureInput): { placed?: string; published?: string; moved: boolean; estimated: boolean } {
  const placed = effectiveDate(a)?.slice(0, 10)
  const published = a.publishedAt?.slice(0, 10)
  return { placed, published, moved: placed !== published, estimated: a.dateSource === 'sequence' }
}

/**
 * The folded text as far as the dates of its lead go, without folding all of it: twice the lead
 * is folded, and all of it when folding that left less than the lead and a margin (a text
 * padded with blank lines or spaces, which folding takes away).
 */
function foldedLead(text: string): string {
  if (text.length <= 2 * INCIDENT_LEAD_CHARS) return foldText(text)
  const lead = foldText(text.slice(0, 2 * INCIDENT_LEAD_CHARS))
  return lead.length >= INCIDENT_LEAD_CHARS + LEAD_MARGIN_CHARS ? lead : foldText(text)
}
// Past the lead, for what folding at the cut may change (a phrase converted whole, NFKC).
const LEAD_MARGIN_CHARS = 64

/**
 * The dates clustering places an article by: its publication date (unless it is a reused
 * picture's), a date hint where that is missing or wrong (`dateHintOf`), and the day its
 * headline or lead says the incident happened.
 *
 * A date read from an image's upload folder is only a lower bound: a post can reuse a
 * picture, or a channel logo, uploaded days or weeks before. When the lead names a later
 * calendar day for its incident (6月15日, not a weekday that the wrong date would resolve),
 * the report came out no earlier than that: it is placed on that day (unless the sentence
 * speaks of the day as still to come: 将于9月1日施行).
 */
function reportDates(a: FeatureInput, foldedTitle: string, body: string, withIncident: boolean): { publishedAt?: string; dateHint?: string; incident?: string } {
  const publishedAt = isFurnitureDate(a) ? undefined : a.publishedAt
  // A date estimated from the site's numbering (ingest/sequence-dates.ts) yields to any full date
  // the headline or lead gives, as a missing date would.
  const estimated = a.dateSource === 'sequence'
  let dateHint = dateHintOf(estimated ? undefined : publishedAt, foldedTitle, body)
  // The incident (time expressions of the lead, with entity matching) only where it is asked
  // for or may move the date: effectiveDate runs for every article each time events are computed.
  const movable = !dateHint && publishedAt !== undefined && (a.dateSource === 'image-path' || estimated)
  let incident = withIncident || movable ? incidentOf(foldedTitle, body, dateHint ?? publishedAt) : undefined
  if (movable && incident && !incident.future && /[月年]/.test(incident.text) && Date.parse(incident.date) > Date.parse(publishedAt!.slice(0, 10)) + LOWER_BOUND_SLACK_DAYS * DAY_MS) {
    dateHint = incident.date
    incident = withIncident ? incidentOf(foldedTitle, body, dateHint) : undefined
  }
  return { publishedAt, dateHint, incident: incident?.date }
}
// An incident a day or two after the picture's upload is what an accurate date looks like too.
const LOWER_BOUND_SLACK_DAYS = 2

/**
 * Articles in the order to replay them through the clusterer: by `effectiveDate`, undated last.
 * `foldedOf` gives an article's folded text where the caller has folded it already.
 */
export function clusterOrder<T extends FeatureInput>(articles: readonly T[], foldedOf?: (a: T) => string): T[] {
  const keyed = articles.map((a) => [effectiveDate(a, foldedOf?.(a)) ?? '9999', a] as const)
  return keyed.sort((x, y) => x[0].localeCompare(y[0]) || x[1].id.localeCompare(y[1].id)).map(([, a]) => a)
}

/**
 * A date read from the folder of an image that cleaning dropped as furniture (a logo, a
 * series header: /uploads/2021/05/01133101/…) is when that picture was first uploaded; the
 * posts that reuse it came out weeks or months later. It cannot place the article in time, so
 * clustering treats the article as undated (its headline or lead may still date it).
 */
function isFurnitureDate(a: FeatureInput): boolean {
  if (a.dateSource !== 'image-path' || !a.publishedAt || !a.images) return false
  const day = a.publishedAt.slice(0, 10)
  return !a.images.some((i) => dateFromPath(i.src)?.iso === day)
}

/**
 * The parts of a headline that name its programme or edition, not its event: those earlier
 * headlines repeat, and those that carry a full date in brackets, "(2021.6.14早间路德社简讯之
 * 路安墨谈)", or beside the headline's main part (the longest, dates aside), "【文字版】路德时评
 * 2021.6.13晚间(…):…" — a dated label names an edition, and its hosts and slot vary too much
 * between editions to repeat word for word. The main part keeps a date outside brackets
 * ("…纪念集会 2021.06.14", "20210610今天国会山将询问…"), and a headline is never left without a part.
 */
function seriesLabels(title: string, repeated: (s: string) => boolean): Set<string> {
  // Split with the separators kept: parts at even places, each between the separators beside it.
  const pieces = title.split(TITLE_PART)
  const parts = pieces.filter((_, i) => i % 2 === 0).map((text, k) => ({ text, enclosed: OPENERS.includes(pieces[2 * k - 1]) && CLOSERS.includes(pieces[2 * k + 1]) }))
  const size = (s: string) => withoutFullDates(s).replace(/[^\p{L}\p{N}]/gu, '').length
  const main = parts.reduce((m, p) => (size(p.text) > size(m) ? p.text : m), '')
  const dated = (p: { text: string; enclosed: boolean }) => mentionedDate(p.text) !== undefined && (p.enclosed || p.text !== main)
  const labels = new Set(parts.filter((p) => repeated(p.text) || dated(p)).map((p) => p.text))
  return parts.some((p) => !labels.has(p.text) && /[\p{L}\p{N}]/u.test(p.text)) ? labels : new Set(parts.map((p) => p.text).filter(repeated))
}
const TITLE_PART = new RegExp(`(${TITLE_SEPARATOR.source})`)
const OPENERS = ['【', '[', '(']
const CLOSERS = ['】', ']', ')']

export const isCreditLine = (line: string): boolean => line.length <= MAX_CREDIT_LINE_CHARS && CREDIT_LINE.test(line)

/**
 * Turns articles into what the clusterer compares, learning the archive's statistics as
 * they arrive: word document frequencies (for IDF) and the lines its sources repeat.
 * Feed articles in the order they are ingested; each is weighed by what came before it.
 */
export class ArticleFeatures {
  readonly stats = new CorpusStats()
  private readonly lines = new RepeatedLines()
  private readonly titles = new TitleStats()
  private readonly series = new RepeatedLines(SERIES_MIN_TITLES, 2)
  private readonly seriesCounts = new Tally()
  private readonly entityStats = new CorpusStats()
  private readonly recent = new RecentStats()

  /** Packs the archive's counts for saving: flat values, quick to copy (`Tally.pack`). */
  pack(): void {
    for (const t of [this.stats, this.titles, this.seriesCounts, this.entityStats, this.recent]) t.pack()
  }

  /** `folded` is the article's folded text (`a.folded`, or `foldText(a.text)`), when the caller has it. */
  item(a: FeatureInput, folded = a.folded ?? foldText(a.text)): ClusterItem {
    const lines = folded.split('\n')
    const repeated = this.lines.sift(lines, !a.duplicateOf)
    const body = lines.filter((l, i) => !isCreditLine(l) && !repeated[i]).join('\n')
    const foldedTitle = foldText(a.title)
    const segments = foldedTitle.split(TITLE_SEPARATOR)
    const labels = seriesLabels(foldedTitle, (s) => this.series.isRepeated(s))
    const topical = segments.filter((s) => !labels.has(s))
    const title = (topical.some((s) => /[\p{L}\p{N}]/u.test(s)) ? topical : segments).join(' ')
    const series = this.seriesWordsOf([...labels])
    const { all, names } = this.wordsAndNames(title, body)
    // Built entry by entry (forEach): no array of all entries, nor one per entry, per article.
    const kept = new Map<string, number>()
    all.words.forEach((n, w) => {
      if (!series.has(w) && !this.isSeriesWord(w)) kept.set(w, n)
    })
    const words = { words: kept }
    const grams = titleGrams(title)
    const { publishedAt, dateHint, incident } = reportDates(a, foldedTitle, body, true)
    const day = dayNumber(dateHint ?? publishedAt)
    if (!a.duplicateOf) {
      if (segments.length > 1) this.series.observe(segments)
      this.stats.observe(words.words)
      if (day !== undefined) this.recent.observe(day, words.words)
      this.titles.observe(grams)
    }
    const lead = `${title}\n${body.slice(0, NAME_CHARS)}`
    const entities = this.entityVector(lead, !a.duplicateOf)
    // An undated article's week is unknown: its words are weighed as the archive weighs them.
    const burst = day === undefined ? () => 1 : this.recent.damping(day, (w) => this.stats.share(w))
    const vector = keywordVector(words, (w) => this.stats.idf(w), undefined, (w, idf) => (names.has(w) ? NAME_BOOST : 1) * burst(w, idf))
    const standing = this.isStandingTitle(foldedTitle, !a.duplicateOf, a.outletId)
    const digest = this.isEpisode(foldedTitle, !a.duplicateOf) || standing || this.isDigest(foldedTitle)
    const monthDay = publishedAt || dateHint ? undefined : headlineMonthDay(foldedTitle)
    // A picture's upload folder dates no report whose picture is a reused logo, but it is still a
    // day the report cannot precede.
    const notBefore = !publishedAt && !dateHint && a.dateSource === 'image-path' && a.publishedAt ? a.publishedAt.slice(0, 10) : undefined
    const summits = summitKeys(foldedTitle)
    return {
      id: a.id,
      publishedAt,
      dateHint,
      vector,
      title: this.titles.vector(grams),
      duplicateOf: a.duplicateOf,
      ...(incident ? { incidentDate: incident } : {}),
      ...(entities.size ? { entities } : {}),
      ...(digest ? { digest } : {}),
      ...(monthDay ? { monthDay } : {}),
      ...(notBefore ? { notBefore } : {}),
      ...(summits.length ? { summits } : {}),
      ...(a.outletId ? { outlet: a.outletId } : {}),
    }
  }

  /**
   * The article's words (`foldedArticleWords`) and the names of its headline and lead
   * (`nameWords` of the headline, a line break, and the body's first NAME_CHARS characters). The
   * headline and lead are cut once for both where the words take them as they are (no link
   * blanked out, a lead as long): jieba cuts text between line breaks by itself, so the lead's
   * cut is the headline's and the body's put together.
   */
  private wordsAndNames(title: string, body: string): { all: WeightedWords; names: Set<string> } {
    const lead = body.slice(0, NAME_CHARS)
    const names = new Set<string>()
    let named = 0
    const cut = (text: string) => {
      if (text !== title && text !== lead) return segment(text)
      named |= (text === title ? 1 : 0) | (text === lead ? 2 : 0)
      return segmentNaming(text, names)
    }
    const all = foldedArticleWords(title, body, cut)
    return { all, names: named === 3 ? names : nameWords(`${title}\n${lead}`) }
  }

  /**
   * The people, organisations and works a headline and lead name (places are left out: a
   * country or city is the setting of many incidents), by canonical name so 普丁 and Putin meet
   * 普京, weighted by how rare they are in the archive so far.
   */
  private entityVector(lead: string, observe: boolean): TermVector {
    const names = new Set(findEntities(lead).filter((m) => m.type !== 'place').map((m) => m.name))
    if (observe) this.entityStats.observe(names)
    const v = new Map<string, number>()
    for (const n of names) v.set(n, this.entityStats.localIdf(n))
    const norm = Math.hypot(...v.values()) || 1
    for (const [n, x] of v) v.set(n, x / norm)
    return v
  }

  /**
   * Words that name a programme rather than an event: those of this headline's series label
   * (路德时评 → 路德, 时评) and those seen in the series labels of many headlines, which the
   * programme's hosts and formats also bring into the text (路德：…, 简讯).
   */
  private seriesWordsOf(labels: readonly string[]): Set<string> {
    const own = new Set(labels.flatMap((l) => labelWords(l)))
    for (const w of own) this.seriesCounts.increment(w)
    return own
  }

  /**
   * Is this word part of the label of several programmes' headlines? Asked of every word of
   * every article, of which few are in any label: peeked, so the look-ups are not remembered.
   */
  isSeriesWord(word: string): boolean {
    return (this.seriesCounts.peek(word) ?? 0) >= SERIES_WORD_MIN_TITLES
  }

  /**
   * Is this the headline of a programme's episode: one that, its dates taken out, headed
   * EPISODE_MIN_EARLIER earlier articles (全文字版郭文贵先生2021年6月13日G-TV直播, 【币圈】-数字货币动态-
   * 2021.06.13, 【众新闻中国组 15/06/2021】)? It names the day's broadcast or bulletin, not an
   * incident: a digest, as a headline listing items is. A headline whose dated text differs from
   * day to day (【每日快讯】06/14/2021：G7联合声明…) is a report. Counted in the sketch of series
   * labels under a key of its own; `observe` for an original, not a copy.
   */
  isEpisode(foldedTitle: string, observe: boolean): boolean {
    const undated = EPISODE_DATES.reduce((t, re) => t.replace(re, ''), foldedTitle).replace(MONTH_DAYS, '')
    if (undated === foldedTitle) return false
    const letters = undated.replace(/[^\p{L}\p{N}]/gu, '')
    if (letters.length <= EPISODE_MIN_CHARS) return false
    const key = EPISODE_KEY + letters
    const earlier = this.series.count(key)
    if (observe) this.series.observe([key])
    return earlier >= EPISODE_MIN_EARLIER
  }

  /**
   * Is this a standing title: a headline with no date that its outlet gave STANDING_MIN_EARLIER
   * earlier originals (texts that are not copies of each other), 郭文貴先生視頻的文字版 over 18
   * transcripts of different broadcasts, 西喜时事新闻简报 — 美国时事篇 over numbered briefs? It
   * names a programme, not an incident: a digest, as an episode is. (The same headline had made
   * eight transcripts of broadcasts months apart one event; with only the headline left out of the
   * score, seven stayed one on the speaker's words.) Once before may be a re-capture or a revision
   * (the corpus's four pairs are). Keyed by the outlet: outlets that share a headline are most
   * often carrying one wire report. Counted in the sketch of series labels under a key of its own;
   * `observe` for an original. (A vlogger who gave one headline to each day's video of a lockdown
   * would lose those videos to it; no channel in the corpus does.)
   */
  isStandingTitle(foldedTitle: string, observe: boolean, outlet: string | undefined): boolean {
    if (!outlet || mentionedDate(foldedTitle) !== undefined || MONTH_DAY.test(foldedTitle)) return false
    const letters = foldedTitle.replace(/[^\p{L}\p{N}]/gu, '')
    if (letters.length <= EPISODE_MIN_CHARS) return false
    // Numbered parts of one piece (…部分（1）, （2）) are not one standing title: the sketch masks
    // digits, so they are keyed as other characters.
    const key = `${STANDING_KEY}${outlet}${STANDING_KEY}${letters.replace(/\d/g, (d) => String.fromCharCode(UNMASKED_DIGIT + Number(d)))}`
    const earlier = this.series.count(key)
    if (observe) this.series.observe([key])
    return earlier >= STANDING_MIN_EARLIER
  }

  /**
   * A headline that lists unrelated items ("X|Y" of a video news review, "解读X，及Y") heads a
   * digest: it reports no one event. No two of its items sharing an uncommon headline pair
   * (广州 in two clauses, not 美国 or 中共) tells it from a headline with several clauses about one thing.
   */
  isDigest(foldedTitle: string): boolean {
    if (isRoundup(foldedTitle)) return true
    const items = foldedTitle.split(DIGEST_SEPARATOR).filter((p) => p.replace(/[^\p{L}\p{N}]/gu, '').length >= DIGEST_ITEM_CHARS)
    if (items.length < 2) return false
    const grams = items.slice(0, DIGEST_MAX_ITEMS).map((p) => [...titleGrams(p)].filter((g) => !this.titles.isCommon(g)))
    for (let i = 0; i < grams.length; i++) for (let j = i + 1; j < grams.length; j++) if (grams[i].some((g) => grams[j].includes(g))) return false
    return true
  }
}

/**
 * `segment` of a headline's series label, remembered: a programme's label recurs on every
 * episode, and segmenting one is a native call (about a tenth of featurising an article).
 * Bounded, like the other memos of featurising. The words are the same as segmenting afresh:
 * jieba's dictionaries are loaded once and never change.
 */
function labelWords(label: string): readonly string[] {
  let words = labelMemo.get(label)
  if (!words) {
    words = segment(label)
    if (labelMemo.size >= LABEL_MEMO_MAX) labelMemo.clear()
    labelMemo.set(label, words)
  }
  return words
}
const LABEL_MEMO_MAX = 20_000
const labelMemo = new Map<string, readonly string[]>()

/**
 * A headline that names a dated roundup and nothing else ("2021年6月15日秘翻快报【头条新闻】",
 * "每日快訊", "樱花简报6月14日"): once its dates, its roundup words and a programme's short name
 * are taken out, nothing is left to name an incident. A roundup says which day or period it
 * rounds up; without that, "快讯：拜登遇刺" is one piece of breaking news. (Words that also name
 * newspapers or firms, 日报 and 头条, are not roundup words alone: 苹果日报被查 is a report.)
 */
function isRoundup(foldedTitle: string): boolean {
  const rest = foldedTitle.replace(ROUNDUP_WORDS, '')
  if (rest === foldedTitle) return false
  const undated = withoutFullDates(rest).replace(MONTH_DAYS, '')
  const periodic = PERIOD.test(foldedTitle)
  if (undated === rest && !periodic) return false
  // …the programme it is a rundown of, named in title marks, aside too (12月11日《新闻联播》节目主要内容).
  return undated.replace(PERIOD, '').replace(PROGRAMME, '').replace(/[^\p{L}]/gu, '').length <= ROUNDUP_NAME_CHARS
}
const ROUNDUP_WORDS = /快报|快讯|要闻|头条新闻|新闻摘要|简讯|简报|早报|晚报|速递|精选|合辑|汇总|节目主要内容/g
const PROGRAMME = /《[^》]{1,12}》/gu
const PERIOD = /每日|每周|今日|一周/
const ROUNDUP_NAME_CHARS = 4
// Episodes' keys in the sketch of series labels (no label holds this character).
const EPISODE_KEY = '\u0002'
// A dated headline of this many letters or fewer once undated is a roundup's (`isRoundup`), or says too little.
const EPISODE_MIN_CHARS = 4
// Twice before: one earlier headline alike may be the same report captured again.
const EPISODE_MIN_EARLIER = 2
// Standing titles' keys (`isStandingTitle`), apart from episodes'; twice before, as for an episode.
const STANDING_KEY = '\u0003'
const STANDING_MIN_EARLIER = 2
// ① (U+2460) onwards: what a digit of a standing title is keyed as.
const UNMASKED_DIGIT = 0x2460

// Where an undated article says when it was written: "(2021.6.14早间…)", "6/10/2021 佛州…",
// "西班牙2021年6月17日电". Only full dates (with the year) count.
const LEAD_DATE_CHARS = 200
const DATE_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => [string, string, string]]> = [
  [/(20\d\d|19\d\d)\s*[./\-年]\s*(\d{1,2})\s*[./\-月]\s*(\d{1,2})(?!\d)/, (m) => [m[1], m[2], m[3]]],
  [/(?<!\d)(\d{1,2})\/(\d{1,2})\/(20\d\d)/, (m) => [m[3], m[1], m[2]]], // US order, as the English-language sources write it
  [/(?<!\d)(20\d\d)(\d\d)(\d\d)(?!\d)/, (m) => [m[1], m[2], m[3]]],
]
const FULL_DATES = DATE_PATTERNS.map(([re]) => new RegExp(re.source, 'g'))
// Full dates with the day's 日 or 号 (2021年6月13日): what an episode's headline changes from day to day.
const EPISODE_DATES = DATE_PATTERNS.map(([re]) => new RegExp(`${re.source}(?:\\s*[日号])?`, 'g'))
/** The text without the full dates it names (the patterns of DATE_PATTERNS). */
const withoutFullDates = (s: string) => FULL_DATES.reduce((t, re) => t.replace(re, ''), s)

/**
 * When an article's report happened, where its publication date is missing or impossible: an
 * undated article's headline or lead may say, and a headline naming a later day than the
 * publication date shows that date is wrong (archives stamp some posts with the month of a
 * header image or the day a page was created).
 */
export function dateHintOf(publishedAt: string | undefined, title: string, body: string): string | undefined {
  const inTitle = mentionedDate(title)
  if (!publishedAt) return inTitle ?? mentionedDate(body.slice(0, LEAD_DATE_CHARS))
  return inTitle && Date.parse(inTitle) > Date.parse(publishedAt.slice(0, 10)) + DAY_MS ? inTitle : undefined
}
const DAY_MS = 86_400_000
/** Days since the epoch of an ISO date, as the clusterer counts them. */
const dayNumber = (iso?: string) => (iso ? Date.parse(iso.slice(0, 10)) / DAY_MS : undefined)

/** The first full calendar date a text mentions, as YYYY-MM-DD. */
export function mentionedDate(text: string): string | undefined {
  let best: { at: number; iso: string } | undefined
  for (const [re, parts] of DATE_PATTERNS) {
    const m = re.exec(text)
    if (!m || (best && best.at <= m.index)) continue
    const [y, mo, d] = parts(m).map(Number)
    const date = new Date(Date.UTC(y, mo - 1, d))
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) continue
    best = { at: m.index, iso: date.toISOString().slice(0, 10) }
  }
  return best?.iso
}

/**
 * The month and day a headline names without a year ("6月14日美国政要推特精选", "7月1日起"), as
 * MM-DD: where an undated article stands in the year, if not which year. A day after a year
 * (2019年6月12日) is a full date (`mentionedDate`), and one that is not a calendar day is none.
 */
export function headlineMonthDay(foldedTitle: string): string | undefined {
  const m = MONTH_DAY.exec(foldedTitle)
  if (!m) return undefined
  const [month, date] = [Number(m[1]), Number(m[2])]
  if (date > new Date(Date.UTC(2000, month, 0)).getUTCDate()) return undefined // 2000: a leap year, 2月29日 is a day
  return `${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`
}
const MONTH_DAY = /(?<![\d年./\-])(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12]\d|0?[1-9])\s*[日号]/
const MONTH_DAYS = new RegExp(MONTH_DAY.source, 'g')

// The headline and the lead's first sentences say when the incident happened (the labelling
// rules decide an article's event by them too); later sentences give background dates.
const INCIDENT_LEAD_CHARS = 400
const INCIDENT_SENTENCES = 4

/**
 * The day an article's headline or lead says its incident happened (周三, 当地时间6月16日, 昨天,
 * resolved against the date it was written), as YYYY-MM-DD.
 */
export function incidentDateOf(foldedTitle: string, body: string, writtenAt: string | undefined): string | undefined {
  return incidentOf(foldedTitle, body, writtenAt)?.date
}

function incidentOf(foldedTitle: string, body: string, writtenAt: string | undefined): TimeExpr | undefined {
  if (!writtenAt) return undefined
  const lead = `${foldedTitle}\n\n${body.slice(0, INCIDENT_LEAD_CHARS)}`
  const key = `${writtenAt}\n${lead}`
  const known = incidentMemo.get(key)
  if (known !== undefined || incidentMemo.has(key)) return known
  const sentences = splitSentences(lead, INCIDENT_SENTENCES)
  const incident = incidentDate(findTimeExprs(sentences, writtenAt), INCIDENT_SENTENCES, writtenAt)
  if (incidentMemo.size >= INCIDENT_MEMO_MAX) incidentMemo.clear()
  incidentMemo.set(key, incident)
  return incident
}
// An article's incident is asked for twice, by its clustering order (`effectiveDate`) and by its
// features, most often of the same lead (unless furniture lines open it): the second is a
// look-up. Bounded: a batch of new articles is ordered, then featurised, a few thousand at a time.
const INCIDENT_MEMO_MAX = 4096
const incidentMemo = new Map<string, TimeExpr | undefined>()

/**
 * A headline as overlapping character pairs of its folded text (Latin words whole): robust
 * to word-segmentation differences and to Traditional/Simplified, so "台山核電站" and
 * "台山核电厂" share 台山, 山核, 核电.
 */
export function titleGrams(title: string): Set<string> {
  const out = new Set<string>()
  const folded = withCanonicalNames(foldText(title))
  for (const d of dateNames(folded)) out.add(d)
  for (const run of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (!run) continue
    if (/^[a-z0-9]+$/.test(run)) {
      if (run.length > 1 && !/^\d+$/.test(run)) out.add(run)
      continue
    }
    for (const piece of run.split(/([a-z0-9]+)/)) {
      if (/^[a-z0-9]+$/.test(piece)) {
        if (piece.length > 1 && !/^\d+$/.test(piece)) out.add(piece)
      } else for (let i = 0; i + 1 < piece.length; i++) out.add(pairKey(piece.slice(i, i + 2)))
    }
  }
  return out
}

/** Headline pairs weighted by how rare they are among the archive's headlines so far. */
export class TitleStats {
  private n = 0
  private readonly df = new Tally()

  observe(grams: Iterable<string>): void {
    this.n++
    for (const g of grams) this.df.increment(g)
  }

  /** Packs the counts for saving (`Tally.pack`). */
  pack(): void {
    this.df.pack()
  }

  /** Too frequent among headlines to tie two of them together (美国, 中共). */
  isCommon(gram: string): boolean {
    return this.n >= COMMON_MIN_TITLES && (this.df.get(gram) ?? 0) > COMMON_SHARE * this.n
  }

  vector(grams: Iterable<string>): TermVector {
    const v = new Map<string, number>()
    for (const g of grams) v.set(g, Math.log((this.n + 1) / ((this.df.get(g) ?? 0) + 1)) + 1)
    const norm = Math.hypot(...v.values()) || 1
    for (const [g, x] of v) v.set(g, x / norm)
    return v
  }
}
