import { describe, expect, it } from 'vitest'
import { foldText } from '../normalize/fold.js'
import { differentSummits, summitKeys } from './meetings.js'

const keys = (headline: string) => summitKeys(foldText(headline))

describe('summitKeys', () => {
  it('names a summit by its parties, however the headline writes them', () => {
    expect(keys('美欧峰会呼吁对新冠病毒来源进行新调查')).toEqual(['eu+usa'])
    expect(keys('歐美峰會再提香港民主、台海和平')).toEqual(['eu+usa'])
    expect(keys('披露：欧盟-美国峰会闭幕声明草案内容')).toEqual(['eu+usa'])
    expect(keys('G7峰会就新冠病毒真相达成共识')).toEqual(['g7'])
    expect(keys('2021/06/15 G7 峰会后世卫应对新冠病毒起源进行第二次调查')).toEqual(['g7'])
    expect(keys('令中共肝颤的七国首脑峰会公报')).toEqual(['g7'])
    expect(keys('俄美峰会，双方目标各自不同')).toEqual(['russia+usa'])
  })

  it('reads a joint statement or communiqué as naming its summit, and not a treaty of that name', () => {
    expect(keys('【每日快讯】06/14/2021：G7联合声明36年来首次提保护台海和平')).toEqual(['g7'])
    expect(keys('【时事解析】北约公报10提中共')).toEqual(['nato'])
    expect(keys('解读美俄联合声明让中共出乎意料')).toEqual(['russia+usa'])
    expect(keys('英国发表《香港问题半年报告》指北京破坏《联合声明》')).toEqual([])
  })

  it('reads only the names right before the summit, not a word ending in a country’s character', () => {
    // 参加 ends in 加 (加拿大): the parties stop at 北约.
    expect(keys('沙利文谈拜登首次参加北约峰会涉及中共部分')).toEqual(['nato'])
    expect(keys('G7峰会、北约峰会与美欧峰会')).toEqual(['eu+usa', 'g7', 'nato'])
  })

  it('gives no key to a summit named by its people, its venue or its subject, or not named at all', () => {
    expect(keys('拜登与普京峰会前瞻')).toEqual([])
    expect(keys('日内瓦峰会：拜登向普京发出警告')).toEqual([])
    expect(keys('气候峰会开幕')).toEqual([])
    expect(keys('盟国希望在英国举行的峰会上团结一致')).toEqual([])
    expect(keys('美俄关系却仍难破冰')).toEqual([])
  })
})

describe('differentSummits', () => {
  it('tells apart summits of other parties, and not a summit from itself named with its host', () => {
    expect(differentSummits(['g7'], ['eu+usa'])).toBe(true)
    expect(differentSummits(['russia+usa'], ['eu+usa'])).toBe(true)
    expect(differentSummits(['g7'], ['g7+uk'])).toBe(false)
    expect(differentSummits(['g7', 'nato'], ['nato'])).toBe(false)
  })

  it('says nothing when either names no summit', () => {
    expect(differentSummits([], ['g7'])).toBe(false)
    expect(differentSummits(['g7'], [])).toBe(false)
  })
})
