import type { Article } from '../article.js'
import { findEntities, loadEntityTable, type EntityTable } from '../analyze/entities.js'
import { foldText } from '../normalize/fold.js'

export interface StoryEvent {
  readonly id: string
  readonly title: string
  readonly start?: string
  readonly end?: string
  readonly articleIds: readonly string[]
  readonly keywords: readonly string[]
}

export interface Story {
  readonly id: string
  readonly title: string
  readonly start?: string
  readonly end?: string
  /** Its events in time order: the timeline. */
  readonly eventIds: readonly string[]
  /** The people, organisations and works the events share. */
  readonly entities: readonly string[]
}

// An event's central entities: the few it names most, places aside (美国 and 俄罗斯 are the
// setting of half the news, not what a story is about).
const CENTRAL = 5
// Two events continue one story when they share this many central entities (two: storiesOf
// indexes stories by pairs of entities)…
const MIN_SHARED = 2
// …and are no further apart than this.
const MAX_GAP_DAYS = 400

// An entity named centrally by more than this share of events (中共 in movement media, 新冠 in
// 2020–21) is the archive's backdrop, not a story's thread; never fewer than DF_FLOOR events.
const MAX_EVENT_SHARE = 0.02
const DF_FLOOR = 5
// A story is known by its few most frequent entities; an event joins it by sharing MIN_SHARED
// of them, so a chain of pairwise overlaps cannot drift from one subject to another.
const PROFILE = 4

/**
 * Stories: events linked over longer spans by the central entities they share (拜登 and 普京
 * on the phone in January, in Geneva in June), ordered as a timeline. Events are taken in time
 * order and each joins the story whose profile — its most frequent entities — it shares
 * enough with, through an index from pairs of entities to story, so a new event never scans
 * all stories.
 */
export function buildStories(events: readonly StoryEvent[], articles: ReadonlyMap<string, Article>, mentionsOf: (a: Article) => Mentions = (a) => storyMentions({ folded: a.folded, foldedTitle: foldText(a.title) })): Story[] {
  const originals = (e: StoryEvent) => e.articleIds.map((id) => articles.get(id)).filter((a): a is Article => a !== undefined && !a.duplicateOf)
  return storiesOf(
    events.map((e) => {
      const mentions = originals(e).map(mentionsOf)
      const central = centralEntities(mentions)
      return { ...e, central, anchors: anchorMask(central, anchorEntities(mentions, central)) }
    }),
  )
}

/** An event with its central entities (`centralEntities`) already found. */
export interface CentralEvent extends Omit<StoryEvent, 'articleIds' | 'keywords'> {
  readonly central: ReadonlyMap<string, string>
  /**
   * Those of `central` the event is about (`anchorEntities`), as bits: bit k for the k-th entity
   * of `central` (`anchorMask`); all of them when not given. (A number, not a Set: a restore
   * reads tens of thousands of these entries, and every object it makes is paid for twice.)
   */
  readonly anchors?: number
}

/**
 * A story entry that lists the ids of its central entities one by one, without the Map of
 * them: a saved one (cluster/persist.ts). A restore sets every saved entry (~40,000 at 100,000
 * articles), and the names of only the few whose event ends in a story are ever read.
 */
export interface CentralIdList {
  readonly centralCount: number
  centralId(k: number): string
}

/**
 * `buildStories` for events whose central entities are known: reads no article. Events that
 * name no central entity take no part in a story, so they may be left out of `events` as long
 * as `eventCount` counts them (what makes an entity the archive's backdrop).
 */
export function storiesOf(events: readonly CentralEvent[], eventCount = events.length): Story[] {
  const linker = new StoryLinker()
  events.forEach((e, i) => linker.set(i, e))
  return linker.stories(eventCount)
}

/** An event as the linker keeps it: its entities numbered and its dates parsed, once. */
interface Linked {
  readonly event: CentralEvent
  /** Its id and start ('' when missing), for the time order: kept, not read from the event at each comparison. */
  readonly id: string
  readonly start: string
  /**
   * Its central entities' codes, in the order of `event.central`. (An array of small numbers:
   * half the bytes of an Int32Array of a few, and a restore keeps one for each of ~40,000 entries.)
   */
  readonly codes: readonly number[]
  /** Those of `codes` it is about, as bits by position (`CentralEvent.anchors`). */
  readonly anchors: number
  /** ms; NaN when missing, and in an event that takes no part (`takesPart`). */
  readonly startMs: number
  readonly endMs: number
}

/**
 * Stories of a set of events that changes a few at a time (`storiesOf` of them all, the same
 * stories): what an update of a large archive links again after each batch. Linking is one
 * pass over the events in time order whatever changed (a new event may join a story begun
 * years before, and a batch moves which entities are the backdrop), but what that pass needs
 * of each event — its entities numbered and their document frequencies, its dates parsed, its
 * place in time order, the entities' order by id — is kept and changed with the events that
 * change, rather than worked out again from every event (most of the time of `storiesOf` at
 * 100,000 articles).
 */
export class StoryLinker {
  // Entities are numbered, so that a pair of them is one number and counts live in arrays
  // (string pairs, Maps and Sets of them were most of the time at 100,000 articles). Codes are
  // never taken back: an entity no event names any more has a df of 0 and meets nothing.
  private readonly codes = new Map<string, number>()
  private readonly ids: string[] = []
  private df: Int32Array<ArrayBuffer> = new Int32Array(256)
  // Codes in the order of their ids (localeCompare), and each one's place in it (`rank`; ids
  // that localeCompare calls equal share one), for ties; the codes from `ranked` on are not placed yet.
  private byId: number[] = []
  private rank = new Int32Array(0)
  private ranked = 0
  private readonly linked = new Map<number, Linked>()
  // The events in time order (start, then id: ISO dates and event ids are ASCII, compared by
  // code unit as localeCompare would order them but without its cost), but for those set or
  // deleted since it was last brought up to date. Only those that can take part in a story
  // (`takesPart`): the others count towards the backdrop (`df`) and are passed over by linking.
  private order: Linked[] = []
  private readonly added = new Set<Linked>()
  private readonly dropped = new Set<Linked>()

  get size(): number {
    return this.linked.size
  }

  /** Adds or replaces the event under `key` (an event index). */
  set(key: number, event: CentralEvent): void {
    this.delete(key)
    const list = typeof (event as Partial<CentralIdList>).centralId === 'function' ? (event as CentralEvent & CentralIdList) : undefined
    // Made at its length: pushed, an array reserves room for more.
    const codes = new Array<number>(list ? list.centralCount : event.central.size)
    if (list) for (let i = 0; i < codes.length; i++) codes[i] = this.counted(list.centralId(i))
    else {
      let i = 0
      for (const id of event.central.keys()) codes[i++] = this.counted(id)
    }
    // Only the dates of events that take part are read (a restore sets every saved entry).
    const dated = codes.length >= MIN_SHARED
    const entry: Linked = { event, id: event.id, start: event.start ?? '', codes, anchors: event.anchors ?? -1, startMs: dated ? time(event.start) : NaN, endMs: dated ? time(event.end) : NaN }
    this.linked.set(key, entry)
    if (takesPart(entry)) this.added.add(entry)
  }

  /** The code of an entity (numbered when new), counted once more in `df`. */
  private counted(id: string): number {
    let code = this.codes.get(id)
    if (code === undefined) {
      this.codes.set(id, (code = this.ids.length))
      this.ids.push(id)
      if (code >= this.df.length) this.df = grown(this.df, code + 1)
    }
    this.df[code]++
    return code
  }

  get(key: number): CentralEvent | undefined {
    return this.linked.get(key)?.event
  }

  /** Takes out the event under `key`; says whether there was one. */
  delete(key: number): boolean {
    const old = this.linked.get(key)
    if (!old) return false
    this.linked.delete(key)
    for (const code of old.codes) this.df[code]--
    if (takesPart(old) && !this.added.delete(old)) this.dropped.add(old)
    return true
  }

  /** The stories of the events held, `eventCount` counting those that name no central entity. */
  stories(eventCount = this.linked.size): Story[] {
    const order = this.inTimeOrder()
    const rank = this.ranks()
    const ids = this.ids
    const maxDf = Math.max(DF_FLOOR, eventCount * MAX_EVENT_SHARE)
    // Each event's central entities but the backdrop, in order, and those of them it is about.
    const about: number[][] = []
    const central = order.map((e) => {
      const mine: number[] = []
      const anchored: number[] = []
      e.codes.forEach((code, k) => {
        if (this.df[code] > maxDf) return
        mine.push(code)
        if (e.anchors & (1 << k)) anchored.push(code)
      })
      about.push(anchored)
      return mine
    })

    // A draft's profile changes only when it takes an event: kept, not sorted again per look-up.
    // `seen` is the last event that met it as a candidate.
    // `anchored`: the entities one of its events is about (`anchorEntities`).
    interface Draft { readonly n: number; members: number[]; counts: Map<number, number>; end: string; endMs: number; profile: number[]; seen: number; anchored: Set<number> }
    const drafts: Draft[] = []
    // Drafts by each pair of their profile's entities: an event can join only a draft it shares
    // MIN_SHARED (two) profile entities with, so it looks up its own pairs and meets no other.
    // (Walking every draft that named one of its entities was quadratic in a long archive: 5 s
    // at 100,000 articles, most drafts being single events that name 拜登 or 普京.)
    const byPair = new Map<number, Set<Draft>>()
    // The pairs of a few codes (an event's, a profile's) into `out`: linking asks for them three
    // times per event, and arrays made afresh each time were a large part of what an update
    // allocated. Codes are distinct, so their pairs are. With `anchored`, only the pairs holding
    // one of those: a draft is found only through an entity its story is about, so the drafts of
    // events about other things do not pile up under every pair of the names they drop (拜登 ·
    // 普京), each to be walked by every later event naming the two.
    const pairsOf = (codes: readonly number[], out: number[], anchored?: ReadonlySet<number>) => {
      out.length = 0
      for (let i = 0; i < codes.length; i++)
        for (let j = i + 1; j < codes.length; j++) if (!anchored || anchored.has(codes[i]) || anchored.has(codes[j])) out.push(Math.min(codes[i], codes[j]) * ids.length + Math.max(codes[i], codes[j]))
      return out
    }
    const minePairs: number[] = []
    const before: number[] = []
    const after: number[] = []
    const candidates: Draft[] = []
    // Only the entities an event adds gain counts, so no other entity can pass the profile's: the
    // new profile is the best of the old one and those, by count, then by id (a stable insertion
    // sort of at most PROFILE + CENTRAL codes, the old profile's first, then the added ones').
    const profile = (d: Draft, added: readonly number[]): number[] => {
      const codes = d.profile.slice()
      for (const code of added) if (!codes.includes(code)) codes.push(code)
      for (let i = 1; i < codes.length; i++) {
        const code = codes[i]
        const n = d.counts.get(code)!
        let j = i - 1
        for (; j >= 0; j--) {
          const m = d.counts.get(codes[j])!
          if (m > n || (m === n && rank[codes[j]] <= rank[code])) break
          codes[j + 1] = codes[j]
        }
        codes[j + 1] = code
      }
      if (codes.length > PROFILE) codes.length = PROFILE
      return codes
    }
    for (let i = 0; i < order.length; i++) {
      const mine = central[i]
      // An event left with fewer than MIN_SHARED entities once the backdrop is taken out is passed
      // over, as those naming fewer are kept out of `order` (`takesPart`).
      if (mine.length < MIN_SHARED) continue
      // An event about none of them can join no story, nor be joined (its draft would be found
      // through none of its pairs).
      const anchors = about[i]
      if (!anchors.length) continue
      let best: Draft | undefined
      let bestShared = MIN_SHARED - 1
      // Events come in time order: a story that ended too long before this event starts can take
      // no later one either, and leaves the index.
      const start = order[i].startMs
      candidates.length = 0
      for (const pair of pairsOf(mine, minePairs)) {
        const drafts = byPair.get(pair)
        if (!drafts) continue
        for (const d of drafts) {
          if ((start - d.endMs) / DAY_MS > MAX_GAP_DAYS) drafts.delete(d)
          else if (d.seen !== i) {
            d.seen = i
            candidates.push(d)
          }
        }
      }
      // The draft sharing the most profile entities; of equals, the one begun first.
      for (const d of candidates) {
        if (gapDays(start, order[i].endMs, order[d.members[d.members.length - 1]].startMs, d.endMs) > MAX_GAP_DAYS) continue
        let shared = 0
        let isAbout = false
        for (const code of d.profile)
          if (mine.includes(code)) {
            shared++
            isAbout ||= anchors.includes(code)
          }
        // The link must rest on an entity the event is about (`anchorEntities`).
        if (!isAbout) continue
        if (shared > bestShared || (shared === bestShared && best && d.n < best.n)) {
          best = d
          bestShared = shared
        }
      }
      const d: Draft = best ?? { n: drafts.length, members: [], counts: new Map(), end: '', endMs: NaN, profile: [], seen: -1, anchored: new Set() }
      if (!best) drafts.push(d)
      d.members.push(i)
      const event = order[i].event
      if ((event.end ?? '') > d.end) {
        d.end = event.end ?? ''
        d.endMs = order[i].endMs
      }
      for (const code of mine) d.counts.set(code, (d.counts.get(code) ?? 0) + 1)
      // The draft is indexed by the pairs of its new profile: those it had already stay (taken
      // out of `before`, -1: no pair is negative), the rest are added, and those left in `before` dropped.
      pairsOf(d.profile, before, d.anchored)
      for (const code of anchors) d.anchored.add(code)
      d.profile = profile(d, mine)
      for (const pair of pairsOf(d.profile, after, d.anchored)) {
        const k = before.indexOf(pair)
        if (k >= 0) before[k] = -1
        else byPair.set(pair, (byPair.get(pair) ?? new Set()).add(d))
      }
      for (const pair of before) if (pair >= 0) byPair.get(pair)!.delete(d)
    }
    const stories: Story[] = []
    for (const d of drafts) {
      if (d.members.length < 2) continue
      // Each entity by the name its latest event gives it.
      const names = new Map<number, string>()
      for (let k = d.members.length - 1; k >= 0; k--) {
        const i = d.members[k]
        for (const code of central[i]) if (!names.has(code)) names.set(code, order[i].event.central.get(ids[code])!)
      }
      const entities = [...d.counts]
        .filter(([, n]) => n >= 2)
        .map(([code, n]) => ({ name: names.get(code)!, n }))
        .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
        .map((c) => c.name)
      const first = order[d.members[0]].event
      stories.push({
        id: `s${first.id.replace(/^e/, '')}`,
        title: entities.slice(0, 3).join(' · ') || first.title,
        start: first.start,
        end: d.end || undefined,
        eventIds: d.members.map((i) => order[i].event.id),
        entities,
      })
    }
    return stories.sort((a, b) => (b.end ?? '').localeCompare(a.end ?? ''))
  }

  // A few events changed among many are taken out and put in by binary search; after many
  // (the first call), all are sorted again.
  private inTimeOrder(): readonly Linked[] {
    if (this.added.size + this.dropped.size > this.order.length / 8) this.order = [...this.linked.values()].filter(takesPart).sort(byTime)
    else {
      if (this.dropped.size) {
        const kept = this.order.filter((e) => !this.dropped.has(e))
        if (kept.length !== this.order.length - this.dropped.size) throw new Error('the story linker lost track of an event it held')
        this.order = kept
      }
      for (const e of this.added) this.order.splice(firstAfter(this.order, e, byTime), 0, e)
    }
    this.added.clear()
    this.dropped.clear()
    return this.order
  }

  // New entities are placed by binary search; the ranks are numbered again (ties share the
  // first one's) when any was added.
  private ranks(): Int32Array {
    if (this.ranked === this.ids.length) return this.rank
    const ids = this.ids
    const byId = (a: number, b: number) => ids[a].localeCompare(ids[b])
    if (this.ids.length - this.ranked > this.byId.length / 8) this.byId = ids.map((_, code) => code).sort(byId)
    else for (let code = this.ranked; code < ids.length; code++) this.byId.splice(firstAfter(this.byId, code, byId), 0, code)
    this.ranked = ids.length
    const sorted = this.byId
    this.rank = new Int32Array(ids.length)
    for (let i = 0; i < sorted.length; i++) this.rank[sorted[i]] = i > 0 && byId(sorted[i - 1], sorted[i]) === 0 ? this.rank[sorted[i - 1]] : i
    return this.rank
  }
}

const byTime = (a: Linked, b: Linked) => compareAscii(a.start, b.start) || compareAscii(a.id, b.id)

/** Where `x` goes in `sorted` (after its equals). */
function firstAfter<T>(sorted: readonly T[], x: T, compare: (a: T, b: T) => number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (compare(sorted[mid], x) <= 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

function grown(a: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(atLeast, a.length * 2))
  out.set(a)
  return out
}

/** An entity an article names: its id, its name, and whether the mention is in the headline. */
export type Mention = readonly [id: string, name: string, headline?: true]
export type Mentions = ReadonlyArray<Mention>

/**
 * The people, organisations and works an article's headline and lead name, each time it names
 * them (places aside): what its event brings to a story. `foldedTitle` is the folded headline
 * (the text does not hold it); its mentions are marked.
 */
export function storyMentions(a: { readonly folded: string; readonly foldedTitle?: string }, table: EntityTable = loadEntityTable()): Mentions {
  // The headline and lead name what the report is about; the rest drifts into background. Read
  // in one pass (finding entities costs more per call than per character of a headline).
  const title = a.foldedTitle ? `${a.foldedTitle}\n` : ''
  const text = title + a.folded.slice(0, LEAD_CHARS)
  return findEntities(text, table)
    .filter((m) => m.type !== 'place' && !(m.type === 'org' && citedAsSource(text, m.at, m.surface.length)))
    .map((m): Mention => (m.at < title.length ? [m.id, m.name, true] : [m.id, m.name]))
}
const LEAD_CHARS = 1500

/**
 * Whether an organisation is named as where the report came from (据路透社报道, 路透社援引…,
 * 美联社记者, 新华社消息, a dateline: 路透北京6月24日): the wire a story was taken from, not what
 * it is about. Counted, every agency-fed event would share 路透社 with every other, and two of
 * them naming the 白宫 too would make a story.
 */
function citedAsSource(text: string, at: number, length: number): boolean {
  const after = text.slice(at + length, at + length + SOURCE_SPAN)
  if (SOURCE_AFTER.test(after)) return true
  return SOURCE_BEFORE.test(text.slice(Math.max(0, at - 3), at)) && SOURCE_VERB.test(after)
}
// Enough for a dateline: 路透北京/上海6月24日.
const SOURCE_SPAN = 16
// Folded text is Simplified: 報導 and 報道 come back as 报导 and 报道.
// (An agency that sent out a piece, 路透社今天发出了一篇消息; not a body that issued news of its own,
// 国务院今天发布消息.)
const SOURCE_AFTER = /^(?:(?:发自\S{0,4})?(?:报道|报导|援引|引述|引用|记者|消息|电讯|快讯|获得的|取得的|独家|披露|调查)|(?:今天|今日|昨天|昨日|周[一二三四五六日])?发出了?(?:一篇|一则)(?:消息|报道|独家)|[\p{Script=Han}/]{1,8}\d{1,2}月\d{1,2}日)/u
const SOURCE_BEFORE = /(?:据|根据|引述|援引|引用|由)$/u
// (由路透社看到的问卷: what the agency saw.)
const SOURCE_VERB = /^(?:的)?(?:称|说|表示|指出|报|援引|看到|见到|获得|取得)/u

/** An event's central entities, [id → name], from what each of its original reports' leads name. */
export function centralEntities(originals: readonly Mentions[]): Map<string, string> {
  const counts = new Map<string, { name: string; n: number }>()
  for (const mentions of originals) for (const [entity, name, headline] of mentions) if (!headline) counts.set(entity, { name, n: (counts.get(entity)?.n ?? 0) + 1 })
  return new Map([...counts].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])).slice(0, CENTRAL).filter(([, c]) => c.n >= 2).map(([id, c]) => [id, c.name]))
}

/** The bits of `anchors` (`CentralEvent.anchors`): bit k for the k-th entity of `central`. */
export function anchorMask(central: ReadonlyMap<string, string>, anchors: ReadonlySet<string>): number {
  let mask = 0
  let k = 0
  for (const id of central.keys()) {
    if (anchors.has(id)) mask |= 1 << k
    k++
  }
  return mask
}

/**
 * Of an event's central entities, those it is about: named in a headline, or by two of its
 * reports. A link to a story must rest on one of them (`StoryLinker`): one report's lead naming
 * people in passing (a commentary's 马克龙 and 默克尔, an essay's 普京 and 北约) is not what its
 * event is about, and linked by two such names, events a year apart made a story.
 */
export function anchorEntities(originals: readonly Mentions[], central: ReadonlyMap<string, string>): Set<string> {
  const reports = new Map<string, number>()
  const anchors = new Set<string>()
  for (const mentions of originals) {
    const named = new Set<string>()
    for (const [entity, , headline] of mentions) {
      if (!central.has(entity)) continue
      if (headline) anchors.add(entity)
      named.add(entity)
    }
    for (const entity of named) {
      const before = reports.get(entity) ?? 0
      if (before >= 1) anchors.add(entity)
      reports.set(entity, before + 1)
    }
  }
  return anchors
}

/**
 * An event with fewer than MIN_SHARED central entities joins no draft, and the draft it would
 * found could never be joined (its profile holds no pair) nor become a story: linking passes it
 * over, which leaves the stories as they are (drafts are told apart only by their founding
 * order). Events naming one central entity are nearly half of those a large archive holds.
 */
const takesPart = (e: Linked) => e.codes.length >= MIN_SHARED

const compareAscii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const DAY_MS = 86_400_000

/**
 * `Date.parse(s)` (NaN when missing). An event's dates are written by `toISOString`
 * (2021-07-06T20:20:00.000Z): those are read from their digits, as `Date.UTC` of the same fields,
 * which is what `Date.parse` gives for that form; anything else (another form, a field out of
 * range, a year before 100, which `Date.UTC` would take as 19xx) goes to `Date.parse`. A restore
 * reads the dates of every event that takes part in stories (~20,000 at 100,000 articles), and
 * `Date.parse` was a fifth of setting them.
 */
export function time(s?: string): number {
  if (!s) return NaN
  if (s.length !== 24 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46 || s.charCodeAt(23) !== 90) return Date.parse(s)
  const year = digits(s, 0, 4)
  const month = digits(s, 5, 2)
  const day = digits(s, 8, 2)
  const hour = digits(s, 11, 2)
  const minute = digits(s, 14, 2)
  const second = digits(s, 17, 2)
  const ms = digits(s, 20, 3)
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return Date.parse(s)
  return Date.UTC(year, month - 1, day, hour, minute, second, ms)
}

/** The number written by `n` decimal digits of `s` from `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    v = v * 10 + d
  }
  return v
}

const daysIn = (year: number, month: number) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])

/** Days between two spans given in ms (Infinity when a date is missing). */
function gapDays(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const gap = Math.max(bStart - aEnd, aStart - bEnd, 0)
  return Number.isNaN(gap) ? Infinity : gap / DAY_MS
}
