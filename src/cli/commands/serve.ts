import { loadServeConfig } from '../../api/config.js'
import { startServer } from '../../api/serve.js'
import type { Config } from '../../config.js'
import { openSqlite } from '../../store/sqlite/store.js'

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1'])

export async function runServe(base: Config, flags: { host?: string; port?: number; tokenFile?: string; imageCache?: string }) {
  const config = loadServeConfig(process.env, base, flags)
  const store = openSqlite(config.dbPath)
  const started = performance.now()
  process.stderr.write(`jianting: reading ${config.dbPath} (events are computed unless cached)…\n`)
  // Ingests through the API write on a connection of their own (see ServerState).
  const server = await startServer(store, config, () => openSqlite(config.dbPath))
  const view = await server.state.view()
  process.stderr.write(
    `jianting: ${view.snapshot.articles.length} articles, ${view.events.length} events, ${view.snapshot.stories.length} stories, events ${view.snapshot.fromCache ? 'read from the cache' : 'computed'} (${((performance.now() - started) / 1000).toFixed(1)} s)\n` +
      `jianting: serving ${server.url}/  (API: ${server.url}/api/openapi.json)\n` +
      `jianting: write endpoints ${config.token ? 'enabled (bearer token)' : 'disabled (no JIANTING_TOKEN)'}; remote images ${config.imageCacheDir ? `only from ${config.imageCacheDir}` : 'not loaded'}\n` +
      (LOCAL.has(config.host) ? '' : `jianting: warning: listening on ${config.host}: anyone who can reach this address can read the archive\n`),
  )
  const stop = async () => {
    await server.close()
    await store.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
