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
})
