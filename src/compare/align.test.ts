import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exampleArchive } from '../../test/support/store.js'
import type { Article } from '../article.js'
import { foldText } from '../normalize/fold.js'
import { alignClaims, explainPair, wordedAlike } from './align.js'
import { figureKey, prepareArticle, sharedPieces, type Unit } from './prepare.js'

// Articles of one sentence or paragraph each, copied from real reports in the development corpus.
const article = (id: string, text: string) =>
  ({ id, outletId: id, title: '', text, folded: foldText(text), publishedAt: '2021-06-17T00:00:00Z' }) as unknown as Article

// Two reports of several sentences each, so words are weighted as in a real event: sentence k of
// one report is a paraphrase of, or a trap for, sentence k of the other.
const first = [
  // Reuters, EU recovery-fund summit (July 2020).
  '意大利总理孔特(Giuseppe Conte)指责荷兰及其盟国奥地利、瑞典、丹麦和芬兰进行“勒索”。',
  // BBC, 2020 US election.
  '他说，这使拜登在竞选中获胜。',
  // GNews, Taishan nuclear plant (June 2021).
  '目前，连续监测环境数据显示，台山核电站及周边环境指标正常。',
  // Al Jazeera, Geneva summit (June 2021).
  '俄罗斯总统弗拉基米尔·普京和美国总统乔·拜登周三同意恢复谈判，限制核武器扩散，开始网络安全对话，以及使两国大使返回华盛顿和莫斯科工作。',
]
const second = [
  // Deutsche Welle, the same summit.
  '意大利总理孔蒂(Giuseppe Conte)称对协议结果「十分满意」。',
  // RFI, the same election.
  '拜登的竞选团队将可能采取法律诉讼。',
  // 眾新聞 (Traditional), the same plant.
  '目前環境監測數據亦顯示，核電站和周邊環境指標正常。',
  // GNews, the same summit.
  '两国领导人就“美国驻莫斯科大使和俄罗斯驻华盛顿大使的返回”达成一致。',
]
const claims = alignClaims([article('a', first.join('\n\n')), article('b', second.join('\n\n'))].flatMap((a) => prepareArticle(a).units))
const together = (k: number) => claims.some((c) => c.units.some((u) => u.sentence.n === k && u.articleId === 'a') && c.units.some((u) => u.sentence.n === k && u.articleId === 'b'))

describe('alignClaims', () => {
  it('keeps apart two sentences that share only who they are about (names, titles)', () => {
    expect(together(0)).toBe(false)
    expect(together(1)).toBe(false)
  })

  it('still aligns a paraphrase, and a title that is what the claim is about (两国大使返回)', () => {
    expect(together(2)).toBe(true)
    expect(together(3)).toBe(true)
  })
})

describe('alignClaims, one report wording a statement twice', () => {
  // VOA and BBC on the UK suspending its extradition treaty with Hong Kong (July 2020): BBC
  // reports the ambassador's warning in its words and then quotes it; both belong with VOA's.
  const voa = [
    '中国驻英国大使刘晓明星期天在英国广播公司BBC一个节目中警告说，“如果英国政府走出对中国任何个人实行制裁这一步，中国必将做出坚决有力回击。”',
    '英国是美国国务卿蓬佩奥这个星期外访的目的地之一。',
    '美国国务卿蓬佩奥说，中国设立这项法律是对世界所有国家的冒犯。',
    '外交大臣拉布说，在中国政府实施了一系列损害到英国关键利益及价值的措施后，英中关系不可能再像以往一样。',
    '中国当局6月30日宣布实施港区国家安全法，其中第38条规定，非香港居民在境外针对香港实施该法规定的犯罪，也属该法适用范围。',
    '蓬佩奥表示，在对待中国的问题上，民主国家正在团结起来。',
  ]
  const bbc = [
    '刘晓明在BBC节目中表示，如果英国针对中方官员，中国将会予以回击。',
    '一份由中国事务学者郑国恩（Andrian Zenz) 撰写的新疆调查报告日前公开。',
    '外界认为，在过去几年间有上至一百万维族人被关押，中国官方称他们所在的地方为“再教育营”。',
    '英国最近已经对策划针对罗兴亚人暴力行动的多名缅甸高级将军及对朝鲜强制劳动营负责的一些朝鲜机构采取行动。',
    '“如果英国走到那一步，向任何中国人施加制裁，中国必将做出坚决回应，”他说。',
  ]
  it('puts both wordings in the claim: two sentences of one report are not counted as unrelated', () => {
    const units = [article('voa', voa.join('\n\n')), article('bbc', bbc.join('\n\n'))].flatMap((a) => prepareArticle(a).units)
    const warning = alignClaims(units).find((c) => c.units.some((u) => u.articleId === 'voa' && u.sentence.n === 0))!
    expect(warning.units.filter((u) => u.articleId === 'bbc').map((u) => u.sentence.n).sort()).toEqual([0, 4])
  })
})

describe('claim units', () => {
  const units = (text: string) => prepareArticle(article('a', text)).units.map((u) => u.text)
  it('keeps a clause that only says who speaks or when with what follows it', () => {
    // Reuters on the UK suspending its extradition treaty with Hong Kong, July 2020.
    const reuters = units('路透北京7月21日 - 就英国中止香港引渡协议，中国外交部发言人汪文斌周二表示，中国将保留作出进一步反应的权利，并敦促英方放弃在香港延续殖民影响的幻想，立即纠正错误，停止以任何方式干涉香港事务和中国内政，以免进一步损害中英关系。')
    expect(reuters.some((u) => /表示[，,]$/.test(u))).toBe(false)
    expect(reuters.some((u) => /^就英国中止香港引渡协议[，,]$/.test(u))).toBe(false)
    // Al Jazeera on the Geneva summit.
    const aj = units('普京和拜登的日内瓦峰会结束后，俄罗斯总统发表声明称，他们寻求通过这次对话为未来控制军备和降低风险的措施奠定基础，两位总统重申了核战争没有赢家、永远不应该点燃核战争的原则。')
    expect(aj.some((u) => /结束后[，,]$/.test(u))).toBe(false)
    // 观察者网: 至于 (as for) opens a topic, like 关于 and 对于; what is said of it follows.
    const guancha = units('至于美国指责非俄罗斯存在侵犯人权的问题，普京苦笑称，美国在关塔那摩的监狱仍然开放着。')
    expect(guancha.some((u) => /问题[，,]$/.test(u))).toBe(false)
  })
})

describe('alignClaims, two people doing the same thing', () => {
  // Worded after reports of the envoys before the Geneva summit (2021): each left for consultations, in opposite
  // directions. Same verbs and places, different people: two facts, not one claim.
  const a = ['俄罗斯驻美国大使阿纳托利·安东诺夫今年3月离开华盛顿返回莫斯科进行磋商。', '两国元首同意启动战略稳定对话。']
  const b = ['美国驻俄罗斯大使约翰·沙利文今年4月离开莫斯科返回华盛顿进行磋商。', '双方同意就战略稳定问题展开对话。']
  it('keeps apart units that name people, none of them the same', () => {
    const claims = alignClaims([article('a', a.join('\n\n')), article('b', b.join('\n\n'))].flatMap((x) => prepareArticle(x).units))
    const envoy = claims.find((c) => c.units.some((u) => u.articleId === 'a' && u.sentence.n === 0))!
    expect(envoy.units.some((u) => u.articleId === 'b')).toBe(false)
  })
})

describe('figure keys', () => {
  it('meet when one outlet rounds (1.8万亿 / 1.82万亿), and leave out counts of one to three', () => {
    expect(figureKey({ value: 1.8e12, unit: '欧元', dimension: 'money' })).toBe(figureKey({ value: 1.82e12, unit: '欧元', dimension: 'money' }))
    expect(figureKey({ value: 70, unit: '%', dimension: 'percent' })).not.toBe(figureKey({ value: 30, unit: '%', dimension: 'percent' }))
    expect(figureKey({ value: 2, unit: '名', dimension: 'count' })).toBeUndefined()
  })
  it('meet for a number said as more than (250多万人 / 250万例)', () => {
    const [a] = prepareArticle(article('a', '美国目前有250多万人确诊感染病毒。')).units
    const [b] = prepareArticle(article('b', '美国各地的新冠肺炎确诊病例已超过250万例。')).units
    const key = figureKey({ value: 2.5e6, unit: '', dimension: 'count' })!
    expect([a.content.has(key), b.content.has(key)]).toEqual([true, true])
  })
  it('are words of the units that state the figure', () => {
    const [u] = prepareArticle(article('a', '整体金额高达1.82万亿欧元。')).units
    expect(u.content.has(figureKey({ value: 1.82e12, unit: '欧元', dimension: 'money' })!)).toBe(true)
  })
})

describe('alignClaims, a long sentence nothing else states', () => {
  // Reuters on the UK suspending its extradition treaty with Hong Kong, July 2020; the other report shares nothing with it.
  const reuters = '中国外交部发言人汪文斌周二表示，中国将保留作出进一步反应的权利，并敦促英方放弃在香港延续殖民影响的幻想，立即纠正错误，停止以任何方式干涉香港事务和中国内政，以免进一步损害中英关系。'
  const other = '新西兰和芬兰等国也在对各自的引渡安排做出评估。'
  it('is one claim in its own words, not a claim for each piece it was cut into to align', () => {
    const units = [article('a', reuters), article('b', other)].flatMap((x) => prepareArticle(x).units)
    expect(units.filter((u) => u.articleId === 'a').length).toBeGreaterThan(1)
    const own = alignClaims(units).filter((c) => c.units.some((u) => u.articleId === 'a'))
    expect(own).toHaveLength(1)
    expect(own[0].central.text).toBe(foldText(reuters))
  })
})

describe('claim units, content words', () => {
  it('leaves out verbs that hold or report rather than say what happened (mitbbs: 这是促使“普拜会”举行的主要原因)', () => {
    const [u] = prepareArticle(article('a', '这是促使“普拜会”举行的主要原因。')).units
    expect(u.content.has('举行')).toBe(false)
    expect(u.content.has('促使')).toBe(true)
  })
})

describe('claim units, a sentence of two facts', () => {
  // 联合早报 on the UK suspending its extradition treaty with Hong Kong, July 2020: the suspension and the arms
  // embargo, which 纽约时报中文网 reports in a sentence of its own. Each clause must be able to align alone.
  it('cuts a sentence long enough for two units at its clauses', () => {
    const units = prepareArticle(article('zaobao', '英国昨天宣布，立即且无限期地暂停与香港之间的引渡条约，以回应《香港国安法》，并对香港实施武器禁运。')).units
    expect(units.map((u) => u.text)).toEqual(['英国昨天宣布,立即且无限期地暂停与香港之间的引渡条约,', '以回应《香港国安法》,并对香港实施武器禁运。'])
  })
})

describe('claim units, what a sentence names without naming it', () => {
  // BBC and VOA on the UK's offer to Hong Kong residents (July 2020): the same 300万, one with a unit-less amount.
  const [bbc] = prepareArticle(article('bbc', '英国已经承诺向多达300万香港居民提供居英权。')).units
  const [voa] = prepareArticle(article('voa', '伦敦已经宣布向大约300万持有英国海外护照的香港公民提供移民机会。')).units
  it('keys an amount that no unit follows, so two reports of it meet', () => {
    const shared = [...bbc.content].filter((w) => voa.content.has(w))
    expect(shared).toEqual([figureKey({ value: 3e6, unit: '', dimension: 'count' })])
  })
  it('counts a capital standing for its government (伦敦方面) as naming the country, through the entity table', () => {
    const [nyt] = prepareArticle(article('nyt', '作为回应，伦敦方面为许多香港居民提供了获得公民身份的途径。')).units
    expect(nyt.words.has('@uk')).toBe(true)
    // …but not as a mention of the country: the city is still the city.
    expect(nyt.entities.has('uk')).toBe(false)
  })
})

describe('alignClaims, two countries doing the same thing', () => {
  // Worded after NYT and Reuters on the UK suspending its extradition treaty with Hong Kong (July
  // 2020), with other sentences so that the treaty's words weigh as they do in a real event.
  const nyt = ['英国周一宣布暂停与香港的引渡条约。', '英国外交大臣拉布在议会下院发表讲话。', '中国驻英国大使馆随后发表声明。']
  const reuters = ['英国周一宣布，无限期暂停与香港之间的引渡条约。', '拉布表示，将武器禁运范围扩大至香港。', '中国外交部发言人汪文斌周二回应。']
  const voa = ['澳大利亚和加拿大此前已经宣布暂停与香港的引渡条约。', '新西兰也在评估各自的引渡安排。']
  const claims = alignClaims([article('nyt', nyt.join('\n\n')), article('reuters', reuters.join('\n\n')), article('voa', voa.join('\n\n'))].flatMap((x) => prepareArticle(x).units))
  const claimOf = (id: string, n: number) => claims.find((c) => c.units.some((u) => u.articleId === id && u.sentence.n === n))!
  it('aligns the same country doing it in other words', () => {
    expect(claimOf('nyt', 0).units.some((u) => u.articleId === 'reuters' && u.sentence.n === 0)).toBe(true)
  })
  it('keeps apart units that open with different countries, neither naming the other', () => {
    expect(claimOf('voa', 0).units.map((u) => u.articleId)).toEqual(['voa'])
  })
})

describe('alignClaims, one statement quoted word for word', () => {
  // GNews translations of Biden at the NATO summit (June 2021): the words the two share (整个,
  // 那里, 欧洲) are grammar and a place, but most of each is the same wording.
  // With a sentence of each report around it, so that words are weighted as in an event.
  const quoted = [
    article('a', ['北约把目光投向了中共国。', '美国总统拜登承诺：“我想让整个欧洲都知道美国在那里。”', '在多年的不情愿之后，北约希望更加激烈地应对来自中共国的可能威胁。'].join('\n\n')),
    article('b', ['北约首次采取行动对抗中共国的军事野心，发表公报称北京对跨大西洋安全联盟提出了“系统性挑战”。', '“我希望整个欧洲都知道美国在那里，”拜登说。', '拜登表示，该联盟的共同防御协议是美国的“神圣义务”。'].join('\n\n')),
  ]
  // Al Jazeera and 观察者网 on the Geneva summit: a title and a name, twelve characters in a row,
  // in two sentences about different acts (returning to work; having left the US).
  const named = [
    article('c', ['会晤伊始，俄罗斯总统表示希望与美国总统的会晤取得成果，而拜登则表示，面对面的会晤永远是最好的方式。', '根据掌握的信息，俄美双方就缓和外交对抗、允许美国驻俄罗斯大使约翰·沙利文和俄罗斯驻美国大使阿纳托利·安东诺夫返回工作地点，以及近年来两国因政治关系恶化关闭多个外交代表机构的决定达成了一些共识。'].join('\n\n')),
    article('d', '今年3月，拜登在一次采访中被问及是否认同普京是一个“杀手”（killer）时，给出了肯定的回答，这一表态激起了俄方的强烈不满。此后，俄罗斯驻美国大使阿纳托利·安东诺夫（Anatoly Antonov）离开美国返回俄罗斯。'),
  ]
  const aligned = (list: Article[]) => alignClaims(list.flatMap((a) => prepareArticle(a).units)).some((c) => new Set(c.units.map((u) => u.articleId)).size === list.length)

  it('aligns two wordings that are mostly the same run of characters', () => {
    expect(aligned(quoted)).toBe(true)
  })

  it('does not align two sentences whose shared run is a title and a name', () => {
    expect(aligned(named)).toBe(false)
  })
})

describe('alignClaims, what two reports share is one thing named, or who', () => {
  // 眾新聞 and two GNews posts on the police raid on Apple Daily (June 2021), with sentences around
  // them so that words weigh as in the event.
  const citizen = [
    '他表示，中國或可消滅批判性的報章，但所有港人都要承受沈重的代價。',
    '壹傳媒旗下《蘋果日報》報道，被捕高層包括壹傳媒行政總裁張劍虹、營運總裁周達權、《蘋果日報》副社長陳沛敏、總編輯羅偉光及動新聞平台總監張志偉。',
    '國安處高級警司李桂華表示，行動針對《蘋果日報》超過30篇文章，呼籲外國機構對中國或特區政府進行制裁行動。',
    '警方在清晨先後拘捕5人，曾到被捕人住所搜查。',
  ]
  const stand = [
    '李又说，是次冻结的财产属于危害国家安全的犯罪份子，“我郑重声明，切勿同危害国家安全罪犯同流合污，跟这些罪犯为伍会付出沉重代价，大家应该同罪犯切割，以免后悔莫及”。',
    '被捕5人分别为壹传媒行政总裁张剑虹、营运总裁周达权、《苹果日报》总编辑罗伟光、副社长陈沛敏、苹果动新闻总监张志伟。',
    '国安处高级警司李桂华说，已引用《国安法》43条实施细则条文，冻结苹果日报有限公司、苹果日报印刷有限公司、以及AD Internet Limited共1,800万元资产。',
    '警方亦曾到被捕人的住所进行搜查，5人相继被带到苹果日报大楼搜证。',
  ]
  const roundup = ['至于另外3人，包括《苹果日报》副社长陈沛敏、壹传媒营运总裁周达权及苹果动新闻总监张志伟仍被扣查。', '首批《苹果日报》凌晨送抵旺角亚皆老街报纸档，不少市民数十份数十份买走。']
  const claims = alignClaims([article('citizen', citizen.join('\n\n')), article('stand', stand.join('\n\n')), article('roundup', roundup.join('\n\n'))].flatMap((x) => prepareArticle(x).units))
  const together = (a: string, n: number, b: string, m: number) => claims.some((c) => c.units.some((u) => u.articleId === a && u.sentence.n === n) && c.units.some((u) => u.articleId === b && u.sentence.n === m))

  it('keeps apart two sentences that share only a noun phrase cut in two words (沉重的代价 / 沉重代价)', () => {
    expect(together('citizen', 0, 'stand', 0)).toBe(false)
  })
  it('keeps apart two statements of one person that share only who said them (国安处高级警司李桂华)', () => {
    expect(together('citizen', 2, 'stand', 2)).toBe(false)
  })
  it('aligns the same people named as the ones arrested, and not as the ones still held', () => {
    expect(together('citizen', 1, 'stand', 1)).toBe(true)
    expect(together('citizen', 1, 'roundup', 0)).toBe(false)
  })
  it('still aligns a fact told in other words (警方…曾到被捕人住所搜查)', () => {
    expect(together('citizen', 3, 'stand', 3)).toBe(true)
  })
})

describe('alignClaims, words of negation and aspect', () => {
  // BBC and RFI on the US measures after the Hong Kong national-security law (June 2020): the
  // pieces share 具体 and 并未 — not a claim. Sentences around them weigh the words as in the event.
  const bbc = [
    '蓬佩奥和罗斯都在29日的声明中表示，美方正在研讨移除香港特殊待遇的其他措施，不过他们并未指明可能的具体举措。',
    '美国国务卿蓬佩奥29日宣布，停止向香港出口防卫产品，并将对出口香港的军民两用科技产品实施新的贸易限制。',
  ]
  const rfi = [
    '法广：中国人大虽然通过了香港国安法，但是，国安法的具体文本并未公开，但从此前外流的内容来看，涉及反对恐怖主义，分裂国家等罪行，您对其中的哪些条例最感到担忧？',
    '美国宣布停止向香港出口防卫产品，并限制军民两用科技产品出口香港。',
  ]
  const claims = alignClaims([article('bbc', bbc.join('\n\n')), article('rfi', rfi.join('\n\n'))].flatMap((x) => prepareArticle(x).units))
  const together = (n: number, m: number) => claims.some((c) => c.units.some((u) => u.articleId === 'bbc' && u.sentence.n === n) && c.units.some((u) => u.articleId === 'rfi' && u.sentence.n === m))
  it('does not count 并未 as what happened: not naming the measures is not the law\'s text going unpublished', () => {
    const all = [article('bbc', bbc.join('\n\n')), article('rfi', rfi.join('\n\n'))].flatMap((x) => prepareArticle(x).units)
    const piece = (id: string, has: string) => all.find((u) => u.articleId === id && u.text.includes(has))!
    const why = explainPair(all, piece('bbc', '并未指明'), piece('rfi', '并未公开'))
    expect(why.shared).not.toContain('并未')
    expect(why.candidate).toBe(false)
    expect(together(0, 0)).toBe(false)
  })
  it('still aligns the fact the two tell', () => {
    expect(together(1, 1)).toBe(true)
  })
})

describe('alignClaims, one sentence against another cut into clauses', () => {
  // Two GNews posts on the charges after the Apple Daily raid (June 2021): one names the two
  // charged in one sentence; the other names them in one clause and says they were charged in the
  // next, so neither of its clauses states the fact alone. Sentences around them make the
  // words weigh as in the event.
  const charged = [
    '消息指，遭起诉的分别是壹传媒行政总裁张剑虹，及《苹果日报》总编辑罗伟光。',
    '首批《苹果日报》凌晨送抵旺角亚皆老街报纸档，不少市民数十份数十份买走。',
  ]
  const police = [
    '警方指，涉案被捕的壹传媒行政总裁张剑虹及《苹果日报》总编辑罗伟光，今午被国安处正式落案起诉「串谋勾结外国或境外势力危害国家安全罪」，明早在西九法院提堂。',
    '警方亦曾到被捕人的住所进行搜查，5人相继被带到苹果日报大楼搜证。',
    '办公室被大肆搜证，《苹果》员工坚持维持正常出版，今天报纸印刷量更大增至50万份。',
  ]
  const units = [article('charged', charged.join('\n\n')), article('police', police.join('\n\n'))].flatMap((x) => prepareArticle(x).units)
  const claims = alignClaims(units)
  const claimOf = (id: string, n: number, text: string) => claims.find((c) => c.units.some((u) => u.articleId === id && u.sentence.n === n && u.text.includes(text)))

  it('is cut into clauses, none of them enough alone', () => {
    expect(units.filter((u) => u.articleId === 'police' && u.sentence.n === 0).length).toBeGreaterThan(1)
  })
  it('aligns the sentence with the clause that says what the two share (起诉), not the one that only names them', () => {
    const claim = claimOf('charged', 0, '遭起诉')
    expect(claim).toBeDefined()
    expect(claim!.units.some((u) => u.articleId === 'police' && u.text.includes('起诉'))).toBe(true)
    expect(claim!.units.some((u) => u.articleId === 'police' && u.text.includes('涉案被捕'))).toBe(false)
  })
})

describe('shared content, in pieces', () => {
  const unit = (text: string) => prepareArticle(article('a', text)).units[0]
  const shared = (a: Unit, b: Unit) => [...a.content].filter((w) => b.content.has(w))
  it('counts a noun phrase cut in two as one piece, a clause of a noun and a verb as two', () => {
    const [a, b] = [unit('但所有港人都要承受沈重的代價。'), unit('跟這些罪犯為伍會付出沉重代價，大家應該同罪犯切割。')]
    expect(shared(a, b).sort()).toEqual(['代价', '沉重'])
    expect(sharedPieces(a, b, shared(a, b))).toBe(1)
    const [c, d] = [unit('拉布表示，将武器禁运范围扩大至香港。'), unit('英国宣布对香港实施武器禁运。')]
    expect(sharedPieces(c, d, ['武器', '禁运'])).toBe(2)
  })
  it('leaves out the nouns of a role before a name, and keeps the verb before them', () => {
    const u = unit('警方國安處拘捕壹傳媒行政總裁張劍虹及動新聞平台總監張志偉。')
    expect(u.content.has('拘捕')).toBe(true)
    for (const w of ['行政', '总监', '平台']) expect(u.content.has(w)).toBe(false)
  })
})

describe('alignClaims, one name spelled two ways', () => {
  // nei.st (quoting China's foreign ministry) and RFA on the US closing China's consulate in
  // Houston (July 2020): 休斯敦 / 休斯顿 transliterate one name, 总领馆 is 总领事馆 written short.
  const all = [
    article('a', '外交部表示，7月21日，美方单方面挑起事端，突然要求中方关闭驻休斯敦总领事馆。'),
    article('b', '在此之前，美国刚刚命令中国驻休斯顿的总领馆关闭。'),
  ].flatMap((a) => prepareArticle(a).units)
  const [a, b] = [all.find((u) => u.articleId === 'a' && u.text.includes('关闭'))!, all.find((u) => u.articleId === 'b')!]

  it('meets the two spellings of the place and of the consulate as one', () => {
    const why = explainPair(all, a, b)
    expect(why.shared).toEqual(expect.arrayContaining(['关闭', '总领事馆']))
    expect(why.pieces).toBe(2)
    expect(why.similarity).toBeGreaterThan(0.3)
    expect(alignClaims(all).some((c) => c.units.includes(a) && c.units.includes(b))).toBe(true)
  })
})

describe('wordedAlike, a long name shared word for word', () => {
  // NYT and nei.st on China closing the US consulate in Chengdu (July 2020): both name China's
  // consulate in Houston at length (中国驻休斯敦总领事馆的), one as what Pompeo mentioned to
  // applause, the other as what China retaliated for. Against it, one speech quoted in two
  // translations (拜登, June 2021) shares a run of its wording.
  const unit = (text: string) => prepareArticle(article('x', text)).units.at(-1)!
  it('does not take a run that is mostly a name for one wording', () => {
    expect(wordedAlike(unit('他提到中国驻休斯敦总领事馆的关闭，引来一阵掌声。'), unit('以此作为对特朗普政府要求关闭中国驻休斯敦总领事馆的报复。'))).toBe(false)
    expect(wordedAlike(unit('另据美国有线电视新闻网报道，美国官员在评估法马通向中共国工厂转移技术数据和援助后，对该工厂的现状况进行了权衡，'), unit('因为根据美国有线电视新闻网(cnn)审查的文件，'))).toBe(false)
  })
  it('does not take a charge both quote for one wording: the US calls it political, the police charge under it', () => {
    // Apple Daily (June 2021): the US State Department and the police name one charge in quotation marks.
    expect(wordedAlike(unit('又指「串谋勾结外国或境外势力危害国家安全罪」看来完全是出于政治动机。'), unit('警方指，他们涉嫌违反国安法第29条“串谋勾结外国或境外势力危害国家安全罪”。'))).toBe(false)
  })
  it('takes a statement worded alike', () => {
    expect(wordedAlike(unit('“我希望整个欧洲都知道美国在那里，”拜登说。'), unit('美国总统拜登承诺：“我想让整个欧洲都知道美国在那里。”'))).toBe(true)
    expect(wordedAlike(unit('cnn援引分析人士的话说，“法玛通”公司与美国能源部联系，'), unit('cnn还报道说，framatome公司与美国能源部联系，'))).toBe(true)
  })
})

describe('alignClaims, one thing in two places', () => {
  // nei.st (quoting China's foreign ministry) and NYT (July 2020): the consulate in Houston that
  // the US ordered closed, and the one in Chengdu that China did.
  const all = [
    article('a', '中国外交部称此举是对美方无理行径的正当和必要反应，并敦促美国立即撤销关闭休斯敦总领事馆的命令。'),
    article('b', '北京——中国周五宣布，已命令美国关闭其在中国西南城市成都的总领事馆，以此作为报复。'),
    article('c', '美方要求中方关闭驻休斯敦总领事馆的命令必须撤销。'),
  ].flatMap((a) => prepareArticle(a).units)
  const unit = (id: string, text: string) => all.find((u) => u.articleId === id && u.text.includes(text))!

  it('keeps apart closing the consulate in Houston and closing the one in Chengdu', () => {
    expect(explainPair(all, unit('a', '休斯敦'), unit('b', '成都')).differentActors).toBe(true)
  })
  it('still pairs two units on the consulate in one place', () => {
    expect(explainPair(all, unit('a', '休斯敦'), unit('c', '休斯敦')).differentActors).toBe(false)
  })
})

describe('alignClaims, sentences sharing only their time of writing', () => {
  // RFI and BBC on the 2020 US election: "so far" is each report's own now, not a fact they share.
  const rfi = ['据美联社消息说，目前为止美国总务署（GSA）还未正式确定此次美国总统大选中“成功当选的候选人”，这让拜登的团队迟迟无法准备入主白宫的事前工作。', '美国大选落幕后，现任美国总统特朗普始终不肯承认自己败选的消息。']
  const bbc = ['到目前为止还没有一件诉讼成功。', '特朗普的两个年长儿子已声嘶力竭地反复为父亲辩护。']
  const units = [article('rfi', rfi.join('\n\n')), article('bbc', bbc.join('\n\n'))].flatMap((a) => prepareArticle(a).units)
  it('does not count 目前为止 as content the two share', () => {
    const x = units.find((u) => u.articleId === 'rfi' && u.text.includes('目前为止'))!
    const y = units.find((u) => u.articleId === 'bbc' && u.sentence.n === 0)!
    const pair = explainPair(units, x, y)
    expect(pair.counted).toEqual(['成功'])
    expect(pair.candidate).toBe(false)
  })
})

describe('alignClaims, an event about one thing', () => {
  // Reports of the Houston and Chengdu consulates' closing (July 2020, RFA, NYT, RFI): 关闭 and
  // 总领事馆 are in most sentences, the event's topic rather than any claim's content.
  const rfa = [
    '在此之前，美国刚刚命令中国驻休斯顿的总领馆关闭。',
    '中方周五宣布关闭美国驻成都总领事馆。',
    '分析人士说，关闭总领事馆是外交关系恶化的标志。',
    '美国驻成都总领事馆的工作人员需要在72小时内撤离。',
  ]
  const nyt = [
    '外交部表示，7 月 21 日，美方单方面挑起事端，突然要求中方关闭驻休斯敦总领事馆，严重违反国际法和国际关系基本准则及中美领事条约有关规定，严重破坏中美关系。',
    '中国决定撤销对美国驻成都总领事馆的设立和运行许可。',
    '关闭总领事馆的决定令两国的商业界感到不安。',
    '成都总领事馆成立于1985年，负责西南地区的领事事务。',
  ]
  const rfi = [
    '对于美国下令中方72小时内关闭驻休士顿总领事馆一事，有中国学者表示遗憾。',
    '北京方面回应称，将关闭美国驻成都总领事馆作为反制。',
    '有学者认为，关闭总领事馆将影响两国民众往来。',
    '休斯敦总领事馆是中国在美国设立的第一个总领事馆。',
  ]
  // …among the other things each report tells: a real event has hundreds of sentences (here
  // the summit reports of the example archive, which say nothing of consulates).
  const filler = (file: string) => readFileSync(join(exampleArchive, file), 'utf8').replace(/^---[\s\S]*?---\n/, '')
  // A fourth report that keeps returning to the closing in general, so that 关闭 and 总领事馆 are
  // in more than a tenth of all units, as in the real event.
  const commentary = ['议员', '商界', '学者', '留学生', '侨民', '律师', '记者', '游客', '企业家', '外交官', '分析师', '官员', '智库', '教授', '家长', '网民', '歌手', '作家', '医生', '工程师'].map(
    (who, k) => `${who}对关闭总领事馆一事的看法${['各不相同', '相当一致', '颇为悲观', '有所保留', '十分复杂'][k % 5]}，第${k + 1}次讨论没有结论。`,
  )
  const all = [
    article('commentary', commentary.join('\n\n')),
    article('rfa', [...rfa, filler('001_c0e8cc5cf2b2201f.txt')].join('\n\n')),
    article('nyt', [...nyt, filler('003_bdd690e02f00781f.txt')].join('\n\n')),
    article('rfi', [...rfi, filler('004_ca78db5e0b80d853.txt')].join('\n\n')),
  ].flatMap((a) => prepareArticle(a).units)
  const claimsOf = alignClaims(all)
  const claimOf = (id: string, k: number) => claimsOf.find((c) => c.units.some((u) => u.articleId === id && u.sentence.n === k))!
  it('aligns the reports that name the same place in the topic words (关闭…休斯敦总领事馆), and not those of another place', () => {
    const houston = claimOf('rfa', 0)
    // (关闭 and 总领事馆 are in more than a tenth of the units: the event's topic.)
    expect(all.filter((u) => u.words.has('关闭')).length).toBeGreaterThan(all.length / 10)
    expect(houston.units.map((u) => u.articleId).sort()).toEqual(['nyt', 'rfa', 'rfi'])
    expect(houston).not.toBe(claimOf('rfa', 1))
  })
})

describe('alignClaims, a statement and its denial', () => {
  // 眾新聞 and GNews on the Taishan plant (June 2021): one says there is no leak, one what a leak would mean.
  const pairOf = (x: string, y: string) => {
    const units = [article('a', x), article('b', y)].flatMap((a) => prepareArticle(a).units)
    return alignClaims(units).some((c) => new Set(c.units.map((u) => u.articleId)).size === 2)
  }
  it('keeps apart two units of which one negates a word both use', () => {
    expect(pairOf('當局指反應堆冷卻劑系統壓力邊界和安全殼密封性均是安全的，不會有洩漏問題。', '罗弗说，如果他们确实有气体泄漏，这表明他们的一些安全壳密封性被打破了。')).toBe(false)
    expect(pairOf('核电站周边的辐射监测没有发现异常数据。', '核电站周边的辐射监测发现异常数据。')).toBe(false)
  })
  it('takes 不得不 and 分别 for no denial', () => {
    expect(pairOf('主办方不得不取消原定于周六举行的音乐节，数万名乐迷失望而归。', '主办方取消了原定于周六举行的音乐节，数万名乐迷失望而归。')).toBe(true)
    expect(pairOf('拜登和普京分别会见了记者，介绍了峰会的成果。', '拜登和普京会见了记者，介绍了峰会的成果。')).toBe(true)
  })
  it('still aligns two units that deny the same thing', () => {
    expect(pairOf('核电站周边的辐射监测没有发现异常数据。', '当局说，核电站周边的辐射监测至今没有发现异常数据。')).toBe(true)
  })
})
