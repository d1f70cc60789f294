import { randomBytes } from 'node:crypto'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { preferredEncoding, ResponseCache } from './response-cache.js'

const bytes = (s: string) => new Uint8Array(Buffer.from(s))

describe('preferredEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['identity', 'identity'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['GZIP', 'gzip'],
  ] as const)('%s → %s', (header, encoding) => {
    expect(preferredEncoding(header)).toBe(encoding)
  })
})

describe('ResponseCache', () => {
  it('compresses each form once, on first demand, and both decode to the body', () => {
    const cache = new ResponseCache(1 << 20)
    const text = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ i, text: '拜登与普京在日内瓦会晤，会谈持续了约四个小时。' })))
    const body = cache.add('k', bytes(text))
    expect(body.bytes).toBe(Buffer.byteLength(text))
    const br = body.encoded('br')
    expect(body.encoded('br')).toBe(br)
    expect(brotliDecompressSync(br).toString()).toBe(text)
    expect(gunzipSync(body.encoded('gzip')).toString()).toBe(text)
    expect(body.encoded('identity')).toBe(body.raw)
    expect(cache.heldBytes).toBe(body.bytes)
    expect(cache.get('k')).toBe(body)
  })

  it('evicts the least recently used bodies when compressed forms push it over budget', () => {
    const cache = new ResponseCache(4000)
    const noise = (n: number) => new Uint8Array(randomBytes(n))
    const a = cache.add('a', noise(450))
    cache.add('b', noise(450))
    cache.get('a') // a is now the most recent
    cache.add('c', noise(450))
    expect(cache.heldBytes).toBe(1350)
    for (let i = 0; i < 4; i++) cache.add(`d${i}`, noise(450)).encoded('gzip') // incompressible: each form adds ~450
    expect(cache.heldBytes).toBeLessThanOrEqual(4000)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBeUndefined()
    // An evicted body still answers, and its new form is not counted: had it been, the total
    // would change (eviction would bring it back under budget, so a bound alone cannot tell).
    const held = cache.heldBytes
    expect(brotliDecompressSync(a.encoded('br'))).toEqual(Buffer.from(a.raw))
    expect(cache.heldBytes).toBe(held)
  })

  it('does not keep a body too large for its budget, but still serves it', () => {
    const cache = new ResponseCache(800)
    const body = cache.add('big', bytes('x'.repeat(200)))
    expect(gunzipSync(body.encoded('gzip')).toString()).toBe('x'.repeat(200))
    expect(cache.get('big')).toBeUndefined()
    expect(cache.heldBytes).toBe(0)
  })
})
