import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleArchive } from '../../test/support/store.js'
import { testServer } from '../../test/support/web.js'
import { startServer, type RunningServer } from './serve.js'

/** The raw HTTP response, as a client on the wire sees it (fetch would hide the framing). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the server on a real socket', () => {
  let s: Awaited<ReturnType<typeof testServer>>
  let server: RunningServer
  beforeAll(async () => {
    s = await testServer([exampleArchive])
    server = await startServer(s.store, s.config)
  })
  afterAll(async () => {
    await server.close()
    await s.close()
  })

  // The security headers are set on the handler's own response: rebuilding it (what c.header()
  // after the handler does) wraps its bytes in a stream, and @hono/node-server then pipes that
  // stream instead of writing the bytes once — the most expensive part of a cached response.
  it('keeps the handler’s response object when adding the security headers', async () => {
    let sent: Response | undefined
    s.app.get('/probe-response', (c) => (sent = c.body(new Uint8Array([1, 2, 3]), 200)))
    const res = await s.app.request('/probe-response')
    expect(res).toBe(sent)
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
  })

  it.each(['/api/events?limit=5', '/api/events/e00002/comparison', '/events/e00002', '/'])('sends %s in one piece, with its length and the security headers', async (path) => {
    for (const enc of [{}, { 'accept-encoding': 'gzip' }, { 'accept-encoding': 'gzip, br' }] as Array<Record<string, string>>) {
      const r = await rawGet(server.url + path, enc)
      expect(r.status).toBe(200)
      expect(r.headers['content-length']).toMatch(/^\d+$/)
      expect(r.headers['transfer-encoding']).toBeUndefined()
      expect(r.headers['content-security-policy']).toMatch(/default-src 'none'/)
      expect(r.headers['x-frame-options']).toBe('DENY')
    }
  })
})
