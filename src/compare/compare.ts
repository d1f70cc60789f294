import { isHeadlineOnly, type Article } from '../article.js'
import { loadEntityTable } from '../analyze/entities.js'
import { tagWords } from '../analyze/tag.js'
import { dayIn } from '../analyze/zones.js'
import { alignClaims } from './align.js'
import { groupFigures, type FigureGroup } from './figures.js'
import { framing, type FramingTerm } from './framing.js'
import { eventIncident, eventZone, prepareArticle, unitSimilarity, type PreparedArticle, type Unit } from './prepare.js'
import { parseNumber } from '../analyze/numbers.js'
import type { Figure } from '../analyze/figures.js'
import { groupQuotes, type QuoteGroup } from './quotes.js'
import { charBigrams, lettersAndDigits } from '../text/char-class.js'
import { foldText } from '../normalize/fold.js'
import { loadRegistry } from '../outlets/registry.js'

export interface OutletMeta {
  readonly id: string
  readonly name: string
  readonly type?: string
  readonly country?: string
  readonly owner?: string
}

export interface EventRef {
  readonly id: string
  readonly title: string
  readonly start?: string
  readonly end?: string
}

export interface Citation {
  readonly articleId: string
  readonly outlet: string
  readonly text: string // the sentence as published
  readonly sentence: number
  /** The part of a long sentence that makes the claim, when it is not the whole sentence. */
  readonly piece?: string
  /** The sentence tells the claim as expected, not as happened (`isForecast`): 预计会在星期一宣布. */
  readonly expected?: true
}

export interface Claim {
  readonly id: string
  readonly text: string
  /** The outlets that carry the claim in their own words (or first). */
  readonly outlets: readonly string[]
  /** Outlets that only repeat another outlet's sentence word for word: echoes, not confirmation. */
  readonly relayedBy: readonly string[]
  readonly sentences: readonly Citation[]
}

export interface ComparedArticle {
  readonly id: string
  readonly outlet: string
  readonly title: string
  readonly publishedAt: string | null
  /** Published before the incident it reports happened: a preview. */
  readonly before: boolean
  /**
   * Its date is a lower bound or an estimate (a picture's upload folder, the site's numbering):
   * whether it came before the incident is not judged, and `before` is false for want of a date,
   * not because it followed the incident.
   */
  readonly beforeUnknown?: true
  /** Published more than a week after the incident: background. */
  readonly background: boolean
  /** Only a headline (a video or picture post without prose, `isHeadlineOnly`): it left nothing out that can be told. */
  readonly headlineOnly: boolean
  readonly incidentDate: string | null
  /** How many of its characters were compared, when not all of them (a very long text: `MAX_COMPARED_CHARS`). */
  readonly comparedChars?: number
  /** Its length, beside `comparedChars`. */
  readonly chars?: number
}

export interface Comparison {
  /**
   * `incidentZone`: the time zone the incident's day is a day of, where the articles tell
   * (`eventZone`): previews are judged by the day it was there when each was published.
   */
  readonly event: EventRef & { readonly incidentDate: string | null; readonly incidentZone?: string }
  readonly outlets: readonly OutletMeta[]
  readonly articles: readonly ComparedArticle[]
  /** Copies in other outlets of an article in this event: counted once, shown as relaying. */
  readonly relays: ReadonlyArray<{ readonly outlet: string; readonly articleId: string; readonly of: string; readonly originalId: string }>
  readonly claims: readonly Claim[]
  readonly consensus: readonly string[]
  readonly unique: Readonly<Record<string, readonly string[]>>
  readonly omissions: Readonly<Record<string, readonly string[]>>
  /**
   * Outlets that told something but share no claim with any other: they report another side
   * of the event (or another event), so what the others carry is not listed as left out by them.
   */
  readonly apart: readonly string[]
  readonly quotes: readonly QuoteGroup[]
  readonly figures: readonly FigureGroup[]
  readonly framing: Readonly<Record<string, readonly FramingTerm[]>>
  readonly summary: readonly string[]
}

const DAY_MS = 86_400_000
const BACKGROUND_AFTER_DAYS = 7
// An article longer than this is compared by its beginning, cut at a paragraph's end: a news
// report is a few thousand characters, and what runs to hundreds of thousands is a livestream's
// full transcript (450,000 characters; two of them took half a minute to align). The comparison
// says how much of it was read (`ComparedArticle.comparedChars`).
const MAX_COMPARED_CHARS = 40_000

/** The part of an article that is compared: all of it, or its beginning up to MAX_COMPARED_CHARS, cut at a paragraph's (else a sentence's) end. */
function comparedPart(a: Article): Article {
  if (a.text.length <= MAX_COMPARED_CHARS) return a
  const head = a.text.slice(0, MAX_COMPARED_CHARS)
  const paragraph = head.lastIndexOf('\n')
  const sentence = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'))
  const end = paragraph > MAX_COMPARED_CHARS / 2 ? paragraph : sentence > MAX_COMPARED_CHARS / 2 ? sentence + 1 : MAX_COMPARED_CHARS
  return { ...a, text: a.text.slice(0, end) }
}
const SUMMARY_SENTENCES = 5

/**
 * The claim-by-claim comparison of one event's articles. Copies count once (the original
 * stands for them); every finding cites the sentences it rests on.
 */
export function compareEvent(event: EventRef, members: readonly Article[], outletMeta: (id: string) => OutletMeta): Comparison {
  const byId = new Map(members.map((a) => [a.id as string, a]))
  const firstOf = firstTellers(members, byId)
  const originals = members.filter((a) => firstOf.get(a.id) === a)
  const relays: Array<{ outlet: string; articleId: string; of: string; originalId: string }> = members.flatMap((a) => {
    const first = firstOf.get(a.id)!
    return first !== a && first.outletId !== a.outletId ? [{ outlet: a.outletId, articleId: a.id as string, of: first.outletId, originalId: first.id as string }] : []
  })
  const table = loadEntityTable()
  const all = originals.map((a) => prepareArticle(comparedPart(a), table))
  // An article that mostly repeats another outlet's report word for word (a mirror, a wire
  // reprint the duplicate detector did not link) relays it: it counts once, as the original.
  const relayed = findRelays(all)
  for (const [articleId, original] of relayed) {
    const a = byId.get(articleId)!
    relays.push({ outlet: a.outletId, articleId, of: original.article.outletId, originalId: original.article.id })
  }
  const prepared = all.filter((p) => !relayed.has(p.article.id))
  const outletIds = [...new Set(prepared.map((p) => p.article.outletId))].sort()
  const incident = eventIncident(prepared)
  const zone = eventZone(prepared, incident)

  const claims = buildClaims(prepared)
  const n = outletIds.length
  const consensusMin = Math.max(2, Math.ceil(n / 2))
  const consensus = claims.filter((c) => c.outlets.length >= consensusMin).map((c) => c.id)
  const unique: Record<string, string[]> = {}
  const omissions: Record<string, string[]> = {}
  const salience = noveltyOf(prepared, claims)
  // An outlet shares a claim with another when both carry it, or one repeats the other's words.
  const shares = new Set(claims.filter((c) => c.outlets.length + c.relayedBy.length >= 2).flatMap((c) => [...c.outlets, ...c.relayedBy]))
  const toldBy = (o: string) => prepared.some((p) => p.article.outletId === o && !isHeadlineOnly(p.article) && p.units.length > 0)
  const telling = outletIds.filter(toldBy).length
  const apart: string[] = []
  for (const o of outletIds) {
    // What only this outlet reports, most informative first: words no other outlet used. A claim
    // another outlet only repeated word for word is still this outlet's alone (said so, by
    // `relayedBy`): left out, it was shown nowhere.
    // An outlet that tells one thing twice (a photo's caption and the lead, the lead and the body:
    // 美國總統川普揚言封殺短影音平台TikTok在美業務 / （中央社舊金山4日綜合外電報導）美國總統川普揚言封殺
    // 中國企業字節跳動（ByteDance）旗下短影音平台TikTok在美業務) has it listed once, in its fuller wording.
    const mine = claims.filter((c) => c.outlets.length === 1 && c.outlets[0] === o)
    unique[o] = withoutRepeats(mine)
      .sort((a, b) => salience.get(b.id)! - salience.get(a.id)!)
      .map((c) => c.id)
    // Omitted: carried by most of the other outlets (and at least two), not by this one. An
    // outlet that ran only a headline (a video) may have said all of it on screen: not told.
    // Only an outlet that told something can leave something out: a headline-only post, or a
    // text that is all credits and promotion (no sentence to compare), told nothing.
    const told = toldBy(o)
    // One that shares nothing with the others reports something else: it is said to stand apart.
    // (Among three or more outlets that told something: of two, neither stands apart from the other.)
    if (told && telling >= 3 && !shares.has(o)) apart.push(o)
    omissions[o] = !told || apart.includes(o) ? [] : claims.filter((c) => !c.outlets.includes(o) && c.outlets.length >= Math.max(2, Math.floor((n - 1) / 2) + 1)).map((c) => c.id)
  }

  // Two outlets' sentences aligned as one claim that each hold one figure of a kind are shown
  // together, whatever word stands before each (距离广东海岸约134公里 / 距离广东海岸线大约95.7公里;
  // `LocatedFigure.claim`, never a conflict by that alone).
  const claimOfSentence = new Map<string, string[]>()
  for (const c of claims) if (c.outlets.length >= 2) for (const s of c.sentences) claimOfSentence.set(`${s.articleId}|${s.sentence}`, [...(claimOfSentence.get(`${s.articleId}|${s.sentence}`) ?? []), c.id])
  // (Only where the outlet gives one figure of the kind in all its sentences of the claim: two
  // would be two quantities the claim gathered.)
  const kindInClaim = new Map<string, number>()
  const claimOf = (p: PreparedArticle, f: Figure) => {
    const ids = claimOfSentence.get(`${p.article.id}|${f.sentence}`) ?? []
    return ids.length === 1 ? ids[0] : undefined
  }
  const kindKey = (id: string, p: PreparedArticle, f: Figure) => `${id}|${p.article.outletId}|${f.dimension}|${f.unit}`
  for (const p of prepared) for (const f of p.figures) {
    const id = claimOf(p, f)
    if (id) kindInClaim.set(kindKey(id, p, f), (kindInClaim.get(kindKey(id, p, f)) ?? 0) + 1)
  }
  const located = prepared.flatMap((p) =>
    p.figures.map((f) => {
      const id = claimOf(p, f)
      const alone = id && kindInClaim.get(kindKey(id, p, f)) === 1
      return { ...f, outlet: p.article.outletId, articleId: p.article.id as string, sentenceText: p.sentences[f.sentence].text, ...(alone ? { claim: id } : {}) }
    }),
  )
  // Vocabulary from the sentences that report (those that gave claim units), not credits,
  // captions or a channel's promotion.
  const reporting = (p: PreparedArticle) => {
    const told = new Set(p.units.map((u) => u.sentence.n))
    return p.words.filter((_, k) => told.has(p.sentences[k].n))
  }
  // People, by the entity table or their part of speech (nr). Bodies and places are left in:
  // 中共 for 中国, 港府 for 香港政府 are how an outlet words what it covers.
  const nameMemo = new Map<string, string | null | undefined>()
  const nameOf = (w: string) => {
    if (!nameMemo.has(w)) {
      const def = table.resolve(w)
      nameMemo.set(w, def ? (def.type === 'person' ? def.id : undefined) : tagWords(w).some((t) => t.tag.startsWith('nr')) ? null : undefined)
    }
    return nameMemo.get(w)
  }
  // Each outlet's own names and aliases, which it uses of itself (法广记者): not its vocabulary.
  const registry = loadRegistry()
  const selfNames = new Map(
    outletIds.map((o) => {
      const entry = registry.byId(o)
      const names = [outletMeta(o).name, ...(entry ? [...Object.values(entry.names), ...entry.aliases] : [])]
      return [o, [...new Set(names.filter((x): x is string => !!x).map((x) => foldText(x).toLowerCase()))]]
    }),
  )
  const framingByOutlet = framing(new Map(outletIds.map((o) => [o, prepared.filter((p) => p.article.outletId === o).flatMap(reporting)])), nameOf, selfNames)
  const claimById = new Map(claims.map((c) => [c.id, c]))
  // An article that tells the event's central claim (the one most outlets carry) only as
  // expected (预计会在星期一宣布暂停引渡条约) while another outlet tells it as done was written before
  // it happened, whatever its day says: a same-day preview.
  // (Of the claims most outlets carry, when several tie, it must tell none as done.)
  const forecasting = new Set<string>()
  const most = Math.max(0, ...claims.map((c) => c.outlets.length))
  const central = most >= consensusMin ? claims.filter((x) => x.outlets.length === most) : []
  for (const id of new Set(central.flatMap((c) => c.sentences.map((s) => s.articleId)))) {
    const mine = central.flatMap((c) => c.sentences.filter((s) => s.articleId === id))
    const doneElsewhere = central.some((c) => c.sentences.some((s) => s.articleId === id) && c.sentences.some((s) => s.articleId !== id && !s.expected))
    if (mine.every((s) => s.expected) && doneElsewhere) forecasting.add(id)
  }
  const articles = prepared.map((p) => describeArticle(p, incident, zone, byId.get(p.article.id)!.text.length, forecasting.has(p.article.id)))
  return {
    event: { ...event, incidentDate: incident ?? null, ...(zone ? { incidentZone: zone } : {}) },
    outlets: outletIds.map(outletMeta),
    articles,
    relays,
    // Worded to read alone only here: matching the claims to their units and sentences above
    // goes by the piece as cut.
    claims: claims.map((c) => ({ ...c, text: claimHeading(c.text) })),
    consensus,
    unique,
    omissions,
    apart,
    quotes: groupQuotes(prepared),
    figures: groupFigures(located),
    framing: Object.fromEntries(outletIds.map((o) => [o, framingByOutlet.get(o) ?? []])),
    summary: summarize(consensus.map((id) => claimById.get(id)!), new Set(articles.filter((a) => a.before).map((a) => a.id))),
  }
}

/**
 * The article that stands for each copy and its original in the event (each article's, by id):
 * the original the archive keeps, unless another outlet's copy of it was published earlier by
 * dates of their own (a wire report the archive stored after an outlet's repost of it): the
 * outlet that wrote it first is the one that tells it, and the others relay it. A date read
 * from a picture's upload folder is only a lower bound (the copy must come before its day),
 * one estimated from a site's numbering too rough to tell; copies within one outlet (captures
 * of one page) leave the original as it is.
 */
function firstTellers(members: readonly Article[], byId: ReadonlyMap<string, Article>): Map<string, Article> {
  const originalOf = (a: Article) => (a.duplicateOf && byId.has(a.duplicateOf) ? byId.get(a.duplicateOf)! : a)
  const first = new Map<Article, Article>()
  for (const a of members) {
    const original = originalOf(a)
    const best = first.get(original) ?? original
    first.set(original, a.outletId !== original.outletId && writtenBefore(a, best) ? a : best)
  }
  return new Map(members.map((a) => [a.id as string, first.get(originalOf(a))!]))
}

/** Was `a` published before `b`, by dates that say so (`firstTellers`)? */
function writtenBefore(a: Article, b: Article): boolean {
  if (!a.publishedAt || !b.publishedAt || a.dateSource === 'image-path' || a.dateSource === 'sequence' || b.dateSource === 'sequence') return false
  const timed = (s: string) => s.length > 10
  // A day alone says nothing of the hour: only an earlier day is earlier (so is any day before a picture folder's).
  if (b.dateSource === 'image-path' || !timed(a.publishedAt) || !timed(b.publishedAt)) return a.publishedAt.slice(0, 10) < b.publishedAt.slice(0, 10)
  return Date.parse(a.publishedAt) < Date.parse(b.publishedAt)
}

// Share of an article's units found word for word in an earlier report by another outlet
// above which it relays that report rather than reporting itself.
const RELAY_SHARE = 0.6

// Copies differ in spacing, quotation marks and the odd edited word (外交使团 / 外国使领馆).
const NEAR_COPY = 0.8
const bigramCache = new Map<string, Set<string>>()
function bigramsOf(s: string): Set<string> {
  let b = bigramCache.get(s)
  if (!b) {
    b = charBigrams(s)
    if (bigramCache.size > 50_000) bigramCache.clear()
    bigramCache.set(s, b)
  }
  return b
}

/** Is one unit a (near) word-for-word copy of another? */
export function isNearCopy(a: string, b: string): boolean {
  const [plainA, plainB] = [lettersAndDigits(a), lettersAndDigits(b)]
  if (plainA === plainB) return true
  // A figure added, dropped or changed (…低于日本（55分）和台湾（46.4分） / …低于日本（55分）, 五名
  // / 六名董事) is an edit a reader should see, not a copy's slip.
  if (!sameNumbers(a, b)) return false
  if (isOneEdit(plainA, plainB)) return true
  const x = bigramsOf(a)
  const y = bigramsOf(b)
  if (!x.size || !y.size || Math.min(x.size, y.size) / Math.max(x.size, y.size) < NEAR_COPY) return false
  let both = 0
  for (const g of x) if (y.has(g)) both++
  return both / (x.size + y.size - both) >= NEAR_COPY
}

// The figures of a text, whether in digits or numerals (3年 = 三年; DW's 51,6 = 51.6), not its
// dates (周四（17日）): one report adds a date where another does not.
const numbersOf = (t: string) =>
  [...t.matchAll(/(?<!\d)(?:(\d+(?:[.,]\d+)*)(?![日号月\d])(?<!\d{4}(?=年))|([零〇一二两三四五六七八九十百千万亿]{1,12})(?=[个名人位次项架艘辆家座所条起例宗件份颗场轮批部票席处栋户剂针根张篇间岁年天周倍%]))/gu)]
    .map((m) => m[1] ?? m[2])
    .map((n) => parseNumber(/^\d+,\d{1,2}$/.test(n) ? n.replace(',', '.') : n))
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => a - b)
    .join('|')
const sameNumbers = (a: string, b: string) => numbersOf(a) === numbersOf(b)

/**
 * Do two texts differ in one edited stretch only, the rest word for word (然而，通过关闭外交使团，
 * 两国… / …外国使领馆，两国…)? In a short sentence one edited word already takes its bigram
 * overlap under NEAR_COPY. Not when the stretch holds a digit.
 */
function isOneEdit(x: string, y: string): boolean {
  const longer = Math.max(x.length, y.length)
  const shorter = Math.min(x.length, y.length)
  if (shorter < ONE_EDIT_MIN_CHARS) return false
  let head = 0
  while (head < shorter && x[head] === y[head]) head++
  let tail = 0
  while (tail < shorter - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++
  if (head + tail < NEAR_COPY * longer) return false
  // An edited figure (52例 / 61例) is another report's, not a copy's.
  return !/\d/.test(x.slice(head, x.length - tail) + y.slice(head, y.length - tail))
}
const ONE_EDIT_MIN_CHARS = 15

function findRelays(prepared: readonly PreparedArticle[]): Map<string, PreparedArticle> {
  const texts = prepared.map((p) => new Set(p.units.map((u) => lettersAndDigits(u.text))))
  const time = (p: PreparedArticle) => p.article.publishedAt ?? '9999'
  const out = new Map<string, PreparedArticle>()
  prepared.forEach((p, i) => {
    if (texts[i].size < 3) return
    let best: { j: number; share: number } | undefined
    prepared.forEach((q, j) => {
      if (j === i || q.article.outletId === p.article.outletId || out.has(q.article.id)) return
      // The original is the earlier one (ties: the longer one, which the other was cut from).
      if (time(q) > time(p) || (time(q) === time(p) && (texts[j].size < texts[i].size || (texts[j].size === texts[i].size && j > i)))) return
      let same = 0
      for (const t of texts[i]) if (texts[j].has(t)) same++
      const share = same / texts[i].size
      if (share >= RELAY_SHARE && (!best || share > best.share)) best = { j, share }
    })
    if (best) out.set(p.article.id, prepared[best.j])
  })
  return out
}

function buildClaims(prepared: readonly PreparedArticle[]): Claim[] {
  const outletOf = new Map(prepared.map((p) => [p.article.id as string, p.article.outletId]))
  const aligned = alignClaims(prepared.flatMap((p) => p.units))
  const time = new Map(prepared.map((p) => [p.article.id as string, `${p.article.publishedAt ?? '9999'}|${p.article.id}`]))
  const claims = aligned.map((c) => {
    // A sentence repeated (near) word for word by several outlets is one voice: the earliest's.
    const byTime = [...c.units].sort((a, b) => time.get(a.articleId)!.localeCompare(time.get(b.articleId)!))
    const voiced = byTime.filter((u, i) => !byTime.slice(0, i).some((e) => outletOf.get(e.articleId) !== outletOf.get(u.articleId) && isNearCopy(e.text, u.text)))
    const outlets = [...new Set(voiced.map((u) => outletOf.get(u.articleId)!))].sort()
    const relayedBy = [...new Set(c.units.map((u) => outletOf.get(u.articleId)!))].filter((o) => !outlets.includes(o)).sort()
    const seen = new Set<string>()
    const sentences: Citation[] = []
    // Each outlet's sentence that words the claim most nearly as its heading does first: what a
    // report cites for it (the first of an outlet's sentences could be one the claim only
    // gathered on the way, about something next to it).
    const nearest = new Map(c.units.map((u) => [u, u === c.central ? Infinity : unitSimilarity(u, c.central)]))
    for (const u of [...c.units].sort((a, b) => nearest.get(b)! - nearest.get(a)!)) {
      const key = `${u.articleId}|${u.sentence.n}`
      if (seen.has(key)) continue
      seen.add(key)
      const piece = unitText(u)
      sentences.push({
        articleId: u.articleId,
        outlet: outletOf.get(u.articleId)!,
        text: u.sentence.text,
        sentence: u.sentence.n,
        ...(piece.length < u.sentence.text.length - 2 ? { piece } : {}),
        // Judged on what is cited (a clause of a long sentence may state the fact, another the outlook).
        ...(isForecast(withoutAside(u.text)) ? { expected: true as const } : {}),
      })
    }
    // Worded as an outlet it is listed under words it: a central unit from one that only repeated
    // another (with its own edits, at times) would put its words under the other's name.
    const heading = outlets.includes(outletOf.get(c.central.articleId)!) ? c.central : voiced.reduce((best, u) => (nearest.get(u)! > nearest.get(best)! ? u : best))
    return { outlets, relayedBy, sentences, text: unitText(heading), order: position(c.units), weight: c.units.length }
  })
  // Most widely carried first; among equals, in the order the reports tell them.
  claims.sort((a, b) => b.outlets.length - a.outlets.length || a.order - b.order)
  return claims.map((c, i) => ({ id: `c${i + 1}`, text: c.text, outlets: c.outlets, relayedBy: c.relayedBy, sentences: c.sentences }))
}

// Words with which a report says what it, or those it cites, expect to happen: 拉布预计会在星期一
// 向议会宣布…, 外界认为届时他将宣布…, 双方料将签署…. Not 将 alone, nor 将于 or 计划: they also
// tell what an actor announced it will do (英方将立即暂停引渡协定, 新法将于明年施行), which happened.
// Not 预计, 预期 or 预料 as nouns (高于预计, 比预计提前, 降低了预期, 出乎预料, 预料之中), nor 没有预料到
// (what was not foreseen).
const FORECAST = /(?<!高于|低于|超出|超过|好于|差于|不及|比)预计|(?<!出乎|不出|超出|超乎|没有|没|未|未曾)预料(?!之)|预期(?:将|会|在|于)|料将|料会|可望|有望|届时|外界(?:认为|估计)|据悉将|或将|势将/u

/** Does a sentence (folded) tell what is expected rather than what happened? */
/**
 * A unit without the short clause glued to its end (…宣布暂停引渡条约，此举料将激怒北京。): too
 * short to be a unit of its own, it comments on the fact rather than telling it.
 */
function withoutAside(text: string): string {
  const cut = text.replace(/[。！？!?]+$/u, '').search(/[，,；;][^，,；;]*$/u)
  if (cut <= 0) return text
  const aside = text.slice(cut + 1)
  return (aside.match(/\p{Script=Han}/gu) ?? []).length < ASIDE_MAX_HAN ? text.slice(0, cut) : text
}
const ASIDE_MAX_HAN = 10

export function isForecast(folded: string): boolean {
  return FORECAST.test(folded)
}

// A sentence that opens with a connective continues another and reads badly alone; one that
// opens with 此前, 早前 tells the background, not the event.
const CONTINUES = /^(但|而|以及|并|此后|同时|另外|此外|对此|因此|所以|然而|不过|其次|首先|此前|早前|之前|“|「)/
// …but a contrast or addition set off by a comma (然而，…; 此外，…) only links it to the sentence
// before: without it the sentence reads on its own (然而，通过关闭外交使团，两国…). A bare 但 is
// often half of 虽然…但…还是, and stays.
const LINKING = /^(?:然而|不过|但是|同时|另外|此外|而且|但)[，,]\s*/u
// A sentence in the first person outside quotation marks (对我个人来讲，…使我们今后的工作十分麻烦) is
// someone's view in their own voice, a commentator's or an interviewee's, not what happened.
// (Not 我国, 我军, 我方, 我驻…, 我市: an outlet's voice for its country or city; nor 自我.)
// The second person outside quotation marks (你说你们…, 大家都可以…) is a speaker addressing an
// audience, a livestream's or a commentary's, not a report.
const FIRST_PERSON = /(?<!自)[我咱](?![国军方党驻省市区县校])|笔者|筆者|(?<!迷)[你您]|大家(?!庭)/u
// A summary's sentence is a statement that ends as one: not half a sentence cut at ；, a list
// item with no full stop, an exclamation (a livestream's 不可能！) or a question; a quotation
// ending the sentence ends it (…。」).
const ENDS_STATEMENT = /(?:[。.]|[。！？!?.][”」』"])$/u
const TRAILING_CREDIT = /\s*[（(][^（）()]{1,12}[)）]$/u
// …nor one that opens by pointing back at a sentence the summary does not hold (他说…, 该公司…,
// 这是…, 其中…; 他没有正面评论…, 她希望…: a pronoun whatever verb follows it). Not a name that begins
// so (他信·西那瓦, 其士集团), nor a word (他人, 他国, 其他).
const BACK_REFERENCE = /^(?:[他她它](?:们)?(?![人国乡日杀者律信])|其(?![他士余])|该|这(?:是|些|个|一|也|就|种|样|让|使))/u
// …quotations and titles (《你好，李焕英》) aside.
const withoutQuotations = (t: string) => t.replace(/[“「『《][^”」』》]*[”」』》]|"[^"]*"/gu, '')

/**
 * At most five sentences, one per consensus claim in order of how widely it is carried: for
 * each, the sentence that carries the claim's own wording (its most central unit), else the
 * shortest cited sentence that reads on its own (else the same without a linking word).
 * Previews (written before the incident) say what was expected, not what happened: they are not
 * drawn on.
 */
export function summarize(consensus: readonly Claim[], previews: ReadonlySet<string>): string[] {
  const out: string[] = []
  const readable = (t: string) => {
    if (t.length < 12 || t.length > 120 || CONTINUES.test(t) || out.some((o) => repeatsWording(o, t))) return false
    // Read folded (Simplified), so 該公司 and 這是 are caught as 该公司 and 这是 are; an agency's
    // credit or 完 in brackets after the full stop is not the sentence's end.
    const folded = foldText(t)
    return !BACK_REFERENCE.test(folded) && ENDS_STATEMENT.test(folded.trimEnd().replace(TRAILING_CREDIT, '')) && !FIRST_PERSON.test(withoutQuotations(folded))
  }
  for (const c of consensus) {
    // Reports of what happened, not previews of it, nor sentences that tell it as expected.
    const cited = c.sentences.filter((s) => !previews.has(s.articleId) && !s.expected).map((s) => withoutDateline(s.text))
    // The sentence that words the claim, else the readable one nearest its heading (citations come
    // nearest first): the shortest of all could be one the claim only gathered on the way.
    const pick = (texts: string[]) => texts.find((t) => t.includes(c.text) && readable(t)) ?? texts.find(readable)
    // A sentence as written first; one freed of its linking word only when none reads alone.
    const best = pick(cited) ?? pick(cited.map((t) => t.replace(LINKING, '')))
    if (best) out.push(best)
    if (out.length === SUMMARY_SENTENCES) break
  }
  return out
}

// Two summary sentences that share this many characters in a row tell one thing twice (…贵州总加分
// 考生占总数的45%，引起很大争议 / 当时有网络消息披露，贵州总加分考生占总数的45%…).
const SUMMARY_REPEAT_CHARS = 10

/** Do two sentences share SUMMARY_REPEAT_CHARS letters or digits in a row (folded, so either script)? */
function repeatsWording(a: string, b: string): boolean {
  const [x, y] = [lettersAndDigits(foldText(a)), lettersAndDigits(foldText(b))]
  const runs = new Set<string>()
  for (let i = 0; i + SUMMARY_REPEAT_CHARS <= x.length; i++) runs.add(x.slice(i, i + SUMMARY_REPEAT_CHARS))
  for (let i = 0; i + SUMMARY_REPEAT_CHARS <= y.length; i++) if (runs.has(y.slice(i, i + SUMMARY_REPEAT_CHARS))) return true
  return false
}

/**
 * Claims without those whose heading another's longer heading holds almost whole (REPEAT_SHARE
 * of its character pairs, Chinese characters and digits only): one outlet's second telling of a
 * thing it told already. Of two equally long, the first stays.
 */
function withoutRepeats(claims: readonly Claim[]): Claim[] {
  const pairs = claims.map((c) => {
    const t = foldText(c.text).replace(/[^\p{Script=Han}\d]/gu, '')
    return { length: t.length, all: Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2)) }
  })
  const sets = pairs.map((p) => new Set(p.all))
  return claims.filter((_, i) => {
    const mine = pairs[i].all
    if (mine.length < REPEAT_MIN_PAIRS) return true
    return !claims.some((_, j) => {
      if (j === i || pairs[j].length < pairs[i].length || (pairs[j].length === pairs[i].length && j > i)) return false
      return mine.filter((g) => sets[j].has(g)).length >= REPEAT_SHARE * mine.length
    })
  })
}
const REPEAT_SHARE = 0.8
const REPEAT_MIN_PAIRS = 10

/**
 * How much new information a claim carries: the summed weight of its words that no other
 * outlet's articles use (关塔那摩, 93分钟), so unique claims can be listed by importance.
 */
function noveltyOf(prepared: readonly PreparedArticle[], claims: readonly Claim[]): Map<string, number> {
  // Which outlets use each word, and the units of each cited sentence.
  const outletsOfWord = new Map<string, Set<string>>()
  const unitsBySentence = new Map<string, Unit[]>()
  for (const p of prepared) {
    for (const u of p.units) {
      for (const w of u.words.keys()) {
        if (w.startsWith('#')) continue
        const set = outletsOfWord.get(w)
        if (set) set.add(p.article.outletId)
        else outletsOfWord.set(w, new Set([p.article.outletId]))
      }
      const key = `${u.articleId}|${u.sentence.n}`
      const list = unitsBySentence.get(key)
      if (list) list.push(u)
      else unitsBySentence.set(key, [u])
    }
  }
  const out = new Map<string, number>()
  for (const c of claims) {
    // A word no other outlet uses: every outlet that uses it carries the claim.
    const novel = (w: string) => {
      const users = outletsOfWord.get(w)!
      if (users.size > c.outlets.length) return false
      for (const o of users) if (!c.outlets.includes(o)) return false
      return true
    }
    let score = 0
    let words = 0
    for (const s of c.sentences) {
      for (const u of unitsBySentence.get(`${s.articleId}|${s.sentence}`) ?? []) {
        const text = unitText(u)
        if (!c.text.includes(text) && !text.includes(c.text)) continue
        for (const [w, weight] of u.words) if (!w.startsWith('#') && novel(w)) score += weight
        words += u.words.size
      }
    }
    // Per square root of length: a long sentence is not news for being long.
    out.set(c.id, score / Math.sqrt(words || 1))
  }
  return out
}

// A byline or dateline glued to a lead (【文/观察者网 熊超然】, (德国之声中文网), 路透北京7月21日 - )
// says who wrote it and where, not what happened: a claim's wording and the summary go without it.
const DATELINE = /^\s*(【[^】]{1,24}】|[(（][^)）]{1,12}[)）]|[^，。,\s]{1,12}\d{1,2}月\d{1,2}日\s*[-–—]\s*)\s*/u

export function withoutDateline(text: string): string {
  const rest = text.replace(ENUMERATOR, '').replace(CREDIT, '').replace(DATELINE, '').replace(PLACE_DATELINE, (line, place: string, _at: number, all: string) => (isPlace(place) && !all.includes('——', line.length) ? '' : line))
  return rest.length >= 8 ? rest : text
}
// …and so does a picture's credit glued to the lead, where it plainly ends (图片来源：YOUTUBE 6月6日，…)…
const CREDIT = /^\s*(?:图片来源|圖片來源|图片|圖片|来源|來源|摄影|攝影)\s*[:：]\s*[A-Za-z0-9._\-]{1,24}\s+/u
// …and so does a list's number (2、他嫂子知道…, （一）, 3. but not 1.5亿).
// A number of one to ninety-nine as lists write it (not 五一, May Day), and not a range or a pair
// of numbers (十一、二月份, 四、五月间, 三、四十名).
const ENUMERATOR = /^\s*(?:[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|(?:\d{1,2}|[一二三四五六七八九十]|十[一二三四五六七八九]|[二三四五六七八九]十[一二三四五六七八九]?)[、.．](?![\d一二三四五六七八九十两零〇]|\s*[月日号年]))\s*/u
// 伦敦——, 北京—— (The New York Times' style): a place and a dash. Only a place (我的同龄人——,
// 接上文—— open sentences too), and not one a second dash closes (阿拉伯联盟——长期以来…——表示).
const PLACE_DATELINE = /^\s*([^\s，。,、“”「」—－-]{2,8})\s*(?:——|－－)\s*/u
function isPlace(name: string): boolean {
  if (loadEntityTable().resolve(name)?.type === 'place') return true
  const words = tagWords(foldText(name))
  return words.length === 1 && words[0].tag === 'ns'
}

/**
 * A claim's wording without the conjunction that tied its piece to the clause before (以及使两国
 * 大使返回…, 但他执政以后…, 此外，…): alone, it reads as a statement. Told by jieba's tag for a
 * conjunction, so 并购, 也门 stay; 另外3人 (the other three) keeps 另外, and a condition, a
 * concession or a reason keeps its conjunction (KEEPS_MEANING).
 */
export function claimHeading(text: string): string {
  let rest = text
  for (let k = 0; k < 2; k++) {
    const [first, next] = tagWords(rest.slice(0, 12))
    if (!first || first.tag !== 'c' || KEEPS_MEANING.test(first.word) || !rest.startsWith(first.word) || (next && /^m/.test(next.tag))) break
    const stripped = rest.slice(first.word.length).replace(/^[，,、\s]+/u, '')
    if (stripped.length < MIN_HEADING_CHARS) break
    rest = stripped
  }
  return rest
}
const MIN_HEADING_CHARS = 6
// Conjunctions that make what follows a condition, a concession or a reason, not a statement
// (若拜登提前跟普京有来往…, 虽然…但…): the claim keeps them.
const KEEPS_MEANING = /^(若|如果|如|假如|假若|倘若|要是|虽然|虽|尽管|即使|即便|哪怕|只要|只有|除非|无论|不论|不管|因为|由于|既然|为了|因而|所以|因此|于是)$/u

/** The unit's words as published (folding keeps offsets for all but rare characters). */
function unitText(u: Unit): string {
  const s = u.sentence
  const at = s.folded.indexOf(u.text)
  const text = at >= 0 && s.folded.length === s.text.length ? s.text.slice(at, at + u.text.length) : u.text
  const trimmed = withoutDateline(text).replace(/^[，,；;\s]+|[，,；;\s]+$/g, '')
  // A piece cut from a quotation keeps no dangling quotation mark.
  const opens = (trimmed.match(/[“「]/g) ?? []).length
  const closes = (trimmed.match(/[”」]/g) ?? []).length
  const curly = opens === closes ? trimmed : trimmed.replace(/^[“「]|[”」]$/g, '')
  // …nor a straight one (Deutsche Welle quotes with "): an odd count means one was cut off.
  return (curly.match(/"/g) ?? []).length % 2 ? curly.replace(/^"|"$/g, '') : curly
}

const position = (units: readonly Unit[]) => units.reduce((s, u) => s + u.sentence.n, 0) / units.length

/** `chars`: the length of the article's whole text (of which `p` may hold only the beginning). */
function describeArticle(p: PreparedArticle, incident: string | undefined, zone: string | undefined, chars: number, forecasting = false): ComparedArticle {
  const a = p.article
  const published = a.publishedAt ? Date.parse(a.publishedAt) : NaN
  const day = incident ? Date.parse(`${incident}T00:00:00Z`) : NaN
  const utcDay = Number.isNaN(published) ? NaN : Date.parse(`${new Date(published).toISOString().slice(0, 10)}T00:00:00Z`)
  // The day it was where the incident happened when the article came out (`eventZone`): a
  // report filed at 20:20 UTC on the 10th of a decision Beijing dates the 11th came out on the
  // 11th there, the incident's day; one filed at 20:45 UTC on the 15th of a summit in Geneva on
  // the 16th, the evening before it. A date without its hour is the day its writer gave; with
  // no zone to go by, the day is UTC's.
  const timed = !!a.publishedAt && a.publishedAt.length > 10
  const pubDay = zone && timed && !Number.isNaN(utcDay) ? Date.parse(`${dayIn(published, zone)}T00:00:00Z`) : utcDay
  // Before: published on an earlier day than the incident. An article of the same day
  // may be a preview or a first report; the day alone cannot tell, so it is marked only when
  // it tells what it shares with the others as expected (`forecasting`). Nor can a date read
  // from a picture's upload folder, which says only that the article came out no earlier (a post
  // reusing a picture uploaded weeks before), or one estimated from the site's numbering, right
  // only to a day or so: a folder's day on or after the incident day settles it.
  const uncertain =
    Number.isNaN(pubDay) || (a.dateSource === 'image-path' && !(pubDay >= day)) || (a.dateSource === 'sequence' && !(Math.abs(pubDay - day) > DAY_MS))
  let before = !uncertain && !Number.isNaN(day) && (pubDay < day || (forecasting && pubDay === day))
  // Where the zone moves the article to another day than UTC's, onto the incident's day or off
  // it, the article's own lead has the last word when it dates what it reports: a day before the
  // incident, or the incident's day as still to come, was written before it (RFA at 04:44 Beijing
  // time on 24 July 2020, telling of 23 July as Beijing ordered the Chengdu consulate shut later
  // that morning); the incident's day told as past, after it.
  const own = p.incident
  if (before !== (!uncertain && !Number.isNaN(day) && (utcDay < day || (forecasting && utcDay === day))) && own) {
    const ownDay = Date.parse(`${own.date}T00:00:00Z`)
    before = ownDay < day || (ownDay === day && own.future) || (forecasting && pubDay === day)
  }
  const background = !Number.isNaN(pubDay) && !Number.isNaN(day) && pubDay > day + BACKGROUND_AFTER_DAYS * DAY_MS
  const cut = chars > a.text.length ? { comparedChars: a.text.length, chars } : {}
  return { id: a.id, outlet: a.outletId, title: a.title, publishedAt: a.publishedAt ?? null, before, ...(uncertain && !Number.isNaN(day) ? { beforeUnknown: true as const } : {}), background, headlineOnly: isHeadlineOnly(a), incidentDate: p.incident?.date ?? null, ...cut }
}
