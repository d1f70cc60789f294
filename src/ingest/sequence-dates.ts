import type { DateSource } from '../article.js'
import type { Store } from '../store/store.js'

// Many sites number their articles as they post them (gnews.org/zh-hans/1325746/): where an
// archived copy keeps no date of its own, the dates of the articles numbered next to it say when
// it was posted, to a day or so (on the development corpus, left-one-out over GNews posts dated
// by their poster line: median error 1 day, 80% within 4). No library estimates a date from a
// site's numbering, so this is written here.

/** A URL whose last path segment is a number: the site's numbering (`key`) and the number. */
export interface Sequenced {
  readonly key: string
  readonly seq: number
}

// The number ends the path, with at most a trailing slash or a page extension after it; shorter
// numbers are more often sections, years or page numbers than article ids.
const NUMBERED = /^(.*\/)(\d{5,15})(\/?|\.s?html?|\.php)$/i
// Path segments longer than this are slugs.
const MAX_SECTION_CHARS = 16

/** The site's numbering a URL's article id belongs to (host and path around the number), and the id. */
export function sequenceOf(url: string | undefined): Sequenced | undefined {
  if (!url) return undefined
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return undefined
  }
  const m = NUMBERED.exec(u.pathname)
  if (!m) return undefined
  // A long segment before the number is the article's slug (voachinese.com/a/uk-hong-kong-…/5510957.html), not part of the numbering.
  const prefix = m[1].split('/').map((seg) => (seg.length > MAX_SECTION_CHARS ? '*' : seg)).join('/')
  return { key: `${u.hostname.replace(/^www\./, '')}${prefix}#${m[3].toLowerCase()}`, seq: Number(m[2]) }
}

// Dated neighbours looked at on each side of an undated article's number.
const NEIGHBOURS = 3
// A numbering is trusted once this many of its articles are dated, and only where it follows
// time: this share of its dated articles at most AGREE_DAYS from their neighbours' median (on the
// corpus, GNews' numbering 0.95; ids that are hashes or shared across sites would not be near).
// Ranks (Spearman) were tried first: 0.89 for GNews, since a week of 700 posts dated by their
// pictures is in no rank order inside the week, though every estimate there is right to a day.
const MIN_DATED = 10
const MIN_AGREEMENT = 0.8
// The estimate is the median of the neighbours' days; more than half of them must lie this close
// to it (a reused picture can date one neighbour weeks early; a gap in the numbering can put
// the neighbours months apart, and then there is no estimate).
const AGREE_DAYS = 7

const DAY_MS = 86_400_000
const dayOf = (iso: string) => Math.floor(Date.parse(iso.slice(0, 10)) / DAY_MS)

/**
 * Dates for undated articles from the dated articles numbered around them in the same numbering,
 * as YYYY-MM-DD by article id. Never outside the dated range of a numbering (no extrapolation),
 * never where the numbering does not follow time, never where the neighbours disagree.
 */
export function estimateDates(
  dated: ReadonlyArray<Sequenced & { readonly date: string }>,
  undated: ReadonlyArray<Sequenced & { readonly id: string }>,
): Map<string, string> {
  const byKey = new Map<string, Array<{ seq: number; day: number }>>()
  for (const d of dated) {
    const day = dayOf(d.date)
    if (Number.isNaN(day)) continue
    const list = byKey.get(d.key)
    if (list) list.push({ seq: d.seq, day })
    else byKey.set(d.key, [{ seq: d.seq, day }])
  }
  const usable = new Map<string, Array<{ seq: number; day: number }>>()
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.seq - b.seq || a.day - b.day)
    if (list.length >= MIN_DATED && agreement(list) >= MIN_AGREEMENT) usable.set(key, list)
  }
  const out = new Map<string, string>()
  for (const u of undated) {
    const list = usable.get(u.key)
    if (!list || u.seq < list[0].seq || u.seq > list[list.length - 1].seq) continue
    // Dated articles of the same number (the article itself, or a copy of it) are not its neighbours.
    const days = neighbourDays(list, upperBound(list, u.seq - 1), upperBound(list, u.seq))
    const median = medianDay(days)
    if (days.filter((d) => Math.abs(d - median) <= AGREE_DAYS).length * 2 <= days.length) continue
    out.set(u.id, new Date(median * DAY_MS).toISOString().slice(0, 10))
  }
  return out
}

/** The first index whose number is above `seq` (the list sorted by number). */
function upperBound(list: ReadonlyArray<{ seq: number }>, seq: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid].seq <= seq) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The median of a list of days (the lower middle one for an even count). */
function medianDay(days: number[]): number {
  days.sort((a, b) => a - b)
  return days[Math.floor((days.length - 1) / 2)]
}

/**
 * The days of the dated articles numbered next to a place in the list: up to NEIGHBOURS before
 * index `below` (exclusive) and from index `above` on.
 */
function neighbourDays(list: ReadonlyArray<{ day: number }>, below: number, above = below): number[] {
  const out: number[] = []
  for (let i = Math.max(0, below - NEIGHBOURS); i < below; i++) out.push(list[i].day)
  for (let i = above; i < Math.min(list.length, above + NEIGHBOURS); i++) out.push(list[i].day)
  return out
}

/**
 * How often a dated article's day lies within AGREE_DAYS of its numbered neighbours' median: near
 * 1 where the numbering follows time, low where ids are hashes or shared across sites.
 */
function agreement(list: ReadonlyArray<{ day: number }>): number {
  let agree = 0
  for (let i = 0; i < list.length; i++) if (Math.abs(list[i].day - medianDay(neighbourDays(list, i, i + 1))) <= AGREE_DAYS) agree++
  return agree / list.length
}

// Dates that place an article only roughly are not evidence for its neighbours: an estimate is
// never made from another.
const NOT_EVIDENCE: ReadonlySet<DateSource> = new Set(['none', 'sequence'])

/**
 * Dates stored articles by their numbered neighbours (`dateSource` 'sequence'): those without a
 * date, and those dated by a picture's upload folder that the numbering puts more than
 * AGREE_DAYS later (a picture is uploaded before the post, and a post may reuse an old one: that
 * date is a lower bound). An estimate is made once and not revised as more neighbours arrive, so
 * an article clustered by it stays where it was placed. Returns how many articles were dated.
 */
export async function dateBySequence(store: Store): Promise<number> {
  // Those that may need a date first (a cheap look when there are none): the others are read
  // only for their numberings.
  const rough: Array<Sequenced & { id: string; date?: string }> = []
  for await (const a of store.urlDates(true)) {
    const s = sequenceOf(a.url)
    if (s) rough.push({ ...s, id: a.id, ...(a.publishedAt ? { date: a.publishedAt } : {}) })
  }
  if (!rough.length) return 0
  const keys = new Set(rough.map((u) => u.key))
  const dated: Array<Sequenced & { date: string }> = []
  for await (const a of store.urlDates()) {
    if (!a.publishedAt || NOT_EVIDENCE.has(a.dateSource)) continue
    const s = sequenceOf(a.url)
    if (s && keys.has(s.key)) dated.push({ ...s, date: a.publishedAt })
  }
  const estimates = estimateDates(dated, rough)
  const dates = new Map<string, string>()
  for (const u of rough) {
    const e = estimates.get(u.id)
    if (e && (!u.date || dayOf(e) - dayOf(u.date) > AGREE_DAYS)) dates.set(u.id, e)
  }
  if (dates.size) await store.setSequenceDates(dates)
  return dates.size
}
