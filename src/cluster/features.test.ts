import { describe, expect, it } from 'vitest'
import { foldText } from '../normalize/fold.js'
import { EventClusterer, defaultClusterOptions } from './events.js'
import { ArticleFeatures, clusterOrder, headlineMonthDay, incidentDateOf, isCreditLine, mentionedDate, titleGrams } from './features.js'
import { RepeatedLines } from './repeated-lines.js'

describe('mentionedDate', () => {
  it.each([
    ['路德时评简讯(视频版):北约公告(2021.6.14早间路德社简讯)', '2021-06-14'],
    ['6/10/2021 佛州众议员马特·盖茨今日众议院质询FBI局长', '2021-06-10'],
    ['西班牙2021年6月17日电/西喜社——', '2021-06-17'],
    ['“掀锅盖”系列:20210610今天国会山将询问', '2021-06-10'],
    ['2021/06/15 G7 峰会后世卫应对', '2021-06-15'],
    ['6月16日报道', undefined], // no year: not a full date
    ['2021.13.40 is no date', undefined],
  ])('mentionedDate(%s)', (text, iso) => expect(mentionedDate(text)).toBe(iso))
})

describe('headlineMonthDay', () => {
  it.each([
    ['6月14日美国政要推特精选：七国集团呼吁', '06-14'],
    ['12 月 31 日 cme比特币期货', '12-31'],
    ['香港7月1号起实施', '07-01'],
    ['2019年6月12日的回忆', undefined], // a full date: mentionedDate's
    ['2月30日', undefined], // no such day
    ['2月29日', '02-29'],
    ['6月初来首见', undefined],
  ])('headlineMonthDay(%s)', (title, md) => expect(headlineMonthDay(title)).toBe(md))

  it('is given to an undated article only', () => {
    const f = new ArticleFeatures()
    expect(f.item({ id: 'a', title: '6月28日疫情要闻', text: '内容' }).monthDay).toBe('06-28')
    expect(f.item({ id: 'b', title: '6月28日疫情要闻', text: '内容', publishedAt: '2021-06-28T00:00:00Z' }).monthDay).toBeUndefined()
  })
})

describe('titleGrams', () => {
  it('folds Traditional and Simplified headlines to the same pairs', () => {
    const t = titleGrams('台山核電站核燃料棒破損')
    const s = titleGrams('台山核电站核燃料棒破损')
    expect([...t]).toEqual([...s])
    expect(t.has('台山')).toBe(true)
  })
  it('keeps Latin words whole and drops bare numbers', () => {
    expect([...titleGrams('G20峰會 2021 OPEC')]).toEqual(expect.arrayContaining(['g20', '峰会', 'opec']))
    expect(titleGrams('G20峰會 2021 OPEC').has('2021')).toBe(false)
  })
  it('spells listed names one way, keeps month.day names and pairs countries in either order', () => {
    expect([...titleGrams('G7峰會')]).toEqual([...titleGrams('七国集团峰会')])
    expect(titleGrams('【6.12兩周年】').has('6.12')).toBe(true)
    const [a, b] = [titleGrams('美欧峰会'), titleGrams('歐美峰會')]
    expect([...a].filter((g) => b.has(g))).toEqual(['欧美', '峰会'])
  })
})

describe('ArticleFeatures: words of the week', () => {
  it('weighs a word all the reports of the week share below one as rare in the archive but not bursting', () => {
    // alphaword and betaword are each in 60 earlier articles, betaword a month before, alphaword
    // in the week of the article weighed: the same IDF, the same counts in it. 200 older
    // articles hold neither: the week's 60 are a fifth of the archive.
    const f = new ArticleFeatures()
    const at = (d: number) => new Date(Date.UTC(2021, 4, d)).toISOString()
    for (let i = 0; i < 200; i++) f.item({ id: `o${i}`, title: `往事${i}`, text: `其他 内容 ${i}`, publishedAt: new Date(Date.UTC(2021, 0, 1 + (i % 28))).toISOString() })
    for (let i = 0; i < 60; i++) f.item({ id: `b${i}`, title: `旧闻${i}`, text: `betaword 其他 内容 ${i}`, publishedAt: at(1 + (i % 5)) })
    for (let i = 0; i < 60; i++) f.item({ id: `a${i}`, title: `新闻${i}`, text: `alphaword 其他 内容 ${i}`, publishedAt: at(30 + (i % 5)) })
    const v = f.item({ id: 'x', title: '报道', text: '正文 alphaword 和 betaword', publishedAt: at(34) }).vector
    expect(v.get('alphaword')!).toBeLessThan(0.95 * v.get('betaword')!)
    // Undated, it has no week: the two weigh alike.
    const u = f.item({ id: 'y', title: '报道', text: '正文 alphaword 和 betaword' }).vector
    expect(u.get('alphaword')!).toBeCloseTo(u.get('betaword')!, 2)
  })
})

describe('isCreditLine', () => {
  it.each([
    ['翻译:康州盘古农场 – 格格巫校对:康州盘古农场 – 心照', true],
    ['作者:休斯顿星光农场 白居易', true],
    ['by: 【秘密翻译组-精翻组 g-translators/elite team】', true],
    ['北约峰会与会领导人在布鲁塞尔发表公报:中共构成系统性挑战', false],
  ])('isCreditLine(%s)', (line, expected) => expect(isCreditLine(line)).toBe(expected))
})

describe('incidentDateOf', () => {
  it.each([
    ['拜登与普京周三在日内瓦会晤', '', '2021-06-17T10:00:00Z', '2021-06-16'],
    ['北约峰会', '当地时间6月14日，北约领导人发表公报。', '2021-06-15T02:00:00Z', '2021-06-14'],
    ['北约峰会公报', '领导人发表公报。', '2021-06-15T02:00:00Z', undefined],
    ['拜登与普京周三在日内瓦会晤', '', undefined, undefined],
  ])('incidentDateOf(%s, %s, %s)', (title, body, at, iso) => expect(incidentDateOf(title, body, at)).toBe(iso))
})

describe('clusterOrder', () => {
  it('replays by the best date known: a headline date over a stale stamp, a reused picture\'s date not at all', () => {
    const a = { id: 'a', title: '【文字版】路德时评2021.6.14早间：北约公报', text: '正文', publishedAt: '2020-11-01', dateSource: 'image-path', images: [{ src: 'https://x.org/uploads/2020/11/01052605/logo.png' }] }
    const b = { id: 'b', title: '北约峰会开幕', text: '正文', publishedAt: '2021-06-13' }
    const c = { id: 'c', title: '【有声读物】萨尔瓦多', text: '正文', publishedAt: '2021-05-01', dateSource: 'image-path', images: [] }
    const d = { id: 'd', title: '旧闻', text: '正文', publishedAt: '2021-01-02' }
    expect(clusterOrder([a, b, c, d]).map((x) => x.id)).toEqual(['d', 'b', 'a', 'c'])
  })
  it('dates an undated report by its lead however much blank space comes before it, folded or not', () => {
    // Folding takes the blank lines away: what is left of the text's first 800 characters is no lead.
    const padded = { id: 'p', title: '华盛顿消息', text: `华盛顿消息\n${'\u00a0\u00a0\u00a0\u00a0\n'.repeat(170)}（本台2021年6月17日电）美国国会通过法案。${'法案内容。'.repeat(100)}` }
    const dated = { id: 'q', title: '旧闻', text: '正文', publishedAt: '2021-06-20' }
    expect(clusterOrder([dated, padded]).map((x) => x.id)).toEqual(['p', 'q'])
    expect(clusterOrder([dated, { ...padded, folded: foldText(padded.text) }]).map((x) => x.id)).toEqual(['p', 'q'])
  })
})

describe('image-path dates as lower bounds', () => {
  // A channel logo uploaded on 1 June dates a post that reports a 15 June announcement.
  const logo = { dateSource: 'image-path', images: [{ src: 'https://x.org/uploads/2021/06/01210522/logo.jpeg' }], publishedAt: '2021-06-01' }
  const later = { id: 'later', title: '【简报】拜登政府宣布调查拨款去向', text: '6月15日，美国卫生与公众服务部宣布审查拨款。', ...logo }
  const weekday = { id: 'weekday', title: '【简报】拜登政府宣布调查拨款去向', text: '周三，美国卫生与公众服务部宣布审查拨款。', ...logo }
  const coming = { id: 'coming', title: '条例先行', text: '该条例将于6月20日起施行。', ...logo }
  const front = { id: 'front', title: '拜登政府宣布调查拨款去向', text: '6月15日，美国卫生与公众服务部宣布审查拨款。', publishedAt: '2021-06-01', dateSource: 'front-matter' }

  it('places a report on the later day its lead names', () => {
    const item = new ArticleFeatures().item(later)
    expect(item.dateHint).toBe('2021-06-15')
    expect(item.incidentDate).toBe('2021-06-15')
    expect(clusterOrder([later, { id: 'b', title: '旧闻', text: '正文', publishedAt: '2021-06-10' }]).map((x) => x.id)).toEqual(['b', 'later'])
  })

  it('keeps a reused picture\'s upload day as a day the report cannot precede, where it dates nothing', () => {
    const reused = { id: 'r', title: '美国将举行环太平洋军演', text: '美国海军宣布将举行军演。', publishedAt: '2022-05-20', dateSource: 'image-path', images: [{ src: 'https://x.org/uploads/2014/07/01/rimpac.jpg' }] }
    const item = new ArticleFeatures().item(reused)
    expect([item.publishedAt, item.notBefore]).toEqual([undefined, '2022-05-20'])
    expect(new ArticleFeatures().item(front).notBefore).toBeUndefined()
  })

  it('does not move it by a weekday (resolved against the wrong date), a day still to come, or a date that is not from a picture', () => {
    const f = new ArticleFeatures()
    expect(f.item(weekday).dateHint).toBeUndefined()
    expect(f.item(coming).dateHint).toBeUndefined()
    expect(f.item(front).dateHint).toBeUndefined()
  })
})

describe('dates estimated from a site\'s numbering', () => {
  const estimated = { publishedAt: '2021-06-16', dateSource: 'sequence' }

  it('yield to a full date the headline gives, even an earlier one', () => {
    const a = { id: 'a', title: '2021年6月14日郭先生直播内容整理', text: '正文', ...estimated }
    expect(new ArticleFeatures().item(a).dateHint).toBe('2021-06-14')
    // The same stamp from the archive itself stands.
    expect(new ArticleFeatures().item({ ...a, dateSource: 'front-matter' }).dateHint).toBeUndefined()
  })

  it('are moved to a later day the lead names, as a picture\'s date is', () => {
    const a = { id: 'a', title: '美国宣布审查拨款', text: '6月19日，美国卫生与公众服务部宣布审查拨款。', ...estimated }
    expect(new ArticleFeatures().item(a).dateHint).toBe('2021-06-19')
  })
})

describe('RepeatedLines', () => {
  it('calls a line furniture once enough articles have carried it, numbers masked', () => {
    const r = new RepeatedLines(3)
    const line = (n: number) => `更多资讯,欢迎点击官方推特账号 第${n}期`
    for (let i = 0; i < 2; i++) r.observe([line(i), `正文 ${'独特'.repeat(i + 4)}`])
    expect(r.isRepeated(line(9))).toBe(false)
    r.observe([line(2), line(2)]) // one article counts once
    expect(r.isRepeated(line(9))).toBe(true)
    expect(r.isRepeated('正文 独特独特独特独特')).toBe(false)
  })
})

describe('ArticleFeatures', () => {
  const article = (id: string, title: string, text: string, publishedAt?: string) => ({ id, title, text, publishedAt })

  it('drops a headline series label once several headlines have carried it', () => {
    const f = new ArticleFeatures()
    const topics = ['北约峰会公报', '台山核电站泄漏', '神舟十二号发射', '徐渊冲逝世']
    const items = topics.map((t, i) => f.item(article(`a${i}`, `【热点播报】${t}`, `${t}的报道。`, `2021-06-1${i}`)))
    expect(items[0].title!.has('热点')).toBe(true)
    expect(items[3].title!.has('热点')).toBe(false)
    expect(items[3].title!.has('逝世')).toBe(true)
  })

  it('drops the words of a series label from the text too, once several headlines carried it', () => {
    const f = new ArticleFeatures()
    const topics = ['北约峰会公报', '台山核电站泄漏', '神舟十二号发射', '徐渊冲逝世']
    const items = topics.map((t, i) => f.item(article(`a${i}`, `【路德时评】${t}`, `路德：${t}的报道。`, `2021-06-1${i}`)))
    expect(items[0].vector.has('路德')).toBe(true)
    expect(items[3].vector.has('路德')).toBe(false)
  })

  it('drops a dated edition label, with the hosts it names, from the first headline on', () => {
    const f = new ArticleFeatures()
    const brief = (i: number, topic: string, host: string) => f.item(article(`b${i}`, `简讯:${topic}(2021.6.1${i}早间路德社简讯之${host})`, `${host}：${topic}。`, `2021-06-1${i}`))
    const first = brief(1, '美英签订新大西洋宪章', '路安墨谈')
    expect(first.title!.has('早间')).toBe(false)
    expect(first.title!.has('宪章')).toBe(true)
    brief(2, '布林肯与杨洁篪通电话', '路安墨谈')
    const third = brief(3, '北约公报直指中共', '路安墨谈')
    expect(third.vector.has('北约')).toBe(true)
    expect([...third.title!.keys()].some((w) => w.includes('安墨'))).toBe(false)
    // A headline whose topic carries the date keeps it: the date is not a label there.
    const dc = f.item(article('dc', '【DC时事】全球52城市举办纪念集会 2021.06.14', '正文', '2021-06-14'))
    expect(dc.title!.has('集会')).toBe(true)
    const opening = f.item(article('g', '“掀锅盖”系列：20210610今天国会山将询问FBI局长', '正文', '2021-06-10'))
    expect(opening.title!.has('国会')).toBe(true)
  })

  it('names the people and organisations of headline and lead by their table name', () => {
    const item = new ArticleFeatures().item(article('a', '普丁與拜登會晤', '北約秘書長也在場。', '2021-06-16'))
    expect([...item.entities!.keys()]).toEqual(expect.arrayContaining(['普京', '拜登', '北约']))
  })

  it('treats a date read from an image that cleaning dropped (a reused header) as no date', () => {
    const f = new ArticleFeatures()
    const header = { ...article('a', '【有声读物】萨尔瓦多将比特币列为法定货币', '正文'), publishedAt: '2021-05-01', dateSource: 'image-path', images: [] }
    expect(f.item(header).publishedAt).toBeUndefined()
    const kept = { ...header, id: 'b', images: [{ src: 'https://x.org/wp-content/uploads/2021/05/01133101/photo.jpg' }] }
    expect(f.item(kept).publishedAt).toBe('2021-05-01')
    expect(f.item({ ...header, id: 'c', dateSource: 'front-matter' }).publishedAt).toBe('2021-05-01')
  })

  it('gives an undated article the date its headline mentions', () => {
    const f = new ArticleFeatures()
    expect(f.item(article('a', '简讯(2021.6.14早间)', '内容')).dateHint).toBe('2021-06-14')
    expect(f.item(article('b', '简讯(2021.6.14早间)', '内容', '2021-06-15T00:00:00Z')).dateHint).toBeUndefined()
  })
})

describe('digests', () => {
  const f = new ArticleFeatures()
  // An archive where 中共 and 美国 head many headlines.
  for (let i = 0; i < 60; i++) f.item({ id: `w${i}`, title: `${i % 2 ? '中共' : '美国'}第${i}号新闻${String.fromCharCode(0x4e00 + i * 7)}${String.fromCharCode(0x4e80 + i * 5)}`, text: '正文' })
  it.each([
    ['《路德时评》重磅解读美俄联合声明让中共出乎意料，及中共仍在病毒来源问题上搅混水', true],
    ['台山核電站疑似洩漏 認定西方媒體造謠｜內地社會轉型期 民眾惡性報復傷人｜G7七國峰會北京成眾矢之的', true],
    ['廣州解封再延期，小區居民不滿喊樓衝突|廣州再多兩名醫護確診連夜檢測37萬人', false],
    ['北约公报10提中共：其野心构成系统性挑战', false],
    // A roundup named and dated, and nothing else.
    ['2021年6月15日秘翻快报【头条新闻】', true],
    ['2021/06/14 英喜时事速递', true],
    ['樱花简报6月14日', true],
    ['11/25/2020 每日快訊', true],
    // A broadcast's rundown of the day, named by its programme.
    ['12月11日《新闻联播》节目主要内容', true],
    ['《新闻联播》批评美国', false],
    ['6月30日《港区国安法》主要内容', false],
    ['【路德简报】6/14/2021晚：北约称中（共）国及其野心构成系统性挑战', false],
    ['苹果日报被查', false],
    ['今日头条被罚款', false],
    // Breaking news under a roundup word, with no day or period: one report.
    ['快讯：拜登遇刺', false],
    ['【快讯】安倍中枪', false],
    ['北京晚报被查', false],
    ['顺丰速递涨价', false],
  ])('isDigest(%s)', (title, expected) => expect(f.isDigest(foldText(title))).toBe(expected))

  it('takes a headline that headed two earlier articles, its dates aside, for a programme’s episode', () => {
    const g = new ArticleFeatures()
    const digest = (id: string, title: string, duplicateOf?: string) => g.item({ id, title, text: `${title}的内容`, ...(duplicateOf ? { duplicateOf } : {}) }).digest === true
    // A bulletin dated each day; a copy of one is not an episode of its own, and does not count.
    expect(digest('a', '【币圈】-数字货币动态-2021.06.13')).toBe(false)
    expect(digest('a2', '【币圈】-数字货币动态-2021.06.13', 'a')).toBe(false)
    expect(digest('b', '【币圈】-数字货币动态-2021.6.17')).toBe(false)
    expect(digest('c', '【币圈】-数字货币动态- 2021.06.19')).toBe(true)
    // The date may move within the headline.
    expect(digest('d', '全文字版2021年6月11日郭文贵先生G-TV直播')).toBe(false)
    expect(digest('e', '全文字版郭文贵先生2021年6月13日G-TV直播')).toBe(false)
    expect(digest('f', '全文字版郭文贵先生2021年6月15日G-TV直播')).toBe(true)
    // A daily brief naming its day's news is a report each day; so is an undated headline met thrice.
    for (const [id, day, news] of [['g', '13', '拜登登陆英国'], ['h', '14', 'G7联合声明首提台海'], ['i', '15', '北约称中共构成系统性挑战']]) expect(digest(id, `【每日快讯】06/${day}/2021：${news}`)).toBe(false)
    for (const id of ['j', 'k', 'l']) expect(digest(id, '广州封村，九歌买菜')).toBe(false)
  })

  it('takes an undated headline its outlet gave two earlier originals for a standing title, which stands alone', () => {
    const g = new ArticleFeatures()
    const digest = (id: string, title: string, outletId: string, text = `${id}号视频：文贵谈${id}的内容`) => g.item({ id, title, text, outletId }).digest === true
    // Transcripts of different broadcasts under one title: a re-capture may repeat it once; the third names no incident.
    expect(digest('a', '郭文貴先生視頻的文字版', 'zhanyou')).toBe(false)
    expect(digest('b', '郭文貴先生視頻的文字版', 'zhanyou')).toBe(false)
    expect(digest('c', '郭文貴先生視頻的文字版', 'zhanyou')).toBe(true)
    // Other outlets carrying one headline carry one wire report: counted apart.
    expect(digest('d', '郭文貴先生視頻的文字版', 'other')).toBe(false)
    // Numbered parts of one serialised piece are not one title (the sketch masks digits).
    for (const n of [1, 2, 5]) expect(digest(`p${n}`, `《2021年美国创新与竞争法案》涉及中共国部分（${n}）`, 'gnews')).toBe(false)
  })

  it('stands alone: a digest neither joins an event nor is joined', () => {
    const c = new EventClusterer({ ...defaultClusterOptions, titleWeight: 0 })
    const v = new Map([['台山', 1]])
    const first = c.add({ id: 'a', publishedAt: '2021-06-14', vector: v })
    const digest = c.add({ id: 'b', publishedAt: '2021-06-14', vector: v, digest: true })
    expect(digest).toMatchObject({ reason: 'founded', digest: true })
    expect(digest.eventId).not.toBe(first.eventId)
    expect(c.add({ id: 'c', publishedAt: '2021-06-14', vector: v }).eventId).toBe(first.eventId)
  })
})
