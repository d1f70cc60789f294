import { describe, expect, it } from 'vitest'
import { dropBoilerplate, isBoilerplateLine } from './boilerplate.js'
import { densityExtract } from './density.js'
import { countChars, htmlBlocks, type TextBlock } from './html-blocks.js'

describe('isBoilerplateLine', () => {
  it.each([
    '责任编辑：刘林源',
    '（ 责任编辑：刘林源 ）',
    '分享到：微博 微信',
    'Copyright © 2005 示例网 版权所有',
    '未经授权，不得转载、摘编。',
    '2005-02-06 13:26更新 来源：转载文章',
    '作者：芊草凡凡 时间：2005-08-22 19:13:18',
    '来源：新华网',
    '上一篇：拜登抵达日内瓦',
    '責任編輯：王小明',
    '版權所有 © 2021 示例時報',
  ])('drops %s', (line) => expect(isBoilerplateLine(line)).toBe(true))

  it.each([
    '他说，这些照片未经授权就被转载到了网上，侵犯了摄影师的版权。',
    '此条目需要补充更多来源。 (2020年4月17日)',
    '2、初试时间：2004年3月底、4月初，我院寄发准考证时通知具体时间。',
    '© Provided by Business Insider Inc Nintendo and Apple shocked the world earlier this year by announcing "Super Mario Run," the legendary gaming company\'s first foray into mobile gaming.',
  ])('keeps %s', (line) => expect(isBoilerplateLine(line)).toBe(false))
})

const block = (text: string, linkShare = 0): TextBlock => {
  const chars = countChars(text)
  return { lines: [text], chars, linkChars: Math.round(chars * linkShare), stops: (text.match(/[。，]/g) ?? []).length, tag: 'p', isHeading: false }
}

describe('dropBoilerplate', () => {
  const para = '美国总统拜登和俄罗斯总统普京在瑞士日内瓦举行会晤，双方同意启动战略稳定对话，并让大使返回工作岗位。'
  it('cuts a trailing "相关阅读" list, not one in the middle', () => {
    const tail = [block('相关阅读'), block('拜登抵达日内瓦，与普京会晤在即')]
    expect(dropBoilerplate([block(para), block(para), block(para), ...tail])).toHaveLength(3)
    expect(dropBoilerplate([block(para), ...tail, block(para), block(para)])).toHaveLength(5)
  })

  it('drops Chinese link lists but leaves English ones to Readability', () => {
    expect(dropBoilerplate([block(para), block('旅行中，谁忽悠了你？【新闻频道版主】', 0.9)])).toHaveLength(1)
    expect(dropBoilerplate([block(para), block('Try it now', 1)])).toHaveLength(2)
  })
})

describe('densityExtract', () => {
  it('finds the run of prose between link-heavy chrome', () => {
    const nav = '<ul>' + '<li><a href="/x">国际新闻</a></li>'.repeat(12) + '</ul>'
    const body = '<p>第一段正文，讲述事情的起因，内容足够长，有逗号也有句号。这里再补充一句话。</p>'.repeat(4)
    const html = `<html><body>${nav}<h1>标题</h1>${body}<div><a href="/1">相关新闻一</a> <a href="/2">相关新闻二</a></div>${nav}</body></html>`
    const lines = densityExtract(htmlBlocks(html)).flatMap((b) => b.lines)
    expect(lines.filter((l) => l.startsWith('第一段正文'))).toHaveLength(4)
    expect(lines.join('')).not.toContain('国际新闻')
  })
})
