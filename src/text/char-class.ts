// Shared text helpers: used by several stages (clean, normalize, dedupe), owned by none.

/**
 * A one-character class's verdict on one UTF-16 code unit (not half of a surrogate pair), by
 * its code, remembered: Unicode-property regexes run per character over whole articles were a
 * few percent of parsing, and news text uses a few thousand distinct characters. The unit is
 * made into a string only the first time its code is seen, so a loop over `charCodeAt` makes none.
 */
export function charCodeTest(oneChar: RegExp): (code: number) => boolean {
  if (!oneChar.unicode || oneChar.global || oneChar.sticky) throw new Error('a one-character class: a /u regex without g or y')
  const verdict = new Uint8Array(0x10000) // 0 not yet known, 1 no, 2 yes
  return (code) => {
    let v = verdict[code]
    if (v === 0) verdict[code] = v = oneChar.test(String.fromCharCode(code)) ? 2 : 1
    return v === 2
  }
}

/**
 * A test of one character (a code point, as `for…of` gives it) against a one-character class,
 * remembered per code unit; astral characters (surrogate pairs) go to the regex every time (rare).
 */
export function charTest(oneChar: RegExp): (ch: string) => boolean {
  const test = charCodeTest(oneChar)
  return (ch) => (ch.length === 1 ? test(ch.charCodeAt(0)) : oneChar.test(ch))
}

/**
 * `s.replace(/[class]+/gu, '')` for a one-character class. Surrogate pairs are tested as the
 * code point they form, every time (rare), so the result is exactly the regex's.
 */
export function charRemover(oneChar: RegExp): (s: string) => string {
  if (!oneChar.unicode || oneChar.global || oneChar.sticky) throw new Error('a one-character class: a /u regex without g or y')
  // The verdicts are read in the loop itself, not through charCodeTest: a call and a
  // one-character string per character were 40% of the time of this, the hottest loop of parsing.
  const verdict = new Uint8Array(0x10000) // 0 not yet known, 1 keep, 2 remove
  return (s) => {
    let out = ''
    let kept = 0 // start of the run of kept characters not yet copied
    const n = s.length
    for (let i = 0; i < n; i++) {
      const code = s.charCodeAt(i)
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        if (oneChar.test(s.slice(i, i + 2))) {
          if (i > kept) out += s.slice(kept, i)
          kept = i + 2
        }
        i++
        continue
      }
      let v = verdict[code]
      if (v === 0) verdict[code] = v = oneChar.test(String.fromCharCode(code)) ? 2 : 1
      if (v === 2) {
        if (i > kept) out += s.slice(kept, i)
        kept = i + 1
      }
    }
    return kept === 0 ? s : out + s.slice(kept)
  }
}

/** Only the letters and digits of a text: the matching key of names, titles and copies. */
export const lettersAndDigits: (s: string) => string = charRemover(/[^\p{L}\p{N}]/u)

/** The distinct two-character pieces of a text's letters and digits (punctuation and spaces dropped). */
export function charBigrams(s: string): Set<string> {
  const t = lettersAndDigits(s)
  const out = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
  return out
}
