// Event clustering quality on the labelled week (../shared/corpus/events.tsv, and the same plus
// test/data/events/events-extra.tsv), with every other corpus file ingested as a distractor,
// next to a plain TF-IDF + average-linkage agglomerative baseline on the same articles.
// Run by `npm run eval`.
import { resolve } from 'node:path'
import type { Article } from '../src/article.js'
import { CorpusStats, articleWords, cosine, keywordVector, type TermVector } from '../src/analyze/keywords.js'
import { EventClusterer, defaultClusterOptions, type Assignment, type ClusterItem, type ClusterOptions, type ScoreParts } from '../src/cluster/events.js'
import { ArticleFeatures, clusterOrder, effectiveDate } from '../src/cluster/features.js'

export interface BCubed { precision: number; recall: number; f1: number }

/** B-cubed over the labelled items only: predicted clusters are restricted to labelled items. */
export function bcubed(gold: Map<string, string>, predicted: Map<string, string>): BCubed {
  const items = [...gold.keys()].filter((k) => predicted.has(k))
  let p = 0
  let r = 0
  for (const i of items) {
    const sameGold = items.filter((j) => gold.get(j) === gold.get(i))
    const samePred = items.filter((j) => predicted.get(j) === predicted.get(i))
    const both = samePred.filter((j) => gold.get(j) === gold.get(i)).length
    p += both / samePred.length
    r += both / sameGold.length
  }
  const precision = p / items.length
  const recall = r / items.length
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) }
}

function baseline(ids: string[], vectors: Map<string, TermVector>, threshold: number): Map<string, string> {
  // Average linkage over cosine similarity, merging the most similar pair until none ≥ threshold.
  let clusters = ids.map((id) => [id])
  const sim = ids.map((a) => ids.map((b) => cosine(vectors.get(a)!, vectors.get(b)!)))
  const alive = ids.map(() => true)
  for (;;) {
    let best = -1
    let bi = -1
    let bj = -1
    for (let i = 0; i < ids.length; i++) {
      if (!alive[i]) continue
      for (let j = i + 1; j < ids.length; j++) if (alive[j] && sim[i][j] > best) [best, bi, bj] = [sim[i][j], i, j]
    }
    if (best < threshold) break
    const ni = clusters[bi].length
    const nj = clusters[bj].length
    for (let k = 0; k < ids.length; k++) sim[bi][k] = sim[k][bi] = (sim[bi][k] * ni + sim[bj][k] * nj) / (ni + nj)
    clusters[bi] = [...clusters[bi], ...clusters[bj]]
    alive[bj] = false
  }
  clusters = clusters.filter((_, i) => alive[i])
  return new Map(clusters.flatMap((c, n) => c.map((id) => [id, `b${n}`] as const)))
}

/** A named set of event labels: (path relative to the corpus files, event id, event name) rows. */
export interface LabelSet { readonly name: string; readonly labels: ReadonlyArray<readonly [string, string, string?]> }

const fmt = (s: BCubed) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`

export interface EventScores {
  /** B³ of the online clusterer at its default threshold, per label set. */
  readonly online: ReadonlyMap<string, BCubed>
  /** The baseline's best F1 over its thresholds, per label set. */
  readonly baselineBest: ReadonlyMap<string, number>
}

export function evaluateEvents(articles: Article[], labelSets: readonly LabelSet[], filesRoot: string): EventScores {
  const online = new Map<string, BCubed>()
  const baselineBest = new Map<string, number>()
  const byLocator = new Map(articles.map((a) => [resolve(a.provenance.locator), a]))
  // Replayed in the order of the best date known for each article, as clusterArticles does.
  const ordered = clusterOrder(articles)
  // Online, as in ingestion: each article updates the archive's statistics, then is weighed by them.
  const stats = new CorpusStats()
  const vectors = new Map<string, TermVector>()
  for (const a of ordered) {
    const w = articleWords(a.title, a.text)
    if (!a.duplicateOf) stats.observe(w.words)
    vectors.set(a.id, keywordVector(w, (x) => stats.idf(x)))
  }
  // The online clusterer's own features (keywords without archive furniture, headline pairs, dates); the baseline keeps plain TF-IDF.
  const features = new ArticleFeatures()
  const items = new Map(ordered.map((a) => [a.id as string, features.item(a)]))
  // Every label set is scored on the same clustering of the whole corpus (labelled + distractors).
  const golds = labelSets.map(({ name, labels }) => {
    const gold = new Map<string, string>()
    const names = new Map<string, string>()
    for (const [path, event, eventName] of labels) {
      const a = byLocator.get(resolve(filesRoot, path))
      if (a) gold.set(a.id, event)
      if (eventName) names.set(event, eventName)
    }
    const sizes = new Map<string, number>()
    for (const ev of gold.values()) sizes.set(ev, (sizes.get(ev) ?? 0) + 1)
    const multi = [...sizes.values()].filter((n) => n > 1).length
    console.log(`events: ${name} labels: ${gold.size} of ${labels.length} labelled articles ingested (${multi} events with ≥ 2 articles, ${sizes.size - multi} singletons)`)
    return { name, gold, names }
  })
  console.log(`events: ${articles.length} articles clustered (labelled + distractors); B³ per label set: ${golds.map((g) => g.name).join(' | ')}`)
  // Diagnostics (--events) use the last, largest label set.
  // The default among them whatever it is: the floors and --events read the run at the default.
  const thresholds = [...new Set([0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26, defaultClusterOptions.threshold])].sort((a, b) => a - b)
  for (const threshold of thresholds) {
    const c = new EventClusterer({ ...defaultClusterOptions, threshold })
    const started = performance.now()
    // EVAL_ORDER=K: the K-th reshuffling of each day (as --sweep scores them) instead of publication order.
    const k = Number(process.env.EVAL_ORDER ?? 0)
    for (const a of k ? withinDayOrders(ordered, k + 1)[k] : ordered) c.add(items.get(a.id)!)
    const ms = performance.now() - started
    const predicted = new Map([...c.assignments].map(([id, as]) => [id, as.eventId]))
    if (process.argv.includes('--events') && threshold === defaultClusterOptions.threshold) diagnose(golds[Number(process.env.EVAL_SET ?? golds.length - 1)], c, items, articles)
    console.log(`  online   t=${threshold.toFixed(2)}: ${golds.map((g) => fmt(bcubed(g.gold, predicted))).join(' | ')}  (${c.events.length} events, ${(ordered.length / (ms / 1000)).toFixed(0)} articles/s)`)
    // --sweep: the spread over reshuffled days at every threshold, not only the default (slow).
    if (process.argv.includes('--sweep') && threshold !== defaultClusterOptions.threshold) console.log(`           over ${ORDERS} orders: F1 mean ${meanOverOrders(ordered, items, golds, { ...defaultClusterOptions, threshold })}`)
    if (threshold === defaultClusterOptions.threshold) for (const g of golds) online.set(g.name, bcubed(g.gold, predicted))
  }
  // Online clustering depends on arrival order, and articles of one day arrive in no particular
  // order: the same code scores ±0.01 F1 on another order of the same days. Decisions between
  // variants need the spread, so the default threshold is also scored over reshuffled days.
  console.log(`  online   t=${defaultClusterOptions.threshold.toFixed(2)} over ${ORDERS} orders of each day's articles: F1 mean ${meanOverOrders(ordered, items, golds, defaultClusterOptions)}`)
  // The baseline is O(n³): it runs on the labelled articles plus the distractors of the same week,
  // once per label set, so that each set's figures do not depend on the others' labels.
  const inWeek = (a: Article) => a.publishedAt !== undefined && a.publishedAt >= '2021-06-08' && a.publishedAt <= '2021-06-22'
  const weeks = golds.map((g) => ordered.filter((a) => g.gold.has(a.id) || inWeek(a)).map((a) => a.id))
  for (const threshold of [0.1, 0.15, 0.2]) {
    const scores = golds.map((g, i) => bcubed(g.gold, baseline(weeks[i], vectors, threshold)))
    golds.forEach((g, i) => baselineBest.set(g.name, Math.max(baselineBest.get(g.name) ?? 0, scores[i].f1)))
    console.log(`  baseline t=${threshold.toFixed(2)}: ${scores.map(fmt).join(' | ')}  (TF-IDF + average linkage over ${weeks.map((w) => w.length).join(' | ')} articles of the week)`)
  }
  return { online, baselineBest }
}

const ORDERS = 8

/** Mean B³ F1 (lowest–highest) per label set over ORDERS orders of each day's articles, formatted. */
function meanOverOrders(ordered: readonly Article[], items: ReadonlyMap<string, ClusterItem>, golds: ReadonlyArray<{ gold: Map<string, string> }>, opts: ClusterOptions): string {
  const spread = golds.map(() => [] as number[])
  // --orders: per labelled event, the B³ F1 lost in each order, for those where orders disagree.
  const losses = new Map<string, number[]>()
  const orders = withinDayOrders(ordered, ORDERS)
  orders.forEach((order, k) => {
    const c = new EventClusterer(opts)
    for (const a of order) c.add(items.get(a.id)!)
    const predicted = new Map([...c.assignments].map(([id, as]) => [id, as.eventId]))
    golds.forEach((g, i) => spread[i].push(bcubed(g.gold, predicted).f1))
    if (process.argv.includes('--orders') && opts === defaultClusterOptions)
      for (const [ev, loss] of lossByEvent(golds[0].gold, predicted)) {
        const row = losses.get(ev) ?? losses.set(ev, new Array(orders.length).fill(0)).get(ev)!
        row[k] = loss
      }
  })
  for (const [ev, row] of [...losses].sort((a, b) => Math.max(...b[1]) - Math.min(...b[1]) - (Math.max(...a[1]) - Math.min(...a[1])))) {
    if (Math.max(...row) - Math.min(...row) >= 0.002) console.log(`    ${ev.padEnd(6)} F1 lost in each order (first label set): ${row.map((x) => x.toFixed(3)).join(' ')}`)
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
  return spread.map((xs) => `${mean(xs).toFixed(3)} (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)})`).join(' | ')
}

/**
 * --events: every labelled event the clustering splits, and every predicted event holding
 * articles of several labelled ones, with each member's decision (founded, joined, copy; the
 * event it was first placed in when merged), its score, breadth, dates and headline.
 */
function diagnose(set: { gold: Map<string, string>; names: ReadonlyMap<string, string> }, clusterer: EventClusterer, items: ReadonlyMap<string, ClusterItem>, articles: readonly Article[]): void {
  const assignments: ReadonlyMap<string, Assignment> = clusterer.assignments
  const byId = new Map(articles.map((a) => [a.id as string, a]))
  const eventOf = (id: string) => assignments.get(id)!.eventId
  const line = (id: string) => {
    const a = byId.get(id)!
    const as = assignments.get(id)!
    const it = items.get(id)!
    const decision = `${as.reason}${as.mergedFrom ? ` (in ${as.mergedFrom} first)` : ''} ${as.score.toFixed(2)}${as.breadth ? ` breadth ${as.breadth.toFixed(1)}` : ''}`
    const dates = `${(it.dateHint ?? it.publishedAt ?? 'undated').slice(0, 10)}${it.incidentDate ? ` incident ${it.incidentDate}` : ''}${it.digest ? ' digest' : ''}`
    return `   ${(set.gold.get(id) ?? '').padEnd(5)} ${eventOf(id)} ${decision.padEnd(28)} ${dates.padEnd(30)} ${a.outletId}: ${a.title.slice(0, 60)}`
  }
  const group = (key: (id: string) => string) => {
    const out = new Map<string, string[]>()
    for (const id of set.gold.keys()) if (assignments.has(id)) out.set(key(id), [...(out.get(key(id)) ?? []), id])
    return out
  }
  for (const [ev, ids] of group((id) => set.gold.get(id)!)) {
    const parts = new Set(ids.map(eventOf))
    if (parts.size < 2) continue
    // The part holding most of the event's members, and each other member's score against it
    // as it ended up: under the threshold (and by how much), or out of its time window.
    const counts = new Map<string, number>()
    for (const id of ids) counts.set(eventOf(id), (counts.get(eventOf(id)) ?? 0) + 1)
    const main = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]
    console.log(`SPLIT ${ev} into ${parts.size} events (most in ${main}): ${set.names.get(ev) ?? ''}`)
    for (const id of ids.sort((x, y) => eventOf(x).localeCompare(eventOf(y)))) {
      if (eventOf(id) === main || assignments.get(id)!.reason === 'copy') console.log(line(id))
      else {
        const p = clusterer.scoreAgainst(items.get(id)!, EventClusterer.indexOf(main))
        console.log(`${line(id)}  [vs ${main}: ${scoreParts(p)}${p.inWindow ? '' : ', out of window or past the span cap'}${p.otherSummit ? ', names another summit' : ''}]`)
      }
    }
  }
  for (const [p, ids] of group(eventOf)) {
    if (new Set(ids.map((id) => set.gold.get(id))).size < 2) continue
    console.log(`MIXED ${p}: ${[...new Set(ids.map((id) => set.gold.get(id)!))].join(', ')}`)
    // Each member's score against the event as it ended up, taken apart: a wrong member's
    // score is its own alone only against the others (the event's sums hold it too).
    for (const id of ids) console.log(`${line(id)}  [${(set.names.get(set.gold.get(id)!) ?? '').slice(0, 50)}] [${scoreParts(clusterer.scoreAgainst(items.get(id)!, EventClusterer.indexOf(p)))}]`)
  }
  // Which labelled events the B³ figures lose most on: a split of a large event costs more
  // than several small ones, and the SPLIT/MIXED lists above do not show it.
  const labelled = [...set.gold.keys()].filter((id) => assignments.has(id))
  const recallLoss = new Map<string, number>()
  const precisionLoss = new Map<string, number>()
  for (const i of labelled) {
    const sameGold = labelled.filter((j) => set.gold.get(j) === set.gold.get(i))
    const samePred = labelled.filter((j) => eventOf(j) === eventOf(i))
    const both = samePred.filter((j) => set.gold.get(j) === set.gold.get(i)).length
    const ev = set.gold.get(i)!
    recallLoss.set(ev, (recallLoss.get(ev) ?? 0) + 1 - both / sameGold.length)
    precisionLoss.set(ev, (precisionLoss.get(ev) ?? 0) + 1 - both / samePred.length)
  }
  const largest = (m: Map<string, number>) => [...m].filter(([, x]) => x > 0.01).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([ev, x]) => `${ev} ${(x / labelled.length).toFixed(3)}`).join(', ')
  console.log(`LOSS recall, by labelled event: ${largest(recallLoss)}`)
  console.log(`LOSS precision, by the labelled event of the article misplaced: ${largest(precisionLoss)}`)
}

/** B³ F1 lost per labelled event (its members' share of 1 − the mean of their precision and recall). */
function lossByEvent(gold: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): Map<string, number> {
  const labelled = [...gold.keys()].filter((id) => predicted.has(id))
  const out = new Map<string, number>()
  for (const i of labelled) {
    const sameGold = labelled.filter((j) => gold.get(j) === gold.get(i))
    const samePred = labelled.filter((j) => predicted.get(j) === predicted.get(i))
    const both = samePred.filter((j) => gold.get(j) === gold.get(i)).length
    const loss = 1 - (both / sameGold.length + both / samePred.length) / 2
    out.set(gold.get(i)!, (out.get(gold.get(i)!) ?? 0) + loss / labelled.length)
  }
  return out
}

/** A score and what it is made of: the keyword and headline parts, the share days apart and incident days kept, the spread divisor, breadth. */
const scoreParts = (p: ScoreParts) => `${p.score.toFixed(2)} = words ${p.content.toFixed(2)} + headline ${p.headline.toFixed(2)}, kept ${p.kept.toFixed(2)} of days/incidents, ÷ spread ${p.spread.toFixed(2)}, breadth ${p.breadth.toFixed(1)}`

/** The replay order, and ORDERS − 1 reshuffles of the articles within each day (seeded, so runs repeat). */
function withinDayOrders(ordered: readonly Article[], n: number): Article[][] {
  const day = new Map(ordered.map((a) => [a.id as string, (effectiveDate(a) ?? '9999').slice(0, 10)]))
  const orders: Article[][] = [[...ordered]]
  for (let k = 1; k < n; k++) {
    let seed = k * 7919
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32)
    const keyed = ordered.map((a) => ({ a, day: day.get(a.id)!, r: rand() }))
    keyed.sort((x, y) => x.day.localeCompare(y.day) || x.r - y.r)
    orders.push(keyed.map((x) => x.a))
  }
  return orders
}
