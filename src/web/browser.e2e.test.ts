// End-to-end in a real browser: Debian's chromium driven by playwright-core (never a browser
// download). `.ci/run` installs chromium, so CI never skips; on a machine without it these
// tests skip and say why.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadServeConfig } from '../api/config.js'
import { startServer, type RunningServer } from '../api/serve.js'
import { runIngest } from '../cli/commands/ingest.js'
import { openSqlite } from '../store/sqlite/store.js'
import type { Store } from '../store/store.js'
import { exampleArchive } from '../../test/support/store.js'
import { xssFiles } from '../../test/support/web.js'

const CHROMIUM = '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)`)

/** Where screenshots go: SCREENSHOT_DIR, or a folder under the system temp dir. */
export const screenshotDir = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'jianting-screenshots')

interface Harness {
  server: RunningServer
  store: Store
  dir: string
  browser: Browser
  context: BrowserContext
  requests: string[]
  cspViolations: string[]
  dialogs: string[]
  close(): Promise<void>
}

async function harness(paths: readonly string[]): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'jianting-e2e-'))
  const dbPath = join(dir, 'e2e.db')
  const store = openSqlite(dbPath)
  await runIngest(store, paths, { jobs: 1, quiet: true })
  const server = await startServer(store, loadServeConfig({}, { dbPath }, { host: '127.0.0.1', port: 0 }))
  // --no-sandbox: CI runs as root, where chromium's sandbox cannot start.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })
  const requests: string[] = []
  const cspViolations: string[] = []
  const dialogs: string[] = []
  context.on('request', (r) => requests.push(r.url()))
  context.on('page', (p) => watch(p))
  const watch = (p: Page) => {
    p.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text())
    })
  }
  return {
    server,
    store,
    dir,
    browser,
    context,
    requests,
    cspViolations,
    dialogs,
    async close() {
      await browser.close()
      await server.close()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Every request the browser made went to the test server: nothing to a third-party host. */
function expectOnlyLocal(h: Harness) {
  expect(h.requests.length).toBeGreaterThan(0)
  const origin = new URL(h.server.url).origin
  const elsewhere = h.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && u !== 'about:blank')
  expect(elsewhere).toEqual([])
}

// A browser on a busy 2-core CI machine is slow to start and paint: generous timeouts.
describe.skipIf(!hasChromium)('in a real browser: the example archive', { timeout: 60_000 }, () => {
  let h: Harness
  let page: Page
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true })
    h = await harness([exampleArchive])
    page = await h.context.newPage()
  }, 60_000)
  afterAll(async () => {
    await h?.close()
    console.log(`browser screenshots in ${screenshotDir}`)
  })

  it('home: the latest events with coverage, then the summit event side by side', async () => {
    await page.goto(`${h.server.url}/`)
    await expect.poll(() => page.locator('ol.events > li').count()).toBe(2)
    expect(await page.locator('ol.events > li').first().innerText()).toMatch(/4 篇报道 · 4 家媒体/)
    expect(await page.locator('ol.events > li svg.bar rect').count()).toBe(5) // four types + one
    await page.screenshot({ path: join(screenshotDir, 'home.png'), fullPage: true })

    const started = Date.now()
    await page.locator('ol.events > li').first().locator('a.title').click()
    await page.waitForURL(/\/events\/e00002$/)
    const firstPaint = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const fcp = list.getEntriesByName('first-contentful-paint')[0]
            if (fcp) resolve(fcp.startTime)
          }).observe({ type: 'paint', buffered: true })
          setTimeout(() => resolve(-1), 5000)
        }),
    )
    console.log(`event page: first contentful paint ${firstPaint.toFixed(0)} ms after navigation start (click to load ${Date.now() - started} ms)`)
    expect(firstPaint).toBeGreaterThan(0)

    const columns = page.locator('section.outlet-col')
    await expect.poll(() => columns.count()).toBe(4)
    const headings = await columns.locator('h3 a').allInnerTexts()
    expect(headings).toEqual(['半岛电视台中文网', 'GNews', '观察者网', '未名新闻'])
    // Side by side: the four columns share one row.
    const tops = await columns.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)))
    expect(new Set(tops).size).toBe(1)
    expect(await page.locator('section[data-outlet="mitbbs"] .flag.preview').isVisible()).toBe(true)

    const conflict = page.locator('div.figure.conflict[data-subject="会谈"]')
    expect(await conflict.isVisible()).toBe(true)
    expect(await conflict.locator('.conflict-badge').innerText()).toBe('数字冲突')
    const rows = await conflict.locator('tr.conflict').allInnerTexts()
    expect(rows.some((r) => r.includes('约3小时'))).toBe(true)
    expect(rows.some((r) => r.includes('4个小时'))).toBe(true)
    const bg = await conflict.locator('tr.conflict td').first().evaluate((e) => getComputedStyle(e).backgroundColor)
    expect(bg).not.toBe('rgba(0, 0, 0, 0)') // highlighted, not just labelled
    // The outlets side by side down to the highlighted conflict: what docs/ shows.
    const box = (await conflict.boundingBox())!
    await page.screenshot({ path: join(screenshotDir, 'event.png'), fullPage: true, clip: { x: 0, y: 0, width: 1400, height: Math.ceil(box.y + box.height + 24) } })
    await conflict.screenshot({ path: join(screenshotDir, 'event-conflict.png') })
  })

  it('a consensus claim links to its sentence in the article reader', async () => {
    const link = page.locator('.consensus .cites a').first()
    const target = await link.getAttribute('href')
    expect(target).toMatch(/^\/articles\/[0-9a-f]+#s\d+$/)
    await link.click()
    await page.waitForURL(new RegExp(`${target!.replace(/[/#]/g, (c) => `\\${c}`)}$`))
    const anchor = page.locator(`[id="${target!.split('#')[1]}"]`)
    expect(await anchor.isVisible()).toBe(true)
    expect(await anchor.evaluate((e) => e.matches(':target'))).toBe(true)
    expect(await page.locator('dl.provenance').innerText()).toMatch(/sha256\s+[0-9a-f]{64}/)
    expect(await page.locator('.img-placeholder').first().innerText()).toMatch(/远程图片未加载.*https:\/\//s)
    await page.screenshot({ path: join(screenshotDir, 'article.png') })
  })

  it('the story: the January call and the summit on the timeline', async () => {
    await page.goto(`${h.server.url}/events/e00002`)
    await page.locator('p.meta a[href^="/stories/"]').click()
    await page.waitForURL(/\/stories\/s00001$/)
    const marks = page.locator('svg.timeline a.tl-event')
    await expect.poll(() => marks.count()).toBe(2)
    expect(await marks.first().getAttribute('data-event')).toBe('e00001')
    expect(await marks.first().locator('title').textContent()).toMatch(/^2021-01-27 拜登总统与普京首次通话/)
    expect(await page.locator('ol.timeline-list > li').first().innerText()).toMatch(/拜登总统与普京首次通话/)
    await page.screenshot({ path: join(screenshotDir, 'story.png') })
    await marks.first().locator('circle').click()
    await page.waitForURL(/\/events\/e00001$/)
  })

  it('search highlights hits and leads to the article', async () => {
    await page.goto(`${h.server.url}/`)
    await page.locator('header form input[name="q"]').fill('核战争')
    await page.locator('header form button').click()
    await page.waitForURL(/\/search\?q=/)
    expect(await page.locator('.hit mark').first().innerText()).toBe('核战争')
    await page.screenshot({ path: join(screenshotDir, 'search.png') })
    await page.locator('.hit a.title').first().click()
    await page.waitForURL(/\/articles\//)
  })

  it('switches to English and to Traditional, and back', async () => {
    await page.goto(`${h.server.url}/events/e00002`)
    await page.locator('.prefs a', { hasText: 'English' }).click()
    await page.waitForURL(/\/events\/e00002$/)
    expect(await page.locator('h2').allInnerTexts()).toContain('Outlets side by side')
    await page.locator('.prefs a', { hasText: '繁體' }).click()
    expect(await page.locator('body').innerText()).toContain('美俄關係')
    await page.locator('.prefs a', { hasText: 'as published' }).click()
    await page.locator('.prefs a', { hasText: '中文' }).click()
    expect(await page.locator('h2').allInnerTexts()).toContain('各家报道并列')
  })

  it('made no request outside 127.0.0.1 and tripped no CSP rule', () => {
    expectOnlyLocal(h)
    expect(h.cspViolations).toEqual([])
  })
})

describe.skipIf(!hasChromium)('in a real browser: the XSS corpus is inert', { timeout: 60_000 }, () => {
  let h: Harness
  beforeAll(async () => {
    h = await harness(xssFiles)
  }, 60_000)
  afterAll(() => h?.close())

  it('the probe works: the same checks catch a script that does run (on a blank page, no CSP)', async () => {
    const page = await h.context.newPage()
    await page.setContent('<p onclick="window.__xss=1">x</p><script>window.__probe = 1</script>')
    await page.locator('p').click()
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(1)
    await page.close()
  })

  it('no script runs, no dialog opens, no handler fires, nothing is fetched from elsewhere', async () => {
    const page = await h.context.newPage()
    const api = async (path: string) => (await (await fetch(`${h.server.url}${path}`)).json()) as { items: Array<{ id: string }> }
    const articles = (await api('/api/articles?limit=200')).items.map((a) => `/articles/${a.id}`)
    const events = (await api('/api/events?limit=200')).items.map((e) => `/events/${e.id}`)
    const outlets = (await api('/api/outlets?limit=200')).items.map((o) => `/outlets/${o.id}`)
    expect(articles).toHaveLength(xssFiles.length)
    for (const path of ['/', '/?blindspot=1', '/stories', '/outlets', `/search?q=${encodeURIComponent('峰会')}`, ...articles, ...events, ...outlets]) {
      await page.goto(`${h.server.url}${path}`)
      // Hover and click what the attacks hoped a reader would touch.
      for (const el of await page.locator('main p, main span.s, main a:not([href^="/"]), main figure').all()) await el.hover({ timeout: 1000, force: true }).catch(() => undefined)
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined()
      expect(await page.locator('script, iframe, object, embed, svg script, foreignObject').count(), path).toBe(0)
    }
    await page.goto(`${h.server.url}${articles[0]}`)
    await page.screenshot({ path: join(screenshotDir, 'xss-article.png'), fullPage: true })
    expect(h.dialogs).toEqual([])
    expectOnlyLocal(h)
  }, 120_000)
})
