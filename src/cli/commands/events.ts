import type { Article } from '../../article.js'
import { findEntities } from '../../analyze/entities.js'
import type { ClusteredEvent, Progress } from '../../cluster/cluster-articles.js'
import { defaultClusterOptions } from '../../cluster/events.js'
import { explainAssignment } from '../../cluster/explain.js'
import { placement } from '../../cluster/features.js'
import { cachedClusters, clusterStore, outletMetaOf } from '../../cluster/snapshot.js'
import type { Story } from '../../cluster/stories.js'
import { compareEvent } from '../../compare/compare.js'
import { eventIncident, prepareArticle } from '../../compare/prepare.js'
import { comparisonHtml } from '../../compare/report-html.js'
import { comparisonMarkdown } from '../../compare/report-md.js'
import { NotFoundError, UsageError } from '../../errors.js'
import type { Store } from '../../store/store.js'
import { fit, shortDate } from '../format.js'
import { countProgress } from '../progress.js'
import { outletIdOf } from './read.js'

const out = (s: string) => process.stdout.write(`${s}\n`)

const eventJson = (e: ClusteredEvent, storyId: string | undefined) => ({
  id: e.id,
  title: e.title,
  start: e.start ?? null,
  end: e.end ?? null,
  articleIds: e.articleIds,
  copies: e.copies,
  outlets: e.outlets,
  storyId: storyId ?? null,
  keywords: e.keywords,
})

/** Clustering's progress on stderr: seen on the first run over a large archive. */
function clusteringProgress(): Progress {
  let bar: ReturnType<typeof countProgress> | undefined
  return { start: (n) => (bar = countProgress('clustering articles', n)), update: (done) => bar?.update(done), stop: () => bar?.stop() }
}

/**
 * Events and stories, from the cache when it is current: then no article text is read (seconds
 * on a large archive), only the few articles a command shows.
 */
async function eventsAndStories(store: Store) {
  return (await cachedClusters(store)) ?? (await clusterStore(store, clusteringProgress()))
}

/** An event's reports, copies counted once (a copy goes with the article it copies). */
const reportsOf = (e: ClusteredEvent) => e.articleIds.length - e.copies

/** `1 article`, `2 articles`. */
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The stored articles of an event, read one by one (a handful, not the archive). */
const articlesOf = (store: Store, ids: readonly string[]) => Promise.all(ids.map(async (id) => (await store.article(id))!))

export interface EventFlags {
  readonly json?: boolean
  readonly min?: number
  readonly outlets?: number
  readonly outlet?: string
  readonly since?: string
  readonly until?: string
}

export async function listEvents(store: Store, flags: EventFlags) {
  const outletId = flags.outlet === undefined ? undefined : await outletIdOf(store, flags.outlet)
  const { events, storyOf } = await eventsAndStories(store)
  const reports = reportsOf
  // By overlap, as the API filters: an event still running on --since, begun by --until (so a
  // --since after --until asks for the events running over both days).
  const until = flags.until ? `${flags.until}\uffff` : undefined
  const shown = events
    .filter(
      (e) =>
        reports(e) >= (flags.min ?? 1) &&
        e.outlets.length >= (flags.outlets ?? 1) &&
        (!outletId || e.outlets.includes(outletId)) &&
        (!flags.since || (e.end ?? '') >= flags.since) &&
        (!until || (e.start ?? '') <= until),
    )
    .sort((a, b) => (b.end ?? '').localeCompare(a.end ?? '') || reports(b) - reports(a))
  for (const e of shown) {
    if (flags.json) out(JSON.stringify(eventJson(e, storyOf.get(e.id))))
    else out(`${e.id}  ${shortDate(e.start)}..${shortDate(e.end).slice(5)}  ${String(reports(e)).padStart(3)} art  ${fit(e.outlets.join(','), 28)} ${e.title}`)
  }
  if (!flags.json) process.stderr.write(`${shown.length} event${shown.length === 1 ? '' : 's'}\n`)
}

export async function showEvent(store: Store, id: string, flags: { json?: boolean }) {
  const { events, storyOf } = await eventsAndStories(store)
  const e = events.find((x) => x.id === id)
  if (!e) throw new NotFoundError('event', id)
  const byId = new Map((await articlesOf(store, e.articleIds)).map((a) => [a.id as string, a]))
  if (flags.json) return void out(JSON.stringify({ ...eventJson(e, storyOf.get(e.id)), incidentDate: incidentOf(e.articleIds.map((x) => byId.get(x)!)) ?? null }))
  // Copies count once, as everywhere: they are listed, and said to be copies.
  const copies = e.articleIds.filter((x) => byId.get(x)!.duplicateOf).length
  const reports = e.articleIds.length - copies
  out(`${e.title}\n  event ${e.id}, ${shortDate(e.start)} – ${shortDate(e.end)}, ${plural(reports, 'article')}${copies ? ` (and ${plural(copies, 'copy', 'copies')} of them)` : ''} from ${plural(e.outlets.length, 'outlet')}${storyOf.get(e.id) ? `, story ${storyOf.get(e.id)}` : ''}`)
  out(`  keywords: ${e.keywords.join(' ')}`)
  const incident = incidentOf(e.articleIds.map((x) => byId.get(x)!))
  if (incident) out(`  the incident is dated ${incident} (from the dates the reports' leads give)`)
  // Each report on the day clustering placed it: a date its headline or lead gives where the
  // publication date is missing or a reused picture's (marked *, with the published one below).
  // A date estimated from the site's numbering is marked ~.
  const marks = new Set<string>()
  for (const aid of e.articleIds) {
    const a = byId.get(aid)!
    const { placed, published, moved: m, estimated } = placement(a)
    const mark = m ? '*' : estimated ? '~' : ' '
    marks.add(mark)
    out(`  ${a.id}  ${shortDate(placed)}${mark} ${fit(a.outletId, 16)} ${a.title}${a.duplicateOf ? `  (copy of ${a.duplicateOf})` : ''}${mark === '*' ? `  [published: ${published ? `${published}, from ${a.dateSource ?? 'unknown'}` : 'no date'}]` : ''}`)
  }
  if (marks.has('*')) out(`  * not placed by its publication date (missing, or a reused picture's): by a date its headline or lead gives, or as undated (----------) where none does`)
  if (marks.has('~')) out(`  ~ no date of its own: estimated from the articles its site numbered next to it`)
  out(`\n  compare it: jianting compare ${e.id}`)
}

export async function compareCommand(store: Store, id: string, flags: { json?: boolean; md?: boolean; html?: boolean }) {
  if ([flags.json, flags.md, flags.html].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --md, --html')
  const e = (await eventsAndStories(store)).events.find((x) => x.id === id)
  if (!e) throw new NotFoundError('event', id)
  const members = await articlesOf(store, e.articleIds)
  const meta = await outletMetaOf(store)
  const comparison = compareEvent(e, members, meta)
  if (flags.json) out(JSON.stringify(comparison))
  else if (flags.html) out(comparisonHtml(comparison))
  else out(comparisonMarkdown(comparison))
}

const storyJson = (s: Story) => ({ id: s.id, title: s.title, start: s.start ?? null, end: s.end ?? null, eventIds: s.eventIds, entities: s.entities })

export async function listStories(store: Store, flags: { json?: boolean }) {
  const { stories, events } = await eventsAndStories(store)
  for (const s of stories) {
    if (flags.json) out(JSON.stringify(storyJson(s)))
    else out(`${s.id}  ${shortDate(s.start)}..${shortDate(s.end)}  ${String(s.eventIds.length).padStart(3)} events  ${s.title}  (${s.eventIds.map((id) => reportsOf(events.find((e) => e.id === id)!)).join('+')} article${s.eventIds.length === 1 && reportsOf(events.find((e) => e.id === s.eventIds[0])!) === 1 ? '' : 's'})`)
  }
  if (!flags.json) process.stderr.write(`${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}\n`)
}

export async function showStory(store: Store, id: string, flags: { json?: boolean }) {
  const { stories, events } = await eventsAndStories(store)
  const s = stories.find((x) => x.id === id)
  if (!s) throw new NotFoundError('story', id)
  const evs = s.eventIds.map((eid) => events.find((e) => e.id === eid)!)
  if (flags.json) return void out(JSON.stringify({ ...storyJson(s), events: evs.map((e) => eventJson(e, s.id)) }))
  out(`${s.title}\n  story ${s.id}, ${shortDate(s.start)} – ${shortDate(s.end)}; shared: ${s.entities.join('、')}`)
  for (const e of evs) out(`  ${shortDate(e.start)}  ${e.id}  ${String(reportsOf(e)).padStart(3)} art  ${fit(e.outlets.join(','), 28)} ${e.title}`)
}

export async function explainArticle(store: Store, id: string, flags: { json?: boolean }) {
  const { events, assignments } = await eventsAndStories(store)
  const a = assignments.get(id)
  if (!a) throw new NotFoundError('article', id)
  const event = events.find((e) => e.id === a.eventId)!
  const byId = new Map((await articlesOf(store, event.articleIds)).map((x) => [x.id as string, x]))
  // The clusterer records the names shared when an article joins; for the article that founded
  // the event (or a copy) they are worked out here against the event's other articles.
  const sharedEntities = a.sharedEntities.length ? [...a.sharedEntities] : entitiesShared(byId.get(id)!, event.articleIds.filter((x) => x !== id).map((x) => byId.get(x)!))
  // The event a founder came closest to may since have been merged into another: it is named
  // as the event that now holds it.
  const now = (eventId: string) => events.find((e) => e.id === eventId) ?? events.find((e) => e.articleIds.some((x) => assignments.get(x)?.mergedFrom === eventId))
  const describe = (eventId: string) => {
    const e = now(eventId)
    if (!e) return eventId
    return e.id === eventId ? `${e.id} "${e.title}"` : `${eventId} (now part of ${e.id} "${e.title}")`
  }
  const why = explainAssignment(a, defaultClusterOptions.threshold, describe, byId.get(id)?.duplicateOf)
  const nearest = a.nearest && { ...a.nearest, now: now(a.nearest.eventId)?.id ?? null }
  if (flags.json) return void out(JSON.stringify({ articleId: id, eventId: a.eventId, reason: a.reason, score: a.score, sharedTerms: a.sharedTerms, sharedEntities, explanation: why, eventTitle: event.title, ...(nearest ? { nearest } : {}) }))
  out(`${byId.get(id)!.title}\n  is in event ${a.eventId} "${event.title}" (${plural(reportsOf(event), 'article')}${event.copies ? ` and ${plural(event.copies, 'copy', 'copies')}` : ''})\n  because ${why}`)
  if (sharedEntities.length && !a.sharedEntities.length) out(`  names it shares with the event's other articles: ${sharedEntities.join('、')}`)
}

/** People, organisations and works an article names that other articles of its event also name. */
function entitiesShared(article: Article, others: readonly Article[]): string[] {
  const names = (a: Article) => new Map(findEntities(a.folded.slice(0, 3000)).filter((m) => m.type !== 'place').map((m) => [m.id, m.name]))
  const mine = names(article)
  const theirs = new Set(others.flatMap((o) => [...names(o).keys()]))
  return [...mine].filter(([id]) => theirs.has(id)).map(([, name]) => name)
}

const incidentOf = (articles: readonly Article[]) => eventIncident(articles.filter((a) => !a.duplicateOf).map((a) => prepareArticle(a)))
