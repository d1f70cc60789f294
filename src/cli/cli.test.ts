// The command line as a user (or a scoring script) runs it: the built CLI in a child process.
// `npm ci` builds dist/ (prepare); run `npm run build` after changing sources.
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const bin = join(root, 'bin/jianting')
const run = (...args: string[]) => promisify(execFile)(process.execPath, [bin, ...args], { cwd: root })

beforeAll(() => {
  if (!existsSync(join(root, 'dist/src/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before these tests')
})

describe('jianting extract', () => {
  const page = join(root, 'test/fixtures/extract/json-ld-date.html')

  it('prints one JSON object by default, as extraction scorers expect', async () => {
    const { stdout } = await run('extract', page)
    const out = JSON.parse(stdout)
    expect(out).toMatchObject({ title: '香港立法會通過新法案', byline: '陳大文', publishedAt: '2021-06-16T10:20:00+08:00' })
    expect(out.text).toContain('立法會周三三讀通過一項新法案')
    expect(Object.keys(out).sort()).toEqual(['byline', 'excerpt', 'publishedAt', 'text', 'title'])
  })

  it('treats empty --url and --content-type as not given', async () => {
    const { stdout } = await run('extract', page, '--url', '', '--content-type', '', '--json')
    expect(JSON.parse(stdout).byline).toBe('陳大文')
  })

  it('prints the article for reading with --text', async () => {
    const { stdout } = await run('extract', page, '--text')
    expect(stdout.startsWith('香港立法會通過新法案\n陳大文\n2021-06-16T10:20:00+08:00\n\n')).toBe(true)
  })

  it('reads a page over its size limit only when --max-mb raises it, as the refusal says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianting-big-'))
    try {
      const big = join(dir, 'big.html')
      writeFileSync(big, `<html><head><title>大页面</title></head><body><p>${'正文内容。'.repeat(100_000)}</p></body></html>`)
      const err = await run('extract', big, '--max-mb', '1').catch((e: { code: number; stderr: string }) => e)
      expect(err).toMatchObject({ code: 3 })
      expect((err as { stderr: string }).stderr).toMatch(/decode\/too-large: file is 1\.5 MB, over the 1 MB limit .*--max-mb raises it/)
      const { stdout } = await promisify(execFile)(process.execPath, [bin, 'extract', big, '--max-mb', '2', '--text'], { cwd: root, maxBuffer: 8e6 })
      expect(stdout.startsWith('大页面\n')).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says what is wrong with a path that is no page (missing, a folder), without a stack trace', async () => {
    const missing = await run('extract', join(root, 'no-such-page.html')).catch((e: { code: number; stderr: string }) => e)
    expect(missing).toMatchObject({ code: 2, stderr: `jianting: extract: ${join(root, 'no-such-page.html')} does not exist\n` })
    const folder = await run('extract', join(root, 'test')).catch((e: { code: number; stderr: string }) => e)
    expect(folder).toMatchObject({ code: 2 })
    expect((folder as { stderr: string }).stderr).toMatch(/^jianting: extract: .*test is a folder; give one saved HTML page/)
  })

  it('fails with the reason and exit code 3 on a page without an article', async () => {
    const err = await run('extract', join(root, 'test/fixtures/extract/no-body.html')).catch((e: { code: number; stderr: string }) => e)
    expect(err).toMatchObject({ code: 3 })
    expect((err as { stderr: string }).stderr).toMatch(/^jianting: format\/no-body/)
  })
})

describe('jianting --version', () => {
  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect((await run('--version')).stdout).toBe(`${version}\n`)
  })
})

describe('an ingest stopped with Ctrl-C', () => {
  it('says that what was stored is kept and that the same command finishes it, and it does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianting-int-'))
    try {
      const archive = join(dir, 'archive')
      mkdirSync(archive)
      // Enough files that the run is still going when it is stopped.
      for (let i = 0; i < 3000; i++) writeFileSync(join(archive, `post-${i}.md`), `# 第${i}篇文章\n\n这是第${i}篇用来测试中断的文章，它的正文足够长，不会被当作空壳而隔离。编号${i}。\n`)
      const db = join(dir, 'int.db')
      const child = spawn(process.execPath, [bin, '--db', db, 'ingest', archive], { cwd: root })
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      const code = await new Promise<number | null>((resolve) => {
        // Stopped once its progress line shows a first batch of 1,000 committed, long before all 3,000 are in.
        child.stderr.on('data', () => {
          const shown = [...stderr.matchAll(/ingest: (\d+)\/3000 files/g)].map((m) => Number(m[1]))
          if (shown.some((n) => n > 1000 && n < 2600) && !child.killed) child.kill('SIGINT')
        })
        child.on('exit', (c) => resolve(c))
      })
      expect(code).toBe(130)
      expect(stderr).toContain('interrupted: what was stored so far is kept; run the same command again to finish')
      const { stderr: again } = await run('--db', db, 'ingest', archive)
      const m = /ingested 3000 files .*: (\d+) new articles, 0 copies linked, 0 quarantined, (\d+) unchanged/.exec(again)
      expect(m).not.toBeNull()
      expect(Number(m![1]) + Number(m![2])).toBe(3000)
      expect(Number(m![1])).toBeGreaterThan(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('jianting --help', () => {
  it('lists every command and the --db option', async () => {
    const { stdout } = await run('--help')
    for (const command of ['ingest', 'articles', 'show', 'search', 'outlets', 'quarantine', 'events', 'compare', 'extract', 'serve', 'doctor'])
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'))
    expect(stdout).toContain('--db <path>')
  })

  it.each(['ingest', 'articles', 'search', 'quarantine', 'doctor'])('shows --db in `%s --help` too', async (command) => {
    const { stdout } = await run(command, '--help')
    expect(stdout).toMatch(/Global Options:\n\s+--db <path>/)
  })

  it('offers the file formats for ingest --format', async () => {
    const { stdout } = await run('ingest', '--help')
    expect(stdout).toContain('"jekyll", "hexo", "gh-markdown", "html", "markdown"')
  })
})

describe('the database a command reads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jianting-cli-db-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const db = join(dir, 'archive.db')

  it('is not created by a read command: a missing one is an error that says what to do', async () => {
    const err = await run('articles', '--db', join(dir, 'typo.db')).catch((e: { code: number; stderr: string }) => e)
    expect(err).toMatchObject({ code: 2 })
    expect((err as { stderr: string }).stderr).toMatch(/no database at .*typo\.db: ingest something first/)
    expect(existsSync(join(dir, 'typo.db'))).toBe(false)
  })

  it('lists one outlet by its id, its name or an alias the registry knows, and refuses an unknown one', async () => {
    await run('ingest', '-q', '--db', db, join(root, 'examples/archive'))
    const listed = async (outlet: string) => (await run('articles', '--db', db, '--outlet', outlet)).stdout.trim().split('\n')
    const byId = await listed('voa-chinese')
    expect(byId).toHaveLength(1)
    for (const name of ['美国之音', '美國之音', 'VOA']) expect(await listed(name)).toEqual(byId)
    const err = await run('articles', '--db', db, '--outlet', '不存在的媒体').catch((e: { code: number; stderr: string }) => e)
    expect(err).toMatchObject({ code: 2 })
    expect((err as { stderr: string }).stderr).toMatch(/no outlet called 不存在的媒体/)
  }, 60_000) // six runs of the CLI
})

describe('jianting doctor', () => {
  it('checks the installation and says a database is missing without creating one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianting-doctor-'))
    try {
      const db = join(dir, 'none.db')
      const { stdout } = await run('doctor', '--db', db)
      expect(stdout).toMatch(/^ok {4}segmentation \(jieba\): 普京 和 拜登 在 日内瓦 会晤$/m)
      expect(stdout).toContain(`ok    database: none yet at ${db} (jianting ingest FOLDER creates it)`)
      expect(existsSync(db)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('dates given on the command line', () => {
  it.each(['2021-13-45', '2021-02-30', '16/06/2021'])('refuses %s, a day that does not exist or is not written YYYY-MM-DD', async (day) => {
    const err = await run('articles', '--since', day).catch((e: { code: number; stderr: string }) => e)
    expect(err).toMatchObject({ code: 1 })
    expect((err as { stderr: string }).stderr).toMatch(/argument '.*' is invalid\. expected a date like 2021-06-16/)
  })
  it('refuses --since after --until, which nothing could match', async () => {
    const err = await run('articles', '--since', '2021-06-20', '--until', '2021-06-10').catch((e: { code: number; stderr: string }) => e)
    expect(err).toMatchObject({ code: 2, stderr: 'jianting: articles: --since 2021-06-20 is after --until 2021-06-10: nothing could match\n' })
  })
})
