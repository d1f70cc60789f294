import type { DateHint, DateSource } from '../article.js'

export interface ParsedDate {
  readonly iso: string // 'YYYY-MM-DDTHH:MM:SSZ' when a time is known, else 'YYYY-MM-DD'
  readonly hasTime: boolean
}

// Archives start in the late 1990s; anything outside this window is a parse accident.
const MIN_YEAR = 1990
const MAX_YEAR = 2100

const pad = (n: number) => String(n).padStart(2, '0')

function validDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function dateOnly(y: number, m: number, d: number): ParsedDate | undefined {
  return validDay(y, m, d) ? { iso: `${y}-${pad(m)}-${pad(d)}`, hasTime: false } : undefined
}

function fromEpochMs(ms: number): ParsedDate | undefined {
  const d = new Date(ms)
  if (!Number.isFinite(ms) || d.getUTCFullYear() < MIN_YEAR || d.getUTCFullYear() > MAX_YEAR) return undefined
  return { iso: d.toISOString().replace(/\.\d{3}Z$/, 'Z'), hasTime: true }
}

const CN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/
const NUM_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/
const RFC_822 = /^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}/

/**
 * One date string as archives write it: RFC 822, ISO 8601 (with or without zone — a zoneless
 * time is taken as UTC, as Hexo and Jekyll generators write it), 2021-06-16, 2021年6月16日, or
 * an epoch in milliseconds. 'Invalid Date', 'NaN' and empty values are absent, not errors.
 */
export function parseDate(input: string | number | Date | undefined | null): ParsedDate | undefined {
  if (input === undefined || input === null) return undefined
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? undefined : fromEpochMs(input.getTime())
  if (typeof input === 'number') return fromEpochMs(input)
  const s = input.trim().replace(/^["']|["']$/g, '')
  if (!s || /^(invalid date|nan|null|undefined|none|-)$/i.test(s)) return undefined
  if (/^\d{12,13}$/.test(s)) return fromEpochMs(Number(s))
  const num = s.match(NUM_DATE)
  if (num) return dateOnly(+num[1], +num[2], +num[3])
  if (ISO_LIKE.test(s) || RFC_822.test(s)) {
    const zoned = ISO_LIKE.test(s) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(s) ? `${s.replace(' ', 'T')}Z` : s
    const ms = Date.parse(zoned)
    return Number.isNaN(ms) ? undefined : fromEpochMs(ms)
  }
  const cn = s.match(CN_DATE)
  if (cn) return dateOnly(+cn[1], +cn[2], +cn[3])
  return undefined
}

/** Dates in URLs and paths: /2021/06/17/, /2021-06-16/, 20210617 at a path-segment boundary. */
export function dateFromPath(path: string): ParsedDate | undefined {
  let s: string
  try {
    s = decodeURIComponent(path)
  } catch (e) {
    if (!(e instanceof URIError)) throw e
    s = path
  }
  const patterns = [
    /(?:^|[/_])((?:19|20)\d{2})[-/_.](\d{1,2})[-/_.](\d{1,2})(?=$|[/_\-.\s])/,
    // Media-offload folders append the upload time to the day: /uploads/2021/06/17193307/
    /\/((?:19|20)\d{2})\/(\d{2})\/(\d{2})\d{6}\//,
    /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=$|[/_\-.])/,
  ]
  for (const re of patterns) {
    const m = s.match(re)
    const d = m && dateOnly(+m[1], +m[2], +m[3])
    if (d) return d
  }
  return undefined
}

// Strongest evidence first. A front-matter or epoch date is what the archive's generator
// recorded; a byline is what the page printed; paths and image folders are circumstantial; an
// estimate from the site's numbering (as an exported archive re-read says) is last.
const PRIORITY: readonly DateSource[] = ['jsonl', 'front-matter', 'epoch-comment', 'feed', 'html-meta', 'byline', 'url', 'path', 'image-path', 'body', 'sequence']

/** The best date among all evidence, with its source. Never invents one. */
export function chooseDate(hints: readonly DateHint[]): { publishedAt?: string; dateSource: DateSource } {
  for (const source of PRIORITY) {
    // Pictures are uploaded before the article goes out, and old ones get reused: the
    // latest upload date is the best bound on when the article was published.
    if (source === 'image-path') {
      const latest = hints.filter((h) => h.source === source).map((h) => dateFromPath(h.value)?.iso).filter(Boolean).sort().pop()
      if (latest) return { publishedAt: latest, dateSource: source }
      continue
    }
    for (const h of hints) {
      if (h.source !== source) continue
      const isPathLike = source === 'url' || source === 'path'
      const d = isPathLike ? dateFromPath(h.value) : parseDate(h.value)
      if (d) return { publishedAt: d.iso, dateSource: source }
    }
  }
  return { dateSource: 'none' }
}

const LABELLED_DATE = /(?:发布|發佈|發布|更新)?(?:时间|時間|日期)\s*[:：]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T\s]+\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|(?:[A-Za-z]{3},\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:GMT|UTC|[+-]\d{4}))?)/

/** A date the article prints about itself near its top: 发布时间：2021年6月15日. */
export function bylineDate(text: string): string | undefined {
  return text.slice(0, 600).match(LABELLED_DATE)?.[1]
}

// A first line that holds a date but is a sentence ("2021年6月9日，萨尔瓦多国会通过…。") or
// introduces the text ("据《路透社》2021年6月16日报道：") is the article's: its date is evidence,
// its words stay.
const NOT_A_DATELINE = /[。！？!?]|[:：]$/

// A wire-service dateline opens the report with the day it was filed: 新华社日内瓦2021年6月16日电,
// 西班牙2021年6月9日电/西喜社. Only near the top, where a dateline stands; later dates are the story's.
const DATELINE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*电/
const DATELINE_WITHIN_CHARS = 300

/** The date of a dateline at the top of the text (the weakest evidence: a body phrase). */
export function datelineDate(text: string): string | undefined {
  return text.slice(0, DATELINE_WITHIN_CHARS).match(DATELINE)?.[0]
}

/**
 * Feed archivers print the item's date as the body's first line ("Wed, 27 Jan 2021 14:00:25
 * GMT"). It is metadata, not text: returned separately as date evidence.
 */
export function splitDateline<T extends { text: string; blocks: readonly { type: string; text?: string }[] }>(c: T): { cleaned: T; dateline?: string } {
  const first = c.blocks.find((b) => b.type !== 'figure')
  const isDateline = !!first?.text && first.text.length <= 60 && (!!parseDate(first.text) || bylineDate(first.text) !== undefined && first.text.replace(LABELLED_DATE, '').trim() === '')
  if (!first?.text || !isDateline) return { cleaned: c }
  if (NOT_A_DATELINE.test(first.text)) return { cleaned: c }
  const blocks = c.blocks.filter((b) => b !== first)
  const text = c.text.startsWith(first.text) ? c.text.slice(first.text.length).replace(/^\n+/, '') : c.text
  return { cleaned: { ...c, blocks, text }, dateline: bylineDate(first.text) ?? first.text }
}

/**
 * Is this a day as YYYY-MM-DD that exists on the calendar? 2021-02-30 and 2021-13-45 are not:
 * filters refuse them rather than compare them as text.
 */
export function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
  const parsed = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === v
}
