import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { errorText } from '../ingest/sources/dir.js'
import { isCalendarDay } from '../normalize/dates.js'
import { jiantingVersion } from '../version.js'
import { Command, InvalidArgumentError, Option } from 'commander'
import { fileFormatNames, type FormatName } from '../article.js'
import { loadConfig } from '../config.js'
import { JiantingError, UsageError } from '../errors.js'
import type { Store } from '../store/store.js'

// Each command imports what it needs when it runs: loading every parser, the database driver and
// the web server up front cost ~0.7 s before `--help` or `extract` could print anything.
const read = () => import('./commands/read.js')
const events = () => import('./commands/events.js')

const program = new Command()
  .name('jianting')
  .description('兼听 — ingest Chinese-language news archives and compare how outlets report the same events.')
  .option('--db <path>', 'SQLite database file (or set JIANTING_DB)', undefined)
  .version(jiantingVersion, '-V, --version', 'print the version')
  .showHelpAfterError('(run with --help for usage)')
  // Every command takes --db; `jianting COMMAND --help` should say so.
  .configureHelp({ showGlobalOptions: true })
  .addHelpText('after', `
Examples:
  jianting ingest examples/archive       ingest a folder of archived posts (Hexo, Jekyll, GitHub Markdown, HTML, JSONL)
  jianting articles                      list what came out
  jianting search 普京                    full-text search (Traditional/Simplified-insensitive)
  jianting show ID                       one article with provenance and copies
  jianting quarantine                    files that could not become articles, and why
  jianting serve                         the web app and JSON API on http://127.0.0.1:8417

The database defaults to ./jianting.db; use --db PATH or JIANTING_DB=PATH to choose another.`)

/**
 * Runs `fn` on the configured database. Only `ingest` makes one: a read command pointed at a
 * file that does not exist (a typo, another folder) says so, rather than leaving an empty
 * database behind and listing nothing.
 */
async function withStore<T>(fn: (store: Store) => Promise<T>, create = false): Promise<T> {
  const { openSqlite } = await import('../store/sqlite/store.js')
  const { dbPath } = loadConfig(process.env, { db: program.opts().db })
  if (!create && !existsSync(dbPath)) throw new UsageError(`no database at ${dbPath}: ingest something first (jianting ingest FOLDER), or point --db or JIANTING_DB at yours`)
  const store = openSqlite(dbPath)
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

const positiveInt = (v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1')
  return n
}

const isoDate = (v: string) => {
  if (!isCalendarDay(v)) throw new InvalidArgumentError('expected a date like 2021-06-16')
  return v
}

program
  .command('ingest')
  .description('read files or folders of archived news into the database (re-running adds only what is new)')
  .argument('<paths...>', 'files or folders; folders are read recursively; .jsonl files hold one article per line')
  .addOption(new Option('--format <name>', 'force a format instead of detecting it per file').choices(fileFormatNames))
  .option('--jobs <n>', 'parse on N threads: the main thread (which also writes the database) plus N-1 workers', positiveInt, 1)
  .option('--max-mb <n>', 'largest file read as one article, in MB; bigger files are quarantined', positiveInt, 20)
  .option('-q, --quiet', 'no progress output')
  .action(async (paths: string[], flags: { format?: FormatName; jobs: number; quiet?: boolean; maxMb: number }) => {
    const { runIngest } = await import('./commands/ingest.js')
    // Every batch is committed whole: an interrupted run leaves a consistent database, and the
    // same command run again skips what is stored and finishes the rest.
    process.once('SIGINT', () => {
      process.stderr.write('\ninterrupted: what was stored so far is kept; run the same command again to finish\n')
      process.exit(130)
    })
    await withStore(async (store) => {
      const s = await runIngest(store, paths, { format: flags.format, jobs: flags.jobs, quiet: !!flags.quiet, maxBytes: flags.maxMb * 1e6 })
      for (const sk of s.skipped) process.stderr.write(`skipped ${sk.path}: ${sk.reason}\n`)
      process.stderr.write(
        `ingested ${s.files} file${s.files === 1 ? '' : 's'} in ${s.seconds.toFixed(1)} s: ${s.articles} new article${s.articles === 1 ? '' : 's'}, ${s.duplicates} cop${s.duplicates === 1 ? 'y' : 'ies'} linked, ` +
          `${s.quarantined} quarantined${s.quarantinedBefore ? ` (${s.quarantinedBefore === s.quarantined ? 'all' : s.quarantinedBefore} tried again, as before)` : ''}, ${s.unchanged} unchanged${s.quarantined > s.quarantinedBefore ? ' (see: jianting quarantine)' : ''}` +
          `${s.estimated ? `; ${s.estimated} undated or picture-dated articles dated by the articles their site numbered next to them (dateSource: sequence)` : ''}\n`,
      )
    }, true)
  })

program
  .command('articles')
  .description('list articles, oldest first (copies hidden unless --all)')
  .option('--json', 'one JSON object per line (the interchange shape; includes copies)')
  .option('--outlet <outlet>', 'only this outlet: its id or any of its names (see: jianting outlets)')
  .option('--since <date>', 'published on or after this date', isoDate)
  .option('--until <date>', 'published on or before this date', isoDate)
  .option('--all', 'include copies of other articles')
  .action((flags: { since?: string; until?: string }) => {
    if (flags.since && flags.until && flags.since > flags.until) throw new UsageError(`articles: --since ${flags.since} is after --until ${flags.until}: nothing could match`)
    return withStore(async (store) => (await read()).listArticles(store, flags))
  })

program
  .command('show')
  .description('one article: metadata, provenance, copies, clean text, images')
  .argument('<id>', 'article id (from articles or search)')
  .option('--json', 'JSON output')
  .action((id: string, flags) => withStore(async (store) => (await read()).showArticle(store, id, flags)))

program
  .command('search')
  .description('full-text search of titles and text, ranked by BM25; "quoted phrases" allowed')
  .argument('<query...>', 'words; Traditional and Simplified match each other')
  .option('--json', 'one JSON object per line')
  .option('--limit <n>', 'maximum results', positiveInt, 20)
  .action((query: string[], flags) => withStore(async (store) => (await read()).searchArticles(store, query.join(' '), flags)))

program
  .command('outlets')
  .description('outlets with article counts (copies counted once)')
  .option('--json', 'one JSON object per line')
  .action((flags) => withStore(async (store) => (await read()).listOutlets(store, flags)))

program
  .command('quarantine')
  .description('inputs that did not become articles, with the reason')
  .option('--json', 'one JSON object per line: {locator, code, stage, detail, at}')
  .action((flags) => withStore(async (store) => (await read()).listQuarantine(store, flags)))

program
  .command('events')
  .description('events: articles grouped by the real-world incident they report, latest first')
  .option('--json', 'one JSON object per line: {id, title, start, end, articleIds, outlets, storyId, keywords}')
  .option('--min <n>', 'only events with at least this many articles (a copy counts with its original)', positiveInt, 1)
  .option('--outlets <n>', 'only events at least this many outlets reported', positiveInt, 1)
  .option('--outlet <outlet>', 'only events this outlet reported: its id or any of its names (see: jianting outlets)')
  .option('--since <date>', 'only events still running on or after this date', isoDate)
  .option('--until <date>', 'only events begun on or before this date', isoDate)
  .addHelpText('after', '\nExamples:\n  jianting events --outlets 3          events that three or more outlets reported\n  jianting events --outlet 美国之音 --since 2021-06-14 --until 2021-06-16\n')
  .action((flags) => withStore(async (store) => (await events()).listEvents(store, flags)))

program
  .command('event')
  .description('one event: its articles, outlets, time span and story')
  .argument('<id>', 'event id, as listed by `events`')
  .option('--json', 'one JSON object, as a line of `events --json`')
  .action((id: string, flags) => withStore(async (store) => (await events()).showEvent(store, id, flags)))

program
  .command('compare')
  .description('compare how outlets report one event: consensus, unique claims, omissions, quotes, figures, vocabulary')
  .argument('<event-id>', 'event id, as listed by `events`')
  .option('--json', 'one JSON object (the contract in DESIGN.md)')
  .option('--md', 'a Markdown report (the default)')
  .option('--html', 'a self-contained HTML page (no scripts, no remote resources)')
  .action((id: string, flags) => withStore(async (store) => (await events()).compareCommand(store, id, flags)))

program
  .command('stories')
  .description('stories: events linked over time by the people and organisations they share')
  .option('--json', 'one JSON object per line: {id, title, start, end, eventIds, entities}')
  .action((flags) => withStore(async (store) => (await events()).listStories(store, flags)))

program
  .command('story')
  .description('one story as a timeline of its events')
  .argument('<id>', 'story id, as listed by `stories`')
  .option('--json', 'one JSON object with its events')
  .action((id: string, flags) => withStore(async (store) => (await events()).showStory(store, id, flags)))

program
  .command('explain')
  .description('why an article is in its event: the score and the shared keywords that decided it')
  .argument('<id>', 'article id')
  .option('--json', 'JSON output')
  .action((id: string, flags) => withStore(async (store) => (await events()).explainArticle(store, id, flags)))

program
  .command('extract')
  .description('extract the article from one saved HTML page: prints {title, byline, excerpt, text, publishedAt} as JSON')
  .argument('<file>', 'saved HTML page')
  .option('--url <url>', 'the URL the page was saved from (resolves links, helps find the date)')
  .option('--content-type <type>', 'the Content-Type it was served with (charset is sniffed when absent)')
  .option('--json', 'one JSON object (the default)')
  .option('--text', 'title, byline, date and text for reading instead of JSON')
  .option('--max-mb <n>', 'largest page read, in MB', positiveInt, 20)
  .action(async (file: string, flags: { url?: string; contentType?: string; text?: boolean; maxMb: number }) => {
    const { extractPage } = await import('../extract/extract-page.js')
    const bytes = await readPage(file)
    // Scripts that fill in unknown values pass empty strings: an empty flag means "not given".
    const r = extractPage(bytes, { locator: file, url: flags.url || undefined, contentType: flags.contentType || undefined, maxBytes: flags.maxMb * 1e6 })
    if (!r.ok) throw new ExtractFailed(`${r.problem.code}: ${r.problem.detail} (${r.problem.locator})`)
    const { title, byline, excerpt, text, publishedAt } = r.value
    if (flags.text) process.stdout.write(`${title}\n${byline ? `${byline}\n` : ''}${publishedAt ? `${publishedAt}\n` : ''}\n${text}\n`)
    else process.stdout.write(`${JSON.stringify({ title, byline: byline ?? null, excerpt: excerpt ?? null, text, publishedAt: publishedAt ?? null })}\n`)
  })

program
  .command('serve')
  .description('the web app and JSON API over the database (read-only unless a token is configured)')
  .option('--host <host>', 'address to listen on; anything but 127.0.0.1/localhost exposes the archive to the network (or set JIANTING_HOST)')
  .option('--port <n>', 'port (or set JIANTING_PORT; default 8417; 0 picks a free one)', (v) => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0–65535')
    return n
  })
  .option('--token-file <path>', 'file holding the bearer token that enables the write endpoints (or set JIANTING_TOKEN / JIANTING_TOKEN_FILE)')
  .option('--image-cache <dir>', 'serve remote images only from this folder (files named by the sha256 of the image URL); never fetched (or set JIANTING_IMAGE_CACHE)')
  .addHelpText('after', `
Pages: / (latest events, filters, "covered by only one side"), /events/ID (the comparison side by side),
/stories/ID (timeline), /articles/ID (reader with provenance), /search?q=, /outlets, /quarantine.
API: /api/... described by /api/openapi.json. Events and stories are computed once at start (and
again after an ingest through the API), held in memory.`)
  .action(async (flags: { host?: string; port?: number; tokenFile?: string; imageCache?: string }) => (await import('./commands/serve.js')).runServe(loadConfig(process.env, { db: program.opts().db }), flags))

program
  .command('doctor')
  .description('check the installation and the database')
  .action(async () => (await import('./commands/doctor.js')).runDoctor(loadConfig(process.env, { db: program.opts().db })))

/** A saved page's bytes, or a usage error that says what is wrong with the path. */
async function readPage(file: string): Promise<Uint8Array> {
  const st = await stat(file).catch(() => undefined)
  if (!st) throw new UsageError(`extract: ${file} does not exist`)
  if (st.isDirectory()) throw new UsageError(`extract: ${file} is a folder; give one saved HTML page (ingest reads folders)`)
  try {
    return new Uint8Array(await readFile(file))
  } catch (e) {
    throw new UsageError(`extract: ${file} cannot be read (${errorText(e)})`)
  }
}

class ExtractFailed extends JiantingError {
  readonly httpStatus = 422
  readonly exitCode = 3
}

// `jianting articles | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof JiantingError) {
    process.stderr.write(`jianting: ${e.message}\n`)
    process.exit(e.exitCode)
  }
  process.stderr.write(`jianting: internal error: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(70)
})
