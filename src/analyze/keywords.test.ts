import { describe, expect, it } from 'vitest'
import { foldText } from '../normalize/fold.js'
import { RecentStats, articleWords, dateNames, keywordVector, pairKey, stopwords } from './keywords.js'
import { canonicalNames, userDictionary, withCanonicalNames } from './user-dict.js'

describe('articleWords', () => {
  it('drops the stopword list (media furniture, relative days, English glue)', () => {
    const words = articleWords('视频：北约峰会周三开幕', 'the summit 订阅 频道 北约 峰会').words
    expect(words.has('北约')).toBe(true)
    for (const w of ['视频', '周三', '订阅', '频道', 'the']) expect(words.has(w)).toBe(false)
  })
  it('counts every spelling of a listed name as its entry name', () => {
    const words = articleWords('普丁與川普通話', 'Putin 同 G7 北約').words
    expect([...words.keys()]).toEqual(expect.arrayContaining(['普京', '特朗普', '七国集团', '北约']))
    expect(words.get('普京')).toBeGreaterThan(words.get('北约')!)
  })
  it('keeps month.day incident names as words', () => {
    expect(articleWords('6·12兩周年', '').words.has('6.12')).toBe(true)
  })
})

describe('keywordVector', () => {
  it('gives the boost each word with its IDF, and weighs by both', () => {
    const idf = new Map([['峰会', 4], ['北约', 8]])
    const seen: Array<[string, number]> = []
    const v = keywordVector({ words: new Map([['峰会', 1], ['北约', 1]]) }, (w) => idf.get(w)!, undefined, (w, i) => (seen.push([w, i]), w === '峰会' ? 2 : 1))
    expect(seen).toEqual([['峰会', 4], ['北约', 8]])
    expect(v.get('峰会')).toBeCloseTo(v.get('北约')!)
  })
})

describe('dateNames', () => {
  it.each([
    ['【6.12兩周年】', ['6.12']],
    ['6·16 大遊行', ['6.16']],
    ['增长3.5%', []],
    ['2.5亿美元', []],
    ['2021.6.14早间', []],
    ['版本14.6', []],
  ])('dateNames(%s)', (text, names) => expect(dateNames(foldText(text))).toEqual(names))
})

describe('pairKey', () => {
  it('names two countries the same in either order', () => {
    expect(pairKey('欧美')).toBe(pairKey('美欧'))
    expect(pairKey('俄美')).toBe(pairKey('美俄'))
    expect(pairKey('峰会')).toBe('峰会')
  })
})

describe('the user dictionary and canonical names', () => {
  it('lists outlet names and entity names folded, with a frequency and a tag', () => {
    const lines = userDictionary().split('\n')
    expect(lines).toContain('斯托尔滕贝格 2000 nr')
    expect(lines.some((l) => l.startsWith('观察者网 '))).toBe(true)
    for (const l of lines) expect(l).toMatch(/^\S+ \d+ [a-z]+$/)
  })
  it('maps spellings to the entry name, leaving short Latin acronyms alone', () => {
    expect(canonicalNames().get('普丁')).toBe('普京')
    expect(canonicalNames().get('putin')).toBe('普京')
    expect(canonicalNames().has('who')).toBe(false)
    expect(withCanonicalNames('普丁与g7，g77')).toBe('普京与七国集团，g77')
    // The short form of the G7 in headlines ("七国首脑峰会公报"), the full name left whole.
    expect(withCanonicalNames('七国首脑峰会与七国集团')).toBe('七国集团首脑峰会与七国集团')
  })
  it('reads the stopword file, comments left out', () => {
    expect(stopwords().has('视频')).toBe(true)
    expect([...stopwords()].some((w) => w.startsWith('#'))).toBe(false)
  })
})

describe('RecentStats', () => {
  const day = (iso: string) => Date.parse(iso) / 86_400_000
  it('damps a word by how much more frequent it is in the week up to a day than in the archive', () => {
    const recent = new RecentStats()
    // 60 articles of the week name the summit; half of them the weather, as often as everywhere.
    for (let i = 0; i < 60; i++) recent.observe(day('2021-06-14'), new Set(i % 2 ? ['北约', '天气'] : ['北约']))
    const damping = recent.damping(day('2021-06-14'), (w) => (w === '北约' ? 0.1 : 0.5))
    // 北约 is in every article of the week and in a tenth of the archive: 10 times as frequent,
    // its IDF of 6 lowered by 0.6 × ln 10.
    expect(damping('北约', 6)).toBeCloseTo((6 - 0.6 * Math.log(10)) / 6)
    expect(damping('天气', 6)).toBe(1)
    // A week later, or with too few articles to tell, nothing is damped.
    expect(recent.damping(day('2021-06-22'), () => 0.1)('北约', 6)).toBe(1)
    const few = new RecentStats()
    for (let i = 0; i < 10; i++) few.observe(day('2021-06-14'), new Set(['北约']))
    expect(few.damping(day('2021-06-14'), () => 0.1)('北约', 6)).toBe(1)
  })
  it('forgets days long before the latest it has seen', () => {
    const recent = new RecentStats()
    for (let i = 0; i < 60; i++) recent.observe(day('2021-05-01'), new Set(['北约']))
    recent.observe(day('2021-06-14'), new Set(['天气']))
    // Asked about early May again, it no longer holds those days.
    expect(recent.damping(day('2021-05-01'), () => 0.1)('北约', 6)).toBe(1)
  })
})
