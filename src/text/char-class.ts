// Shared text helpers: used by several stages (clean, normalize, dedupe), owned by none.

/**
 * A one-character class's verdict, remembered per UTF-16 code unit: Unicode-property regexes
 * run per character over whole articles were a few percent of parsing, and news text uses a
 * few thousand distinct characters. `ch` (the unit as a string) is read only the first time
 * its code is seen, so a caller on a hot loop can pass `s[i]` and V8 need not make it.
 */
function rememberedTest(oneChar: RegExp): (code: number, ch: string) => boolean {
  if (!oneChar.unicode || oneChar.global || oneChar.sticky) throw new Error('a one-character class: a /u regex without g or y')
  const verdict = new Uint8Array(0x10000) // 0 not yet known, 1 no, 2 yes
  return (code, ch) => {
    let v = verdict[code]
    if (v === 0) verdict[code] = v = oneChar.test(ch) ? 2 : 1
    return v === 2
  }
}

/**
 * A test of one character (a code point, as `for…of` gives it) against a one-character class,
 * remembered per code unit; astral characters (surrogate pairs) go to the regex every time (rare).
 */
export function charTest(oneChar: RegExp): (ch: string) => boolean {
  const test = rememberedTest(oneChar)
  return (ch) => (ch.length === 1 ? test(ch.charCodeAt(0), ch) : oneChar.test(ch))
}

/**
 * `s.replace(/[class]+/gu, '')` for a one-character class. Surrogate pairs are tested as the
 * code point they form, every time (rare), so the result is exactly the regex's.
 */
export function charRemover(oneChar: RegExp): (s: string) => string {
  const removes = rememberedTest(oneChar)
  return (s) => {
    let out = ''
    let kept = 0 // start of the run of kept characters not yet copied
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i)
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0
      const isPair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff
      const remove = isPair ? oneChar.test(s.slice(i, i + 2)) : removes(code, s[i])
      const width = isPair ? 2 : 1
      if (remove) {
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

/** The distinct two-character pieces of a text's letters and digits (punctuation and spaces dropped). */
export function charBigrams(s: string): Set<string> {
  const t = lettersAndDigits(s)
  const out = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
  return out
}
