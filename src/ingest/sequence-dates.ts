import { deserialize, serialize } from 'node:v8'
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
  // A trailing slash or none is one page (archives and canonical URLs differ on it).
  return { key: `${u.hostname.replace(/^www\./, '')}${prefix}#${m[3].replace(/\/$/, '').toLowerCase()}`, seq: Number(m[2]) }
}

// Dated neighbours looked at on each side of an undated article's number.
const NEIGHBOURS = 3
// A numbering is trusted once this many of its articles are dated, and only where it follows
// time around the article: of the dated articles up to LOCAL places on either side, this share
// at most AGREE_DAYS from their own neighbours' median (GNews' numbering: 0.95 over the corpus;
// ids that are hashes or shared across sites would be nowhere near). Ranks (Spearman) were tried
// first: 0.89 for GNews, since a week of 700 posts dated by their pictures is in no rank order
// inside the week, though every estimate there is right to a day.
const MIN_DATED = 10
const LOCAL = 20
const MIN_AGREEMENT = 0.8
// The estimate is the median of the neighbours' days; more than half of them must lie this close
// to it (a reused picture can date one neighbour weeks early; a gap in the numbering can put
// the neighbours months apart, and then there is no estimate).
const AGREE_DAYS = 7

const DAY_MS = 86_400_000
const dayOf = (iso: string) => Math.floor(Date.parse(iso.slice(0, 10)) / DAY_MS)

/** One numbering's dated articles: numbers ascending, each with its day (days since the epoch). */
interface Points {
  seqs: number[]
  days: number[]
}

/**
 * The dated articles of each numbering, kept between runs so that a run reads only the articles
 * stored since the last (`dateBySequence`).
 */
export class Numberings {
  private readonly byKey = new Map<string, Points>()
  private pending = new Map<string, Array<[number, number]>>()

  add(key: string, seq: number, date: string): void {
    const day = dayOf(date)
    if (Number.isNaN(day)) return
    const list = this.pending.get(key)
    if (list) list.push([seq, day])
    else this.pending.set(key, [[seq, day]])
  }

  /**
   * The date the numbered neighbours give an article, as YYYY-MM-DD: never outside the dated
   * range of its numbering (no extrapolation), never where the numbering does not follow time
   * around it, never where the neighbours disagree. Dated articles of the same number (the
   * article itself, or a copy of it) are not its neighbours.
   */
  estimate(key: string, seq: number): string | undefined {
    this.settle()
    const p = this.byKey.get(key)
    if (!p || p.seqs.length < MIN_DATED) return undefined
    const below = upperBound(p.seqs, seq - 1)
    const above = upperBound(p.seqs, seq)
    // Dated neighbours on both sides, its own number aside: never an extrapolation.
    if (below === 0 || above === p.seqs.length) return undefined
    const days = neighbourDays(p.days, below, above)
    const median = medianDay(days)
    if (days.filter((d) => Math.abs(d - median) <= AGREE_DAYS).length * 2 <= days.length) return undefined
    if (localAgreement(p.days, Math.max(0, below - LOCAL), Math.min(p.days.length, above + LOCAL)) < MIN_AGREEMENT) return undefined
    return new Date(median * DAY_MS).toISOString().slice(0, 10)
  }

  /**
   * The numbers between which dated articles bear on `estimate(key, seq)` (its neighbours, and
   * theirs for the local agreement): an article added outside them changes nothing for it.
   */
  reach(key: string, seq: number): [number, number] {
    this.settle()
    const p = this.byKey.get(key)
    if (!p || !p.seqs.length) return [-Infinity, Infinity]
    const far = LOCAL + 2 * NEIGHBOURS
    const below = upperBound(p.seqs, seq - 1) - far
    const above = upperBound(p.seqs, seq) + far
    return [below <= 0 ? -Infinity : p.seqs[below], above >= p.seqs.length ? Infinity : p.seqs[above]]
  }

  /** Points added since the last look merged in, each numbering sorted by number. */
  private settle(): void {
    if (!this.pending.size) return
    for (const [key, added] of this.pending) {
      const p = this.byKey.get(key)
      const all: Array<[number, number]> = p ? p.seqs.map((s, i) => [s, p.days[i]]) : []
      all.push(...added)
      all.sort((a, b) => a[0] - b[0] || a[1] - b[1])
      this.byKey.set(key, { seqs: all.map((x) => x[0]), days: all.map((x) => x[1]) })
    }
    this.pending = new Map()
  }

  encode(): Uint8Array {
    this.settle()
    return serialize([...this.byKey].map(([key, p]) => [key, Float64Array.from(p.seqs), Int32Array.from(p.days)]))
  }

  static decode(body: Uint8Array): Numberings {
    const n = new Numberings()
    for (const [key, seqs, days] of deserialize(body) as Array<[string, Float64Array, Int32Array]>) n.byKey.set(key, { seqs: [...seqs], days: [...days] })
    return n
  }
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
function neighbourDays(days: readonly number[], below: number, above = below): number[] {
  const out: number[] = []
  for (let i = Math.max(0, below - NEIGHBOURS); i < below; i++) out.push(days[i])
  for (let i = above; i < Math.min(days.length, above + NEIGHBOURS); i++) out.push(days[i])
  return out
}

/**
 * How often a dated article between `from` and `to` lies within AGREE_DAYS of its numbered
 * neighbours' median: near 1 where the numbering follows time, low where ids are hashes.
 */
function localAgreement(days: readonly number[], from: number, to: number): number {
  let agree = 0
  for (let i = from; i < to; i++) if (Math.abs(days[i] - medianDay(neighbourDays(days, i, i + 1))) <= AGREE_DAYS) agree++
  return to > from ? agree / (to - from) : 0
}

/** The first index whose number is above `seq` (the list ascending). */
function upperBound(seqs: readonly number[], seq: number): number {
  let lo = 0
  let hi = seqs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (seqs[mid] <= seq) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Dates for undated articles from the dated articles numbered around them in the same numbering,
 * as YYYY-MM-DD by article id (`Numberings.estimate`).
 */
export function estimateDates(
  dated: ReadonlyArray<Sequenced & { readonly date: string }>,
  undated: ReadonlyArray<Sequenced & { readonly id: string }>,
): Map<string, string> {
  const n = new Numberings()
  for (const d of dated) n.add(d.key, d.seq, d.date)
  const out = new Map<string, string>()
  for (const u of undated) {
    const e = n.estimate(u.key, u.seq)
    if (e) out.set(u.id, e)
  }
  return out
}

// Dates that place an article only roughly, or not at all, are not evidence for its neighbours:
// an estimate is never made from another, nor from a picture's date it replaced.
const NOT_EVIDENCE: ReadonlySet<DateSource> = new Set(['none', 'sequence'])

// Where the numberings are kept between runs (the store's derived state), and the form they are
// kept in: a state of another form is built again from every article.
const STATE_KEY = 'sequence-dates'
const STATE_FORM = 'v2'

/** An undated article of an earlier run that its numbering could not date yet. */
type Pending = Sequenced & { readonly id: string }

/**
 * Dates the articles stored since the last run by their numbered neighbours (`dateSource`
 * 'sequence'): those without a date, and those dated by a picture's upload folder that the
 * numbering puts more than AGREE_DAYS later (a picture is uploaded before the post, and a post may
 * reuse an old one: that date is a lower bound). A picture's date is judged once, in the run that
 * stores it; an undated article its numbering cannot date yet (its neighbours are not in the
 * archive) is kept in the store's state and tried again whenever a later run adds dated articles
 * to its numbering, so archives ingested in several runs are dated as if in one. The numberings
 * are kept too, so a run reads only its own articles. Returns how many articles were dated.
 *
 * An article dated this way after clustering placed it keeps its place (clustering does not
 * re-place articles); its date is shown, marked as estimated.
 */
export async function dateBySequence(store: Store): Promise<number> {
  const saved = await store.savedState(STATE_KEY)
  const old = saved ? readSaved(saved) : undefined
  const since = old?.since ?? 0
  const end = await store.articlesEnd()
  if (end <= since) return 0
  const undated: Pending[] = []
  const pictured: Array<Sequenced & { id: string; date: string }> = []
  const fresh: Array<Sequenced & { id: string; date: string }> = []
  for await (const a of store.urlDates(since, end)) {
    const s = sequenceOf(a.url)
    if (!s) continue
    if (!a.publishedAt) {
      if (a.dateSource === 'none') undated.push({ ...s, id: a.id })
      continue
    }
    if (a.dateSource === 'image-path') pictured.push({ ...s, id: a.id, date: a.publishedAt })
    if (!NOT_EVIDENCE.has(a.dateSource)) fresh.push({ ...s, id: a.id, date: a.publishedAt })
  }
  // The saved numberings as read (decoded once more only if pictures' dates are taken out).
  let unused = old?.numberings
  const withAll = (skip?: ReadonlySet<string>) => {
    const n = unused ?? (old ? Numberings.decode(old.body) : new Numberings())
    unused = undefined
    for (const d of fresh) if (!skip?.has(d.id)) n.add(d.key, d.seq, d.date)
    return n
  }
  // First the pictures' dates the numbering puts well later (each judged without its own number)…
  const dates = new Map<string, string>()
  let numberings = withAll()
  for (const u of pictured) {
    const e = numberings.estimate(u.key, u.seq)
    if (e && dayOf(e) - dayOf(u.date) > AGREE_DAYS) dates.set(u.id, e)
  }
  // …then, with those dates no longer evidence, the undated: this run's, and earlier runs' whose
  // numbering this run added dated articles to (for the others nothing has changed). A replaced
  // picture's date dates nothing, in this run or a later one.
  if (dates.size) numberings = withAll(new Set(dates.keys()))
  // An earlier run's undated article is tried again only if this run's dated articles fall within
  // the reach of its estimate (as the numbering was before them: a point added beyond it changed nothing).
  const added = new Map<string, number[]>()
  for (const d of fresh) {
    const list = added.get(d.key)
    if (list) list.push(d.seq)
    else added.set(d.key, [d.seq])
  }
  for (const list of added.values()) list.sort((a, b) => a - b)
  const waiting = old?.pending ?? []
  const before = old && waiting.length ? Numberings.decode(old.body) : undefined
  const reached = (p: Pending) => {
    const list = added.get(p.key)
    if (!list || !before) return !!list
    const [lo, hi] = before.reach(p.key, p.seq)
    const i = upperBound(list, lo - 1)
    return i < list.length && list[i] <= hi
  }
  const tried = [...undated]
  const pending: Pending[] = []
  for (const p of waiting) (reached(p) ? tried : pending).push(p)
  for (const u of tried) {
    const e = numberings.estimate(u.key, u.seq)
    if (e) dates.set(u.id, e)
    else pending.push(u)
  }
  if (dates.size) await store.setSequenceDates(dates)
  await store.saveState(STATE_KEY, `${STATE_FORM}:${end}`, serialize({ numberings: numberings.encode(), pending: pending.map((p) => [p.key, p.seq, p.id]) }))
  return dates.size
}

/** The saved state and where it ends, or nothing for a state this code cannot read (it is built again from every article). */
function readSaved(saved: { readonly version: string; readonly body: Uint8Array }): { since: number; body: Uint8Array; numberings: Numberings; pending: Pending[] } | undefined {
  const [form, at] = saved.version.split(':')
  const since = Number(at)
  if (form !== STATE_FORM || !Number.isSafeInteger(since) || since < 0) return undefined
  try {
    const body = deserialize(saved.body) as { numberings: Uint8Array; pending: Array<[string, number, string]> }
    return { since, body: body.numberings, numberings: Numberings.decode(body.numberings), pending: body.pending.map(([key, seq, id]) => ({ key, seq, id })) }
  } catch {
    return undefined
  }
}
