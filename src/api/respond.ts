import type { Context } from 'hono'
import type { CachedBody } from './state.js'

/** A cached body, gzipped when the client accepts it (browsers and most HTTP clients do). */
export function sendCached(c: Context, body: CachedBody, contentType: string): Response {
  c.header('Vary', 'Accept-Encoding')
  c.header('Content-Type', contentType)
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    c.header('Content-Encoding', 'gzip')
    return c.body(body.gzip, 200)
  }
  return c.body(body.raw, 200)
}

export const JSON_TYPE = 'application/json; charset=UTF-8'
export const HTML_TYPE = 'text/html; charset=UTF-8'
