import type { Figure } from '../analyze/figures.js'

export interface FigureValue {
  readonly value: number
  readonly valueMax?: number
  readonly text: string
  readonly outlet: string
  readonly articleId: string
  readonly sentence: string
  readonly modality: 'actual' | 'planned'
  readonly relayed?: string
  readonly approx: boolean
}

export interface FigureGroup {
  readonly subject: string
  readonly dimension: Figure['dimension']
  readonly unit: string
  readonly values: readonly FigureValue[]
  /** Outlets' own actual values disagree beyond rounding. */
  readonly conflict: boolean
  /** The disagreeing values, each outlet's headline figure: the largest it reports as happened. */
  readonly conflicting: readonly FigureValue[]
}

export interface LocatedFigure extends Figure {
  readonly outlet: string
  readonly articleId: string
  readonly sentenceText: string
  /** The claim its sentence was aligned into, when the sentence holds no other figure of its kind. */
  readonly claim?: string
}

// Characters too common in subjects to say two subjects are the same thing, and suffixes that
// make nouns of people and kinds (公务员 / 工会成员, 记者 / 学者) without saying which.
const WEAK_CHARS = new Set([...'的了是在和与个人国大小多中员者家方们性'])

/**
 * Figures grouped by what they measure: same dimension and unit, and subjects that share a
 * meaningful character (会谈 ~ 会议 ~ 普拜会 ~ 谈判, all timing the meeting). Inside a group, each
 * outlet's headline value is its largest actual figure — parts (93 and 87 minutes) add up to
 * it — and two outlets conflict when their headline values disagree beyond rounding.
 * Planned figures (预计, 计划) and relayed ones (据RT报道) are shown, never called conflicts.
 */
export function groupFigures(figures: readonly LocatedFigure[]): FigureGroup[] {
  const byKind = new Map<string, LocatedFigure[]>()
  for (const f of figures) {
    const key = `${f.dimension}|${f.dimension === 'count' ? f.unit : f.unit}`
    byKind.set(key, [...(byKind.get(key) ?? []), f])
  }
  const groups: FigureGroup[] = []
  for (const list of byKind.values()) {
    const { groups: found, named } = bySubject(list)
    for (const members of found) groups.push(describe(members, named))
  }
  return groups.sort((a, b) => Number(b.conflict) - Number(a.conflict) || outletsOf(b) - outletsOf(a) || b.values.length - a.values.length)
}

const outletsOf = (g: FigureGroup) => new Set(g.values.map((v) => v.outlet)).size

/**
 * The groups, and for each figure the group it would be in by what it measures alone (`named`):
 * figures grouped only because their sentences make one claim are shown side by side, but can
 * disagree without conflict (134 km on 17 July, 95.7 km on "the latest flight").
 */
function bySubject(list: readonly LocatedFigure[]): { groups: LocatedFigure[][]; named: Map<LocatedFigure, number> } {
  const parent = list.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  const strong = list.map((_, i) => i)
  const findStrong = (i: number): number => (strong[i] === i ? i : (strong[i] = findStrong(strong[i])))
  const join = (i: number, j: number) => {
    parent[find(i)] = find(j)
    strong[findStrong(i)] = findStrong(j)
  }
  const chars = list.map((f) => new Set([...f.subject].filter((c) => /\p{Script=Han}/u.test(c) && !WEAK_CHARS.has(c))))
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      // Two outlets' sentences of one claim, each with one figure of this kind: shown together,
      // unless they count things named apart (12名消防员 / 20名工人).
      const namedApart = list[i].dimension === 'count' && !!list[i].subject && !!list[j].subject && list[i].subject !== list[j].subject && ![...chars[i]].some((c) => chars[j].has(c))
      if (list[i].claim && list[i].claim === list[j].claim && list[i].outlet !== list[j].outlet && !namedApart) parent[find(i)] = find(j)
      // Counted in different places (全球 vs 全美, 非洲 vs no place): not the same count.
      if ((list[i].scope ?? '') !== (list[j].scope ?? '')) continue
      // The same large amount from two outlets is one figure, named or not (7969例 / 7969宗).
      if (sameLargeValue(list[i], list[j], chars[i], chars[j])) {
        join(i, j)
        continue
      }
      // A figure whose subject is unknown measures nothing comparable: it stays alone. So does a
      // count named only by its unit and the verb after it (9,500人确诊 in Florida, 131万人确诊
      // in Brazil), unless both were counted in one named place.
      if (!list[i].subject || !list[j].subject) continue
      // …nor one named by nothing but its unit (558万5100人 recovered worldwide, a county of 20多万人):
      // two such share a "subject" that says nothing of what they count.
      if ((unitNamed(list[i]) || unitNamed(list[j]) || unitOnly(list[i]) || unitOnly(list[j])) && !(list[i].scope && list[i].subject === list[j].subject)) continue
      // One activity or thing goes by many names (会谈 ~ 会议 ~ 谈判, 警员 ~ 员警): a shared
      // character will do. Not for sums: what they pay for is named by words of money (资金,
      // 金额, 基金) or by a verb (提供, 提议), which share characters across different sums;
      // theirs must share a word (无偿拨款 ~ 拨款).
      // A longer name shares a character with many things it is not (水面舰艇 ~ 军舰 by 舰, ~ 潜艇
      // by 艇): one of more than two characters must share a word.
      // One shared character is weak evidence, though (存活 ~ 存量, 居民 ~ 居首): it will do only for
      // values of one scale, as one quantity told twice would be (93 分钟的会议 ~ 87 分钟的会谈), not
      // 9 hours a virus survives on skin beside a month's stock of vaccine.
      const short = list[i].subject.length <= 2 && list[j].subject.length <= 2
      const money = list[i].dimension === 'money'
      const same = money
        ? (list[i].subject === list[j].subject && /\p{L}/u.test(withoutMoneyWords(list[i].subject).replace(/\|/gu, ''))) || shareBigram(withoutMoneyWords(list[i].subject), withoutMoneyWords(list[j].subject))
        : list[i].subject === list[j].subject || (!short ? shareBigram(list[i].subject, list[j].subject) : [...chars[i]].some((c) => chars[j].has(c)) && sameScale(list[i], list[j]))
      if (same) join(i, j)
    }
  }
  const out = new Map<number, LocatedFigure[]>()
  list.forEach((f, i) => out.set(find(i), [...(out.get(find(i)) ?? []), f]))
  return { groups: [...out.values()], named: new Map(list.map((f, i) => [f, findStrong(i)])) }
}

// Words that say a figure is money without saying which money: two sums of 资金 (the EU's rescue
// fund's, the ECB's for buying bonds) are no more one sum than any two amounts.
const MONEY_WORDS = /资金|金额|款项|经费|费用/gu
const withoutMoneyWords = (subject: string) => subject.replace(MONEY_WORDS, '|')

/** A count whose subject is its unit alone (5100人): what it counts is unknown. */
const unitOnly = (f: LocatedFigure) => f.dimension === 'count' && f.subject === f.unit

/** A count named only by its unit and the verb after it (人确诊, 人死亡): what it counts is unknown. */
const unitNamed = (f: LocatedFigure) => f.dimension === 'count' && f.subject !== f.unit && f.subject.startsWith(f.unit)

/**
 * Do two outlets give the same large amount, however each names it (7500亿欧元救援 / 7500亿欧元的
 * 疫后复苏基金; 7969例确诊 in two wordings)? A sum of a million or a count of ten thousand, equal to
 * its last significant digits, is seldom the same by chance — unless it is round: 1万亿欧元 of the
 * EU's budget and of the ECB's bond buying, or 300万 of anything, are the same only when what they
 * measure shares a character too (香港居民 / 香港公民).
 */
function sameLargeValue(a: LocatedFigure, b: LocatedFigure, charsA: ReadonlySet<string>, charsB: ReadonlySet<string>): boolean {
  if (a.outlet === b.outlet || a.valueMax !== undefined || b.valueMax !== undefined) return false
  const floor = a.dimension === 'money' ? 1e6 : a.dimension === 'count' ? 1e4 : Infinity
  if (a.value !== b.value || a.unit !== b.unit) return false
  // A count of four exact digits or more (7969例) is as seldom equal by chance as a large one.
  if (a.value < floor) return a.dimension === 'count' && a.value >= 1000 && significantDigits(a.value) >= 3
  return significantDigits(a.value) >= 2 || [...charsA].some((c) => charsB.has(c))
}

/** 7500亿 → 2, 1万亿 → 1, 2505593 → 7. */
const significantDigits = (v: number) => String(v).replace(/\./, '').replace(/^0+/, '').replace(/0+$/, '').length

/** Do two subjects share two adjacent Han characters (无偿拨款 ~ 拨款, 核弹头 ~ 弹头)? */
function shareBigram(a: string, b: string): boolean {
  for (let i = 0; i + 1 < a.length; i++) {
    const g = a.slice(i, i + 2)
    if (/^\p{Script=Han}{2}$/u.test(g) && b.includes(g)) return true
  }
  return false
}

function describe(members: readonly LocatedFigure[], named: ReadonlyMap<LocatedFigure, number> = new Map()): FigureGroup {
  const figureOf = new Map<FigureValue, LocatedFigure>()
  const values: FigureValue[] = members.map((f) => ({
    value: f.value,
    valueMax: f.valueMax,
    text: f.text,
    outlet: f.outlet,
    articleId: f.articleId,
    sentence: f.sentenceText,
    modality: f.modality,
    relayed: f.relayed,
    approx: f.approx,
  }))
  values.forEach((v, i) => figureOf.set(v, members[i]))
  // Two values can conflict only where what they measure put them together, not their claim alone.
  const comparable = (a: FigureValue, b: FigureValue) => named.get(figureOf.get(a)!) === named.get(figureOf.get(b)!)
  const counts = new Map<string, number>()
  for (const f of members) if (f.subject) counts.set(f.subject, (counts.get(f.subject) ?? 0) + 1)
  const subject = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? ''
  // Each outlet's headline value: the largest it reports as happened, over all its articles
  // (one report's 另外3人 仍被扣查 is part of another's 5人被捕, not a disagreement).
  const headline = new Map<string, FigureValue>()
  for (const v of values) {
    if (v.modality !== 'actual' || v.relayed) continue
    const cur = headline.get(v.outlet)
    if (!cur || v.value > cur.value) headline.set(v.outlet, v)
  }
  const heads = [...headline.values()]
  // A count whose subject is only its unit (5100人, 13万人) measures nothing known: the values
  // are shown side by side, never called a conflict.
  const known = !(members[0].dimension === 'count' && (subject === members[0].unit || members.every(unitNamed)))
  const conflicting = known ? heads.filter((a) => heads.some((b) => a.outlet !== b.outlet && !agree(a, b) && sameScale(a, b) && comparable(a, b))) : []
  return { subject, dimension: members[0].dimension, unit: members[0].unit, values, conflict: conflicting.length > 0, conflicting }
}

/**
 * Could two values be one quantity reported differently? Reports that disagree on a figure
 * disagree by a little (3 or 4 hours, 25 or 28 aircraft); figures MAX_CONFLICT_RATIO or more
 * apart under one subject count different things (cases in one city and in the country, deaths
 * in a week and since the start, a virus lasting 9 hours on skin and a month on a surface) and
 * are shown side by side, not called a conflict. Crowd estimates that differ tenfold come
 * relayed (警方称, 主办方称), which is never a conflict either.
 */
export function sameScale(a: Pick<FigureValue, 'value' | 'valueMax'>, b: Pick<FigureValue, 'value' | 'valueMax'>): boolean {
  const lo = Math.min(a.value, b.value)
  const hi = Math.max(a.valueMax ?? a.value, b.valueMax ?? b.value)
  return lo > 0 && hi / lo < MAX_CONFLICT_RATIO
}
const MAX_CONFLICT_RATIO = 3

/**
 * Do two values agree within rounding? Equal after rounding the finer to the coarser one's
 * precision (3 小时 vs 180 分钟, 约3小时 vs 3个小时), within a range, or close when hedged (约, 近).
 */
export function agree(a: FigureValue, b: FigureValue): boolean {
  const lo = (v: FigureValue) => v.value
  const hi = (v: FigureValue) => v.valueMax ?? v.value
  if (lo(a) <= hi(b) && lo(b) <= hi(a)) return true
  const diff = Math.min(Math.abs(lo(a) - hi(b)), Math.abs(lo(b) - hi(a)))
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value))
  const tolerance = a.approx || b.approx ? 0.1 : 0.02
  return scale > 0 && diff / scale <= tolerance
}
