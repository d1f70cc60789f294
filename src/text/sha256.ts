import * as crypto from 'node:crypto'

// crypto.hash (Node ≥ 20.12) hashes in one call, without a Hash object to create and finish:
// half the cost of createHash for the few-kilobyte inputs of ingest, which hashes every input
// three times (raw bytes, article id, text). Older Node 20 releases fall back to createHash.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined

/** SHA-256 of text (as UTF-8) or bytes, in lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex')
}
