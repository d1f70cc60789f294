// Shared text helpers: used by several stages (clean, normalize, dedupe), owned by none.

/**
 * A test of one character (a code point, as `for…of` gives it) against a one-character class,
 * remembered per UTF-16 code unit: Unicode-property regexes run per character over whole
 * articles were a few percent of parsing, and news text uses a few thousand distinct
 * characters. Astral characters (surrogate pairs) are tested by the regex every time (rare).
 */
export function charTest(oneChar: RegExp): (ch: string) => boolean {
  if (!oneChar.unicode || oneChar.global || oneChar.sticky) throw new Error('charTest: a /u regex without g or y')
  const verdict = new Uint8Array(0x10000) // 0 not yet known, 1 no, 2 yes
  return (ch) => {
    if (ch.length !== 1) return oneChar.test(ch)
    const code = ch.charCodeAt(0)
    let v = verdict[code]
    if (v === 0) verdict[code] = v = oneChar.test(ch) ? 2 : 1
    return v === 2
  }
}

/**
 * `s.replace(/[class]+/gu, '')` for a one-character class, through `charTest`. Surrogate pairs
 * are tested as the code point they form, so the result is exactly the regex's.
 */
export function charRemover(oneChar: RegExp): (s: string) => string {
  const removes = charTest(oneChar)
  return (s) => {
    let out = ''
    let kept = 0 // start of the run of kept characters not yet copied
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i)
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0
      const isPair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff
      const width = isPair ? 2 : 1
      if (removes(isPair ? s.slice(i, i + 2) : s[i])) {
        if (i > kept) out += s.slice(kept, i)
        kept = i + width
      }
      i += width - 1
    }
    return kept === 0 ? s : out + s.slice(kept)
  }
}

/** Only the letters and digits of a text: the matching key of names, titles and copies. */
export const lettersAndDigits: (s: string) => string = charRemover(/[^\p{L}\p{N}]/u)
