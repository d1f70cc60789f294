import { describe, expect, it } from 'vitest'
import { findByline, personLike } from './byline.js'

const inLines = (...lines: string[]) => findByline({ lines, underTitle: [], declared: [] })

describe('findByline', () => {
  it.each([
    ['作者：宋怡 杨志华 我要说说 打印', '宋怡 杨志华'],
    ['编辑： 金金 来源： 21世纪经济报道 作者：宋怡 杨志华', '宋怡 杨志华'],
    ['文/眉间尺', '眉间尺'],
    ['新京报记者 彭冲 山东冠县报道', '彭冲'],
    ['新华网黑龙江频道 记者 伊琳  李清芬 个人简介：', '伊琳  李清芬'],
    ['作者: 赵 培：北京物资学院，北京', '赵培'],
    ['作者： size="20" 来源： size="20" 发布日期： 7/5/2005 9:23:57 PM', undefined],
    ['ggjjzhzz 发表于 2005-9-15 11:46:00', 'ggjjzhzz'],
    ['来源: 尹娟', '尹娟'],
    ['来源：新华网', undefined],
    ['（ 责任编辑：刘林源 ）', '刘林源'],
    ['作者:孙仲旻 分享：', '孙仲旻'],
    ['发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)', undefined],
    ['本報記者 張三 李四 台北報導', '張三 李四'],
    ['（中央社記者 陳大文）', '陳大文'],
    ['責任編輯：王小明', '王小明'],
  ])('%s → %s', (line, name) => expect(inLines(line)).toBe(name))

  it('takes a parenthesised credit at the end of a paragraph, but not a reporter in prose', () => {
    const para = '该剧的成功对戏曲导演艺术的发展起到极大推动作用，也为后来的创作者积累了大量宝贵的经验和教训。'
    expect(inLines(`${para}（总台记者 张倩）`)).toBe('张倩')
    expect(inLines(`${para}（姚峰 上海报道）`)).toBe('姚峰')
    expect(inLines(`在10多平方米的办公室里，记者一眼就注意到墙上一幅巨大的山庄规划图，${para}`)).toBeUndefined()
  })

  it('prefers an explicit author to an editor credit, wherever they appear', () => {
    expect(inLines('【编辑:刘欢】', '新京报记者 彭冲 山东冠县报道')).toBe('彭冲')
  })

  it('uses a bare name under the title, but not page furniture', () => {
    const under = (line: string, isAfterTitle = true) => findByline({ lines: [], underTitle: [{ line, isAfterTitle }], declared: [] })
    expect(under('赵延东、风笑天')).toBe('赵延东、风笑天')
    expect(under('胡平', false)).toBe('胡平')
    expect(under('楼主')).toBeUndefined()
    expect(under('——对文化革命的政治心理学分析')).toBeUndefined()
  })

  it('falls back to a declared author only when it names a person', () => {
    const declared = (...names: string[]) => findByline({ lines: [], underTitle: [], declared: names })
    expect(declared('李楠')).toBe('李楠')
    expect(declared('Discuz! Team and Comsenz UI Team', '51offer.com', '大汉网络')).toBeUndefined()
  })
})

describe('personLike', () => {
  it.each([
    ['By Erin Cunningham', 'Erin Cunningham'],
    ['记者：张三', '张三'],
    ['新华网', undefined],
    ['2021-06-16 作者：张三', undefined],
  ])('%s → %s', (raw, name) => expect(personLike(raw)).toBe(name))
})
