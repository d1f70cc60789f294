import { OUTLET_TYPES, type OutletType } from '../outlets/registry.js'
import { escapeHtml as esc, trusted, type Markup } from './html.js'

// Quiet, distinguishable colours, one per outlet type (colour-blind safe Okabe–Ito order).
export const TYPE_COLOURS: Record<OutletType, string> = {
  'state-media': '#d55e00',
  'public-broadcaster': '#e69f00',
  'government-funded-international': '#0072b2',
  commercial: '#56b4e9',
  independent: '#009e73',
  'political-movement': '#cc79a7',
  forum: '#8c6d31',
  aggregator: '#999999',
  unknown: '#d0d7de',
}

/** One bar, split by outlet type in proportion to the outlets of each type. */
export function coverageBar(coverage: Partial<Record<OutletType, number>>, label: (t: OutletType) => string, widthPx = 240): Markup {
  const total = Object.values(coverage).reduce((s, n) => s + (n ?? 0), 0)
  if (!total) return trusted('')
  let x = 0
  const parts = OUTLET_TYPES.filter((t) => coverage[t]).map((t) => {
    const w = (coverage[t]! / total) * widthPx
    const r = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="10" fill="${TYPE_COLOURS[t]}"><title>${esc(label(t))}: ${coverage[t]}</title></rect>`
    x += w
    return r
  })
  const names = OUTLET_TYPES.filter((t) => coverage[t]).map((t) => `${label(t)} ${coverage[t]}`).join(', ')
  return trusted(`<svg class="bar" width="${widthPx}" height="10" viewBox="0 0 ${widthPx} 10" role="img" aria-label="${esc(names)}">${parts.join('')}</svg>`)
}

export function typeLegend(types: readonly OutletType[], label: (t: OutletType) => string): Markup {
  return trusted(
    `<div class="legend">${types
      .map((t) => `<span><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${TYPE_COLOURS[t]}"/></svg> ${esc(label(t))}</span>`)
      .join('')}</div>`,
  )
}

export interface TimelinePoint {
  readonly id: string
  readonly href: string
  readonly label: string
  readonly start?: string | null
  readonly end?: string | null
  readonly articles: number
}

const dayOf = (iso: string) => Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86_400_000

/**
 * A time axis with each event as a dot at its date (a bar over its span), its size the
 * number of reports; numbered to match the list beneath. Undated events are left out.
 */
export function timelineChart(points: readonly TimelinePoint[], title: string): Markup {
  const dated = points.filter((p) => p.start)
  if (!dated.length) return trusted('')
  const W = 1100
  const H = 150
  const pad = 40
  const d0 = Math.min(...dated.map((p) => dayOf(p.start!)))
  const d1 = Math.max(...dated.map((p) => dayOf(p.end ?? p.start!)))
  const span = Math.max(1, d1 - d0)
  const x = (d: number) => pad + ((d - d0) / span) * (W - 2 * pad)
  const axisY = 100
  const ticks = monthTicks(d0, d1).map(
    (t) => `<line x1="${x(t.day).toFixed(1)}" x2="${x(t.day).toFixed(1)}" y1="${axisY}" y2="${axisY + 5}" stroke="#8c959f"/><text x="${x(t.day).toFixed(1)}" y="${axisY + 20}" font-size="11" text-anchor="middle" fill="#656d76">${t.label}</text>`,
  )
  const maxN = Math.max(...dated.map((p) => p.articles))
  // A label is drawn only where it does not run into the last one drawn in its row (the list
  // under the chart names every event by its number; each mark's tooltip does too).
  const lastEnd = new Map<number, number>()
  const fits = (row: number, cx: number, text: string) => {
    const w = labelWidth(text)
    const anchor = cx < W * 0.2 ? 'start' : cx > W * 0.8 ? 'end' : 'middle'
    const from = anchor === 'start' ? cx : anchor === 'end' ? cx - w : cx - w / 2
    if (from < (lastEnd.get(row) ?? -Infinity) + LABEL_GAP) return false
    lastEnd.set(row, from + w)
    return true
  }
  const order = dated.map((p, i) => [p, i] as const).sort((a, b) => dayOf(a[0].start!) - dayOf(b[0].start!) || a[1] - b[1])
  const shownLabel = new Set<number>()
  for (const [p, i] of order) if (fits(i % 2, x(dayOf(p.start!)), `${p.start!.slice(0, 10)} ${short(p.label)}`)) shownLabel.add(i)
  const marks = dated.map((p, i) => {
    const s = dayOf(p.start!)
    const e = dayOf(p.end ?? p.start!)
    const r = 5 + 11 * Math.sqrt(p.articles / maxN)
    const cx = x(s)
    const row = i % 2 === 0 ? 66 : 40
    const spanBar = e > s ? `<rect x="${cx.toFixed(1)}" y="${axisY - 3}" width="${Math.max(2, x(e) - cx).toFixed(1)}" height="6" fill="#0b5cad" opacity="0.35"/>` : ''
    return `<a href="${esc(p.href)}" class="tl-event" data-event="${esc(p.id)}">${spanBar}<line x1="${cx.toFixed(1)}" x2="${cx.toFixed(1)}" y1="${row}" y2="${axisY}" stroke="#afb8c1"/><circle cx="${cx.toFixed(1)}" cy="${row}" r="${r.toFixed(1)}" fill="#0b5cad" fill-opacity="0.8"><title>${esc(`${p.start!.slice(0, 10)} ${p.label} (${p.articles})`)}</title></circle><text x="${cx.toFixed(1)}" y="${row + 4}" font-size="11" text-anchor="middle" fill="#fff">${i + 1}</text>${shownLabel.has(i) ? `<text x="${cx.toFixed(1)}" y="${row - r - 4}" font-size="12" text-anchor="${cx < W * 0.2 ? 'start' : cx > W * 0.8 ? 'end' : 'middle'}" fill="#1f2328">${esc(`${p.start!.slice(0, 10)} ${short(p.label)}`)}</text>` : ''}</a>`
  })
  return trusted(
    `<svg class="chart timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}"><line x1="${pad}" x2="${W - pad}" y1="${axisY}" y2="${axisY}" stroke="#8c959f"/>${ticks.join('')}${marks.join('')}</svg>`,
  )
}

const short = (s: string) => (s.length > 18 ? `${s.slice(0, 17)}…` : s)
// A label's width in the chart's units at 12px: a wide character (Han, full-width) about 12, others about 7.
const labelWidth = (text: string) => [...text].reduce((w, c) => w + (/[\u2e80-\uffef]/u.test(c) ? 12 : 7), 0)
const LABEL_GAP = 8

function monthTicks(d0: number, d1: number): Array<{ day: number; label: string }> {
  const start = new Date(d0 * 86_400_000)
  const out: Array<{ day: number; label: string }> = []
  let y = start.getUTCFullYear()
  let m = start.getUTCMonth() + 1
  const months = (d1 - d0) / 30
  const step = Math.max(1, Math.ceil(months / 12))
  for (;;) {
    if (m > 12) [y, m] = [y + 1, m - 12]
    const day = Date.UTC(y, m - 1, 1) / 86_400_000
    if (day > d1) break
    if (day >= d0) out.push({ day, label: `${y}-${String(m).padStart(2, '0')}` })
    m += step
  }
  if (!out.length) out.push({ day: d0, label: new Date(d0 * 86_400_000).toISOString().slice(0, 10) })
  return out
}

/** Monthly counts as bars, every month of the range shown (gaps are information too). */
export function volumeChart(volume: ReadonlyArray<{ month: string; articles: number }>, title: string): Markup {
  if (!volume.length) return trusted('')
  const months: string[] = []
  let [y, m] = volume[0].month.split('-').map(Number)
  const last = volume[volume.length - 1].month
  while (months.length < 600) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    months.push(key)
    if (key >= last) break
    m++
    if (m > 12) [y, m] = [y + 1, 1]
  }
  const count = new Map(volume.map((v) => [v.month, v.articles]))
  const W = 900
  const H = 180
  const pad = 36
  const max = Math.max(...volume.map((v) => v.articles))
  const bw = (W - 2 * pad) / months.length
  const every = Math.ceil(months.length / 12)
  const bars = months.map((mo, i) => {
    const n = count.get(mo) ?? 0
    const h = (n / max) * (H - 60)
    const x = pad + i * bw
    const label = i % every === 0 ? `<text x="${(x + bw / 2).toFixed(1)}" y="${H - 8}" font-size="11" text-anchor="middle" fill="#656d76">${mo}</text>` : ''
    return `<rect x="${(x + 1).toFixed(1)}" y="${(H - 30 - h).toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="#0b5cad"><title>${mo}: ${n}</title></rect>${label}`
  })
  return trusted(
    `<svg class="chart volume" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}"><text x="${pad}" y="14" font-size="11" fill="#656d76">max ${max}</text><line x1="${pad}" x2="${W - pad}" y1="${H - 30}" y2="${H - 30}" stroke="#8c959f"/>${bars.join('')}</svg>`,
  )
}
