import { isHeadlineOnly, type Article } from '../../article.js'
import { NotFoundError, UsageError } from '../../errors.js'
import { foldKey } from '../../normalize/fold.js'
import { loadRegistry } from '../../outlets/registry.js'
import type { Store } from '../../store/store.js'
import { articleJson, fit, shortDate } from '../format.js'

const out = (s: string) => process.stdout.write(`${s}\n`)

export async function listArticles(store: Store, flags: { json?: boolean; outlet?: string; since?: string; until?: string; all?: boolean }) {
  let n = 0
  const outletId = flags.outlet === undefined ? undefined : await outletIdOf(store, flags.outlet)
  // In the interchange shape a copy follows the article it copies, even when it is dated before
  // it: read back (ingest of the .jsonl), the original comes first and the copy is again its copy.
  const emitted = new Set<string>()
  const waiting = new Map<string, Article[]>()
  const emit = (a: Article) => {
    out(JSON.stringify(articleJson(a)))
    emitted.add(a.id)
    for (const c of waiting.get(a.id) ?? []) emit(c)
    waiting.delete(a.id)
  }
  for await (const a of store.articles({ outletId, since: flags.since, until: flags.until, includeDuplicates: flags.all || flags.json })) {
    n++
    if (!flags.json) out(`${a.id}  ${shortDate(a.publishedAt)}  ${fit(a.outletName, 16)} ${a.duplicateOf ? `(copy of ${a.duplicateOf}) ` : ''}${a.title}`)
    else if (a.duplicateOf && !emitted.has(a.duplicateOf)) waiting.set(a.duplicateOf, [...(waiting.get(a.duplicateOf) ?? []), a])
    else emit(a)
  }
  // Copies whose original the filter left out: at the end, in their order.
  for (const list of waiting.values()) for (const c of list) emit(c)
  if (!flags.json) process.stderr.write(`${n} article${n === 1 ? '' : 's'}${flags.all ? '' : ' (copies hidden; --all shows them)'}\n`)
}

/**
 * The stored outlet a user names: by id, by the name the store gave it, or by any name or alias
 * the registry knows (美国之音, 美國之音, VOA). An outlet named nowhere is an error, not an empty list.
 */
export async function outletIdOf(store: Store, given: string): Promise<string> {
  const outlets = await store.outlets()
  const key = foldKey(given)
  const found = outlets.find((o) => o.id === given) ?? outlets.find((o) => foldKey(o.name) === key) ?? outlets.find((o) => o.id === loadRegistry().byName(given)?.id)
  if (!found) throw new UsageError(`no outlet called ${given} in this database (see: jianting outlets)`)
  return found.id
}

export async function showArticle(store: Store, id: string, flags: { json?: boolean }) {
  const a = await store.article(id)
  if (!a) throw new NotFoundError('article', id)
  const copies = await store.copiesOf(a.duplicateOf ?? a.id)
  if (flags.json) {
    out(JSON.stringify({ ...articleJson(a), copies: copies.map((c) => ({ id: c.id, locator: c.provenance.locator, reason: c.duplicateReason })) }))
    return
  }
  const lines = [
    a.title,
    '',
    `id          ${a.id}`,
    `outlet      ${a.outletName} (${a.outletId})`,
    ...(a.via ? [`via         ${a.via.outlet}${a.via.url ? ` ${a.via.url}` : ''}`] : []),
    `published   ${a.publishedAt ?? 'unknown'} (from ${a.dateSource})`,
    ...(a.author ? [`author      ${a.author}`] : []),
    ...(a.url ? [`url         ${a.url}`] : []),
    `language    ${a.lang}`,
    ...(isHeadlineOnly(a) ? ['text        headline only (a video or picture post without prose)'] : []),
    `source      ${a.provenance.kind} ${a.provenance.locator}`,
    `format      ${a.provenance.format}, sha256 ${a.provenance.sha256}`,
    ...(a.duplicateOf ? [`copy of     ${a.duplicateOf} (${a.duplicateReason})`] : []),
    ...copiesLines(a, copies),
    '',
    a.text,
    ...(a.images.length ? ['', 'Images:', ...a.images.map((i) => `  ${i.src}${i.caption ? `  — ${i.caption}` : ''}`)] : []),
  ]
  out(lines.join('\n'))
}

function copiesLines(a: Article, copies: Article[]): string[] {
  const others = copies.filter((c) => c.id !== a.id)
  if (!others.length) return []
  return [`copies      ${others.length}`, ...others.map((c) => `  ${c.id}  ${c.provenance.locator}  (${c.duplicateReason})`)]
}

export async function searchArticles(store: Store, query: string, flags: { json?: boolean; limit?: number }) {
  const hits = await store.search(query, { limit: flags.limit ?? 20 })
  for (const h of hits) {
    if (flags.json) out(JSON.stringify(h))
    else out(`${h.id}  ${shortDate(h.publishedAt)}  ${fit(h.outletName, 16)} ${h.title}\n    ${h.snippet}`)
  }
  if (!flags.json) process.stderr.write(`${hits.length} result${hits.length === 1 ? '' : 's'} for ${query}\n`)
}

export async function listOutlets(store: Store, flags: { json?: boolean }) {
  for (const o of await store.outlets()) {
    if (flags.json) out(JSON.stringify(o))
    else out(`${fit(o.id, 26)} ${fit(o.name, 22)} ${String(o.articles).padStart(6)}  ${o.known ? '' : '(not in registry)'}`)
  }
}

export async function listQuarantine(store: Store, flags: { json?: boolean }) {
  let n = 0
  for await (const q of store.quarantined()) {
    n++
    if (flags.json) out(JSON.stringify({ locator: q.locator, code: q.code, stage: q.stage, detail: q.detail, at: q.at }))
    else out(`${q.code.padEnd(26)} ${q.locator}\n    ${q.detail.split('\n')[0]}`)
  }
  if (!flags.json) process.stderr.write(`${n} quarantined\n`)
}
