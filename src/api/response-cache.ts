import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export type Encoding = 'br' | 'gzip' | 'identity'

/**
 * A response body kept with its compressed forms, each made once on first demand: a cached
 * comparison is then a copy of its bytes per request, not 600 KB of encoding and compressing.
 */
export class CachedBody {
  private readonly forms = new Map<Encoding, Uint8Array<ArrayBuffer>>()
  constructor(
    readonly raw: Uint8Array<ArrayBuffer>,
    private readonly grew: (bytes: number) => void = () => {},
  ) {
    this.forms.set('identity', raw)
  }

  encoded(encoding: Encoding): Uint8Array<ArrayBuffer> {
    let body = this.forms.get(encoding)
    if (!body) {
      body = new Uint8Array(encoding === 'br' ? brotli(this.raw) : gzipSync(this.raw, { level: 6 }))
      this.forms.set(encoding, body)
      this.grew(body.length)
    }
    return body
  }

  get bytes(): number {
    let n = 0
    for (const b of this.forms.values()) n += b.length
    return n
  }
}

// Brotli with a window as large as the body (up to 4 MB): a comparison repeats sentences much
// further apart than gzip's 32 KB window reaches, and comes out less than half gzip's size
// (the bytes, not the server's work, are what bound a large response's latency). Quality 9,
// not 11: nearly as small at a fiftieth of the time.
function brotli(raw: Uint8Array): Buffer {
  const window = Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(raw.length + 1))))
  return brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_LGWIN]: window, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
}

/**
 * The encoding to send for an Accept-Encoding header: brotli, then gzip, when the client
 * accepts them (a q of 0 refuses); otherwise the bytes as they are.
 */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity'
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim())
    const q = params.find((p) => p.startsWith('q='))
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1)
  }
  const ok = (e: string) => (accepted.get(e) ?? (accepted.has('*') ? accepted.get('*')! : 0)) > 0
  if (ok('br')) return 'br'
  if (ok('gzip')) return 'gzip'
  return 'identity'
}

/** Least recently used bodies within a budget of bytes (all their encodings counted). */
export class ResponseCache {
  private readonly map = new Map<string, CachedBody>()
  private size = 0
  constructor(private readonly budget: number) {}

  get(key: string): CachedBody | undefined {
    const v = this.map.get(key)
    if (v !== undefined) {
      this.map.delete(key)
      this.map.set(key, v)
    }
    return v
  }

  /** A new body for `raw`, kept under `key` unless its bytes alone would take an eighth of the budget
   * (with its compressed forms, about a quarter). */
  add(key: string, raw: Uint8Array<ArrayBuffer>): CachedBody {
    if (raw.length > this.budget / 8) return new CachedBody(raw)
    const body = new CachedBody(raw, (bytes) => {
      if (this.map.get(key) !== body) return // evicted meanwhile: no longer counted
      this.size += bytes
      this.evict()
    })
    const old = this.map.get(key)
    if (old) this.size -= old.bytes
    this.map.set(key, body)
    this.size += raw.length
    this.evict()
    return body
  }

  private evict(): void {
    for (const [k, v] of this.map) {
      if (this.size <= this.budget) break
      this.map.delete(k)
      this.size -= v.bytes
    }
  }

  /** Bytes held (for tests). */
  get heldBytes(): number {
    return this.size
  }
}
