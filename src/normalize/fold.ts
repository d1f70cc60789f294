import { lettersAndDigits } from '../text/char-class.js'
import { hkToSimplified } from './to-simplified.js'

// opencc-js Converter({ from: 'hk', to: 'cn' }): Traditional (incl. Hong Kong and Taiwan
// variants) → Simplified. 'hk' covers more variant forms than 't'; twp-specific phrases are rare
// in news and cost time. hkToSimplified gives exactly its output, faster (see to-simplified.ts).

const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g

// Per UTF-16 code unit: 1 = folding never changes it alone, 2 = Traditional → changes.
// Filled lazily. Most archived text is Simplified: when no code unit would change, the
// converter (the costliest part of folding) is skipped altogether.
const UNKNOWN = 0
const KEEPS = 1
const CHANGES = 2
const unitClass = new Uint8Array(0x10000)

function classifyUnit(code: number): number {
  let c = unitClass[code]
  if (c === UNKNOWN) {
    // Surrogates cannot be judged one unit at a time: always hand them to the converter.
    const isSurrogate = code >= 0xd800 && code <= 0xdfff
    c = !isSurrogate && hkToSimplified(String.fromCharCode(code)) === String.fromCharCode(code) ? KEEPS : CHANGES
    unitClass[code] = c
  }
  return c
}

/** Does Traditional→Simplified conversion change this character on its own? */
export const isTraditionalChar = (ch: string): boolean => classifyUnit(ch.charCodeAt(0)) === CHANGES

/** The same, for a code unit by its code. */
export const isTraditionalUnit = (code: number): boolean => classifyUnit(code) === CHANGES

function hasTraditional(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    if (code >= 0x2e80 && classifyUnit(code) === CHANGES) return true
  }
  return false
}

/**
 * The form used for matching, dedup, search and clustering: NFKC (which also maps full-width
 * ASCII to half-width), Traditional → Simplified, lower case, zero-width characters removed
 * and whitespace runs collapsed. Never shown to a reader.
 */
export function foldText(text: string): string {
  const nfkc = text.normalize('NFKC').replace(ZERO_WIDTH, '')
  const simplified = hasTraditional(nfkc) ? hkToSimplified(nfkc) : nfkc
  return collapseSpaces(simplified.toLowerCase()).trim()
}

// Runs of spaces, tabs, no-break and ideographic spaces made one space, and none kept beside a
// line break: .replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/ *\n */g, '\n') in one pass over the
// text, which returns it as it is when there is nothing to change (two regex passes over every
// article were a fifth of folding one).
function collapseSpaces(s: string): string {
  let out = ''
  let copied = 0 // s is copied to `out` up to here
  for (let i = 0; i < s.length; i++) {
    if (!isSpaceUnit(s.charCodeAt(i))) continue
    let end = i + 1
    while (end < s.length && isSpaceUnit(s.charCodeAt(end))) end++
    const besideBreak = (i > 0 && s.charCodeAt(i - 1) === NEWLINE) || (end < s.length && s.charCodeAt(end) === NEWLINE)
    if (!besideBreak && end === i + 1 && s.charCodeAt(i) === SPACE) {
      i = end - 1
      continue // one plain space: kept as it is
    }
    out += s.slice(copied, i) + (besideBreak ? '' : ' ')
    copied = end
    i = end - 1
  }
  return copied === 0 ? s : out + s.slice(copied)
}
const SPACE = 0x20
const NEWLINE = 0x0a
const isSpaceUnit = (c: number) => c === SPACE || c === 0x09 || c === 0xa0 || c === 0x3000

/** Folded and stripped of everything but letters and digits: the key for names and titles. */
export function foldKey(text: string): string {
  return lettersAndDigits(foldText(text))
}
