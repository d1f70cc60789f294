// Shared text helpers: used by several stages (clean, normalize, dedupe), owned by none.

/**
 * `s.replace(/[class]+/gu, '')` for a one-character class, with the class test remembered per
 * UTF-16 code unit: Unicode-property regexes over whole articles (letters and digits for
 * matching, punctuation for repeat detection) were a few percent of parsing, and news text
 * uses a few thousand distinct characters. Surrogate pairs are tested as the code point they
 * form, every time (rare), so the result is exactly the regex's.
 */
export function charRemover(oneChar: RegExp): (s: string) => string {
  if (!oneChar.unicode || oneChar.global || oneChar.sticky) throw new Error('charRemover: a /u regex without g or y')
  const verdict = new Uint8Array(0x10000) // 0 not yet known, 1 keep, 2 remove
  const removes = (code: number, ch: string) => {
    let v = verdict[code]
    if (v === 0) verdict[code] = v = oneChar.test(ch) ? 2 : 1
    return v === 2
  }
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
