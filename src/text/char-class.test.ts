import { describe, expect, it } from 'vitest'
import { charRemover, charTest } from './char-class.js'

describe('charRemover', () => {
  const classes = [/[^\p{L}\p{N}]/u, /[\s\p{P}\p{S}]/u]
  // Han, kana, Latin, digits, punctuation (CJK and ASCII), spaces, an astral ideograph (𠀀),
  // an emoji, lone surrogates and zero-width characters.
  const alphabet = ['中', '國', 'の', 'a', 'Z', '7', '٣', '，', '。', '!', '“', ' ', '\n', '\u3000', '𠀀', '😀', '\ud800', '\udfff', '\u200b', '$', '¥']
  let seed = 7
  const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n)
  const samples = ['', '中文', '，。', '𠀀x😀', '\ud800a', 'a\udfff', ...Array.from({ length: 400 }, () => Array.from({ length: rand(30) }, () => alphabet[rand(alphabet.length)]).join(''))]

  it.each(classes.map((c) => [c.source, c]))('removes exactly what %s removes', (_src, re) => {
    const remove = charRemover(re)
    const global = new RegExp(`${re.source}+`, 'gu')
    for (const s of samples) expect(remove(s)).toBe(s.replace(global, ''))
  })
})

describe('charTest', () => {
  it('answers as the regex does, for BMP and astral characters, the second time too', () => {
    const isHan = charTest(/\p{Script=Han}/u)
    for (const ch of ['中', '國', 'a', '，', '𠀀', '😀', '\ud800', '中', '𠀀']) expect(isHan(ch)).toBe(/\p{Script=Han}/u.test(ch))
  })
  it('refuses a global regex (its lastIndex would make answers depend on the call before)', () => {
    expect(() => charTest(/a/gu)).toThrow()
  })
})
