import { describe, expect, it } from 'vitest'
import { makeSnippet } from './snippet.js'

describe('makeSnippet', () => {
  it('cuts around the first hit and marks every hit', () => {
    expect(makeSnippet('第一段没有。\n\n俄罗斯总统普京和美国总统拜登会晤，普京表示满意。', ['普京'])).toBe('俄罗斯总统[普京]和美国总统拜登会晤，[普京]表示满意。')
  })
  it('keeps Traditional text as published while matching folded words', () => {
    expect(makeSnippet('美國總統拜登與普京會晤。', ['美国'])).toBe('[美國]總統拜登與普京會晤。')
  })
  it('shortens long paragraphs with ellipses', () => {
    const s = makeSnippet(`${'甲'.repeat(100)}普京${'乙'.repeat(100)}`, ['普京'])
    expect(s.startsWith('…')).toBe(true)
    expect(s.endsWith('…')).toBe(true)
    expect(s).toContain('[普京]')
  })
  it('marks a Latin term as a word, not inside longer words', () => {
    expect(makeSnippet('The band played on. Band and corruption or not.', ['and', 'or'])).toBe('The band played on. Band [and] corruption [or] not.')
    expect(makeSnippet('拜登说G7领导人支持。', ['g7'])).toBe('拜登说[G7]领导人支持。')
  })
})
