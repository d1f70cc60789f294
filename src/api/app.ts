import { Hono } from 'hono'
import { jiantingVersion } from '../version.js'
import { MethodNotAllowedError, NotFoundError } from '../errors.js'
import { webRoutes } from '../web/routes.js'
import { errorPage } from '../web/pages/error.js'
import { errorResponse } from './errors.js'
import { openApiDocument } from './openapi.js'
import { archiveRoutes } from './routes/archive.js'
import { eventRoutes } from './routes/events.js'
import { writeRoutes } from './routes/write.js'
import type { ServerState } from './state.js'

// No script runs on any page (none is needed), nothing loads from another host, no plugin,
// no framing: article content that slipped through sanitizing still could not act.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

const SECURITY_HEADERS: ReadonlyArray<[string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
]

const version = jiantingVersion

export function createApp(state: ServerState): Hono {
  const app = new Hono()
  app.use('*', async (c, next) => {
    await next()
    // On the response's own headers, not c.header(): after the handler, c.header() rebuilds
    // the response around a stream of its body, which took @hono/node-server off its path
    // for byte bodies (one write with a Content-Length) and cost more than the handler.
    const headers = c.res.headers
    for (const [name, value] of SECURITY_HEADERS) headers.set(name, value)
  })

  const api = new Hono()
  api.get('/openapi.json', (c) => c.json(openApiDocument(version)))
  api.route('/', eventRoutes(state))
  api.route('/', archiveRoutes(state))
  api.route('/', writeRoutes(state))
  app.route('/api', api)
  app.route('/', webRoutes(state))

  const isApi = (path: string) => path === '/api' || path.startsWith('/api/')
  const allowed = allowedMethods(app)
  app.notFound((c) => {
    // A path answered by other methods: 405 with the methods it takes, not "no such page".
    const methods = allowed(c.req.path)
    if (methods.length) {
      const e = new MethodNotAllowedError(c.req.method, c.req.path, methods)
      c.header('Allow', methods.join(', '))
      if (isApi(c.req.path)) return c.json({ status: 405, message: e.message }, 405)
      return c.html(errorPage(c, 405, e.message, e), 405)
    }
    const e = new NotFoundError('page', c.req.path)
    if (isApi(c.req.path)) return c.json({ status: 404, message: `no endpoint ${c.req.method} ${c.req.path}; see /api/openapi.json` }, 404)
    return c.html(errorPage(c, 404, e.message, e), 404)
  })
  app.onError((err, c) => {
    const { status, message } = errorResponse(err)
    if (status >= 500) console.error(err)
    if (isApi(c.req.path)) return c.json({ status, message }, status as 400)
    return c.html(errorPage(c, status, message, err), status as 400)
  })
  return app
}

/**
 * The methods the app's routes answer at a path (middleware aside; HEAD wherever GET is, as Hono
 * answers it), read from its route table when first asked: routes are all added by then.
 */
function allowedMethods(app: Hono): (path: string) => string[] {
  let routes: Array<{ method: string; pattern: RegExp }> | undefined
  return (path) => {
    routes ??= app.routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method, pattern: routePattern(r.path) }))
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))
    if (methods.has('GET')) methods.add('HEAD')
    return [...methods].sort()
  }
}

// Our routes use plain segments, `:name` parameters and `*` only.
function routePattern(path: string): RegExp {
  const segments = path.split('/').map((s) => (s === '*' ? '.*' : s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  return new RegExp(`^${segments.join('/')}$`)
}
