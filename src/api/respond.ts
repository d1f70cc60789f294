import type { Context } from 'hono'
import { preferredEncoding, type CachedBody } from './response-cache.js'

/** A cached body, compressed as the client accepts (brotli, else gzip; browsers and most HTTP clients do). */
export function sendCached(c: Context, body: CachedBody, contentType: string): Response {
  c.header('Vary', 'Accept-Encoding')
  c.header('Content-Type', contentType)
  const encoding = preferredEncoding(c.req.header('accept-encoding'))
  if (encoding !== 'identity') c.header('Content-Encoding', encoding)
  return c.body(body.encoded(encoding), 200)
}

export const JSON_TYPE = 'application/json; charset=UTF-8'
export const HTML_TYPE = 'text/html; charset=UTF-8'
