import { describe, expect, it } from 'vitest'
import { headlineOf, withoutSiteName } from './headline.js'

describe('headlineOf', () => {
  const flash = '【0x旗下DEX聚合器Matcha宣布已集成Curve V2】官方消息，0x旗下DEX聚合器Matcha宣布已集成Curve V2。'
  it.each([
    ['a flash item kept whole as its title, opening its text', flash, flash, '0x旗下DEX聚合器Matcha宣布已集成Curve V2'],
    ['the same with the title cut short by the archiver', '【12000枚BTC在未知地址间转移 价值约6.47亿美元】Whale Alert数据显示，北京时间3月23日，12000枚BTC从未知钱包转入...', '【12000枚BTC在未知地址间转移 价值约6.47亿美元】Whale Alert数据显示，北京时间3月23日，12000枚BTC从未知钱包转入另一未知钱包。', '12000枚BTC在未知地址间转移 价值约6.47亿美元'],
    ['a programme label in brackets (too short to be a headline)', '【路德简报】6/14/2021晚：北约称中共国及其野心构成系统性挑战。', '【路德简报】6/14/2021晚：北约称中共国及其野心构成系统性挑战。编辑：…', '【路德简报】6/14/2021晚：北约称中共国及其野心构成系统性挑战。'],
    ['a bracketed headline whose text is another thing', flash, '官方消息称，聚合器已完成集成。', flash],
    ['no sentence after the brackets: an ordinary headline', '【独家】美俄峰会前瞻：拜登与普京将讨论战略稳定', '【独家】美俄峰会前瞻：拜登与普京将讨论战略稳定\n\n正文', '【独家】美俄峰会前瞻：拜登与普京将讨论战略稳定'],
    ['no brackets', '拜登总统与普京首次通话 同意延长《新削减战略武器条约》', '拜登总统与普京首次通话。', '拜登总统与普京首次通话 同意延长《新削减战略武器条约》'],
  ])('%s', (_why, title, text, expected) => {
    expect(headlineOf(title, text)).toBe(expected)
  })
})

describe('withoutSiteName', () => {
  const names = new Set(['RFI', '法国国际广播电台', 'iYouPort', '美国之音', 'voachinese.com'])
  const isName = (part: string) => names.has(part)
  it.each([
    ['one name after an en dash', '今年“不寻常”的选举 – iYouPort', '今年“不寻常”的选举'],
    ['two names, each after its separator', '川普控选举舞弊 观选团批有损民主信心 – 法国国际广播电台 - RFI', '川普控选举舞弊 观选团批有损民主信心'],
    ['a full-width bar', '拜登与普京会晤｜美国之音', '拜登与普京会晤'],
    ['a domain', '拜登与普京会晤 | voachinese.com', '拜登与普京会晤'],
    ['a part that is no name stays', '美俄峰会 - 日内瓦', '美俄峰会 - 日内瓦'],
    ['a name inside the headline stays', '美国之音记者专访 - 拜登谈峰会', '美国之音记者专访 - 拜登谈峰会'],
    ['a hyphen with no space is part of a word', '新冠疫苗-RFI', '新冠疫苗-RFI'],
    ['a name is not cut when too little would be left', '声明 - RFI', '声明 - RFI'],
  ])('%s', (_why, title, expected) => {
    expect(withoutSiteName(title, isName)).toBe(expected)
  })
})
