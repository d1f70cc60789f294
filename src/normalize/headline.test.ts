import { describe, expect, it } from 'vitest'
import { headlineOf } from './headline.js'

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
