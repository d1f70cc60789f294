import { describe, expect, it } from 'vitest'
import type { Article } from '../article.js'
import { foldText } from '../normalize/fold.js'
import { eventIncident, eventZone, prepareArticle, sharedPieces, type Unit } from './prepare.js'

/** One article of `text`, as stored (folded), prepared for the comparison. */
const prepared = (text: string, publishedAt = '2021-06-17T00:00:00Z', id = 'a') => prepareArticle({ id, outletId: id, title: '', text, folded: foldText(text), publishedAt } as unknown as Article)
// Sentences from real reports in the development corpus (test/data/compare).
const unitsOf = (text: string): readonly Unit[] => prepared(text).units
const numbers = (u: Unit) => [...u.words.keys()].filter((w) => w.startsWith('%')).sort()

describe('claim units: numbers', () => {
  it('keys a count by its number, whatever its measure word (28架 / 28架次), as shared content', () => {
    const [a] = unitsOf('中共国军队于周二派出28架军机飞入台湾防空识别区。')
    const [b] = unitsOf('今更派出28架次軍機擾台，創下單日最大規模紀錄。')
    expect(numbers(a)).toEqual(numbers(b))
    expect(numbers(a)).toHaveLength(1)
    expect(a.content.has(numbers(a)[0])).toBe(true)
  })

  it('keys a count the figure reader does not take (14架歼16) the same as one it does (14架歼-16机)', () => {
    const [a] = unitsOf('据美联社报道，这些飞机包括14架歼16和6架歼11飞机，以及几架战略轰炸机。')
    const [b] = unitsOf('包括1架運-8反潛機、14架殲-16機 、6架殲-11機。')
    expect(numbers(a)).toEqual(expect.arrayContaining(['%:14', '%:16']))
    for (const key of numbers(a)) expect(numbers(b)).toContain(key)
  })

  it.each([
    // …but an age is a count (两名15岁男子 / 2 名分别 15 及 19 岁的青年).
    ['a date or a clock time', '警方又指晚上约10时半，两名15岁男子涉嫌在山东街堵路，6月12日被警员拘捕。', ['%:15']],
    ['a name with a number in it', '英国政府宣布禁止华为参与英国5G移动网络建设，G7峰会上各国表示支持。', []],
    ['an ordinal', '北大西洋公约第5条规定，对一个成员国的攻击就是对所有成员国的攻击。', []],
  ])('does not key %s as a count', (_, text, keys) => {
    expect(unitsOf(text).flatMap(numbers)).toEqual(keys)
  })

  it('keys a number of years written in digits or in Chinese numerals alike (未来7年 / 未来七年), apart from a count', () => {
    // VOA and DW on the EU budget; the 7 of 7500亿欧元 in the same sentence does not hide the 7 of 7年.
    const [a] = unitsOf('星期五，与会各国没有就未来7年的一万亿欧元的预算和给受灾最严重的国家提供7500亿欧元救援的雄心勃勃的计划达成协议。')
    const [b] = unitsOf('以及在未来七年拨款约1兆欧元的预算案。')
    expect(numbers(a)).toContain('%年:7')
    expect(numbers(b)).toContain('%年:7')
    expect(unitsOf('中共国军队于周二派出7架军机飞入台湾防空识别区。').flatMap(numbers)).toEqual(['%:7'])
  })

  it('keys a count in Chinese numerals before a measure word (五名高层 / 5名高层), and no other run of numerals', () => {
    expect(numbers(unitsOf('警方拘捕壹传媒五名高层。')[0])).toEqual(['%:5'])
    expect(numbers(unitsOf('警方拘捕壹传媒5名高层。')[0])).toEqual(['%:5'])
    // 数十家 is no number; 星期五, 七国集团 and 五角大楼 are a day and names.
    expect(unitsOf('该行动导致数十家私人组织受害，七国集团星期五发表声明，五角大楼回应。').flatMap(numbers)).toEqual([])
  })

  it('keeps a sum with its unit (7500亿欧元) and a number with a thousands separator whole', () => {
    const units = unitsOf('欧盟执委会将代表成员国在资本市场上筹集用于复苏基金的7,500亿欧元，然后资金将主要流向受冲击严重的地中海沿岸国家。')
    expect(units[0].text).toContain('7,500亿欧元')
    expect(units.flatMap(numbers)).toEqual(['%欧元:750000000000'])
  })
})

describe('claim units: quotations', () => {
  it('ends a quotation with the piece that opened it, not with the next statement', () => {
    const units = unitsOf('中國對此反應激烈，除外交部發言人趙立堅重申「台灣事務屬中國內政，不容外部勢力干涉」，今更派出28架次軍機擾台，創下單日最大規模紀錄。')
    expect(units.map((u) => u.text)).toEqual([
      '中国对此反应激烈,除外交部发言人赵立坚重申「台湾事务属中国内政,不容外部势力干涉」,',
      '今更派出28架次军机扰台,创下单日最大规模纪录。',
    ])
  })
})

describe('claim units: quoted terms', () => {
  const shared = (a: Unit, b: Unit) => [...a.content].filter((w) => b.content.has(w))
  it('counts the words of a charge both quote as one piece, however each marks the quotation', () => {
    const [a] = unitsOf('又指「串谋勾结外国或境外势力危害国家安全罪」看来完全是出于政治动机。')
    const [b] = unitsOf('违反《香港国安法》第29条，串谋“勾结外国或者境外势力危害国家安全罪”。')
    expect(shared(a, b).length).toBeGreaterThanOrEqual(4)
    expect(sharedPieces(a, b, shared(a, b))).toBe(1)
  })

  it('does not take a quoted statement for a term: its words count as they did', () => {
    const [a] = unitsOf('他说：“中共不认同我们的价值观”，并呼吁盟友团结。')
    expect(a.quoted.size).toBe(0)
    const [b] = unitsOf('此前一家法国公司警告“放射性威胁迫在眉睫”。')
    expect(b.quoted.size).toBe(0)
  })
})

describe('claim units: a picture gallery set into a report', () => {
  // Deutsche Welle, the Paracels exercise (July 2020): a gallery between paragraphs of the report.
  const text = [
    '菲律宾和越南谴责中国在西沙群岛附近海域举行军事演习。',
    '相关图集：南中国海周边国家军力大PK',
    '中国海军之花：中国第一艘航空母舰“辽宁号”从2012年起正式编入中国人民解放军。',
    '越南“黑洞”：过去数年，越南先后购得6艘基络级攻击型潜艇。',
    '美国国务院发言人奥塔格斯表示：“中国的行动将进一步破坏南中国海局势的稳定。”',
    '美国国防部对这次军事演习表示担忧，称其进一步破坏地区稳定。',
  ].join('\n\n')
  it('takes no claim, figure or quotation from the gallery, and every one from the report around it', () => {
    const p = prepared(text, '2020-07-03T00:00:00Z')
    const paragraphs = new Set(p.units.map((u) => u.sentence.paragraph))
    expect([...paragraphs].sort()).toEqual([0, 4, 5])
    expect(p.quotes.map((q) => q.speaker?.name)).toEqual(['奥塔格斯'])
    expect(p.figures.filter((f) => /艘/.test(f.text))).toEqual([])
  })
})

describe('claim units: a gallery whose captions open with a name in quotation marks', () => {
  // Deutsche Welle on Trump's Nobel nomination (September 2020): a gallery of past laureates.
  const text = [
    '特朗普被一名挪威议员提名为诺贝尔和平奖候选人。',
    '相关图集：盘点知名诺贝尔和平奖得主',
    '2018年：纳迪亚·穆拉德：这位伊拉克雅兹迪族妇女曾被恐怖组织“伊斯兰国”囚禁，遭酷刑。',
    '2017年：“国际废除核武器运动”：2017年的诺贝尔和平奖被授予“国际废除核武器运动”，以表彰其多年来的努力。',
    '2016年：桑托斯：2016年的诺贝尔和平奖被授予现任哥伦比亚总统桑托斯。',
    '外交部发言人赵立坚：“美方应立即停止干涉中国内政。”',
    '白宫发言人麦肯纳尼周三表示，总统对这一提名深感荣幸。',
  ].join('\n\n')
  it('takes every caption for the gallery, and a speaker quoted after it for the report', () => {
    const p = prepared(text, '2020-09-10T00:00:00Z')
    expect([...new Set(p.units.map((u) => u.sentence.paragraph))].sort()).toEqual([0, 5, 6])
    expect(p.quotes.map((q) => q.text)).toContain('美方应立即停止干涉中国内政。')
  })
})

describe("claim units: a channel's promotion under a video", () => {
  // 想做教育家的Klaus (June 2021): a line of text about the video, then the channel's blurb of links.
  const blurb = '低费用移民和留学，办理护照，请联系本人Telegram，Whatsapp, +19517032889。联系邮箱和PayPal（下面加入聊天群）加入我的会员 https://www.patreon.com/educatorklaus欢迎订阅我的粤语频道https://www.youtube.com/channel/UCbnUmuH7Fc返利网站请通过我的链接注册获得$10 https://www.rakuten.com/r/FUCKCC3?eeid=37137脸书群组https://www.facebook.com/groups/964016657417896'
  const text = ['江浙学生抗议学校改制，防暴警察进入校园驱散抗议的学生。', blurb].join('\n\n')
  it('takes no claim from the blurb, though its first sentence names no address', () => {
    const p = prepared(text, '2021-06-11T00:00:00Z')
    expect(p.units.map((u) => u.sentence.paragraph)).toEqual([0])
  })
  it('keeps a report that links one post and speaks of support', () => {
    const report = '白宫当天在Facebook发布声明（https://www.facebook.com/whitehouse/posts/1）。拜登表示美国坚定支持乌克兰，将提供8亿美元军事援助。'
    const p = prepared(report, '2022-03-16T00:00:00Z')
    expect(p.units.length).toBeGreaterThan(0)
    expect(p.figures.map((f) => f.value)).toEqual([8e8])
  })
})

describe('the incident of an event', () => {
  it('is no day after every report was written (a day they name as planned or given up)', () => {
    const a = prepared('原訂9月6日舉行的立法會選舉將押後一年，特首林鄭月娥周五宣布。', '2020-07-31T10:00:00Z', 'a')
    const b = prepared('原定9月6日举行的立法会选举押后，民主派批评政府借疫情避选。', '2020-07-31T12:00:00Z', 'b')
    expect([a.incident?.date, b.incident?.date]).toEqual(['2020-09-06', '2020-09-06'])
    expect(eventIncident([a, b])).toBeUndefined()
  })
  it('is the day after the last report when that report came out that morning east of Greenwich', () => {
    // 07:30 in Hong Kong is 23:30 UTC the day before.
    const a = prepared('6月17日凌晨，警方拘捕了五名高层。', '2021-06-16T23:30:00Z', 'a')
    const b = prepared('6月17日凌晨，国安处拘捕了五名高层。', '2021-06-16T23:50:00Z', 'b')
    expect(eventIncident([a, b])).toBe('2021-06-17')
  })
  it('is a day some reports name before it came (a preview) when another was written after it', () => {
    const preview = prepared('当地时间6月16日，拜登将在日内瓦与普京举行首次会晤。', '2021-06-15T08:00:00Z', 'a')
    const report = prepared('当地时间6月16日，拜登与普京在日内瓦举行了首次会晤。', '2021-06-17T08:00:00Z', 'b')
    expect(eventIncident([preview, report])).toBe('2021-06-16')
  })
})

describe('the zone of the incident\'s day (eventZone)', () => {
  it('is where the leads place it: Geneva for the summit, though the leaders\' countries are named as often', () => {
    const preview = prepared('当地时间6月16日，美国总统拜登在其欧洲之行的最后一站瑞士日内瓦，将迎来与俄罗斯总统普京的首次会晤。', '2021-06-15T20:45:00Z', 'a')
    const report = prepared('美国总统拜登和俄罗斯总统普京于6月16日在日内瓦举行了美俄峰会。', '2021-06-17T08:00:00Z', 'b')
    const aside = prepared('俄罗斯总统普京和美国总统拜登周三同意使两国大使返回华盛顿和莫斯科工作。', '2021-06-17T02:20:28Z', 'c')
    expect(eventZone([preview, report, aside], '2021-06-16')).toBe('Europe/Zurich')
  })
  it('is China\'s for a policy its provinces announce', () => {
    const a = prepared('据中国媒体报道，江西、天津、福建、辽宁近期宣布，将取消少数民族考生加分政策。', '2020-11-10T20:20:00Z', 'a')
    const b = prepared('【大纪元2020年11月11日讯】继安徽早前率先宣布取消地方性少数民族高考加分政策后，江西、辽宁等也陆续做出类似调整。', '2020-11-11T02:45:35Z', 'b')
    expect(eventZone([a, b], '2020-11-11')).toBe('Asia/Shanghai')
  })
  it('is the zone the day is told in, when the reports that give that day say (北京时间), over the places', () => {
    const a = prepared('北京时间6月17日凌晨，拜登与普京在日内瓦的会晤结束。', '2021-06-16T20:00:00Z', 'a')
    const b = prepared('北京时间6月17日，峰会在日内瓦落幕。', '2021-06-16T21:00:00Z', 'b')
    expect(eventZone([a, b], '2021-06-17')).toBe('Asia/Shanghai')
  })
  it('is none when the leads point two ways, or nowhere', () => {
    const a = prepared('华盛顿——美国周三下令关闭中国驻休斯敦总领事馆。', '2020-07-22T20:00:00Z', 'a')
    const b = prepared('北京——中国周五宣布，已命令美国关闭其驻成都总领事馆。', '2020-07-24T04:44:00Z', 'b')
    expect(eventZone([a, b], '2020-07-24')).toBeUndefined()
    const c = prepared('多个省份近期宣布取消少数民族考生加分政策。', '2020-11-10T20:20:00Z', 'c')
    expect(eventZone([c], '2020-11-11')).toBeUndefined()
    expect(eventZone([a, b], undefined)).toBeUndefined()
  })
})

describe('claim units: a teaser for another page', () => {
  it('takes no claim from its cut-off end, and keeps the lead before it (an archived listing\'s only text)', () => {
    const text = '台灣的選舉經驗值得香港參考，專家說。他們的經驗，包括票站防疫措施及選民的投票意欲，都值得香港參考。呼籲選舉能延後1......more'
    const texts = unitsOf(text).map((u) => u.text)
    expect(texts.some((t) => t.includes('......more'))).toBe(false)
    expect(texts.some((t) => t.includes('票站防疫措施'))).toBe(true)
  })
})

describe('claim units: a clause that introduces a speaker', () => {
  it.each([
    ['形容', '出于安全考虑不愿透露全名的中国独立媒体人刘先生也形容，针对少数民族的加分政策表面上是优待，内里却是掺了沙子的香饵。'],
    ['直言', '一位不愿具名的资深外交官员在接受采访时直言，这项决定将令两国关系在未来数年更加紧张。'],
  ])('keeps a clause ending in %s with what the speaker said, not as a unit of its own', (verb, text) => {
    const units = unitsOf(text)
    expect(units.some((u) => new RegExp(`${verb}[，,]$`, 'u').test(u.text))).toBe(false)
    expect(units[0].text).toContain(verb)
  })
})

describe('claim units: a clause that only says when', () => {
  it.each([
    ['【文/观察者网 熊超然】当地时间6月16日，拜登首次以美国总统的身份与俄罗斯总统普京线下会晤，这场举世瞩目的峰会持续了约3小时，会后两人各自举行了新闻发布会。'],
    ['（中央社记者特稿）2021年6月16日上午，拜登首次以美国总统的身份与俄罗斯总统普京线下会晤，这场举世瞩目的峰会持续了约3小时。'],
  ])('is no claim, a byline before it or not: %s', (text) => {
    const units = unitsOf(text)
    expect(units.length).toBeGreaterThan(1)
    // Each piece tells what happened: none is the byline and the day alone.
    expect(units.every((u) => /会晤|峰会|发布会/u.test(u.text))).toBe(true)
  })
})

describe('claim units: subheadings and links to other reports', () => {
  const report = [
    '继安徽早前率先宣布取消地方性少数民族高考加分政策后，江西、辽宁等也陆续做出类似调整。',
    '研究发现：高考配额造成公众不满',
    '据媒体报道，江西、天津、福建、辽宁近期宣布，将分别于2023年或2026年起取消少数民族考生加分政策。',
    '180度转变 取消怀柔政策为哪般？',
    '一位独立媒体人分析说，越来越多省份取消对少数民族的怀柔措施，转而采取更强硬的手段。',
  ].join('\n\n')

  it('are not claims in a report told in statements', () => {
    const texts = unitsOf(report).map((u) => u.text)
    expect(texts.some((t) => t.includes('高考配额'))).toBe(false)
    expect(texts.some((t) => t.includes('为哪般'))).toBe(false)
    expect(texts.some((t) => t.includes('江西、辽宁'))).toBe(true)
  })

  it('are the text of a post of short lines alone', () => {
    expect(unitsOf('江苏省学生抗议遭防暴警察镇压\n\n学生在校门外聚集抗议合并学校').length).toBe(2)
  })
})

describe('picture credits and captions', () => {
  const texts = (text: string) => unitsOf(text).map((u) => u.text)
  it('cuts a credit glued to the lead off it, keeping the sentence (GNews e01211: 图片来源：台湾国防部七国集团发布公报…)', () => {
    const p = prepared('图片来源：台湾国防部七国集团发布公报呼吁中共国尊重人权和基本自由，首次表示七国关注台海和平与稳定。')
    expect(p.sentences.map((s) => s.text)).toEqual(['七国集团发布公报呼吁中共国尊重人权和基本自由，首次表示七国关注台海和平与稳定。'])
    expect(texts('图片来源：谷歌地图截图法国电力公司工程师告诉记者，这种化学反应性低的气体积聚被认为是少量的危险气体。')[0]).toMatch(/^法国电力公司工程师/)
    expect(texts('图片来源：卫报据《儿童健康保护网站》2月16日报道，根据康奈尔大学预印版网站刊登的一篇论文。')[0]).toMatch(/^据《儿童健康保护网站》/)
    expect(texts('图片来源：newsweek 拜登政府真正开启了灭共行动，以5月25日为分水岭。')[0]).toMatch(/^拜登政府/)
  })
  it('keeps sentence numbers and a name in brackets after a bare credit (网络图片澳洲国防部长达顿（Peter Dutton）于周四…表示)', () => {
    const p = prepared('导语。\n\n网络图片澳洲国防部长达顿（Peter Dutton）于周四（6月10号），在堪培拉举行的会议上表示，需要增加美国军事人员的数量。')
    expect(p.sentences.map((s) => [s.n, s.paragraph])).toEqual([[0, 0], [1, 1]])
    expect(p.sentences[1].text).toMatch(/^澳洲国防部长达顿（Peter Dutton）于周四/)
  })
  it('leaves a credit it cannot tell from the lead as it was', () => {
    const text = '图片来源：纽约时报中文网他本是个草根，大学考了3年，第1年数学考了1分，第2年数学考了19分。'
    expect(prepared(text).sentences[0].text).toBe(text)
  })
  it('takes no claim from a 中央社 photo caption above its dateline (e00472: …反對政府禁令。（圖取自Pixabay圖庫）)', () => {
    const text =
      '美國總統川普揚言封殺短影音平台TikTok在美業務，引發熱愛TikTok的網友不滿，更有網紅發布諷刺川普此舉的自創歌曲，反對政府禁令。（圖取自Pixabay圖庫）\n\n（中央社舊金山4日綜合外電報導）美國總統川普揚言封殺中國企業字節跳動（ByteDance）旗下短影音平台TikTok在美業務，引發熱愛TikTok的網友不滿。'
    expect(unitsOf(text).every((u) => u.sentence.paragraph === 1)).toBe(true)
  })
})
