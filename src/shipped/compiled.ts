import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Tables that every process would otherwise derive from the files jianting ships with (the
 * outlet registry and the entity table, parsed from YAML; jieba's dictionary and IDF list,
 * indexed by hash), computed once by `npm run build` (`compile.ts`) and read back instead.
 * Deriving them cost ≈ 0.4 s at the start of every command that analyses text, most of it
 * before the optimising compiler steps in; reading them back costs a few milliseconds.
 *
 * Each table is saved with a key: a digest of everything it was derived from (the source files'
 * bytes and the code that derives it, see `keyOf`). A table whose key differs — a YAML file
 * edited after the build, another jieba, changed code — is not used: it is derived again, as it
 * would be without the cache. Written here because the cache is four typed arrays and a JSON
 * header in one file: no library is needed for that.
 */

/** dist/tables/ for the built code; for the sources (tests) src/../tables/, which the build never writes. */
export const COMPILED_DIR = fileURLToPath(new URL('../../tables/', import.meta.url))

export type CompiledArray = Int32Array | Uint8Array | Uint16Array

const ARRAY_TYPES = { Int32Array, Uint8Array, Uint16Array } as const
type ArrayType = keyof typeof ARRAY_TYPES

interface Header {
  readonly key: string
  readonly meta: unknown
  readonly arrays: ReadonlyArray<{ readonly type: ArrayType; readonly length: number }>
}

// Arrays start at multiples of 8 in the file, so that a view of the bytes read needs no copy.
const ALIGN = 8
const pad = (n: number) => (n + ALIGN - 1) & ~(ALIGN - 1)

/**
 * A digest of what a table is derived from: strings and bytes, in order, and the files of the
 * code that derives it (`code`: module URLs, `import.meta.url`), so that a table made by other
 * code is never read.
 */
export function keyOf(parts: ReadonlyArray<string | Uint8Array>, code: readonly string[] = []): string {
  const hash = createHash('sha256')
  for (const p of parts) hash.update(typeof p === 'string' ? `s${p.length}:` : `b${p.length}:`).update(p)
  for (const url of code) hash.update(readFileSync(fileURLToPath(url)))
  return hash.digest('hex')
}

/** Saves a table (JSON-able `meta` and typed arrays) under `name` in `dir`, atomically. */
export function saveCompiled(name: string, key: string, meta: unknown, arrays: readonly CompiledArray[] = [], dir = COMPILED_DIR): void {
  const header: Header = { key, meta, arrays: arrays.map((a) => ({ type: a.constructor.name as ArrayType, length: a.length })) }
  const head = Buffer.from(JSON.stringify(header))
  const start = pad(4 + head.length)
  const size = arrays.reduce((at, a) => pad(at + a.byteLength), start)
  const out = Buffer.alloc(size)
  out.writeUInt32LE(head.length, 0)
  head.copy(out, 4)
  let at = start
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at)
    at = pad(at + a.byteLength)
  }
  mkdirSync(dir, { recursive: true })
  const file = `${dir}/${name}.bin`
  writeFileSync(`${file}.tmp`, out)
  renameSync(`${file}.tmp`, file)
}

/** The table saved under `name` with this key, or undefined (none, another key, or unreadable). */
export function loadCompiled(name: string, key: string, dir = COMPILED_DIR): { meta: unknown; arrays: CompiledArray[] } | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(`${dir}/${name}.bin`)
  } catch {
    return undefined
  }
  try {
    const length = bytes.readUInt32LE(0)
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as Header
    if (header.key !== key) return undefined
    // A Buffer read from a file may share a pool at any offset: copied when not aligned.
    const buffer = (bytes.byteOffset % ALIGN === 0 ? bytes.buffer : new Uint8Array(bytes).buffer) as ArrayBuffer
    const base = bytes.byteOffset % ALIGN === 0 ? bytes.byteOffset : 0
    let at = pad(4 + length)
    const arrays = header.arrays.map(({ type, length }) => {
      const Type = ARRAY_TYPES[type]
      if (!Type || at + length * Type.BYTES_PER_ELEMENT > bytes.length) throw new Error(`array of ${type} past the end`)
      const a = new Type(buffer, base + at, length)
      at = pad(at + a.byteLength)
      return a
    })
    return { meta: header.meta, arrays }
  } catch {
    return undefined // damaged: derived again, as without it
  }
}
