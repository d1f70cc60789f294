import { describe, expect, it } from 'vitest'
import { segment } from '../analyze/segment.js'
import { framing, isSelfName } from './framing.js'
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

describe('framing, an outlet naming itself', () => {
  it("does not list an outlet's own name or alias as its vocabulary (RFI: 法广记者…; a channel 九哥记: 九哥今天…)", () => {
    const shared = '港人在抗争中期待西方的支持。'
    const a = Array.from({ length: 10 }, () => segment(shared + '法广记者报道，九哥说。'))
    const b = Array.from({ length: 10 }, () => segment(shared + '北京表示将依法处理。'))
    const self = new Map([['rfi', ['法国国际广播电台', '法广']], ['other', ['九哥记']]])
    const mine = (names?: ReadonlyMap<string, readonly string[]>) => framing(new Map([['rfi', a], ['other', b]]), () => undefined, names).get('rfi')!.map((t) => t.term)
    expect(mine()).toContain('法广')
    expect(mine(self)).not.toContain('法广')
    // Another outlet's name is not this one's: 九哥 stays RFI's word here.
    expect(mine(self)).toContain('九哥')
  })
  it.each([
    ['法广', '法广', true],
    ['九哥', '九哥记', true],
    ['自由亚洲', '自由亚洲电台', true],
    ['纽约时报', '纽约时报中文网', true],
    ['美国', '美国之音', false],
    ['联合', '联合早报', false],
  ])('isSelfName(%s, %s) is %s', (word, name, expected) => expect(isSelfName(word, name)).toBe(expected))
})
