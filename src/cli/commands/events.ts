import type { Article } from '../../article.js'
import { clusterArticles } from '../../cluster/cluster-articles.js'
import { NotFoundError } from '../../errors.js'
import type { Store } from '../../store/store.js'
import { fit, shortDate } from '../format.js'

const out = (s: string) => process.stdout.write(`${s}\n`)

// Events are computed from the stored articles on each call (not yet persisted): ids are
// stable for a given archive but change when articles are added before them.
async function clusterStore(store: Store) {
  const articles: Article[] = []
  for await (const a of store.articles({ includeDuplicates: true })) articles.push(a)
  return { articles, ...clusterArticles(articles) }
}

export async function listEvents(store: Store, flags: { json?: boolean; min?: number }) {
  const { events } = await clusterStore(store)
  const shown = events.filter((e) => e.articleIds.length >= (flags.min ?? 1)).sort((a, b) => (b.end ?? '').localeCompare(a.end ?? '') || b.articleIds.length - a.articleIds.length)
  for (const e of shown) {
    if (flags.json) out(JSON.stringify({ id: e.id, title: e.title, start: e.start ?? null, end: e.end ?? null, articleIds: e.articleIds, outlets: e.outlets, storyId: null, keywords: e.keywords }))
    else out(`${e.id}  ${shortDate(e.start)}..${shortDate(e.end).slice(5)}  ${String(e.articleIds.length).padStart(3)} art  ${fit(e.outlets.join(','), 28)} ${e.title}`)
  }
  if (!flags.json) process.stderr.write(`${shown.length} events\n`)
}

export async function explainArticle(store: Store, id: string, flags: { json?: boolean }) {
  const { articles, events, assignments } = await clusterStore(store)
  const a = assignments.get(id)
  if (!a) throw new NotFoundError('article', id)
  const event = events.find((e) => e.id === a.eventId)!
  const title = (x: string) => articles.find((y) => y.id === x)?.title ?? x
  if (flags.json) return void out(JSON.stringify({ articleId: id, eventId: a.eventId, reason: a.reason, score: a.score, sharedTerms: a.sharedTerms, eventTitle: event.title }))
  const why =
    a.reason === 'founded'
      ? 'it founded this event: no earlier event within the time window was similar enough'
      : a.reason === 'copy'
        ? 'it is a copy of an article already in this event'
        : `similarity ${a.score.toFixed(3)} to the event (threshold 0.1); shared keywords: ${a.sharedTerms.join(' ')}`
  out(`${title(id)}\n  is in event ${a.eventId} "${event.title}" (${event.articleIds.length} articles)\n  because ${why}`)
}
