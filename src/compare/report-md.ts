import { foldText } from '../normalize/fold.js'
import type { Citation, Comparison } from './compare.js'
import type { FigureGroup, FigureValue } from './figures.js'

const QUOTE_CHARS = 80
const MAX_UNIQUE_PER_OUTLET = 12
const MAX_OMISSIONS_PER_OUTLET = 6

/** The comparison as a report a person reads: one section per kind of finding, each cited. */
export function comparisonMarkdown(c: Comparison): string {
  const name = (id: string) => c.outlets.find((o) => o.id === id)?.name ?? id
  const names = (ids: readonly string[]) => ids.map(name).join('、')
  const claim = new Map(c.claims.map((x) => [x.id, x]))
  // A long sentence is quoted by the part that makes the claim, so the reader sees why it is cited.
  // …and one that tells it as expected says so.
  const cite = (s: Citation) => `> ${name(s.outlet)}${s.expected ? ' (expected)' : ''}：「${s.piece && s.text.length > QUOTE_CHARS ? excerpt(s.text, s.piece) : short(s.text)}」`
  const out: string[] = []
  out.push(`# ${c.event.title}`, '')
  out.push(`Event \`${c.event.id}\`, ${c.event.start?.slice(0, 10) ?? '?'} – ${c.event.end?.slice(0, 10) ?? '?'}${c.event.incidentDate ? `; the incident is dated ${c.event.incidentDate}${c.event.incidentZone ? ` (${c.event.incidentZone})` : ''}` : ''}.`, '')

  out.push('## Outlets', '', '| outlet | type | country | owner | article | published |', '|---|---|---|---|---|---|')
  for (const a of c.articles) {
    const o = c.outlets.find((x) => x.id === a.outlet)
    const mark =
      (a.before ? ' **(preview: written before the incident)**' : a.background ? ' (background, long after)' : a.beforeUnknown ? ' (date uncertain: not judged a preview or not)' : '') +
      (a.headlineOnly ? ' (headline only: a video or picture post)' : '') +
      (a.comparedChars ? ` (long: its first ${a.comparedChars.toLocaleString('en')} of ${a.chars!.toLocaleString('en')} characters compared)` : '')
    out.push(`| ${cell(name(a.outlet))} | ${cell(o?.type ?? '')} | ${cell(o?.country ?? '')} | ${cell(o?.owner ?? '')} | ${cell(a.title)}${mark} | ${a.publishedAt?.slice(0, 16).replace('T', ' ') ?? ''} |`)
  }
  for (const r of c.relays) out.push('', `${name(r.outlet)} relays ${name(r.of)} (article \`${r.articleId}\` is a copy of \`${r.originalId}\`).`)
  out.push('')

  if (c.summary.length) out.push('## Summary', '', ...c.summary.map((s) => `- ${s}`), '')

  out.push(`## Consensus (${c.consensus.length})`, '', 'Claims carried by at least half of the outlets, and at least two.', '')
  if (!c.consensus.length) out.push('None.')
  for (const id of c.consensus) {
    const x = claim.get(id)!
    const echo = x.relayedBy.length ? ` (repeated nearly word for word by ${names(x.relayedBy)})` : ''
    out.push(`- **${x.text}** — ${names(x.outlets)}${echo}`, ...firstPerOutlet(x.sentences).map((s) => `  ${cite(s)}`))
  }
  out.push('')

  out.push('## Only one outlet reports', '', 'Claims no other outlet tells in its own words. Another outlet may repeat the sentence nearly word for word (marked): an echo is not a second source.', '')
  for (const o of c.outlets) {
    const ids = c.unique[o.id] ?? []
    if (!ids.length) continue
    out.push(`### ${o.name} (${ids.length})`, '')
    for (const id of ids.slice(0, MAX_UNIQUE_PER_OUTLET)) {
      const x = claim.get(id)!
      out.push(`- ${x.text}${x.relayedBy.length ? ` (repeated nearly word for word by ${names(x.relayedBy)})` : ''}`)
    }
    if (ids.length > MAX_UNIQUE_PER_OUTLET) out.push(`- … and ${ids.length - MAX_UNIQUE_PER_OUTLET} more (see --json)`)
    out.push('')
  }

  out.push('## Left out', '', 'Claims most of the other outlets carry and this one does not.', '')
  const leaving = c.outlets.filter((o) => (c.omissions[o.id] ?? []).length)
  if (!leaving.length) out.push('None.', '')
  for (const o of leaving) {
    const ids = c.omissions[o.id]
    const preview = c.articles.some((a) => a.outlet === o.id && a.before) ? ' — a preview, written before the incident' : ''
    out.push(`### ${o.name}${preview}`, '')
    // Each with where the others say it, as a consensus claim is shown.
    for (const id of ids.slice(0, MAX_OMISSIONS_PER_OUTLET)) {
      const x = claim.get(id)!
      out.push(`- **${x.text}** — ${names(x.outlets)}`, ...firstPerOutlet(x.sentences).slice(0, 2).map((s) => `  ${cite(s)}`))
    }
    if (ids.length > MAX_OMISSIONS_PER_OUTLET) out.push(`- … and ${ids.length - MAX_OMISSIONS_PER_OUTLET} more (see --json)`)
    out.push('')
  }
  if (c.apart?.length) out.push(`${names(c.apart)}: no claim shared with the other outlets. ${c.apart.length > 1 ? 'They report' : 'It reports'} another side of the event, or another event; what the others carry is not listed as left out.`, '')

  out.push('## Quotes by speaker', '')
  if (!c.quotes.length) out.push('None found.', '')
  const bySpeaker = new Map<string, typeof c.quotes>()
  for (const q of c.quotes) bySpeaker.set(q.speaker, [...(bySpeaker.get(q.speaker) ?? []), q])
  for (const [speaker, qs] of bySpeaker) {
    out.push(`### ${speaker}`, '')
    for (const q of qs) out.push(q.kind === 'quoted' ? `- 「${short(q.text)}」 — ${names(q.outlets)}` : `- (reported) ${short(q.text)} — ${names(q.outlets)}`)
    out.push('')
  }

  out.push('## Figures', '')
  const shown = c.figures.filter((g) => g.conflict || new Set(g.values.map((v) => v.outlet)).size >= 2)
  if (!shown.length) out.push('No figure is reported by more than one outlet (all figures are in --json).', '')
  for (const g of shown) out.push(...figureSection(g, name), '')

  out.push('## Vocabulary', '', "Each outlet's distinctive words against the others (weighted log-odds, z ≥ 1.96).", '')
  for (const o of c.outlets) {
    const terms = c.framing[o.id] ?? []
    out.push(`- **${o.name}**: ${terms.length ? terms.map((t) => `${t.term} (${t.score.toFixed(1)})`).join('、') : '—'}`)
  }
  out.push('')
  return out.join('\n')
}

function figureSection(g: FigureGroup, name: (id: string) => string): string[] {
  const head = `### ${g.subject || g.dimension} (${g.dimension}${g.conflict ? ', **conflict**' : ''})`
  const lines = [head, '']
  if (g.conflict) lines.push(`Outlets disagree: ${g.conflicting.map((v) => `${name(v.outlet)} ${v.text}`).join(' vs ')}.`, '')
  // One line per figure as cited: an outlet's two articles may carry one sentence.
  const seen = new Set<string>()
  for (const v of g.values) {
    const line = `- ${name(v.outlet)}: ${v.text}${label(v)} — 「${v.sentence.length > QUOTE_CHARS ? excerpt(v.sentence, around(v.sentence, v.text)) : v.sentence}」`
    if (!seen.has(line) && seen.add(line)) lines.push(line)
  }
  return lines
}

const label = (v: FigureValue) => [v.modality === 'planned' ? ' (planned/expected)' : '', v.relayed ? ` (relayed from ${v.relayed})` : ''].join('')

function firstPerOutlet(sentences: readonly Citation[]): Citation[] {
  const seen = new Set<string>()
  return sentences.filter((s) => !seen.has(s.outlet) && seen.add(s.outlet))
}

/** The QUOTE_CHARS of a long sentence around a figure's text, so the citation shows the figure. */
function around(sentence: string, text: string): string {
  // The figure was read from folded text (Simplified, half-width), which keeps the sentence's offsets.
  const folded = foldText(sentence)
  const at = (folded.length === sentence.length ? folded : sentence).indexOf(text)
  if (at < 0) return sentence
  const start = Math.max(0, Math.min(at - Math.floor((QUOTE_CHARS - text.length) / 2), sentence.length - QUOTE_CHARS))
  return sentence.slice(start, start + QUOTE_CHARS)
}

/** The piece of a sentence, with … where the sentence goes on before or after it. */
function excerpt(sentence: string, piece: string): string {
  const at = sentence.indexOf(piece)
  if (at < 0) return short(piece)
  const before = /[\p{L}\p{N}]/u.test(sentence.slice(0, at)) ? '…' : ''
  const after = /[\p{L}\p{N}]/u.test(sentence.slice(at + piece.length)) ? '…' : ''
  return `${before}${short(piece)}${after}`
}

const short = (s: string) => (s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS)}…` : s)
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
