import { describe, expect, it } from 'vitest'
import { foldKey, foldText } from './fold.js'

describe('foldText', () => {
  it.each([
    ['香島中學掛橫額', '香岛中学挂横额'],
    ['頁', '页'],
    ['ＡＢＣ１２３', 'abc123'],
    ['普\u200b京', '普京'],
    ['a \u3000\u00a0 b', 'a b'],
    ['  para one  \n  para two ', 'para one\npara two'],
  ])('foldText(%j) = %j', (input, folded) => expect(foldText(input)).toBe(folded))

  it('collapses white space as the two regex passes it replaces did, line breaks kept', () => {
    const byRegex = (s: string) => s.toLowerCase().replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/ *\n */g, '\n').trim()
    const alphabet = [' ', ' ', '\t', '\u00a0', '\u3000', '\n', '\n', '\r', '\u2003', 'a', '中', '1', '\ud83d\ude00']
    let seed = 1
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n
    for (let t = 0; t < 20_000; t++) {
      // Characters that folding leaves as they are, so only the white space rule is tested.
      const s = Array.from({ length: random(10) }, () => alphabet[random(alphabet.length)]).join('')
      expect(foldText(s)).toBe(byRegex(s.normalize('NFKC')))
    }
    expect(foldText('a \t b\n \n\tc  d \r\n e')).toBe('a b\n\nc d \r\ne')
  })
  it('is idempotent', () => {
    for (const s of ['美國之音 VOA', '《新削減戰略武器條約》', 'Ｆｕｌｌ　ｗｉｄｔｈ', '普丁與拜登會晤'])
      expect(foldText(foldText(s))).toBe(foldText(s))
  })
})

describe('foldKey', () => {
  it('drops punctuation and spaces, keeps letters and digits', () => {
    expect(foldKey('Aljazeera 半島網')).toBe('aljazeera半岛网')
    expect(foldKey('【独立观点】美俄峰会：')).toBe('独立观点美俄峰会')
  })
})
