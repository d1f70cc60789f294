import * as OpenCC from 'opencc-js'

// opencc-js: Traditional (incl. Hong Kong and Taiwan variants) → Simplified, character-level.
// 'hk' covers more variant forms than 't'; twp-specific phrases are rare in news and cost time.
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' })

const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g

/**
 * The form used for matching, dedup, search and clustering: NFKC (which also maps full-width
 * ASCII to half-width), Traditional → Simplified, lower case, zero-width characters removed
 * and whitespace runs collapsed. Never shown to a reader.
 */
export function foldText(text: string): string {
  const nfkc = text.normalize('NFKC').replace(ZERO_WIDTH, '')
  return toSimplified(nfkc).toLowerCase().replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/ *\n */g, '\n').trim()
}

/** Folded and stripped of everything but letters and digits: the key for names and titles. */
export function foldKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, '')
}
