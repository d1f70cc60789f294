import type { Comparison } from './compare.js'

// Every value from an article is text, escaped here: article content never becomes markup.
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * A self-contained HTML page of the comparison: no script, no remote resource, and a
 * Content-Security-Policy that forbids both, so it can be opened or mailed safely.
 */
export function comparisonHtml(c: Comparison): string {
  const name = (id: string) => esc(c.outlets.find((o) => o.id === id)?.name ?? id)
  const claim = new Map(c.claims.map((x) => [x.id, x]))
  const li = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>—</p>')
  const claimItem = (id: string) => {
    const x = claim.get(id)!
    const cites = x.sentences.map((s) => `<blockquote cite="#${esc(s.articleId)}"><b>${name(s.outlet)}</b>${s.expected ? ' <small>(expected)</small>' : ''}：${esc(s.text)}</blockquote>`).join('')
    const repeated = x.relayedBy.length ? `; repeated nearly word for word by ${x.relayedBy.map(name).join('、')}` : ''
    return `${esc(x.text)} <small>(${x.outlets.map(name).join('、')}${esc(repeated)})</small><details><summary>sources</summary>${cites}</details>`
  }
  const columns = c.articles
    .map((a) => {
      const o = c.outlets.find((x) => x.id === a.outlet)
      const flag =
        (a.before ? '<span class="flag">preview</span>' : a.background ? '<span class="flag">background</span>' : '') +
        (a.headlineOnly ? '<span class="flag">headline only</span>' : '') +
        (a.comparedChars ? `<span class="flag">long: its first ${a.comparedChars.toLocaleString('en')} of ${a.chars!.toLocaleString('en')} characters compared</span>` : '')
      return `<section class="col" id="${esc(a.id)}"><h3>${name(a.outlet)} ${flag}</h3><p class="meta">${esc([o?.type, o?.country, o?.owner].filter(Boolean).join(' · '))}</p><p><b>${esc(a.title)}</b><br><small>${esc(a.publishedAt ?? '')}</small></p>
<h4>Only here</h4>${li((c.unique[a.outlet] ?? []).slice(0, 10).map(claimItem))}
${c.apart?.includes(a.outlet) ? '<p class="meta">Shares no claim with the other outlets: another side of the event, or another event.</p>' : `<h4>Left out</h4>${li((c.omissions[a.outlet] ?? []).map(claimItem))}`}
<h4>Vocabulary</h4><p>${(c.framing[a.outlet] ?? []).map((t) => esc(t.term)).join('、') || '—'}</p></section>`
    })
    .join('\n')
  const figures = c.figures
    .filter((g) => g.conflict || new Set(g.values.map((v) => v.outlet)).size >= 2)
    .map(
      (g) =>
        `<li class="${g.conflict ? 'conflict' : ''}"><b>${esc(g.subject)}</b> ${g.conflict ? '<span class="flag">conflict</span>' : ''}${li(
          g.values.map((v) => `${name(v.outlet)}: ${esc(v.text)}${v.modality === 'planned' ? ' <i>(planned)</i>' : ''}${v.relayed ? ` <i>(relayed from ${esc(v.relayed)})</i>` : ''} — ${esc(v.sentence)}`),
        )}</li>`,
    )
  const quotes = c.quotes.map((q) => `<b>${esc(q.speaker)}</b>：「${esc(q.text)}」 <small>(${q.outlets.map(name).join('、')})</small>`)
  return `<!doctype html>
<html lang="zh"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'">
<title>${esc(c.event.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}.cols{display:flex;gap:1rem;overflow-x:auto}.col{flex:1 0 18rem;border:1px solid #ddd;padding:.5rem 1rem;border-radius:6px}.meta{color:#666;font-size:.85em}.flag{background:#fde68a;padding:0 .3em;border-radius:3px;font-size:.8em}.conflict{background:#fee2e2}blockquote{margin:.3em 0 .3em 1em;color:#444}</style>
</head><body>
<h1>${esc(c.event.title)}</h1>
<p>Event ${esc(c.event.id)} · ${esc(c.event.start ?? '')} – ${esc(c.event.end ?? '')}${c.event.incidentDate ? ` · incident ${esc(c.event.incidentDate)}${c.event.incidentZone ? ` (${esc(c.event.incidentZone)})` : ''}` : ''}</p>
<h2>Summary</h2>${li(c.summary.map(esc))}
<h2>Consensus</h2>${li(c.consensus.map(claimItem))}
<h2>Outlets side by side</h2><div class="cols">${columns}</div>
<h2>Figures</h2>${li(figures)}
<h2>Quotes</h2>${li(quotes)}
</body></html>`
}
