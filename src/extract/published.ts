import { jsonLdDatePublished } from './json-ld.js'
import { foldLabels } from './label-fold.js'
import type { HeadInfo } from './normalize-html.js'

/** Meta names that carry the publication time, most specific first. */
const META_KEYS = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished', 'pubdate',
  'publishdate', 'publish_date', 'publish-date', 'publishtime', 'publish_time', 'dc.date.issued', 'dc.date',
  'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'date',
]

const pad = (n: string | number) => String(n).padStart(2, '0')

function isoOf(y: number, mo: number, d: number, h?: number, mi?: number, s?: number, zone = ''): string | undefined {
  if (y < 1990 || y > 2099 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined
  const date = `${y}-${pad(mo)}-${pad(d)}`
  if (h === undefined || mi === undefined) return date
  if (h > 23 || mi > 59 || (s ?? 0) > 59) return date
  return `${date}T${pad(h)}:${pad(mi)}${s === undefined ? '' : ':' + pad(s)}${zone}`
}

/**
 * "2021年6月16日 10:20", "2021-6-16 10:20:05", "2021/06/16", "2021.06.16", ISO 8601 with zone.
 * Local times stay without an offset: the page does not say which zone they are in.
 */
const DATE_RE =
  /((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))(?:\s*(?:T|\s)?\s*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/

export function parseDate(raw: string): string | undefined {
  const m = DATE_RE.exec(raw)
  if (m) {
    const num = (s: string | undefined) => (s === undefined ? undefined : Number(s))
    const zone = m[9] ? (m[9] === 'Z' ? 'Z' : m[9].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : ''
    return isoOf(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]), num(m[6]), num(m[7]), num(m[8]), zone)
  }
  // RFC 2822 and friends ("Thu, 17 Jun 2021 02:20:28 GMT") carry their zone; Date reads them.
  if (/[a-z]{3}/i.test(raw) && /\d{4}/.test(raw)) {
    const t = Date.parse(raw)
    if (!Number.isNaN(t)) return new Date(t).toISOString().replace(/\.000Z$/, 'Z')
  }
  return undefined
}

/** Dates in a line that says it is the publication line, e.g. "发布时间：2021-06-16 10:20 来源：…". */
const LABELLED = /(发布|发表|时间|日期|更新|来源|作者|记者|编辑|稿件|刊发|Posted|Published)/i

/**
 * Structured evidence first (meta, JSON-LD, <time>), then a date written near the title or
 * byline. `lines` is ordered nearest-to-the-title first; labelled lines beat bare dates, and
 * no date is made up when none is written.
 */
export function findPublished(head: HeadInfo, lines: readonly string[], readabilityTime?: string): string | undefined {
  for (const key of META_KEYS) {
    const meta = head.metas.find((m) => m.key === key)
    const iso = meta && parseDate(meta.content)
    if (iso) return iso
  }
  for (const raw of [jsonLdDatePublished(head.jsonLd), readabilityTime]) {
    const iso = raw && parseDate(raw)
    if (iso) return iso
  }
  for (const t of head.times) {
    const iso = parseDate(t)
    if (iso) return iso
  }
  const inLabelled = lines.find((l) => l.length <= 120 && LABELLED.test(foldLabels(l)) && parseDate(l))
  if (inLabelled) return parseDate(inLabelled)
  const bare = lines.find((l) => l.length <= 60 && parseDate(l))
  return bare ? parseDate(bare) : undefined
}
