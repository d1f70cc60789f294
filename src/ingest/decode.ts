import chardet from 'chardet'
import iconv from 'iconv-lite'
import { fail, ok, type Outcome } from '../article.js'

export interface Decoded {
  readonly text: string
  readonly encoding: string
}

export interface DecodeOptions {
  readonly locator: string
  readonly contentType?: string // e.g. 'text/html; charset=gbk'
  readonly maxBytes?: number
}

// News articles are kilobytes; a file over this is a dump or an accident, and parsing it
// would cost over a gigabyte of memory (measured: a 50 MB page peaks at 1.4 GB RSS).
export const DEFAULT_MAX_BYTES = 20 * 1000 * 1000

/** Magic numbers of formats that are never text articles. */
const MAGIC: ReadonlyArray<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['WebP/RIFF file', [0x52, 0x49, 0x46, 0x46]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
]

export function sniffBinary(bytes: Uint8Array): string | undefined {
  for (const [name, magic] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return name
  // Text in any of the encodings we read has no NUL bytes except UTF-16, which has a BOM.
  const head = bytes.subarray(0, 8192)
  let controls = 0
  for (let i = 0; i < head.length; i++) {
    const b = head[i]
    if (b === 0) return 'binary data (NUL bytes)'
    if (b < 9 || (b > 13 && b < 32)) controls++
  }
  if (head.length > 0 && controls / head.length > 0.1) return 'binary data (control bytes)'
  return undefined
}

// Bytes that /\s/ matches when read as Latin-1: tab, LF, VT, FF, CR, space and no-break space.
const LATIN1_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0])

/** `/^\s*$/` over the bytes read as Latin-1, without making the string: it stops at the first letter. */
function isAllSpace(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (!LATIN1_SPACE.has(bytes[i])) return false
  return true
}

const CHARSET_IN_TYPE = /charset\s*=\s*["']?([\w.:-]+)/i
const CHARSET_IN_META = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i

/** WHATWG treats these labels as their supersets; GB2312 pages routinely use GBK characters. */
function canonicalCharset(label: string): string | undefined {
  const l = label.toLowerCase()
  if (l === 'utf8' || l === 'utf-8') return 'utf-8'
  if (['gb2312', 'gbk', 'x-gbk', 'cp936', 'euc-cn', 'gb_2312-80', 'chinese'].includes(l)) return 'gb18030'
  if (l === 'big5' || l === 'big5-hkscs' || l === 'x-x-big5' || l === 'cn-big5') return 'big5-hkscs'
  return iconv.encodingExists(l) ? l : undefined
}

// Validates and decodes in one pass: most archives are UTF-8, and decoding them twice (once to
// check, once to keep) was a measurable part of reading a file.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch (e) {
    if (e instanceof TypeError) return undefined
    throw e
  }
}

/**
 * Bytes → text. Order of evidence: BOM, valid UTF-8 (most archives), a declared charset
 * (Content-Type, then <meta>), then statistical detection (chardet) among GB18030, Big5 and
 * the like. Declared charsets are checked against the bytes because saved pages often lie.
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions): Outcome<Decoded> {
  const stage = 'decode'
  if (bytes.length === 0 || (bytes.length < 4096 && isAllSpace(bytes)))
    return fail('decode/empty', stage, `file is empty (${bytes.length} bytes)`, opts.locator)
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.length > max)
    return fail('decode/too-large', stage, `file is ${(bytes.length / 1e6).toFixed(1)} MB, over the ${(max / 1e6).toFixed(0)} MB limit for one article (--max-mb raises it)`, opts.locator)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return ok({ text: Buffer.from(bytes.subarray(3)).toString('utf8'), encoding: 'utf-8' })
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'
    return ok({ text: iconv.decode(Buffer.from(bytes.subarray(2)), enc), encoding: enc })
  }
  const binary = sniffBinary(bytes)
  if (binary) return fail('decode/binary', stage, `not a text file: looks like ${binary}`, opts.locator)
  const utf8 = decodeUtf8(bytes)
  if (utf8 !== undefined) return ok({ text: utf8, encoding: 'utf-8' })

  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
  const declared = [opts.contentType?.match(CHARSET_IN_TYPE)?.[1], head.match(CHARSET_IN_META)?.[1]]
    .map((l) => (l ? canonicalCharset(l) : undefined))
    .find((c) => c !== undefined && c !== 'utf-8')
  const detected = chardet.analyse(bytes).map((m) => canonicalCharset(m.name)).filter((c): c is string => !!c && c !== 'utf-8')
  // UTF-8 is a candidate again, read leniently: an archive file cut off mid-character or with
  // one stray byte is still its article, with U+FFFD where the bytes were bad.
  const candidates = [...new Set([declared, ...detected, 'gb18030', 'big5-hkscs', 'utf-8'].filter((c): c is string => !!c))]
  // Judge on a sample: a 50 MB page need not be decoded five times to pick its charset.
  const sample = Buffer.from(bytes.subarray(0, SAMPLE_BYTES))
  let best: ({ encoding: string } & ReturnType<typeof decodingCost>) | undefined
  for (const encoding of candidates) {
    const scored = { encoding, ...decodingCost(iconv.decode(sample, encoding)) }
    if (!best || scored.cost < best.cost) best = scored // ties keep the earlier, declared-first order
  }
  // Random high bytes always "decode" in some charset; if the best reading is neither Chinese
  // nor mostly ASCII, it is not text anyone wrote.
  const isSoup = best !== undefined && !best.readsAsChinese && best.nonAsciiShare > 0.3
  if (!best || isSoup || best.bad > Math.max(8, Math.min(sample.length, bytes.length) * 0.005))
    return fail('decode/unknown-encoding', stage, 'bytes are not valid UTF-8 and no Chinese or other known encoding decodes them cleanly', opts.locator)
  return ok({ text: iconv.decode(Buffer.from(bytes), best.encoding), encoding: best.encoding })
}

const SAMPLE_BYTES = 512 * 1024
/** Frequent Chinese characters, Simplified and Traditional: real text is full of them, a wrong CJK decoding is not. */
const COMMON_HANZI = new Set(
  '的一是不了在人有我他这這中大来來上个個国國到说說们們为為子和你地出道也时時年就那要下以生会會自着著去之过過家学學对對可她里裡后後小么麼心多天而能好都然没沒日于於起还還发發成事只作当當想看文无無开開手十用主行方又如前所本见見经經头頭面公同三已老从從动動两兩长長',
)

/**
 * Lower is better. Replacement and C1 characters are hard evidence against a decoding. A
 * single-byte decoding never fails, so it would beat a GBK page with a few truncated characters;
 * what tells them apart is that the right CJK decoding reads as Chinese (full of the most frequent
 * characters), while GBK read as KOI8-R or Latin-1, or Big5 read as GBK, is a soup of rare ones.
 */
function decodingCost(text: string): { bad: number; cost: number; readsAsChinese: boolean; nonAsciiShare: number } {
  const bad = text.match(/[\ufffd\u0080-\u009f]/g)?.length ?? 0
  let cjk = 0
  let common = 0
  let nonAscii = 0
  let chars = 0
  for (const ch of text) {
    chars++
    if (ch > '\u007f') nonAscii++
    if (ch >= '\u3400' && ch <= '\u9fff') {
      cjk++
      if (COMMON_HANZI.has(ch)) common++
    }
  }
  const readsAsChinese = cjk >= 20 && common / cjk >= 0.1
  return { bad, cost: bad * 10 + (readsAsChinese ? 0 : nonAscii / 2), readsAsChinese, nonAsciiShare: chars ? nonAscii / chars : 0 }
}
