import { describe, expect, it } from 'vitest'
import { NameTags } from './name-tags.js'
import { dictionaryNameTags, instance } from './segment.js'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('NameTags', () => {
  // A dictionary listing 拜登 twice (the first tag stands, as jieba keeps it) and a user
  // dictionary that lists 峰会 again as a name (too late: jieba changes only its frequency).
  const tags = new NameTags(
    [bytes('拜登 100 nr\n峰会 500 n\n北约 300 nt\n拜登 9 v\n\n  空格  7   ns  \n𠀋字 3 nz\n某词 2 x\n无标签 5\nnato 3 eng'), bytes('峰会 2000 nz\n新名字 2000 nz')],
    10,
  )

  it('names words the dictionary tags as names, by the first listing of each', () => {
    expect(['拜登', '北约', '新名字', '空格', '𠀋字'].map((w) => tags.isName(w))).toEqual([true, true, true, true, true])
    expect(['峰会', '无标签'].map((w) => tags.isName(w))).toEqual([false, false])
  })
  it('names Chinese words the dictionary lacks or tags x, as the tagger does; not Latin words or numbers', () => {
    expect(['法马通', '某词', '徐渊冲2'].map((w) => tags.isName(w))).toEqual([true, true, false])
    expect(['biden', 'nato', '2021', '，。'].map((w) => tags.isName(w))).toEqual([false, false, false, false])
  })
  it('agrees with the tagger of the shared jieba, word by word', () => {
    const text = '广东台山核电站疑似泄漏，外方合资法马通紧急求助。沙利文谈拜登首次参加北约峰会：biden meets nato 2021年6月13日 g7峰会 斯托尔滕贝格 观察者网'
    const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz'])
    const expected = instance()
      .tag(text, true)
      .filter(({ word, tag }) => word.length >= 2 && (NAME_TAGS.has(tag) || (tag === 'x' && /[\u4e00-\u9fff]/.test(word))))
      .map(({ word }) => word)
    const shared = new NameTags([bytes(''), bytes('')])
    expect(expected.length).toBeGreaterThan(5)
    // The shared one is what segmentation uses; an empty dictionary would name every Chinese word.
    expect(instance().cut(text, true).filter((w) => w.length >= 2 && dictionaryNameTags().isName(w))).toEqual(expected)
    expect(instance().cut(text, true).filter((w) => w.length >= 2 && shared.isName(w))).not.toEqual(expected)
  })
})
