import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runIngest } from '../../src/cli/commands/ingest.js'
import { loadServeConfig, type ServeConfig } from '../../src/api/config.js'
import { createApp } from '../../src/api/app.js'
import { ServerState } from '../../src/api/state.js'
import { openSqlite } from '../../src/store/sqlite/store.js'
import type { Store } from '../../src/store/store.js'

export const xssCorpus = join(import.meta.dirname, '..', 'fixtures', 'xss')
export const xssFiles = ['hexo-script-handlers.md', 'svg-and-math.md', 'gh-markdown-repost.md', 'saved-page.html'].map((f) => join(xssCorpus, f))

/**
 * A temp database with these paths ingested (then `prepare` run on it, to store what no file
 * gives), and the server's state and app over it (in process).
 */
export async function testServer(paths: readonly string[], env: NodeJS.ProcessEnv = {}, extra: Partial<ServeConfig> = {}, prepare?: (store: Store) => Promise<void>, openWriter?: (dbPath: string) => Store) {
  const dir = mkdtempSync(join(tmpdir(), 'jianting-web-'))
  const dbPath = join(dir, 'test.db')
  const store = openSqlite(dbPath)
  if (paths.length) await runIngest(store, paths, { jobs: 1, quiet: true })
  await prepare?.(store)
  const config = { ...loadServeConfig(env, { dbPath }, { port: 0 }), ...extra }
  const state = new ServerState(store, config, openWriter && (() => openWriter(dbPath)))
  await state.view()
  const app = createApp(state)
  return {
    dir,
    store,
    state,
    app,
    config,
    async close() {
      await state.close()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A JSON answer of the app: its status, parsed body and headers. */
export async function getJson(s: { app: { request: (path: string) => Response | Promise<Response> } }, path: string) {
  const res = await s.app.request(path)
  return { status: res.status, body: (await res.json()) as any, headers: res.headers }
}
