import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Store } from '../store/store.js'
import { createApp } from './app.js'
import type { ServeConfig } from './config.js'
import { ServerState } from './state.js'

export interface RunningServer {
  readonly url: string
  readonly state: ServerState
  close(): Promise<void>
}

/** Starts the server and computes the archive's events before answering its first request. */
export async function startServer(store: Store, config: ServeConfig, openWriter?: () => Store): Promise<RunningServer> {
  const state = new ServerState(store, config, openWriter)
  await state.view()
  const app = createApp(state)
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  return {
    url: `http://${host}:${port}`,
    state,
    close: async () => {
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
      await state.close()
    },
  }
}
