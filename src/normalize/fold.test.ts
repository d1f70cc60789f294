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
