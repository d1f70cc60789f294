import { describe, expect, it } from 'vitest'
import * as OpenCC from 'opencc-js'
import { hkToSimplified, hkToSimplifiedWhole } from './to-simplified.js'

// The reference: what folded text stored in existing databases was made with.
const opencc = OpenCC.Converter({ from: 'hk', to: 'cn' })
const charByChar = (s: string) => [...s].map(opencc).join('')

describe('hkToSimplified', () => {
  it.each([
    ['', ''],
    ['香島中學掛橫額', '香岛中学挂横额'],
    // TSPhrases entries that convert otherwise than character by character
    ['一目瞭然', '一目了然'],
    ['瞭解', '了解'],
    ['七逕', '七迳'],
    ['上鍊', '上链'],
    ['不可貲計算', '不可赀計算'], // the phrase leaves 計 as is, and 算 is not part of it
    // HK variants first (偽 → 僞), then Traditional → Simplified; an identity phrase (一口吃個)
    // blocks the variant 吃 → 喫 inside it
    ['偽造', '伪造'],
    ['台灣', '台湾'],
    ['一口吃個', '一口吃个'],
    // segmentation: the TSPhrases match 衹見樹木 is converted on its own, so the phrase 木吒,
    // which overlaps it, is not matched (converting the whole string at once would)
    ['衹見樹木吒', '只见树木咤'],
    ['裏裡麪', '里里面'],
    // astral: a TSCharacters key, a compatibility ideograph (normalization), unconverted ones
    ['\u{2005e}', '\u{2003e}'],
    ['\u{2f800}', '\u4e3d'],
    ['\uf900', '\u5c82'],
    ['頁\u{20bb7}頁', '页\u{20bb7}页'],
    // lone surrogates stay, and do not disturb their neighbours
    ['\ud840頁', '\ud840页'],
    ['頁\udc00a', '页\udc00a'],
    // ideographic description sequences are copied whole; incomplete ones are not sequences
    ['⿰木風', '⿰木風'],
    ['⿱⿰木木風頁', '⿱⿰木木風页'],
    ['⿰頁頁頁', '⿰頁頁页'],
    ['⿲頁頁', '⿲页页'],
    ['⿰頁', '⿰页'],
    // mixed Simplified, Traditional and ASCII
    ['美國之音 VOA 报道：普丁與拜登會晤', '美国之音 VOA 报道：普丁与拜登会晤'],
  ])('hkToSimplified(%j) = %j, as opencc-js', (input, expected) => {
    expect(opencc(input)).toBe(expected)
    expect(hkToSimplified(input)).toBe(expected)
    expect(hkToSimplifiedWhole(input)).toBe(expected)
  })

  it('gives opencc-js output on random strings of dictionary keys, values and other characters', () => {
    const config = (OpenCC.Locale.configs as unknown as Record<string, { normalizationChain: string[][]; segmentation: string[]; conversionChain: string[][] }>).hk2s
    const entries = [...config.normalizationChain.flat(), ...config.segmentation, ...config.conversionChain.flat()]
      .flatMap((dict) => dict.split('|').map((line) => line.split(' ')))
    const pieces = [
      ...entries.flatMap(([key, value]) => [key, value]),
      'a', 'Z', '1', ' ', '\n', '，', '。', '的', '们', '这', '\u{20bb7}', '\u{1f600}', '\ud840', '\udc00',
      '⿰', '⿱', '⿲', '⿻', '\u2ff4', '\u2fff', '\ufeff',
    ]
    let seed = 20_241_204
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n)
    const keysByFirst = new Map<string, string[]>()
    for (const [key] of entries) keysByFirst.set(key[0], [...(keysByFirst.get(key[0]) ?? []), key])
    // Dictionary keys cut at a random point, or two keys overlapping by a character, so that
    // matches start and end inside one another.
    const piece = () => {
      const p = pieces[rand(pieces.length)]
      const r = rand(4)
      if (r === 0) return p.slice(rand(p.length))
      const next = r === 1 ? keysByFirst.get(p[p.length - 1]) : undefined
      return next ? p + next[rand(next.length)].slice(1) : p
    }
    let differing = 0
    let phraseSensitive = 0
    const strings = 20_000
    for (let n = 0; n < strings; n++) {
      const s = Array.from({ length: 1 + rand(12) }, piece).join('')
      const expected = opencc(s)
      if (hkToSimplified(s) !== expected || hkToSimplifiedWhole(s) !== expected) {
        differing++
        if (differing <= 3) expect({ s, got: hkToSimplified(s), whole: hkToSimplifiedWhole(s) }).toEqual({ s, got: expected, whole: expected })
      }
      if (expected !== charByChar(s)) phraseSensitive++
    }
    expect(differing).toBe(0)
    // The strings do exercise phrases: a character-by-character converter would fail on many.
    expect(phraseSensitive).toBeGreaterThan(strings / 20)
  })
})
