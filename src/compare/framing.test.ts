import { describe, expect, it } from 'vitest'
import { segment } from '../analyze/segment.js'
import { framing } from './framing.js'
import { isFunctionWord } from './function-words.js'

describe('framing vocabulary', () => {
  it.each([
    ['对此', true], // an adverb as common as grammar
    ['作出', true], // a formal verb: 作出回应
    ['此次', true], // a determiner
    ['以及', true],
    ['悍然', false], // a rare adverb that takes a side
    ['所谓', false], // "so-called"
    ['制裁', false],
  ])('isFunctionWord(%s) is %s', (word, expected) => expect(isFunctionWord(word)).toBe(expected))

  it("lists an outlet's words, not its grammar", () => {
    // One outlet writes 对此…作出 in every sentence, as Reuters' Chinese service does; both
    // outlets report the same acts in otherwise similar words.
    const a = Array.from({ length: 20 }, (_, k) => segment(`对此，英方悍然作出第${k}项决定，粗暴干涉香港事务。`))
    const b = Array.from({ length: 20 }, (_, k) => segment(`英国政府宣布第${k}项决定，涉及香港事务。`))
    const terms = framing(new Map([['a', a], ['b', b]])).get('a')!.map((t) => t.term)
    expect(terms).toContain('悍然')
    expect(terms).not.toContain('对此')
    expect(terms).not.toContain('作出')
  })

  it("lists a person's name only as one outlet's form of a name another writes otherwise (川普 / 特朗普), not whom it covers", () => {
    const shared = '双方在会谈中讨论了选举结果和法律诉讼。'.repeat(20)
    const a = [segment(shared + '川普团队称将继续诉讼，刘晓明表示支持。'.repeat(10))]
    const b = [segment(shared + '特朗普团队称选举存在舞弊。'.repeat(10))]
    const people: Record<string, string | null> = { 川普: 'trump', 特朗普: 'trump', 刘晓明: null }
    const terms = framing(new Map([['a', a], ['b', b]]), (w) => people[w]).get('a')!.map((t) => t.term)
    expect(terms).toContain('川普')
    expect(terms).not.toContain('刘晓明')
    // Without the name reader, both are listed.
    expect(framing(new Map([['a', a], ['b', b]])).get('a')!.map((t) => t.term)).toEqual(expect.arrayContaining(['川普', '刘晓明']))
  })
})
