import { describe, expect, it } from 'vitest'
import { RepeatedLines } from './repeated-lines.js'

// Articles of one source: a blurb under each (its view count varies), a line repeated within
// one article, short lines that are never counted, and the news itself.
const news = ['台山核电站疑似泄漏', '拜登首次参加北约峰会', '神舟十二号飞船发射成功', '香港苹果日报被警方搜查', '七国集团峰会在英国举行']
const articles = news.map((item, n) => ['本频道每日更新，欢迎订阅转发，观看次数' + n * 7, `今日新闻：${item}`, '短行', '同一篇里重复的一行文字', '同一篇里重复的一行文字'])

describe('RepeatedLines', () => {
  it('finds a line furniture once earlier articles repeat it, numbers masked', () => {
    const lines = new RepeatedLines()
    const answers = articles.map((a) => {
      const repeated = a.map((l) => lines.isRepeated(l))
      lines.observe(a)
      return repeated
    })
    expect(answers.map((r) => r[0])).toEqual([false, false, false, true, true])
    expect(answers.every((r) => !r[1] && !r[2])).toBe(true)
    // Counted once per article, however often it repeats inside it.
    expect(answers.map((r) => r[3])).toEqual([false, false, false, true, true])
  })

  it('sifts an article as asking of each line and then observing it would', () => {
    const asked = new RepeatedLines()
    const sifted = new RepeatedLines()
    for (const [n, a] of articles.entries()) {
      const count = n !== 1 // the second article is a copy: asked about, not counted
      const expected = a.map((l) => asked.isRepeated(l))
      if (count) asked.observe(a)
      expect(sifted.sift(a, count)).toEqual(expected)
    }
    const after = ['本频道每日更新，欢迎订阅转发，观看次数99', '同一篇里重复的一行文字']
    expect(after.map((l) => sifted.isRepeated(l))).toEqual(after.map((l) => asked.isRepeated(l)))
    expect(sifted.isRepeated(after[0])).toBe(true)
  })

  it('keys a line as its trimmed text with numbers masked, hashing it as it reads', () => {
    // The keys as strings, hashed as the sketch always hashed them: what sift must agree with.
    const reference = new ReferenceLines()
    const sifted = new RepeatedLines(2, 3, 16)
    // Lines that repeat but for the white space around them (of every kind String.trim takes,
    // and some it keeps) and their numbers.
    const around = ['', ' ', '\t', '\u3000', '\u00a0', '\u2028', '\ufeff', '\u180e', '\u200b', '\r']
    const bodies = ['订阅本频道', 'ab cd', '台湾'.repeat(70)]
    let seed = 7
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n
    const pick = <T>(xs: readonly T[]) => xs[random(xs.length)]
    const line = () => `${pick(around)}${pick(bodies)}${pick(['', '7', '2021', '１２', '0'])}${pick(bodies)}${pick(around)}`
    let repeatedLines = 0
    for (let article = 0; article < 400; article++) {
      const lines = Array.from({ length: 1 + random(6) }, line)
      const count = random(4) > 0
      const expected = reference.sift(lines, count)
      repeatedLines += expected.filter(Boolean).length
      expect(sifted.sift(lines, count)).toEqual(expected)
    }
    expect(repeatedLines).toBeGreaterThan(500)
    // The counts themselves, as a saved clustering holds them: keys hashed as they always were.
    const counts = (x: object) => [(x as { a: Uint8Array }).a, (x as { b: Uint8Array }).b]
    expect(counts(sifted)).toEqual(counts(reference))
  })

  it('keys a line by its first 200 characters', () => {
    const lines = new RepeatedLines(1)
    const long = '长'.repeat(199)
    lines.observe([`${long}甲乙`])
    expect([`${long}甲丙`, `${long}乙甲`].map((l) => lines.isRepeated(l))).toEqual([true, false])
  })
})

/** The sketch as it was written first: each key made as a string, then hashed. */
class ReferenceLines {
  readonly a = new Uint8Array(1 << 16)
  readonly b = new Uint8Array(1 << 16)

  sift(lines: readonly string[], count: boolean): boolean[] {
    const keys = lines.map((l) => l.trim().replace(/\d+/g, '0').slice(0, 200))
    const repeated = keys.map((k) => k.length >= 3 && Math.min(this.a[hash1(k) & 0xffff], this.b[hash2(k) & 0xffff]) >= 2)
    if (count) {
      for (const k of new Set(keys.filter((k) => k.length >= 3))) {
        this.a[hash1(k) & 0xffff] = Math.min(255, this.a[hash1(k) & 0xffff] + 1)
        this.b[hash2(k) & 0xffff] = Math.min(255, this.b[hash2(k) & 0xffff] + 1)
      }
    }
    return repeated
  }
}
function hash1(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}
function hash2(s: string): number {
  let h = 0x9747b28c
  for (let i = 0; i < s.length; i++) h = Math.imul(h + s.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15)
  return h >>> 0
}
