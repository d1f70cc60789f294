import { findEntities, type EntityMention } from './entities.js'
import { parseNumber } from './numbers.js'
import type { Sentence } from './sentences.js'
import { zoneQualifier } from './zones.js'

export interface TimeExpr {
  readonly text: string
  /** YYYY-MM-DD for day precision, YYYY-MM for month precision. */
  readonly date: string
  readonly precision: 'day' | 'month'
  readonly sentence: number
  /** The sentence speaks of it as still to come (将, 计划, 即将). */
  readonly future: boolean
  /**
   * The time zone the date is told in, where the words right before it name one (北京时间6月17日:
   * Asia/Shanghai; 美东时间, 日内瓦当地时间): an IANA name. Not for 当地时间 alone, whose zone is
   * where the incident happened.
   */
  readonly zone?: string
}

const N = '(\\d{1,4}|[零〇一二两三四五六七八九十]{1,4})'
const FULL = new RegExp(`${N}年${N}月${N}[日号]`, 'gu')
const MONTH_DAY = new RegExp(`(?<![年\\d])${N}月${N}[日号]`, 'gu')
const DAY = new RegExp(`(?<![月\\d年])(\\d{1,2})[日号](?![本元])`, 'gu')
const WEEKDAY = /(上|下|本|这|上个|下个)?(?:周|星期|礼拜)([一二三四五六日天])/gu
const RELATIVE = /(今天|今日|昨天|昨日|前天|明天|明日|后天)/gu
const YEAR_MONTH = /(今年|去年|明年|前年)(\d{1,2}|[一二三四五六七八九十]{1,2})月(?!\d|[一二三四五六七八九十]{1,2}[日号])/gu
const WEEKDAYS = '日一二三四五六'
const TIME_CHARS = /[年月日号周期拜天]/u
const FUTURE = /(将|即将|计划|预计|拟|将会|准备|有望|预定)/u
// 将于25日, 定于, 计划在: a day to come. (Not 将 alone: 少将, 将嫌犯移交, 将近.)
const TO_COME = /(?:将|将会|即将|预计|计划|拟|定|预定|预料)(?:于|在)$/u
// 下周三（23日）: the day that follows names the coming week's day.
const NEXT_WEEK = /(下|下个)(周|星期|礼拜)[一二三四五六日天][（(]?$/u
const DAY_MS = 86_400_000

/**
 * Dates an article's sentences speak of, resolved against its publication date: 当地时间6月16日,
 * 16日, 周三 (the last Wednesday on or before publication unless 下周), 昨天, 今年3月. The
 * publication date is read in UTC+8, the zone most of these outlets write from. `mentions`, when
 * the caller has them, are each sentence's entities (`findEntities` of its folded text).
 */
export function findTimeExprs(sentences: readonly Sentence[], publishedAt: string | undefined, mentions?: ReadonlyArray<readonly EntityMention[]>): TimeExpr[] {
  if (!publishedAt) return []
  const pub = new Date(Date.parse(publishedAt) + 8 * 3_600_000)
  if (Number.isNaN(pub.getTime())) return []
  const pubYear = pub.getUTCFullYear()
  const pubDay = Date.UTC(pubYear, pub.getUTCMonth(), pub.getUTCDate())
  const out: TimeExpr[] = []
  sentences.forEach((sentence, k) => {
    // Every pattern below matches one of these characters, and blanking names only takes
    // characters away: a sentence holding none of them holds no time expression, and is not
    // searched for names (most sentences of a lead; the search was most of the cost here).
    if (!TIME_CHARS.test(sentence.folded)) return
    // Names that contain a time word (今日俄罗斯) are not time expressions: blank them first.
    let folded = sentence.folded
    for (const e of mentions?.[k] ?? findEntities(folded)) folded = folded.slice(0, e.at) + ' '.repeat(e.surface.length) + folded.slice(e.at + e.surface.length)
    const s = { ...sentence, folded }
    const future = FUTURE.test(s.folded)
    const clauseIsFuture = (at: number) => FUTURE.test(clauseAround(s.folded, at))
    const taken: Array<[number, number]> = []
    const add = (m: RegExpMatchArray, ms: number | undefined, precision: TimeExpr['precision'] = 'day') => {
      const at = m.index!
      if (ms === undefined || taken.some(([a, b]) => at < b && at + m[0].length > a)) return
      taken.push([at, at + m[0].length])
      const iso = new Date(ms).toISOString()
      // (Read in the sentence as written: a place's name blanked above can name the zone.)
      const zone = zoneQualifier(sentence.folded.slice(Math.max(0, at - 12), at))
      out.push({ text: m[0], date: precision === 'day' ? iso.slice(0, 10) : iso.slice(0, 7), precision, sentence: s.n, future, ...(zone ? { zone } : {}) })
    }
    for (const m of s.folded.matchAll(FULL)) add(m, ymd(num(m[1]), num(m[2]), num(m[3])))
    for (const m of s.folded.matchAll(MONTH_DAY)) {
      const month = num(m[1])
      const day = num(m[2])
      let ms = ymd(pubYear, month, day)
      // A date far after publication is last year's (a January article about 12月28日).
      if (ms !== undefined && ms > pubDay + 60 * DAY_MS) ms = ymd(pubYear - 1, month, day)
      add(m, ms)
    }
    for (const m of s.folded.matchAll(DAY)) {
      const day = num(m[1])
      const month = pub.getUTCMonth() + 1
      let ms = ymd(pubYear, month, day)
      // A day later in the month is last month's, unless what comes before it says it is to come
      // (下周三（23日）開審, 将于25日举行); then an earlier day is next month's (published on the
      // 25th, 将于3日举行 is the 3rd of next month).
      const before = s.folded.slice(Math.max(0, m.index! - 8), m.index!)
      const ahead = NEXT_WEEK.test(before) || TO_COME.test(before)
      if (ms !== undefined && ms > pubDay + 2 * DAY_MS && !ahead) ms = month === 1 ? ymd(pubYear - 1, 12, day) : ymd(pubYear, month - 1, day)
      else if (ms !== undefined && ms < pubDay - 2 * DAY_MS && ahead) ms = month === 12 ? ymd(pubYear + 1, 1, day) : ymd(pubYear, month + 1, day)
      add(m, ms)
    }
    for (const m of s.folded.matchAll(WEEKDAY)) {
      const target = WEEKDAYS.indexOf(m[2] === '天' ? '日' : m[2])
      const today = new Date(pubDay).getUTCDay()
      let back = (today - target + 7) % 7
      if (m[1]?.startsWith('下')) back -= 7
      else if (m[1]?.startsWith('上')) back += 7
      else if (back > 0 && !m[1] && clauseIsFuture(m.index!)) back -= 7 // 将于周五 speaks of the coming Friday
      add(m, pubDay - back * DAY_MS)
    }
    for (const m of s.folded.matchAll(RELATIVE)) {
      const shift = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2, 明天: 1, 明日: 1, 后天: 2 }[m[1]] ?? 0
      add(m, pubDay + shift * DAY_MS)
    }
    for (const m of s.folded.matchAll(YEAR_MONTH)) {
      const year = pubYear + ({ 今年: 0, 去年: -1, 明年: 1, 前年: -2 }[m[1]] ?? 0)
      add(m, ymd(year, num(m[2]), 1), 'month')
    }
  })
  return out.sort((a, b) => a.sentence - b.sentence)
}

function clauseAround(text: string, at: number): string {
  const start = Math.max(...[...'，,。；;：:'].map((p) => text.lastIndexOf(p, at))) + 1
  const ends = [...'，,。；;：:'].map((p) => text.indexOf(p, at)).filter((i) => i >= 0)
  return text.slice(start, ends.length ? Math.min(...ends) : text.length)
}

const num = (s: string) => parseNumber(s) ?? NaN

function ymd(year: number, month: number, day: number): number | undefined {
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined
  const ms = Date.UTC(year, month - 1, day)
  return new Date(ms).getUTCDate() === day ? ms : undefined
}

/** The sentences of an article's lead: where its incident's day is read (`incidentDate`), and where it happened (compare's `eventZone`). */
export const LEAD_SENTENCES = 3

/**
 * The day an article says its incident happened: the first day-precise date in its headline
 * or lead (the first three sentences), where news puts it. Not a day of an earlier year that
 * falls on the day it was written (`writtenAt`): that is the day an anniversary remembers
 * (【6.12两周年】… 2019年6月12日), not the day of what it reports.
 */
export function incidentDate(exprs: readonly TimeExpr[], leadSentences = LEAD_SENTENCES, writtenAt?: string): TimeExpr | undefined {
  return exprs.find((e) => e.precision === 'day' && e.sentence < leadSentences && !(writtenAt && isAnniversary(e.date, writtenAt)))
}

/** Is `date` (YYYY-MM-DD) of an earlier year than `writtenAt` but within a day of it in the year? */
function isAnniversary(date: string, writtenAt: string): boolean {
  const [year, written] = [Number(date.slice(0, 4)), Number(writtenAt.slice(0, 4))]
  if (!(year < written)) return false
  const sameYear = Date.parse(`${written}${date.slice(4, 10)}`)
  return Math.abs(sameYear - Date.parse(writtenAt.slice(0, 10))) <= DAY_MS
}
