import { describe, expect, it } from 'vitest'
import type { Fingerprint } from '../article.js'
import { foldText } from '../normalize/fold.js'
import { findDuplicate } from './decide.js'
import { estimateJaccard, matchText, sketch, summarize, summaryAgreement, textHash, titleKey } from './minhash.js'

const base = '美国总统拜登和俄罗斯总统普京于6月16日在日内瓦举行了美俄峰会。会后，双方达成联合声明，确保美俄战略稳定互信，两国大使将返回各自岗位。'.repeat(4)
const other = '香港立法会今天三读通过修例，多名议员在表决前离场抗议，政府表示将尽快刊宪实施，社会各界反应不一。'.repeat(4)

function fp(text: string, title = 't'): Fingerprint {
  const compact = matchText(foldText(text))
  const s = sketch(compact)
  return { textHash: textHash(compact), minhash: s.minhash, shingleCount: s.shingleCount, titleKey: titleKey(title) }
}

describe('one-permutation MinHash', () => {
  it('estimates identical texts as 1 and unrelated texts near 0', () => {
    expect(estimateJaccard(fp(base).minhash, fp(base).minhash)).toBe(1)
    expect(estimateJaccard(fp(base).minhash, fp(other).minhash)).toBeLessThan(0.1)
  })
  it('is script-insensitive through folding', () => {
    expect(fp('美國總統拜登和俄羅斯總統普京').textHash).toBe(fp('美国总统拜登和俄罗斯总统普京').textHash)
  })
})

describe('findDuplicate', () => {
  const cand = (id: string, f: Fingerprint, outletId = 'a') => ({ id, outletId, fingerprint: f })
  it('links an exact copy, whatever the punctuation', () => {
    const v = findDuplicate(fp(base.replace(/，/g, ', ')), 'a', [cand('x', fp(base))])
    expect(v?.of).toBe('x')
    expect(v?.reason).toMatch(/^exact/)
  })
  it('links a lightly edited copy and points at the root of a chain', () => {
    const edited = base.replace('联合声明', '共同声明').replace('返回', '回到')
    const v = findDuplicate(fp(edited), 'b', [{ id: 'y', outletId: 'a', duplicateOf: 'root', fingerprint: fp(base) }])
    expect(v?.of).toBe('root')
  })
  it('keeps apart same-headline articles with different text', () => {
    expect(findDuplicate(fp(other, '峰会'), 'a', [cand('x', fp(base, '峰会'))])).toBeUndefined()
  })
  it('links a stub to its full revision only within one outlet', () => {
    const stub = base.slice(0, 90)
    const title = '美俄峰会在日内瓦举行'
    expect(findDuplicate(fp(stub, title), 'a', [cand('x', fp(base + other, title), 'a')])?.of).toBe('x')
    expect(findDuplicate(fp(stub, title), 'b', [cand('x', fp(base + other, title), 'a')])).toBeUndefined()
  })
})

describe('sketch summaries', () => {
  const bins = (f: Fingerprint, g: Fingerprint) => f.minhash.reduce((n, v, i) => n + (v === g.minhash[i] ? 1 : 0), 0)
  it('agree in at least as many bins as the full sketches', () => {
    const pairs = [[base, base], [base, other], [base, base.slice(0, 120) + other], [base.replace('联合声明', '共同声明'), base]]
    for (const [x, y] of pairs) {
      const [f, g] = [fp(x), fp(y)]
      const agree = summaryAgreement(summarize(f.minhash), 0, summarize(g.minhash), 0)
      expect(agree).toBeGreaterThanOrEqual(bins(f, g))
      expect(agree).toBeLessThanOrEqual(128)
    }
    expect(summaryAgreement(summarize(fp(base).minhash), 0, summarize(fp(base).minhash), 0)).toBe(128)
  })
  it('counts differing bins exactly', () => {
    const a = new Uint32Array(128)
    const b = new Uint32Array(128)
    b[0] = 1
    b[17] = 2
    b[127] = 3
    b[50] = 4 // same low bits as 0
    expect(summaryAgreement(summarize(a), 0, summarize(b), 0)).toBe(125)
  })
})

describe('sketch', () => {
  it.each([[''], ['abc'], ['abcd'], ['abcdabcdabcd'], [base], [base + other]])('counts distinct shingles exactly: %#', (text) => {
    const compact = matchText(foldText(text))
    const shingles = new Set<string>()
    for (let i = 0; i + 4 <= compact.length; i++) shingles.add(compact.slice(i, i + 4))
    expect(sketch(compact).shingleCount).toBe(shingles.size)
  })
})
