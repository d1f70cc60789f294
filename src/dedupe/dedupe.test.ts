import { describe, expect, it } from 'vitest'
import type { Fingerprint } from '../article.js'
import { foldText } from '../normalize/fold.js'
import { figuresConflict, findDuplicate, headlineInText, headlinesAgree, needsText, REVISED_FIGURES_JACCARD } from './decide.js'
import { estimateJaccard, matchText, sketch, summarize, summaryAgreement, textHash, titleKey } from './minhash.js'

const base = '美国总统拜登和俄罗斯总统普京于6月16日在日内瓦举行了美俄峰会。会后，双方达成联合声明，确保美俄战略稳定互信，两国大使将返回各自岗位。'.repeat(4)
const other = '香港立法会今天三读通过修例，多名议员在表决前离场抗议，政府表示将尽快刊宪实施，社会各界反应不一。'.repeat(4)

function fp(text: string, title = 't'): Fingerprint {
  const compact = matchText(foldText(text))
  const s = sketch(compact)
  return { textHash: textHash(compact), minhash: s.minhash, shingleCount: s.shingleCount, titleKey: titleKey(title) }
}

describe('one-permutation MinHash', () => {
  it('estimates identical texts as 1 and unrelated texts near 0', () => {
    expect(estimateJaccard(fp(base).minhash, fp(base).minhash)).toBe(1)
    expect(estimateJaccard(fp(base).minhash, fp(other).minhash)).toBeLessThan(0.1)
  })
  it('is script-insensitive through folding', () => {
    expect(fp('美國總統拜登和俄羅斯總統普京').textHash).toBe(fp('美国总统拜登和俄罗斯总统普京').textHash)
  })
})

/** The incoming article as findDuplicate reads it. */
const probe = (text: string, title = 't', outletId = 'a') => ({ fingerprint: fp(text, title), outletId, folded: foldText(text) })

describe('findDuplicate', () => {
  const cand = (id: string, f: Fingerprint, outletId = 'a') => ({ id, outletId, fingerprint: f })
  it('links an exact copy, whatever the punctuation', () => {
    const v = findDuplicate(probe(base.replace(/，/g, ', ')), [cand('x', fp(base))])
    expect(v?.of).toBe('x')
    expect(v?.reason).toMatch(/^exact/)
  })
  it('links a lightly edited copy and points at the root of a chain', () => {
    const edited = base.replace('联合声明', '共同声明').replace('返回', '回到')
    const v = findDuplicate(probe(edited, 't', 'b'), [{ id: 'y', outletId: 'a', duplicateOf: 'root', fingerprint: fp(base) }])
    expect(v?.of).toBe('root')
  })
  it('keeps apart same-headline articles with different text', () => {
    expect(findDuplicate(probe(other, '峰会'), [cand('x', fp(base, '峰会'))])).toBeUndefined()
  })
  it('links a stub to its full revision only within one outlet', () => {
    const stub = base.slice(0, 90)
    const title = '美俄峰会在日内瓦举行'
    expect(findDuplicate(probe(stub, title, 'a'), [cand('x', fp(base + other, title), 'a')])?.of).toBe('x')
    expect(findDuplicate(probe(stub, title, 'b'), [cand('x', fp(base + other, title), 'a')])).toBeUndefined()
  })
})

// Excerpts in the shape of ../shared/corpus: one channel's video posts whose text is only the
// channel's description, a credits line under each post, and a news report re-posted or re-titled.
const channel =
  '支持我們繼續努力，加入會員最低15HKD。這頻道主要講述一個中國普通百姓，探訪真實中國百姓生活的現狀。視頻都是手機拍得，畫質一般見諒。大多數視頻都有字幕或者英文字幕。本人沒有金主，也沒有接廣告。歡迎訂閱我道，有任何問題可以在下方留言。感謝支持！'
const credits = '编辑/整理：速记组视频剪辑小队。发布：某某。更多资讯，请关注农场推特与盖特。免责声明：本文内容仅代表作者个人观点，平台不承担任何法律风险。'
const report =
  '美國總統特朗普周四晚在推特表示，他剛與中國國家主席習近平進行了一個長時間及非常良好的交談，並稱我們談了很多議題，重點在貿易方面，在北韓問題方面也有好的討論。特朗普表示，有關議題進展很好，並正安排在阿根廷舉行的峰會期間會面。美股在特朗普指中美貿易戰可能有進展後，道指一度急升逾200點。'

// A daily report written into one template with new figures (the shape of Reuters' midpoint
// forecast), and a report whose headline figure was corrected in a later revision.
const midpoint = (day: string, weekday: string, rate: string, move: string, close: string, mid: string, supply: string, basket: string) =>
  `路透上海7月${day}日 - 路透根据中国外汇交易中心(CFETS)公布的人民币汇率形成机制测算，人民币兑美元中间价${weekday}预计会开在${rate}元附近，较上日${move}。上日人民币兑美元即期收报${close}元，而中间价则为${mid}元。根据定价机制，今日中间价变动中，有${supply}点反映市场供求影响，另有${basket}点上涨反映的是隔夜一篮子汇率基本保持不变所需要的点数。交易员表示，近期中间价与市场预期基本一致，市场情绪相对平稳，美元指数走势及季末资金面仍是左右人民币短期方向的主要因素。`
const cathay = (stake: string) =>
  `國泰航空今日宣布390億元資本重組方案，港府將透過土地基金以${stake}億元入股及提供貸款，救助陷入困境的國泰。這是港府首次以巨額公帑注資私人公司，財政司司長表示，國泰作為航空樞紐的地位對香港經濟至關重要，政府取得兩名觀察員席位，並附帶不派息等條件。方案須經股東特別大會通過，多名議員質疑政府以公帑承擔商業風險。`

describe('findDuplicate: headlines against shared text', () => {
  const cand = (title: string, text: string, outletId = 'a') => ({ id: 'x', outletId, fingerprint: fp(text, title) })
  it.each([
    // [case, incoming title, incoming text, earlier title, earlier text, outlet of the earlier, linked?]
    ['two videos under one channel description', '河南濮陽城市排水不堪一擊，濟南內澇沙井蓋冒出臭水', channel, '黃霑與澳門賭王曾是鄰居，故居變成幼兒園', channel, 'a', false],
    ['two videos, descriptions differing by a hashtag line', '揭開教育行業的套路，稍有不慎就被坑', '#教育 #家長 ' + channel, '廣州解封再延期，小區居民不滿喊樓衝突', '#廣州 #封城 ' + channel, 'a', false],
    ['two posts sharing only a credits line', '美国友人采访（四）', credits, '传统银行的无耻', credits, 'a', false],
    ['a video re-uploaded under its own title', '黃霑與澳門賭王曾是鄰居，故居變成幼兒園', channel, '黃霑與澳門賭王曾是鄰居，故居變成幼兒園', channel, 'a', true],
    ['a report re-titled by its outlet', '特朗普習近平通電話　特：長時間及非常良好交談 重點談貿易', report, '特朗普習近平通電話　長談貿易和北韓問題　道指一度急升逾200點', report, 'a', true],
    ['a repost with 【轉載】, a date and the outlet around the headline', '【轉載】6/16/2021 特朗普習近平通電話 長談貿易（自由亞洲電台）', report.replace(/，/g, ','), '特朗普习近平通电话 长谈贸易', report, 'b', true],
    ['a repost under a new headline the text carries', '道指急升逾200點：特朗普稱與習近平談貿易進展很好', report, '特朗普習近平通電話　長談貿易和北韓問題', report, 'b', true],
    ['titles too short to say anything: the text decides', '快讯', channel, '新闻', channel, 'a', true],
    ['a dated live stream and the next one, over the channel description', '【LIVE】2021/06/18 | 四哥冇話兒（二）| 白水漂流', channel, '【突發 LIVE】2021/06/13 | 告急！！！', channel, 'a', false],
    ['two days of one templated rate report', '路透测算人民币中间价料开在6.9837元附近 逆周期影响146点', midpoint('23', '周四', '6.9837', '贬值约119点', '7.0059', '6.9718', '341点下跌', '76'), '路透测算的人民币中间价料开在6.9954元附近 逆周期暂无影响', midpoint('20', '周一', '6.9954', '升值约89点', '7.0002', '7.0043', '41点上涨', '48'), 'a', false],
    ['two headline-only video posts, episodes one and two (the headline is the text)', '【文明客厅】周孝正对话卢雄飞，纪念六四32周年（第二集）', '【文明客厅】周孝正对话卢雄飞，纪念六四32周年（第二集）', '【文明客厅】周孝正对话卢雄飞，纪念六四32周年（第一集）', '【文明客厅】周孝正对话卢雄飞，纪念六四32周年（第一集）', 'a', false],
    ['one headline-only video post uploaded twice', '【文明客厅】周孝正对话卢雄飞，纪念六四32周年（第二集）', '【文明客厅】周孝正对话卢雄飞，纪念六四32周年（第二集）', '【文明客厅】周孝正对话卢雄飞，纪念六四32周年（第二集）', '【文明客厅】周孝正对话卢雄飞，纪念六四32周年（第二集）', 'a', true],
    ['a revision correcting the figure in its headline', '【國泰390億資本重組】港府273億元入股及貸款救國泰　首以巨額公帑注資私人公司', cathay('273'), '【國泰390億資產重組】港府297億元入股及貸款救國泰　首以巨額公帑注資私人公司', cathay('297'), 'a', true],
  ] as const)('%s', (_case, title, text, earlierTitle, earlierText, outlet, linked) => {
    expect(findDuplicate(probe(text, title), [cand(earlierTitle, earlierText, outlet)])?.of).toBe(linked ? 'x' : undefined)
  })
})

describe('findDuplicate: whichever of two posts comes first', () => {
  // One channel's two videos (the shape of 罗宾VLOG in ../shared/corpus): each text opens with its
  // own video and ends with the channel's long description, which lists the gear one video is
  // about. The later text so carries both headlines; the earlier one does not carry the later's.
  const gear = '拍摄器材索尼FX3开箱，镜头FE14/1.8GM，这就是我今后的拍摄器材。'
  const description = `${gear}新频道请订阅，喜欢猫咪请支持罗小咪频道，罗宾频道快速导览：吉隆坡生活、马来西亚美食、旅行日记、开箱评测、搬家记录、日常琐事，感谢每一位观众的支持和陪伴，我们下期再见。`.repeat(2)
  const unboxing = { title: '索尼FX3开箱，这就是我今后的拍摄器材【罗宾VLOG】', text: `心里种了草就得拔，不犹豫拿下了。${description}` }
  const walk = { title: '逛逛中国人不爱去的马来人社区，听说欧洲人喜欢这里【罗宾VLOG】', text: `逛逛马来人社区，听说欧洲人喜欢这里，中国人不爱去。${description}` }
  const cand = (p: { title: string; text: string }, withText: boolean) => ({ id: 'x', outletId: 'a', fingerprint: fp(p.text, p.title), ...(withText ? { folded: foldText(p.text) } : {}) })
  it('are texts the decision reads whole', () => {
    expect(needsText({ fingerprint: fp(walk.text, walk.title) }, cand(unboxing, false))).toBe(true)
    expect(needsText({ fingerprint: fp(walk.text, walk.title) }, cand({ title: walk.title, text: report }, false))).toBe(false)
  })
  it('are two videos either way round, once both texts are read', () => {
    expect(findDuplicate(probe(unboxing.text, unboxing.title), [cand(walk, true)])).toBeUndefined()
    expect(findDuplicate(probe(walk.text, walk.title), [cand(unboxing, true)])).toBeUndefined()
  })
  it('are two instalments of a series either way round, their headlines agreeing but for the number', () => {
    const body = '本期通报：各航班运行正常，旅客请提前两小时到达机场办理值机手续，托运行李不得超过二十三公斤，随身行李请勿携带液体和充电宝以外的电池。'.repeat(3)
    const twelve = { title: '蓝鲸号航班通报第12期', text: `蓝鲸号航班通报第12期，另见蓝鲸号航班通报第13期。${body}` }
    const thirteen = { title: '蓝鲸号航班通报第13期', text: body }
    expect(needsText({ fingerprint: fp(twelve.text, twelve.title) }, cand(thirteen, false))).toBe(true)
    expect(findDuplicate(probe(twelve.text, twelve.title), [cand(thirteen, true)])).toBeUndefined()
    expect(findDuplicate(probe(thirteen.text, thirteen.title), [cand(twelve, true)])).toBeUndefined()
  })
  it('(reading only the incoming text, the later post alone would have been called a copy)', () => {
    expect(findDuplicate(probe(walk.text, walk.title), [cand(unboxing, false)])?.of).toBe('x')
  })
})

describe('findDuplicate: a text two separate articles already carry', () => {
  const root = (id: string, title: string, text = channel) => ({ id, outletId: 'a', fingerprint: fp(text, title) })
  const live = '【LIVE】2021/06/18 | 四哥冇話兒（二）| 白水漂流'
  const earlier = root('x', '【LIVE】2021/06/18 | 四哥冇話兒')
  it('links agreeing headlines while the text stands for one article', () => {
    expect(findDuplicate(probe(channel, live), [earlier])?.of).toBe('x')
  })
  it('takes it for boilerplate once two articles carry it: a shared live-stream prefix is no longer enough', () => {
    expect(findDuplicate(probe(channel, live), [earlier, root('y', 'Multistreaming with Restream.io')])).toBeUndefined()
  })
  it('still links a re-upload under the same headline, and a text that carries both headlines', () => {
    expect(findDuplicate(probe(channel, live), [earlier, root('y', live)])?.of).toBe('y')
    const title = '特朗普習近平通電話　長談貿易和北韓問題'
    const other = root('z', '特朗普習近平通電話 重點談貿易', report)
    expect(findDuplicate(probe(report, title), [other, root('w', '道指一度急升逾200點', report)])?.of).toBe('z')
  })
})

describe('headline tests', () => {
  it.each([
    ['美俄峰会在日内瓦举行', '【转载】美俄峰会在日内瓦举行（自由亚洲电台）', true],
    ['7303461197213355274mp4', '7387031867842694411mp4', false],
    ['网红撒盐哥新开汉堡店', '深入大凉山悬崖村对比中美扶贫区别在哪', false],
    ['快讯', '深入大凉山悬崖村对比中美扶贫区别在哪', true],
  ] as const)('headlinesAgree(%s, %s) = %s', (a, b, agree) => {
    expect(headlinesAgree(a, b)).toBe(agree)
  })
  it.each([
    ['路透测算人民币中间价料开在69837元附近逆周期影响146点', '路透测算的人民币中间价料开在69954元附近逆周期暂无影响', true],
    ['live20210618四哥冇话儿二', '突发live20210613告急', true],
    ['美国大选2020这场难以终止的选举将如何收场', '美国大选2020他赢了但我没有输', false],
    ['11252020每日快讯', '每日快讯', false],
    ['美俄峰会在日内瓦举行', '美俄峰会', false],
    ['北约峰会2021611早间简讯', '北约峰会2021年6月11日早间简讯', false],
    ['北约峰会2021611早间简讯', '北约峰会2021年6月14日早间简讯', true],
    ['周孝正对话卢雄飞纪念六四32周年第一集', '周孝正对话卢雄飞纪念六四32周年第二集', true],
    ['访谈专题片第十一期', '访谈专题片第十二期', true],
    ['自由之巅的召唤一', '自由之巅的召唤二', false],
    ['中美关系三', '中美关系三', false],
  ] as const)('figuresConflict(%s, %s) = %s', (a, b, conflict) => {
    expect(figuresConflict(a, b)).toBe(conflict)
  })
  it('tests the template and the correction above on the side of the threshold they illustrate', () => {
    const j = (x: string, y: string) => estimateJaccard(fp(x).minhash, fp(y).minhash)
    const days = j(midpoint('23', '周四', '6.9837', '贬值约119点', '7.0059', '6.9718', '341点下跌', '76'), midpoint('20', '周一', '6.9954', '升值约89点', '7.0002', '7.0043', '41点上涨', '48'))
    expect(days).toBeGreaterThanOrEqual(0.6) // a near-duplicate text without the headline figures
    expect(days).toBeLessThan(REVISED_FIGURES_JACCARD)
    expect(j(cathay('273'), cathay('297'))).toBeGreaterThanOrEqual(REVISED_FIGURES_JACCARD)
  })
  it('measures how much of a headline the text carries', () => {
    const text = matchText(foldText(report))
    expect(headlineInText(titleKey('特朗普與習近平長時間交談'), text)).toBeCloseTo(7 / 11) // not 普與 與習 平長 間交
    expect(headlineInText(titleKey('黃霑與澳門賭王曾是鄰居'), text)).toBe(0)
  })
})

describe('sketch summaries', () => {
  const bins = (f: Fingerprint, g: Fingerprint) => f.minhash.reduce((n, v, i) => n + (v === g.minhash[i] ? 1 : 0), 0)
  it('agree in at least as many bins as the full sketches', () => {
    const pairs = [[base, base], [base, other], [base, base.slice(0, 120) + other], [base.replace('联合声明', '共同声明'), base]]
    for (const [x, y] of pairs) {
      const [f, g] = [fp(x), fp(y)]
      const agree = summaryAgreement(summarize(f.minhash), 0, summarize(g.minhash), 0)
      expect(agree).toBeGreaterThanOrEqual(bins(f, g))
      expect(agree).toBeLessThanOrEqual(128)
    }
    expect(summaryAgreement(summarize(fp(base).minhash), 0, summarize(fp(base).minhash), 0)).toBe(128)
  })
  it('counts differing bins exactly', () => {
    const a = new Uint32Array(128)
    const b = new Uint32Array(128)
    b[0] = 1
    b[17] = 2
    b[127] = 3
    b[50] = 4 // same low bits as 0
    expect(summaryAgreement(summarize(a), 0, summarize(b), 0)).toBe(125)
  })
})

describe('sketch', () => {
  it.each([[''], ['abc'], ['abcd'], ['abcdabcdabcd'], [base], [base + other]])('counts distinct shingles exactly: %#', (text) => {
    const compact = matchText(foldText(text))
    const shingles = new Set<string>()
    for (let i = 0; i + 4 <= compact.length; i++) shingles.add(compact.slice(i, i + 4))
    expect(sketch(compact).shingleCount).toBe(shingles.size)
  })
  it('gives the same sketch after texts of other sizes (its counting table is reused)', () => {
    const distinct = (text: string) => new Set(Array.from({ length: Math.max(0, text.length - 3) }, (_, i) => text.slice(i, i + 4))).size
    const small = matchText(foldText(base))
    const first = sketch(small)
    // Long enough that the shared table is replaced, not kept, and shorter again.
    let seed = 1
    const huge = Array.from({ length: 300_000 }, () => String.fromCharCode(0x4e00 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 20_000))).join('')
    // Shingles are counted by 32-bit hash: among 300,000 a few collide.
    expect(sketch(huge).shingleCount).toBeGreaterThan(distinct(huge) - 50)
    expect(sketch(huge)).toEqual(sketch(huge))
    for (const text of [small, matchText(foldText(base + other)), small]) expect(sketch(text).shingleCount).toBe(distinct(text))
    expect(sketch(small)).toEqual(first)
  })
})
