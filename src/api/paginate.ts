import { z } from 'zod'
import { BadRequestError } from './errors.js'

export const MAX_LIMIT = 200

export const pageQuery = z.object({
  limit: z.coerce.number({ error: 'expected a whole number' }).int('expected a whole number').min(1, 'expected 1 or more').max(MAX_LIMIT, `expected at most ${MAX_LIMIT}`).default(50),
  cursor: z.string().max(64).optional().describe('opaque: the nextCursor of the previous page'),
})

export interface Page<T> {
  readonly items: readonly T[]
  readonly total: number
  /** Pass as ?cursor= for the next page; null on the last page. */
  readonly nextCursor: string | null
}

// Cursors are offsets, base64url-encoded so clients treat them as opaque (a later
// keyset cursor can replace them without breaking anyone).
export const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url')

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString())
  if (!m) throw new BadRequestError(`cursor: '${cursor}' is not a cursor this server issued; start again without it`)
  return Number(m[1])
}

export function paginate<T, U = T>(all: readonly T[], q: { limit: number; cursor?: string }, map?: (t: T) => U): Page<U> {
  const offset = decodeCursor(q.cursor)
  const slice = all.slice(offset, offset + q.limit)
  const next = offset + q.limit < all.length ? encodeCursor(offset + q.limit) : null
  return { items: map ? slice.map(map) : (slice as unknown as U[]), total: all.length, nextCursor: next }
}
