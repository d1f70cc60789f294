// The clustered archive that the incremental clustering benches continue: the corpus's real
// articles (../shared/corpus, or the example archive without it) repeated week after week
// under new ids until the archive holds BENCH_EVENTS_ARTICLES (default 100,000). All but the
// last BENCH_EVENTS_NEW are stored in a SQLite database and clustered from scratch as
// `events` does; the last ones are returned, not stored, for a bench to add.
// BENCH_EVENTS_LIVE=1 makes the new ones the densest run in time of the last repetition (its
// busiest days, with every copy of them), as feeds add a day's news of many outlets; by
// default they are the repetition's last in ingest order (what an archive of all years adds:
// dates spread over the corpus's years, meeting events of many weeks).
// BENCH_EVENTS_BASE=FILE keeps the clustered base database in FILE, and a later run with the
// same FILE starts from it (it must be rebuilt, by deleting FILE, whenever the clustering code
// changes, or the update starts from scratch and the bench stops with an error).
// BENCH_EVENTS_RESTAMP=1 lets the code of this build continue a kept base saved by another
// build (its saved state is stamped with this one's version): for timing a change that keeps
// the saved state's meaning only, such as a faster read or save; a change to features or
// decisions needs a base of its own, and so does a change of the saved format (FORMAT in
// cluster/persist.ts: such a base is refused).
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Article } from '../src/article.js'
import { runIngest } from '../src/cli/commands/ingest.js'
import { dateFromPath } from '../src/normalize/dates.js'
import { restoreHead } from '../src/cluster/persist.js'
import { STATE_KEY, stateVersion, updateClusters, type UpdateTimes } from '../src/cluster/snapshot.js'
import { openSqlite } from '../src/store/sqlite/store.js'
import type { Store } from '../src/store/store.js'

export interface EventsArchive {
  /** The clustered database of the older articles (copy it before writing to it). */
  readonly basePath: string
  /** The newest articles, not stored yet. */
  readonly newer: readonly Article[]
  /** How many articles the archive holds with them. */
  readonly size: number
  /** A scratch folder for the bench's copies, removed when the process exits. */
  readonly dir: string
}

export async function eventsArchive(defaultNew: number): Promise<EventsArchive> {
  const total = Number(process.env.BENCH_EVENTS_ARTICLES ?? 100_000)
  const fresh = Number(process.env.BENCH_EVENTS_NEW ?? defaultNew)
  const corpus = resolve(process.env.JIANTING_CORPUS ?? '../shared/corpus')
  const source = existsSync(corpus) ? corpus : resolve(import.meta.dirname, '../../examples/archive')

  const dir = mkdtempSync(join(tmpdir(), 'jianting-events-'))
  // Its copies of a 100,000-article database are hundreds of MB: gone however the bench ends.
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  const kept = process.env.BENCH_EVENTS_BASE ? resolve(process.env.BENCH_EVENTS_BASE) : undefined
  // A kept base is reused only when made with the same corpus and sizes (written beside it once
  // complete; a half-built one never takes the kept name).
  const live = process.env.BENCH_EVENTS_LIVE === '1'
  const params = JSON.stringify({ source, total, fresh, ...(live ? { live } : {}), repetition: REPETITION })
  const reuse = kept !== undefined && existsSync(kept)
  if (reuse && (!existsSync(`${kept}.json`) || readFileSync(`${kept}.json`, 'utf8') !== params))
    throw new Error(`${kept} was made with another corpus or other BENCH_EVENTS_ARTICLES / BENCH_EVENTS_NEW (see ${kept}.json): delete it, or point BENCH_EVENTS_BASE elsewhere`)
  let basePath = reuse ? kept : kept ? `${kept}.partial` : join(dir, 'base.db')
  const store: Store = openSqlite(basePath)
  if (!reuse) await runIngest(store, [source], { jobs: 2, quiet: true })
  const base: Article[] = []
  // In a kept database the ingested articles are those without a repetition mark, in the same order.
  for await (const a of store.articles({ includeDuplicates: true })) if (!a.id.includes('~')) base.push(a)

  // Each repetition a week after the last: further apart than the clusterer's time window, so a
  // repeated report never meets its earlier self, while reports of other years interleave as in a
  // long archive. Undated articles are taken once (repeated, they would all be one text). The
  // first repetition is the ingested corpus itself. Each repetition is told by outlets of its
  // own (voa-chinese~c for the third): an outlet that gave one headline to texts of two earlier
  // weeks is running a standing title (a programme's name: a digest, cluster/features.ts), which
  // every headline of a repeated archive would otherwise be from its third week on; no real
  // outlet repeats its whole archive's headlines week after week. Letters, not digits: the
  // sketch that counts headlines masks digits.
  const copy = (a: Article, k: number): Article => {
    const publishedAt = a.publishedAt && new Date(Date.parse(a.publishedAt) + k * WEEK_MS).toISOString()
    return {
      ...a,
      id: `${a.id}~${k}` as Article['id'],
      outletId: `${a.outletId}~${letters(k)}`,
      ...(publishedAt ? { publishedAt, images: a.images.map((i) => ({ ...i, src: movedUpload(i.src, a.publishedAt!, publishedAt) })) } : {}),
      ...(a.duplicateOf ? { duplicateOf: `${a.duplicateOf}~${k}` as Article['id'] } : {}),
    }
  }
  // The archive's articles are built, stored and let go: the timed updates run in a process that
  // holds only the new ones, as an `events` run would (a heap of 100,000 articles kept alive here
  // made every major collection during the update mark it, a cost no real run has).
  let articles: Article[] = [...base]
  for (let k = 1; articles.length < total; k++) for (const a of base) if (articles.length < total && a.publishedAt) articles.push(copy(a, k))
  const size = articles.length
  // (A kept base holds them already.)
  const [stored, newer] = live ? busiestApart(articles, fresh) : [articles.slice(0, size - fresh), articles.slice(size - fresh)]
  const dates = newer.flatMap((a) => (a.publishedAt ? [a.publishedAt.slice(0, 10)] : [])).sort()
  console.log(`  ${base.length} articles of ${source === corpus ? 'the corpus' : 'the example archive'} repeated week after week → ${size} articles; the ${newer.length} new ones dated ${dates[0]} to ${dates[dates.length - 1]}${live ? ' (the busiest days of the last repetition)' : ''}`)
  // The corpus itself (no repetition mark) was stored by the ingest.
  let older = reuse ? [] : stored.filter((a) => a.id.includes('~'))
  articles = []
  base.length = 0

  if (reuse) console.log(`  from scratch: skipped, the clustered base is read from ${kept}`)
  else {
    await putArticles(store, older)
    older = []
    const t0 = performance.now()
    const scratch: Partial<UpdateTimes> = {}
    await updateClusters(store, undefined, scratch)
    const fullMs = performance.now() - t0
    const clustered = size - newer.length
    console.log(`  from scratch: ${clustered} articles in ${(fullMs / 1000).toFixed(1)} s (${(clustered / (fullMs / 1000)).toFixed(0)} articles/s; ${Object.entries(scratch).map(([k, v]) => `${k} ${ms(v!)}`).join(', ')}), events and stories saved`)
  }
  await store.close()
  if (kept && !reuse) {
    renameSync(basePath, kept)
    writeFileSync(`${kept}.json`, params)
    basePath = kept
  }
  return { basePath, newer, size, dir }
}

const WEEK_MS = 7 * 86_400_000

/** 1 → a, 26 → z, 27 → aa: a repetition's mark on its outlets. */
const letters = (k: number): string => (k > 26 ? letters(Math.floor((k - 1) / 26)) : '') + String.fromCharCode(97 + ((k - 1) % 26))
// How the archive is repeated: a kept base made by an earlier version of `copy` is not reused.
const REPETITION = 4

/**
 * An image's address with the upload day it shares with the article's date moved to the
 * copy's date. A date read from pictures counts only when a kept picture was uploaded that day
 * (cluster/features.ts): a copy whose pictures kept the old folder would lose its date, and
 * every undated article makes an update read the whole index (more than half of a day's news
 * did, before this).
 */
function movedUpload(src: string, from: string, to: string): string {
  if (dateFromPath(src)?.iso !== from.slice(0, 10)) return src
  const parts = (iso: string) => iso.slice(0, 10).split('-')
  const [y, m, d] = parts(from)
  const [ny, nm, nd] = parts(to)
  // Folders are written 2021/06/17, 2021-6-17, 20210617…: each spelling is tried, padded or not.
  for (const sep of ['/', '-', '_', '.', ''])
    for (const unpad of sep ? [(s: string) => s, (s: string) => String(Number(s))] : [(s: string) => s]) {
      const moved = src.replace(`${y}${sep}${unpad(m)}${sep}${unpad(d)}`, `${ny}${sep}${unpad(nm)}${sep}${unpad(nd)}`)
      if (moved !== src && dateFromPath(moved)?.iso === to.slice(0, 10)) return moved
    }
  return src
}

/**
 * The articles but the `n` of the last repetition holding that many that are closest together
 * in time, and those (with every copy of them: a copy is never stored before its original).
 */
function busiestApart(articles: readonly Article[], n: number): [Article[], Article[]] {
  const repetition = (a: Article) => Number(a.id.split('~')[1] ?? 0)
  const counts = new Map<number, number>()
  for (const a of articles) if (a.publishedAt) counts.set(repetition(a), (counts.get(repetition(a)) ?? 0) + 1)
  const last = Math.max(...[...counts].filter(([k, c]) => k > 0 && c >= n).map(([k]) => k))
  if (!Number.isFinite(last)) throw new Error(`no repetition of the corpus holds ${n} dated articles: lower BENCH_EVENTS_NEW`)
  const dated = articles.filter((a) => a.publishedAt && repetition(a) === last).map((a) => ({ a, t: Date.parse(a.publishedAt!) })).sort((x, y) => x.t - y.t)
  let from = 0
  for (let i = 1; i + n <= dated.length; i++) if (dated[i + n - 1].t - dated[i].t < dated[from + n - 1].t - dated[from].t) from = i
  const newIds = new Set(dated.slice(from, from + n).map(({ a }) => a.id as string))
  for (const a of articles) if (a.duplicateOf && newIds.has(a.duplicateOf)) newIds.add(a.id)
  return [articles.filter((a) => !newIds.has(a.id)), articles.filter((a) => newIds.has(a.id))]
}

/** A copy of the clustered base at `path`, opened (and restamped, with BENCH_EVENTS_RESTAMP=1). */
export async function openCopy(basePath: string, path: string, say = true): Promise<Store> {
  copyFileSync(basePath, path)
  const store = openSqlite(path)
  if (process.env.BENCH_EVENTS_RESTAMP === '1') {
    const saved = await store.savedState(STATE_KEY)
    if (!saved) throw new Error(`${basePath} holds no saved clustering to continue`)
    // Restamping keeps the saved bytes: a base saved in another FORMAT (cluster/persist.ts) would
    // not be continued but clustered again from the first article, and the timed update would be that.
    if (!restoreHead(saved.body)) throw new Error(`${basePath} was saved in another format of the clustering state (cluster/persist.ts FORMAT): make a base with this build (another BENCH_EVENTS_BASE)`)
    await store.saveStateParts(STATE_KEY, stateVersion(), saved.body, new Map(), false)
    if (say) console.log('  (the kept base is continued whatever build saved it: BENCH_EVENTS_RESTAMP)')
  }
  return store
}

/** Stores articles as they are, in one transaction. */
export const putArticles = (s: Store, batch: readonly Article[]) =>
  s.transaction(async (tx) => {
    // A repetition's outlets (voa-chinese~c) are stored as the ingest stores an outlet it meets.
    const outlets = new Set<string>()
    for (const a of batch) {
      if (!outlets.has(a.outletId)) await tx.ensureOutlet({ id: a.outletId, name: a.outletName, known: false })
      outlets.add(a.outletId)
      await tx.upsertArticle(a)
    }
  })

export const ms = (x: number) => `${x.toFixed(0)} ms`
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
