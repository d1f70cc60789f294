import { describe, expect, it } from 'vitest'
import { nameWords, segment, segmentNaming } from './segment.js'

describe('nameWords', () => {
  it('keeps tagged names and words the dictionary lacks, not common words', () => {
    const names = nameWords('广东台山核电站疑似泄漏,外方合资法马通紧急求助。沙利文谈拜登首次参加北约峰会')
    expect([...names]).toEqual(expect.arrayContaining(['台山', '法马通', '沙利文', '拜登', '北约']))
    expect(names.has('峰会')).toBe(false)
    expect(names.has('泄漏')).toBe(false)
  })
  it('agrees with segment on word boundaries for names', () => {
    const text = '徐渊冲逝世,神舟十二号发射'
    for (const n of nameWords(text)) expect(segment(text)).toContain(n)
  })
})

describe('segment', () => {
  it('keeps names from the entity table and the outlet registry whole', () => {
    const words = segment('北约秘书长斯托尔滕贝格说，拜登和泽连斯基在观察者网发表')
    expect(words).toEqual(expect.arrayContaining(['斯托尔滕贝格', '泽连斯基', '观察者网']))
    expect(words).toContain('和')
  })
})

describe('segmentNaming', () => {
  // Texts with names the HMM finds, Latin words, numbers and Traditional-looking runs.
  const texts = ['广东台山核电站疑似泄漏,外方合资法马通紧急求助。', '徐渊冲逝世,神舟十二号发射 G7峰会 2021年6月13日', '沙利文谈拜登首次参加北约峰会：Biden meets NATO']

  it('cuts as segment does and names as nameWords does, in one pass', () => {
    for (const text of texts) {
      const names = new Set<string>()
      expect(segmentNaming(text, names)).toEqual(segment(text))
      expect(names).toEqual(nameWords(text))
    }
  })
  it('finds the names of texts joined by a line break in the texts apart (what features rely on)', () => {
    const names = new Set<string>()
    const words = [...segmentNaming(texts[0], names), ...segmentNaming(texts[2], names)]
    expect(names).toEqual(nameWords(`${texts[0]}\n${texts[2]}`))
    expect(words).toEqual(segment(`${texts[0]}\n${texts[2]}`))
  })
})
