import { describe, expect, it } from 'vitest'
import { DOTTED_SOURCE, dottedRuns, findEntities, learnAliases, parseEntityTable } from './entities.js'
import { findFigures } from './figures.js'
import { parseNumber } from './numbers.js'
import { findQuotes } from './quotes.js'
import { splitSentences } from './sentences.js'
import { findTimeExprs, incidentDate } from './time-expr.js'
import { foldText } from '../normalize/fold.js'

describe('splitSentences, Markdown headings', () => {
  it('keeps a heading apart from the line after it', () => {
    // 眾新聞 on the Taishan plant (June 2021): a heading with no blank line after it.
    const s = splitSentences('### 台山核電站：環境指標正常\n在CNN報道登出前一晚，台山核電站在官網交待1、2號機組的運行情況。')
    expect(s.map((x) => x.text)).toEqual(['### 台山核電站：環境指標正常', '在CNN報道登出前一晚，台山核電站在官網交待1、2號機組的運行情況。'])
  })
  it('ends a heading at its own line break only, wherever it stands', () => {
    const s = splitSentences('导语一句\n## 第一节\n正文甲。\n  # 第二节\n正文乙\n#不是标题\n正文丙')
    expect(s.map((x) => [x.paragraph, x.text])).toEqual([[0, '导语一句'], [1, '## 第一节'], [2, '正文甲。'], [3, '# 第二节'], [4, '正文乙 #不是标题 正文丙']])
  })
})

describe('splitSentences', () => {
  it('keeps a quotation with its speaker and splits paragraphs', () => {
    const s = splitSentences('普京说：“我们同意。这个问题已经解决。”他随后离开。\n\n第二段！还有？')
    expect(s.map((x) => x.text)).toEqual(['普京说：“我们同意。这个问题已经解决。”', '他随后离开。', '第二段！', '还有？'])
    expect(s.map((x) => [x.paragraph, x.n])).toEqual([[0, 0], [0, 1], [1, 2], [1, 3]])
  })
  it('folds each sentence for matching and keeps the text as published', () => {
    const [s] = splitSentences('普丁與拜登會晤。')
    expect(s.text).toBe('普丁與拜登會晤。')
    expect(s.folded).toBe('普丁与拜登会晤。')
  })
  it('stops after as many sentences as asked for, the same as the first of all of them', () => {
    const text = '标题\n\n第一句。“引语！”他说。第二句？\n\n下一段；最后'
    const all = splitSentences(text)
    expect(all).toHaveLength(6)
    for (const max of [1, 2, 3, 5, 6, 9]) expect(splitSentences(text, max)).toEqual(all.slice(0, max))
  })
  it('ends a sentence at terminal punctuation with the closers after it, not inside a quotation', () => {
    const s = splitSentences('他问：“真的吗？”（对。）是的!!而且……好』。')
    expect(s.map((x) => x.text)).toEqual(['他问：“真的吗？”', '（对。）', '是的!!', '而且……', '好』。'])
  })
  it('does not let an unclosed quotation swallow the article', () => {
    const text = `他说：“${'很长的话'.repeat(150)}。然后。`
    expect(splitSentences(text).length).toBeGreaterThan(1)
  })
})

describe('parseNumber', () => {
  it.each([
    ['1550', 1550], ['1,550', 1550], ['3.5', 3.5], ['一千五百五十', 1550], ['二十一', 21], ['十', 10], ['两', 2],
    ['三万五千', 35000], ['3万', 30000], ['1.5亿', 150_000_000], ['十万', 100000], ['九十三', 93],
    // RFI relaying AFP: 全球至少52万1384人, 确诊病例逾1088万7320例.
    ['52万1384', 521384], ['1088万7320', 10887320], ['1亿2000万', 120_000_000],
    // DW (Taiwan usage) for the 1万亿欧元 of Mainland reports.
    ['1兆', 1e12], ['一兆', 1e12],
    // Digits and numerals mixed, a big unit after one as large, a year written digit by digit.
    ['5万7千', 57000], ['1千万', 1e7], ['一亿两千万', 1.2e8], ['1万亿2000亿', 1.2e12], ['二〇二一', 2021], ['一千零五', 1005],
  ])('%s → %d', (s, n) => expect(parseNumber(s)).toBe(n))
  it('rejects what is not a number', () => expect(parseNumber('普京')).toBeUndefined())
  it('rejects a unit right after a larger one (千百万, millions upon millions)', () => {
    expect(parseNumber('千百万')).toBeUndefined()
    expect(parseNumber('一千万')).toBe(1e7)
    expect(parseNumber('一百一十')).toBe(110)
  })
})

describe('findEntities', () => {
  const table = parseEntityTable('- { id: putin, type: person, name: 普京, aliases: [普丁, Putin] }\n- { id: new-start, type: work, name: 《新削减战略武器条约》, aliases: [New START] }', 't')
  const ids = (text: string) => findEntities(splitSentences(text)[0].folded, table).map((e) => e.id)
  it('resolves Traditional, regional and English names through the table', () => {
    expect(ids('普丁與Putin會面，普京说')).toEqual(['putin', 'putin', 'putin'])
    expect(ids('延长《新削减战略武器条约》（New START）')).toEqual(['new-start', 'new-start'])
  })
  it('matches a short title only in its title marks: 《蘋果》 is Apple Daily, 蘋果 is the fruit or the company (the table\'s own alias)', () => {
    const t = parseEntityTable('- { id: apple-daily, type: org, name: 苹果日报, aliases: [蘋果日報, 《蘋果》] }\n- { id: new-start, type: work, name: 《新削减战略武器条约》 }', 't')
    const found = (text: string) => findEntities(splitSentences(text)[0].folded, t).map((e) => [e.id, e.surface])
    expect(found('據《蘋果》報道，蘋果App Store下架，苹果价格走低，蘋果日報停刊')).toEqual([['apple-daily', '《苹果》'], ['apple-daily', '苹果日报']])
    // A long title is found with or without its marks.
    expect(found('《新削减战略武器条约》与新削减战略武器条约')).toEqual([['new-start', '《新削减战略武器条约》'], ['new-start', '新削减战略武器条约']])
  })
  it('takes the longest table name at each place, one-character names and names ending the text too', () => {
    const t = parseEntityTable(
      '- { id: us, type: place, name: 美国, aliases: [美] }\n- { id: congress, type: org, name: 美国国会 }\n- { id: nato, type: org, name: 北约, aliases: [nato, 北大西洋公约组织] }',
      't',
    )
    const found = (text: string) => findEntities(text, t).map((e) => [e.id, e.surface, e.at])
    expect(found('美国国会与美方谈北大西洋公约组织和北约')).toEqual([['congress', '美国国会', 0], ['us', '美', 5], ['nato', '北大西洋公约组织', 8], ['nato', '北约', 17]])
    expect(found('北约 nato natol 美')).toEqual([['nato', '北约', 0], ['nato', 'nato', 3], ['us', '美', 14]])
    expect(found('北')).toEqual([])
  })
  it('keys a dotted transliteration by its last part, cut before the verb', () => {
    const found = findEntities('俄罗斯副外长谢尔盖·里亚布科夫说，弗拉基米尔·普京同意', table)
    expect(found.map((e) => [e.id, e.type])).toEqual([['里亚布科夫', 'person'], ['putin', 'person']])
  })
  it('tells apart two dotted names the rule matched as one run (Al Jazeera on the Geneva summit)', () => {
    const found = findEntities('俄罗斯总统弗拉基米尔·普京和美国总统乔·拜登周三同意恢复谈判', table)
    expect(found.filter((e) => e.type === 'person').map((e) => e.surface)).toEqual(['弗拉基米尔·普京', '乔·拜登'])
  })
  it('ends a dotted name where the sentence goes on, and starts it after the words before it (corpus captures)', () => {
    const people = (text: string) => findEntities(text, table).filter((e) => e.type === 'person').map((e) => e.surface)
    expect(people('迈克·林德尔宣布召开重要会议')).toEqual(['迈克·林德尔'])
    expect(people('爱德华·斯诺登出逃香港后')).toEqual(['爱德华·斯诺登'])
    expect(people('乔治·奥威尔没有到过中国')).toEqual(['乔治·奥威尔'])
    expect(people('塞缪尔·亚当斯夫人给她丈夫写信')).toEqual(['塞缪尔·亚当斯'])
    expect(people('安东尼·福奇博士说')).toEqual(['安东尼·福奇'])
    expect(people('关于这个南希·佩洛西访台')).toEqual(['南希·佩洛西'])
    expect(people('一个叫做彼得·达萨克的人')).toEqual(['彼得·达萨克'])
    // Transliterations jieba cuts into one-character verbs (斯诺|登) stay whole.
    expect(people('杰克·沙利文和迈克·加拉格尔')).toEqual(['杰克·沙利文', '迈克·加拉格尔'])
  })
  it('cuts the common word the sentence goes on with off a dotted name jieba glued it to (corpus sentences)', () => {
    const people = (text: string) => findEntities(foldText(text), table).filter((e) => e.type === 'person').map((e) => e.surface)
    // A verb or adjective inside the last part (博勒|证实, 斯托尔滕贝格|警告, 约翰逊|自豪)…
    expect(people('杰弗里·博勒证实，蒙塔古勋爵曾经说过')).toEqual(['杰弗里·博勒'])
    expect(people('北约秘书长延斯·斯托尔滕贝格警告称，中共国“全球竞争加剧”')).toEqual(['延斯·斯托尔滕贝格'])
    expect(people('而现任英国首相鲍里斯·约翰逊自豪地说')).toEqual(['鲍里斯·约翰逊'])
    // …in a part that another name follows in the same run (弗利特|出现在肖恩·汉尼提)…
    expect(people('周四晚上，范·弗利特出现在肖恩·汉尼提的福克斯新闻节目中')).toEqual(['范·弗利特', '肖恩·汉尼提'])
    // …or across its end, where the first cut split a word (林德尔声|称, 格林以|及).
    expect(people('视频中，迈克·林德尔声称，“我于1月9日获取了')).toEqual(['迈克·林德尔'])
    expect(people('玛乔丽·泰勒·格林以及其他共和党人再次呼吁')).toEqual(['玛乔丽·泰勒·格林'])
    // 都 and 时 after a name are grammar.
    expect(people('现任和前任美国国务卿安东尼·布林肯和迈克·彭培奥都表示')).toEqual(['安东尼·布林肯', '迈克·彭培奥'])
    expect(people('当他嘲弄青少年气候活动家格雷塔·滕伯格时，她的办公室发表声明说')).toEqual(['格雷塔·滕伯格'])
    // Not cut: a name's last character read with the verb after it (卢默|认为 as 卢|默认, 弗利特|在
    // as 特在), nor a body named after a person (盖茨基金会 names no person).
    expect(people('劳拉·卢默认为，这一次中')).toEqual(['劳拉·卢默'])
    expect(people('习·范·弗利特在26岁时逃离中国')).toEqual(['习·范·弗利特'])
    expect(people('比尔·盖茨基金会')).toEqual(['比尔·盖茨基金会'])
  })
  it('takes no name after a title that is the start of a longer word (大使|馆, 总理|府) (corpus sentences)', () => {
    const people = (text: string) => findEntities(foldText(text), table).filter((e) => e.type === 'person').map((e) => e.surface)
    expect(people('因为中国驻新加坡、韩国和斯里兰卡大使馆已经在近日相继发表公告指出')).toEqual([])
    expect(people('希布利代办星期六发表在美国驻缅甸大使馆网站的文章表示')).toEqual([])
    expect(people('总理府部长表示，投票可能会在2023年进行。')).toEqual([])
    // A title before a name still gives the name.
    expect(people('中国驻英国大使刘晓明称')).toEqual(['刘晓明'])
  })
  it('finds a Chinese name after a title, and again where it stands alone', () => {
    expect(ids('研究员张弘在接受采访时称，张弘认为')).toEqual(['张弘', '张弘'])
  })
  it('finds a name after a title when jieba knows it as a name (BBC: 中国驻英国大使刘晓明称)', () => {
    expect(ids('在被问及人口数据时，中国驻英国大使刘晓明称，40年前新疆维吾尔族的人口为400万至500万人。')).toContain('刘晓明')
  })
  it('does not take common words after a title for names', () => {
    expect(ids('美国总统的身份与记者采访时称')).toEqual([])
  })
  it('takes neither a plural role nor a programme for a person (BBC, UK–China, July 2020)', () => {
    const people = (text: string) => findEntities(splitSentences(text)[0].folded, table).filter((e) => e.type === 'person')
    expect(people('与此同时，自香港《国安法》通过以来，英国保守党议员们还在敦促政府针对香港政府高级官员采取行动。')).toEqual([])
    expect(people('他对BBC《安德鲁·马尔秀》（Andrew Marr Show）节目称，有报告指出维族人遭遇强制绝育。')).toEqual([])
  })
  it('finds the runs of dotted names that the rule matches anywhere, though it starts near dots only', () => {
    // Runs long and short before their first dot, names outside the BMP (𠀀 is Han), initials, and noise.
    const pieces = ['·', '•', '・', '‧', '∙', '约翰', '沙利文', '弗拉基米尔', '𠀀𠀁', '𠀀𠀁𠀂𠀃𠀄𠀅', 'J.', 'A', '说，', '和', ' ', 'x', '《', '。']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 30) }, () => pieces[Math.floor(next() * pieces.length)]).join('')
      const runs = (found: Iterable<RegExpExecArray>) => [...found].map((m) => [m.index, m[0]])
      expect(runs(dottedRuns(text))).toEqual(runs(text.matchAll(new RegExp(DOTTED_SOURCE, 'gu'))))
    }
  })
  it('learns an English alias from brackets', () => {
    expect(learnAliases('大使阿纳托利·安东诺夫（Anatoly Antonov）离开')).toEqual([['Anatoly Antonov', '安东诺夫']])
  })
})

describe('findQuotes', () => {
  const speakerOf = (text: string) => findQuotes(splitSentences(text)).map((q) => q.speaker?.name)
  const quotes = (text: string) => findQuotes(splitSentences(text)).map((q) => [q.speaker?.id ?? null, q.attribution, q.text])
  it('takes no short quoted term for words even with the full stop inside the marks (RFA: 把新冠病毒称为“中国病毒。”), but keeps a short sentence said', () => {
    expect(quotes('拜登在一次视频集会中批评特朗普把一切都归咎给中国，还把新冠病毒称为“中国病毒。”')).toEqual([])
    expect(quotes('普京说：“我们同意。”')).toEqual([['putin', 'direct', '我们同意。']])
  })
  it('finds words opened after a verb of saying and never closed, up to the last full stop (警方声明称，“…。（note）)', () => {
    const text = '警方声明称，“为维护校园秩序……公安机关依法采取必要措施，将被困人员转移，(伤者)立即送往医院救治。（再一次不知道依的是什么法）'
    expect(quotes(text)).toEqual([['警方声明', 'direct', '为维护校园秩序……公安机关依法采取必要措施，将被困人员转移，(伤者)立即送往医院救治。']])
  })
  it('gives the words of a person\'s spokesperson to the spokesperson, not the person (联合早报: 英国首相约翰逊的一位发言人称，“…”)', () => {
    const text = '英国首相约翰逊的一位发言人称，“这是一项商业决策，我不了解已经做出了相关决定。”'
    expect(speakerOf(text)).toEqual(['英国首相约翰逊的一位发言人'])
  })
  it('reads a place\'s officials as the subject of reported speech, after a clause of when (VOA: 在克拉奇次卿访台期间，台湾官员说，…)', () => {
    expect(quotes('在克拉奇次卿访台期间，台湾官员说，18架中国飞机进入了台湾的空域。')).toEqual([['台湾官员', 'direct', '18架中国飞机进入了台湾的空域。']])
    // One official left unnamed is a source, not a speaker: still unread.
    expect(quotes('据一名前白宫官员称，特朗普在白宫西翼看到这些片段时会对身边人不断发表评论。')).toEqual([])
  })
  it('takes the person after an organisation and a title, not the organisation (DW: 欧盟委员会主席冯德莱恩则说「…」)', () => {
    const text = '欧盟峰会主席米歇尔称这项协议将会成为「欧盟的转捩点」，欧盟委员会主席冯德莱恩则说「今晚是迈向复苏的一大步」。'
    expect(findQuotes(splitSentences(text)).map((q) => q.speaker?.id)).toEqual(['冯德莱恩'])
  })
  it('gives no speaker to what someone was asked, and the answer to the one who answered (观察者网: 在被记者问及“…”时，普京说：“…”)', () => {
    const text = '俄卫星通讯社报道称，在被记者问及会晤中“从拜登的眼中看到什么”时，普京说：“关于他的灵魂，我无法评论，但他是一个非常冷静和建设性的对话伙伴。”'
    expect(quotes(text)).toEqual([
      [null, 'none', '从拜登的眼中看到什么'],
      ['putin', 'direct', '关于他的灵魂，我无法评论，但他是一个非常冷静和建设性的对话伙伴。'],
    ])
    // Answered before the quotation opens, the quotation is the answer.
    expect(speakerOf('普京被问及此事时说“俄罗斯不会干涉美国的内政，这一点我可以保证”。')).toEqual(['普京'])
    expect(speakerOf('拜登在回答记者询问时表示“我们会作出回应，而且会很快”。')).toEqual(['拜登'])
    expect(speakerOf('普京被问到这个问题时称“这完全是胡说八道，毫无根据”。')).toEqual(['普京'])
  })
  it('takes no one as a sentence\'s subject by a passive 被认为, and the person opening its second clause after 但 (BBC: …拜登被认为获胜…，但特朗普…。他说，…)', () => {
    const text = '距民主党候选人乔·拜登被认为获得大选胜利已经好几天了，但特朗普还没有承认失败。\n\n相反，他提出未经证实的指控，说投票存在普遍的欺诈行为。他说，这使拜登在竞选中获胜。'
    expect(quotes(text)).toEqual([['trump', 'direct', '这使拜登在竞选中获胜。']])
    // The same sentence with 特朗普 as its first clause's subject: said by him.
    expect(speakerOf('特朗普被认为是共和党的领袖，他说：“选举被偷走了，我们不会认输。”')).toEqual(['特朗普'])
  })
  it('takes the speaker a dash names after a quotation (BBC: “…。” ——参议院多数党领袖麦康奈尔（Mitch McConnell）)', () => {
    const text = '不应该。\n\n“总统完全有权根据法律调查指控，并要求重新计票。” ——参议院多数党领袖麦康奈尔（Mitch McConnell）\n\n真实故事'
    expect(splitSentences(text).map((s) => s.text)).toEqual(['不应该。', '“总统完全有权根据法律调查指控，并要求重新计票。” ——参议院多数党领袖麦康奈尔（Mitch McConnell）', '真实故事'])
    expect(speakerOf(text)).toEqual(['麦康奈尔'])
    expect(speakerOf('“虽然严肃的指控应谨慎处理，但推测性的说法不应成为启动调查的依据。” ——巴尔在司法部备忘录中写道。')).toEqual(['巴尔'])
    // The name after whom the speaker works for.
    expect(speakerOf('“我刚刚和特朗普总统谈过，告诉他我爱他。”——特朗普法律顾问珍娜·埃利斯（Jenna Ellis）在推特上说。')).toEqual(['埃利斯'])
    // A treaty's name in quotation marks is no one's words.
    expect(speakerOf('王毅表示，美方行为违反“维也纳领事关系公约”。')).toEqual([])
    // Whose supporter or official spoke is not who spoke.
    expect(speakerOf('“这些谈判正在进行中，我们希望很快达成协议。”拜登政府官员说。')).toEqual(['拜登政府官员'])
    expect(speakerOf('拜登政府一名高级官员说：“这些谈判正在进行中，我们希望很快达成协议。”')).toEqual(['拜登政府一名高级官员'])
    expect(speakerOf('“我来到这里是为了表达我对我们总统特朗普的爱和支持。这完全是舞弊。”——德克萨斯州休斯敦的特朗普支持者向BBC表示。')).toEqual([undefined])
    // A dash that goes on to a sentence of its own names no one.
    expect(speakerOf('“这是一个非常好的问题，谢谢。”——这是他最后一次公开讲话')).toEqual([undefined])
  })
  it('leaves out of a quotation the comma its sentence goes on after (“…第二任期，”他说道)', () => {
    expect(quotes('国务卿蓬佩奥则诉诸一种枯燥的幽默。“特朗普政府将顺利过渡到第二任期，”他说道。').map((q) => q[2])).toEqual(['特朗普政府将顺利过渡到第二任期'])
  })
  it('takes 他 in a sentence opened by someone named only by role for that person, not a name between (RFA: 前述那位不愿具名的中国学者认为，特朗普政府…，但他不认为…)', () => {
    const text = '葛来仪强调，特朗普政府的升级行动很难后退。\n\n前述那位不愿具名的中国学者认为，特朗普政府关闭休斯顿领事馆有明显的选举意图，但他不认为这对特朗普的选情会有帮助。“美国选民主要还是看经济生活，外交关系从来都不是总统选举中的主要问题。”'
    expect(speakerOf(text)).toEqual([undefined])
  })
  it('takes 他 for the person who opens the sentence after a title and a clause of time or place (BBC: 在周五的简报会上，美国副总统迈克·彭斯…赞扬…“…”，他强调…)', () => {
    const text = '美国疾控中心主任雷德菲尔德表示，年轻人正在推动感染人数上升。\n\n在周五的新冠病毒简报会上，美国副总统迈克·彭斯（Mike Pence）赞扬特朗普政府“在使我们的国家前进方面取得了显著进步”，他强调了就业人数和零售额的改善。'
    expect(speakerOf(text)).toEqual(['彭斯'])
  })
  it('takes 该发言人 for the spokesperson last mentioned, named or not (GNews: 外交部发言人赵立坚…; EDF的一位不愿透露姓名的发言人表示…。该发言人说，“…”)', () => {
    const text = '中共国外交部发言人赵立坚告诉记者，“在工厂周围的辐射水平没有发现任何异常”。\n\n同时，法国公司EDF能源公司的一位不愿透露姓名的发言人表示，情况可能看起来很糟糕，但在控制之中。该发言人说，“我们不在发生熔化核心的事故的情况中。”'
    expect(speakerOf(text)).toEqual(['赵立坚', undefined])
    // Named again, 该发言人 is that person.
    expect(speakerOf('外交部发言人赵立坚周二主持例行记者会。该发言人说，“美方应当立即纠正错误做法。”')).toEqual(['赵立坚'])
  })
  it('does not take a name inside an opening phrase of time or place for the subject (在与普京会面后，拜登…。他还说)', () => {
    expect(speakerOf('在与普京会面后，拜登批评俄罗斯干预选举，他说美国不会坐视不管。他还说：“我们会作出回应，而且会很快。”')).toEqual(['拜登'])
    expect(speakerOf('在会见普京时，拜登批评俄罗斯干预选举，他强调：“我们会作出回应，而且会很快。”')).toEqual(['拜登'])
  })
  it('keeps a quotation that says something of a treaty, and a group opening a sentence leaves 他 to the person named', () => {
    expect(speakerOf('赵立坚说：“美方的做法严重违反了维也纳领事关系公约”。')).toEqual(['赵立坚'])
    expect(speakerOf('他说：“我们必须捍卫联合国宪章”。')).toEqual([undefined]) // kept as a quotation (他 names no one here)
    expect(speakerOf('分析人士认为，特朗普此举是为了选举，但他坚称：“这与选举无关，我只是在保护美国人。”')).toEqual(['特朗普'])
  })
  it('takes from a dash the subject, not whom the attribution goes on to name (——普京如此评价拜登, ——欧盟委员会主席冯德莱恩)', () => {
    expect(speakerOf('“他是一个非常冷静和建设性的对话伙伴。”——普京如此评价拜登')).toEqual(['普京'])
    expect(speakerOf('“我们将重建联盟，并与世界重新接触。”——拜登竞选团队')).toEqual(['拜登竞选团队'])
    expect(speakerOf('“今晚是迈向复苏的一大步。”——欧盟委员会主席冯德莱恩')).toEqual(['冯德莱恩'])
  })
  it('keeps the spokesperson named earlier for 该名发言人, and for a role of someone the sentence names', () => {
    expect(speakerOf('外交部发言人赵立坚告诉记者，情况正常。\n\n该名发言人说，“我们不会坐视不理，这是中方的底线。”')).toEqual(['赵立坚'])
    expect(speakerOf('外交部发言人赵立坚周二主持记者会。赵立坚是外交部发言人中最年轻的一位。该发言人说，“美方应当立即纠正错误。”')).toEqual(['赵立坚'])
  })
  it('takes 该公司 / 该集团 for the company named before, not a broadcaster that interviewed it (GNews: “法马通”公司在接受CNN采访时…。该公司称：“…”)', () => {
    expect(speakerOf('“法马通”公司在接受CNN采访时承认该公司正在支持解决一个性能问题。该公司称：“根据现有的数据，核电站在安全参数范围内运行。”')).toEqual(['法马通'])
    expect(speakerOf('中广核集团周日发表声明。该集团称：“目前，持续监测的环境数据显示，台山核电厂及周边环境指标正常。”')).toEqual(['中广核'])
    // The company itself, not the words before it; and no company from a count or a verb.
    const said = '该公司称：“我们将依法维护自身的合法权益，不会接受这些指控。”'
    expect(speakerOf(`美国商务部周二宣布制裁华为公司。${said}`)).toEqual(['华为'])
    expect(speakerOf(`特朗普政府下令禁止字节跳动公司的应用。${said}`)).toEqual(['字节跳动'])
    expect(speakerOf(`路透社报道，腾讯公司将出售部分股份。${said}`)).toEqual(['腾讯'])
    for (const before of ['记者走访了多家公司。', '他收购了这家公司。', '他在一家科技公司工作。']) expect(speakerOf(`${before}${said}`)).toEqual([undefined])
  })
  it('takes a bare 声明说 for whoever the article said issued the statement, and no one of a joint statement\'s parties', () => {
    expect(speakerOf('阿富汗总统加尼（Ashraf Ghani）发表声明，谴责这次攻击。声明说，“塔利班继续与其他恐怖组织勾结，发动恐怖袭击，每天都在屠杀平民。”')).toEqual(['加尼'])
    expect(speakerOf('香港民主派今天(31日)發表聯合聲明，反對立法會延期選舉。聲明表示，「政府與建制派因為選情嚴峻，私謀借疫情之名押後選舉」。')).toEqual(['香港民主派'])
    expect(speakerOf('普京表示，会后他与拜登签署了一份联合声明。声明说，“我们重申这一原则，即核战争不可能赢，也永远不能打。”')).toEqual(['普京', '声明'])
    expect(speakerOf('会后两人签署了一份联合声明。声明说，“我们重申这一原则，即核战争不可能赢，也永远不能打。”')).toEqual(['声明'])
    expect(speakerOf('该公司周三发表声明。声明说，“我们从未违反任何法律，也不会接受这些指控。”')).toEqual(['声明'])
    // Not whom someone asks or watches for a statement.
    expect(speakerOf('抗议者要求政府发表声明。声明说，“我们从未违反任何法律，也不会接受这些指控。”')).toEqual(['声明'])
    expect(speakerOf('外界关注特朗普何时发表声明。声明说，“我们从未违反任何法律，也不会接受这些指控。”')).toEqual(['声明'])
  })
  it('does not take the one replied to for the speaker (保安局发言人回应路透社说：「…」)', () => {
    expect(speakerOf('保安局发言人回应路透社说：「外国干预猖獗，特区政府必须依法处理。」')).toEqual([undefined])
  })
  it('reads a name after a body\'s title apart from the title, and a double-barrelled transliteration whole (会长史墨客, 泰布林-吉鹤德)', () => {
    expect(speakerOf('美国商会会长史墨客说：“我们希望中方能够信守承诺，尊重人权。”')).toEqual(['史墨客'])
    expect(speakerOf('挪威议员泰布林-吉鹤德表示：“特朗普为中东和平做出了巨大贡献，他应该获得诺贝尔和平奖。”')).toEqual(['泰布林-吉鹤德'])
  })
  it('passes over a subject that is nobody in particular to the speaker before it (BBC: 他…称，有报告指出…，这“…”)', () => {
    const text = '英国外交大臣拉布说，情况严重。\n\n他对BBC《安德鲁·马尔秀》节目称，有报告指出维族人遭遇强制绝育及其他更大范围的迫害，这“让人联想到一些我们很久没有见到过的事情”。'
    expect(findQuotes(splitSentences(text)).map((q) => q.speaker?.name)).toEqual(['拉布'])
  })
  it("does not take a phrase opening with a pronoun as a speaker's name (GNews: 他们在报告指出…“…”)", () => {
    const text = '法马通拥有台山核电站的部分控制权并协助运作，他们在报告指出核电站存在“迫在眉睫的放射性威胁”后，美国政府在过去一周进行了评估。'
    // No speaker rather than a wrong one (他们 is 法马通, which the rules do not follow yet).
    expect(findQuotes(splitSentences(text)).map((q) => [q.speaker?.id, q.text])).toEqual([[undefined, '迫在眉睫的放射性威胁']])
  })
  it('takes a subject the rules do not know as the speaker 他 refers to (国安处高级警司李桂华)', () => {
    const text = '特首林郑月娥出席了仪式。\n\n国安处高级警司李桂华表示，警方拘捕了五人。他说：“调查仍在进行，不排除再有人被捕。”'
    expect(findQuotes(splitSentences(text)).map((q) => q.speaker?.id)).toEqual(['李桂华'])
  })
  it('does not take the listener for the speaker (财新: 知情人士向财新记者表示, 陈淑平当时对记者说)', () => {
    expect(findQuotes(splitSentences('知情人士向财新记者表示：“这笔融资已经完成，估值超过十亿。”')).map((q) => q.speaker?.id)).toEqual(['知情人士'])
    expect(findQuotes(splitSentences('校长陈淑平当时对记者说：“我们会全力配合调查工作。”')).map((q) => q.speaker?.id)).toEqual(['陈淑平'])
    // A role phrase is the noun phrase that ends it, not the clause before (文章引用行内分析人士),
    // keeps a verb that describes the noun (批评人士) and a body that owns it (国防部的一名官员);
    // a name before a person's title is the person.
    expect(speakerOf('文章引用行内分析人士称：“这笔融资已经完成，估值超过十亿。”')).toEqual(['行内分析人士'])
    expect(speakerOf('批评人士说：“这笔融资已经完成，估值超过十亿。”')).toEqual(['批评人士'])
    expect(speakerOf('国防部的一名官员说：“演习已经完成，部队正在返回。”')).toEqual(['国防部的一名官员'])
    // 细说 is the verb whole (not 阿馨细 speaking); 据说 is not anyone speaking.
    expect(findQuotes(splitSentences('校长陈淑平细说：“我们会全力配合调查工作。”')).map((q) => q.speaker?.id)).toEqual(['陈淑平'])
    expect(findQuotes(splitSentences('据说：“我们会全力配合调查工作。”')).map((q) => q.speaker?.id)).toEqual([undefined])
    // A name jieba tags as a place, before the listener: the person, not 钟南山对记者 (nor 记者).
    expect(findQuotes(splitSentences('钟南山对记者说：“疫情严重，大家要小心防护。”')).map((q) => q.speaker?.id)).toEqual(['钟南山'])
  })
  it('takes a name jieba tags as a place for the speaker, but not a country or city (corpus sentences)', () => {
    // 钟南山 is a place (ns) to jieba: a person when the subject is it alone and it is rare as a word.
    expect(speakerOf('鐘南山對記者說：“我記不得了。”')).toEqual(['钟南山'])
    expect(speakerOf('鐘南山說：“現在算起來，我一共給過4個研究機構，有香港的、有本省的。”')).toEqual(['钟南山'])
    // A surname and a given name jieba reads as a place (曾|瑞利), after a title.
    expect(speakerOf('台湾外交部亚东太平洋司司长曾瑞利说，这种事从未发生过。他指出，斐济外交部希望淡化处理事件，因为这牵扯该国与台湾和中国大陆的两边的外交关系。')).toEqual(['曾瑞利'])
    // Countries and cities speak for their governments, and are common words: not people.
    expect(speakerOf('2月18日，柬埔寨表示：“要向印度订购500万剂新冠疫苗。”')).toEqual([undefined])
    expect(speakerOf('华盛顿认为：“华为是中国共产党全球监控机制的一个分支。”')).toEqual([undefined])
    // Nor a place after a verb (去长岛): the subject is whoever went there.
    expect(speakerOf('他们去长岛说：“这里的房子比城里便宜多了。”')).toEqual([undefined])
  })
  it('does not glue the first character of a verb of saying, or an adverb, to the speaker (corpus sentences)', () => {
    // 答道 and 称 are the verbs matched; jieba reads 回答 and 供称 across the name's end.
    expect(speakerOf('6月11日，在联防联控机制发布会上，王庆华回答道，“疫苗的保护率都不是100%”。')).toEqual(['王庆华'])
    expect(speakerOf('潘偉山供稱：「我覺得張生佢哋搞掂就算數，無咩問。」')).toEqual(['潘伟山'])
    expect(speakerOf('正如西南大学历史文化学院讲师付来友所说，“中产阶级的极简审美是一种进行区分的策略”')).toEqual(['付来友'])
    // 续 (continued) is an adverb, as 又 and 还 are.
    expect(speakerOf('練乙錚續說：「近一、兩年，中共單方面否定《中英聯合聲明》的有效性。」')).toEqual(['练乙铮'])
    // 默写 is no verb of saying: 克兰默 is not cut to 克兰 before 写道.
    expect(speakerOf('克兰默写道：改革的敌人“看起来已经一败涂地，很少有人反对我们了”。')).not.toContain('克兰')
  })
  it('takes the subject before where or when the words were said (在推特上, 在文中, 在接受采访时) (corpus sentences)', () => {
    expect(speakerOf('王洪光在文中认为，印度此时“巴不得停止向一线增加兵力”。')).toEqual(['王洪光'])
    expect(speakerOf('上海的历史学家萧功秦在上个月发表的一篇文章中写道：“中国国内高调的民族主义，也使得美国觉得中国在咄咄逼人，”这引起了广泛的讨论。')).toEqual(['萧功秦'])
    expect(speakerOf('鐘南山在接受記者採訪時說：“200萬元經費研製SARS疫苗遠遠不夠。”')).toEqual(['钟南山'])
    // Never the place itself (推特上 was taken for a name jieba did not know).
    expect(speakerOf('中国前领导人赵紫阳秘书鲍彤在推特上表示，“现在遍及全球的孔子学院……它们全姓共，不姓孔。”')).not.toContain('推特上')
    expect(speakerOf('他在推特上写道：“但我们必须小心，不要因为鲁莽的开场而再次上升。”')).toEqual([undefined])
  })
  it('takes 他说 as the subject of its sentence, not a later verb’s (corpus sentences)', () => {
    // 他 is 约霍, who spoke before; 习近平 is named inside what he said.
    expect(speakerOf('联邦众议员泰德·约霍说，将于本周联合提出法案。约霍介绍称，“美台之间目前也是依据美国前总统里根任内的协议，向台湾出售武器。”他强调，“但当习近平已明确宣布，为了统一台湾他不惜溅血，但北京从没问过台湾的意愿”。').pop()).toBe('约霍')
    // …unless a person opens the sentence: 他 is them.
    expect(speakerOf('也许，这也是马克·阿里扎特在《狗狗：理解我们最好的朋友的哲学指南》中归给狗狗智慧的一个元素。莱纳·马里亚·里尔克迷恋动物的眼睛，在《杜伊诺哀歌》的第八首中，他写道，和我们不一样，“动物看向外面，它们的脸告诉我们那里存在什么”。')).toEqual(['里尔克'])
  })
  it('takes a bare title the article gave a person as that person (Al Jazeera: 美国总统乔·拜登 … 美国总统表示)', () => {
    const text = '俄罗斯总统弗拉基米尔·普京和美国总统乔·拜登周三同意恢复谈判。\n\n美国总统说：“人权将永远摆在桌面上，这一点很清楚。”他表示，相信俄罗斯对手不想要一场新的冷战。'
    const speakers = findQuotes(splitSentences(text)).map((q) => q.speaker?.id)
    expect(speakers).toEqual(['biden', 'biden'])
    // A title the article never gave anyone stays a phrase.
    expect(findQuotes(splitSentences('法国总统说：“欧洲需要战略自主，这一点十分重要。”')).map((q) => q.speaker?.id)).toEqual(['法国总统'])
  })
  it('attributes X说：“…” and “…”，X说', () => {
    expect(quotes('拜登说：“我告诉普京总统，人权将永远摆在桌面上。”')).toEqual([['biden', 'direct', '我告诉普京总统，人权将永远摆在桌面上。']])
    expect(quotes('“两位领导人会就很多事情争论不休，但对话会继续下去。”前大使亚历山大·弗什博指出。')[0][0]).toBe('弗什博')
  })
  it('resolves a pronoun to the last person named', () => {
    expect(quotes('记者问及普京的看法。他说：“关于他的灵魂，我无法评论。”')[0][0]).toBe('putin')
  })
  it('resolves a pronoun to the subject who keeps speaking, not to a person named in passing', () => {
    // Al Jazeera on the Geneva summit: 普京 is named last, but 他 is the US president.
    const aj = '在继俄罗斯总统之后举行的新闻发布会上，美国总统表示，与普京会面时，谈论网络安全占用了很长时间，并补充说，他向后者明确表示，美国拥有强大的网络能力，将在遭遇袭击时做出回应。他表示，相信俄罗斯对手不想要一场新的冷战。'
    expect(quotes(aj).find((q) => /冷战/.test(q[2]!))![0]).toBe('美国总统')
    // GNews relaying the FT: 他 is 马克龙, the subject, not the G7 named after him.
    const gnews = '根据《法国真理报》等当地媒体报道，法国总统马克龙谈到对G7峰会的看法，他认为尽管所有G7国家对中共国在维吾尔人和香港遭受的压迫等问题持反对立场，但G7峰会“不是一个敌视中国的俱乐部”。'
    expect(quotes(gnews)[0][0]).toBe('macron')
  })
  it('gives a quotation standing alone the speaker of the sentence before', () => {
    expect(quotes('然而，普京会后却表示，两国政策不同。\n\n“我们在自己的领土上演习，不幸的是，美国伙伴正在做这件事。”')).toEqual([['putin', 'context', '我们在自己的领土上演习，不幸的是，美国伙伴正在做这件事。']])
  })
  it('reads Traditional text and corner quotation marks', () => {
    expect(quotes('普丁表示：「我們不會允許類似的騷亂在本國發生。」')).toEqual([['putin', 'direct', '我們不會允許類似的騷亂在本國發生。']])
  })
  it('keeps reported speech apart, with its speaker', () => {
    const [q] = findQuotes(splitSentences('普京表示，由于俄美立场不同，这个问题并未进行详细讨论。'))
    expect(q).toMatchObject({ kind: 'reported', speaker: { id: 'putin' } })
    expect(findQuotes(splitSentences('外界认为，这次会晤的象征意义大于实际意义。'))).toEqual([])
  })
  it('takes a body\'s spokesperson or statement as the body, and a phrase pointing back as whom the article named so', () => {
    expect(quotes('EDF的一份声明说：“初级电路中存在某些惰性气体是一种已知的现象。”')[0][0]).toBe('edf')
    expect(quotes('港府的声明说：“行政长官及特区政府明白及尊重同学们的追求。”')[0][0]).toBe('港府')
    // A statement that names no body stays the statement.
    expect(quotes('联合声明说：“两国将在不久的将来共同启动对话。”')[0][0]).toBe('联合声明')
    const spokesman = quotes('外交部发言人汪文斌表示：“中方坚决反对。”这位发言人说：“美方应当停止干涉中国内政，这一点非常清楚。”')
    expect(spokesman.map((q) => q[0])).toEqual(['汪文斌', '汪文斌'])
    const company = quotes('华为周一发表回应。该公司表示：“我们的团队正在与相关专家合作，评估情况。”')
    expect(company[0][0]).toBe('huawei')
    // Nobody named so before: unattributed rather than credited to 该公司.
    expect(quotes('该公司表示：“我们的团队正在与相关专家合作，评估情况。”')).toEqual([[null, 'none', '我们的团队正在与相关专家合作，评估情况。']])
    expect(quotes('但分析师称：“市场表现不错，是因为有一些真实的迹象。”')[0][0]).toBe('分析师')
    expect(quotes('但有一位官员说：“我们一直跟踪这些家伙的时间超过我们想承认的时间。”')[0][0]).toBeNull()
  })

  it('does not take a title and the verb after it for a name (总统还说, 大使馆表示)', () => {
    expect(findQuotes(splitSentences('拜登总统还说，美国必须保持其作为地球上最具创新力的国家的地位。')).map((q) => q.speaker?.id)).toEqual(['biden'])
    expect(findQuotes(splitSentences('中共国驻伦敦大使馆表示，关于新疆、香港及台湾的言论是对中国的抹黑。')).map((q) => q.speaker?.id)).not.toContain('馆表示')
    for (const [text, notName] of [['共产党大使馆还指出，世界卫生组织的报告受到广泛批评。', '馆还'], ['梁资深大律师力称，各答辩人的证供显示他们曾在会议中讨论。', '力称'], ['上海的某副秘书长给他说，这首歌唱完以后大家都会明白。', '给他']])
      expect(findEntities(foldText(text)).map((m) => m.surface)).not.toContain(notName)
  })

  it('gives a verb with no subject after a quotation or clause the subject of the verb before it, not a name an earlier clause holds (表示「…」，形容「…」)', () => {
    expect(speakerOf('中国外交部对此表示「强烈不满和坚决反对」，形容「这是赤裸裸的虚伪双标和霸权思维」。')).toEqual(['中国外交部', '中国外交部'])
    expect(speakerOf('民主党议员指出惩教署每月可生产100万个口罩，形容「政府收埋几多个口罩都唔讲」。')).toEqual(['民主党议员'])
    // No verb before it: no one, rather than 中共, the partner in 与中共合作.
    expect(speakerOf('澳洲终止与中共合作一海洋项目，媒体爆料，形容“澳洲联邦科学与工业研究组织即将终止合作”。')).toEqual([undefined])
  })

  it('takes 指 and verbs of criticism right before a quotation for speech (韓世同指：「…」, 任正非批評，「…」), not 指 that refers', () => {
    expect(speakerOf('房地產專家韓世同指：「中央銀行執行操作系統，它跟地方銀行是兩條線。」')).toEqual(['韩世同'])
    expect(speakerOf('任正非批評，「美國某些政客不是為了糾正我們，而是要打死我們」。')).toEqual(['任正非'])
    expect(speakerOf('林郑月娥又指，「暴力不会解决到问题，暴力只会衍生更大暴力」。')).toEqual(['林郑月娥'])
    // 是指, 所指: what a word means, no one's words.
    expect(speakerOf('李克强口中的港独是指「一些主张香港独立的人和他们的组织」。')).toEqual([undefined])
    // 指 not before a quotation is no speech verb: the quotation's speaker is the one who spoke.
    expect(speakerOf('李克强指中国经济稳定，他说：「我们有信心完成全年目标任务。」')).toEqual(['李克强'])
  })

  it('keeps the surname jieba cuts off a given name it knows as a word (霍|瓦特, 徐|崇阳, 史|墨客)', () => {
    expect(speakerOf('霍瓦特说“这次任务就是救人，就这么简单。”')).toEqual(['霍瓦特'])
    expect(speakerOf('徐崇阳表示，“我做慈善事业，被侵权，导致妻离子散。”')).toEqual(['徐崇阳'])
    expect(speakerOf('史墨客称：“人们不知道红线在哪，这创造出一种气氛。”')).toEqual(['史墨客'])
  })

  it('reads the subject before a clause of when that opens with a verb (發言人回覆查詢時表示, 回應香港記者查詢…時表示), not the next sentence\'s speaker or the listener', () => {
    expect(speakerOf('美國駐港總領事館發言人回覆查詢時表示，不便評論，「美國政府都會向有需要的美國公民提供協助。」英國駐港領事館發言人表示不予評論。')).toEqual(['美国驻港总领事馆'])
    expect(speakerOf('彭定康回應香港記者查詢張浚生逝世時表示：「我向他的家人致以慰問，願他安息。」')).toEqual(['彭定康'])
    expect(speakerOf('尼克森批評芝加哥這場抗爭時說，「這是文明死亡的開始。」')).toEqual(['尼克森'])
  })

  it('does not give words that close a sentence after a verb of saying to the subject of the clause that follows them (…表示，「…。」英國駐港領事館發言人表示不予評論)', () => {
    expect(speakerOf('该馆发言人表示，不便评论，「美国政府都会向有需要的美国公民提供协助。」英国驻港领事馆发言人表示不予评论。')).toEqual([undefined])
    // With no verb of saying before them, the clause after names the speaker.
    expect(speakerOf('「美国政府都会向有需要的美国公民提供协助。」英国驻港领事馆发言人表示。')).toEqual(['英国驻港领事馆'])
  })

  it('gives the spokesperson of a body pointed back to (该公司发言人在其网站上表示) the body named last', () => {
    expect(speakerOf('华为公司周一发布了新手机。该公司发言人在其网站上表示：“我们将全力配合调查，保障客户权益。”')).toEqual(['华为'])
    // With no body named before, no one.
    expect(speakerOf('该公司发言人在其网站上表示：“我们将全力配合调查，保障客户权益。”')).toEqual([undefined])
  })

  it('takes no adverb of manner for a speaker (切斯特顿曾明智地指出), and reads the name before it (陆正耀曾自信地表示, 马斯克感慨地说)', () => {
    expect(speakerOf('切斯特顿曾明智地指出：“不要拆除一道篱笆，除非你知道它为什么被竖起。”')).not.toContain('明智地')
    expect(speakerOf('陆正耀曾自信地表示：“我们的咖啡一定会超过星巴克的规模。”')).toEqual(['陆正耀'])
    expect(speakerOf('马斯克感慨地说：“这是我见过最疯狂的事情之一。”')).toEqual(['马斯克'])
  })

  it('takes who told a listener a quotation for its speaker (wire copy: “…，”他告诉路透社。 王毅告诉法新社：“…”), not someone told something without one', () => {
    expect(speakerOf('“我们不会退让，”王毅告诉路透社。')).toEqual(['王毅'])
    expect(speakerOf('“这将是关闭反应堆的一个理由，”Rofer告诉CNN。')).toEqual(['Rofer'])
    expect(speakerOf('王毅告诉法新社：“我们已经准备好了。”')).toEqual(['王毅'])
    expect(speakerOf('“我们不会退让，”王毅告诉路透社，中方已经做好准备。')).toEqual([undefined])
    expect(speakerOf('他告诉我们，这是真的。')).toEqual([])
  })

  it('takes a name in Latin letters for the speaker, after a title or before a clause of where (Gabriel Lim在记者会上说, Chua Hak Bin称, 负责人 Josep Borrell…他说)', () => {
    expect(speakerOf('“这些都存在巨大的不确定性，”新加坡贸工部常务书记Gabriel Lim在记者会上说。')).toEqual(['Gabriel Lim'])
    expect(speakerOf('“第二季GDP下调预示经济复苏放缓，”马来亚银行分析师Chua Hak Bin称。')).toEqual(['Chua Hak Bin'])
    expect(speakerOf('欧盟外交政策负责人 Josep Borrell 谈到了 “全球叙事之战”，他说 “中国正在积极地传达这样一个信息，与美国不同。”')).toEqual(['Josep Borrell'])
    // Where it was said is no speaker (在Facebook), nor 说 in 说唱 (说唱歌手).
    expect(speakerOf('戴耀廷在Facebook表示，「辭退我的決定，並不是由香港大學作出」。')).toEqual(['戴耀廷'])
    expect(speakerOf('起诉书指控前Fugees说唱歌手从2017年开始 “策划了一场未登记的反向通道活动”。')).toEqual([undefined])
  })

  it('gives words alone in their sentence the speaker of the last quotation when the sentences between say nothing and name no one else', () => {
    const text = '王毅說：「例如車輪的鋼絲，也要人手逐條裝上。」\n\n單是安裝一架新車就需時兩天。加上修車很花精神及體力。\n\n「海鮮檔買新單車，但因有其他單要處理，小店人手不足。」'
    expect(speakerOf(text)).toEqual(['王毅', '王毅'])
    // Someone else named between, or told something: not.
    expect(speakerOf(text.replace('加上修車很花精神及體力。', '但這被福奇否認了。'))).toEqual(['王毅', undefined])
    expect(speakerOf(text.replace('加上修車很花精神及體力。', '有官員告訴筆者，修車很花精神。'))[1]).toBeUndefined()
  })

  it('ignores scare quotes', () => {
    expect(quotes('这场“普拜会”持续了约3小时。')).toEqual([])
  })
  describe('who is the subject of the speech verb (corpus sentences)', () => {
    const speakerOf = (text: string) => findQuotes(splitSentences(text)).map((q) => q.speaker?.name ?? null)
    it('not a name after a preposition or 接受 in its clause: the listener, or where the words were said', () => {
      // 对路透表示: the news agency was told, 张云涛 spoke.
      expect(speakerOf('中国生物技术股份有限公司副总裁张云涛对路透表示，他的公司已接到一些海外国家要购买大约5亿剂试验疫苗的意向。')).toEqual(['张云涛'])
      expect(speakerOf('香港公民党的议员郭荣铿在接受路透社表示：“如果新法真的在香港推行，一国两制将被正式终结，那就是香港的终结。”')).not.toContain('路透社')
      // 跟习主席说: 习近平 is who they spoke to; no reported speech is left.
      expect(findQuotes(splitSentences('他们的行为有没有背后跟习主席说，一定有，那就是打着马虎眼，啊我们要干这事儿干那事儿。'))).toEqual([])
      // 在谈到拜登时: inside the adjunct that says when.
      expect(speakerOf('英国首相鲍里斯-约翰逊(Boris Johnson)在谈到拜登时说：“我们完全站在同一条战线上。”')).toEqual(['约翰逊'])
      // …but an adjunct closed before the name, or a verb after the preposition, leaves it the subject.
      expect(speakerOf('所以你看北朝鲜在这个时候金正恩说，我是跟普京走的，我们是跟着俄罗斯走的，不是跟着中共走的。')).toEqual(['金正恩'])
      // (“中国病毒。” alone is a scare-quoted term, no one's words: a longer one keeps what is tested.)
      expect(speakerOf('7月22日，拜登在一次视频集会中批评特朗普把一切都归咎给中国，还把新冠病毒称为“中国病毒和功夫流感。”')).toEqual(['特朗普'])
      expect(speakerOf('民权活动人士蕾切尔·多勒扎尔被曝出是白人。对此多勒扎尔解释说，自己从小就自认是黑人。')).toEqual(['多勒扎尔'])
      expect(speakerOf('英国反对党工党领袖基尔·斯塔默第一反应表示，“约翰逊有意递交辞呈，对我国来说是个好消息。”')).toEqual(['斯塔默'])
    })
    it("not a person who only owns the subject (拜登的竞选团队), but a speaker's own statement, or one cited (引述科尔比的话)", () => {
      expect(speakerOf('拜登的竞选团队则表示，双方事先同意让主持人选择辩论主题，并称特朗普想要避免针对其新冠疫情危机管理的讨论。')).not.toContain('拜登')
      expect(speakerOf('众议员奇普·罗伊提出了法案。罗伊的新闻稿指出，美国拥有近 3000 万英亩的外国投资者拥有的农田。')).toEqual(['罗伊'])
      expect(speakerOf('前国防部副助理部长埃尔布里奇·科尔比（Elbridge Colby）曾任职五角大楼。《POLITICO》引述科尔比的话报道称，虽然这些计划本身并不能够确保中（共）国问题得到解决，但这些举措是一个令人鼓舞的迹象。')).toEqual(['科尔比'])
      // 援引…的话说: the analyst speaks, not the agency.
      expect(speakerOf('路透社援引价格分析师的话说，成交价在市场预期范围下限。')).not.toContain('路透社')
    })
    it("not the news agency of a dateline (路透新德里6月30日 - 中国周二表示)", () => {
      expect(speakerOf('路透新德里6月30日 - 中国周二表示，印度禁用59个主要是中国的移动应用的举动可能违反世界贸易组织(WTO)规则，并敦促新德里方面创造公开公平的营商环境。')).not.toContain('路透社')
    })
  })
  it('does not take the name of a charge or a forum in quotation marks for words said', () => {
    expect(findQuotes(splitSentences('警方称，五人涉嫌违反国安法第29条「串谋勾结外国或境外势力危害国家安全罪」。'))).toEqual([])
    expect(findQuotes(splitSentences('北京大學醫學部主任喬傑在8日舉行的「2023醫藥創新和科技前沿論壇」上承認，中國大陸地區的新生兒人口數量，近5年內下滑了約40%。'))).toEqual([])
  })
  it('resolves 他 to a subject named after the last person the rules know (the Apple Daily raid, 2021)', () => {
    const text = [
      '中午過後，壹傳媒行政總裁張劍虹等人從壹傳媒大樓被押走，代表律師亦相繼離開。',
      '國安處高級警司李桂華表示，行動針對《蘋果日報》超過30篇文章，呼籲外國機構對中國或特區政府進行制裁行動。',
      '他表示，五人在《蘋果日報》出版或刊印過程中都扮演關鍵角色。',
    ].join('\n\n')
    expect(findQuotes(splitSentences(text)).find((q) => q.text.startsWith('五人'))?.speaker?.name).toBe('李桂华')
  })
  it('keeps whom 他 means alive through sentences whose subject is 他, 但她 included (the EU State of the Union, 2020)', () => {
    const text = [
      '冯德莱恩称，“从一开始我就说过，中国是一个谈判伙伴，一个经济竞者和一个系统性对手”。她谈到，欧中双方就气候变化等问题存在利益共同点，中方也表现出通过高阶对话应对这一问题的意愿。但她强调，欧盟就气候变化问题上期待中方遵守《巴黎协定》的承诺，以作出表率。',
      '冯德莱恩续指，欧中关系在处理欧洲公司对中国市场的公平准入、对等和产能过剩问题上仍需很大的努力。她说，“我们继续保持不平衡的贸易和投资伙伴关系。”',
    ].join('\n\n')
    const qs = findQuotes(splitSentences(text))
    expect(qs.find((q) => q.text.startsWith('欧盟就气候变化'))?.speaker?.name).toBe('冯德莱恩')
    expect(qs.find((q) => q.text.startsWith('我们继续'))?.speaker?.name).toBe('冯德莱恩')
  })
  it('keeps whom 他 means within reach through a sentence whose subject is 他 (FT on Morgan Stanley)', () => {
    const text = [
      '上次经济危机爆发时，时任摩根士丹利(Morgan Stanley)首席财务官的科尔姆•凯莱赫(Colm Kelleher)亲身经历了危机最惨烈的时刻。',
      '凯莱赫在牛津大学(Oxford)学习历史后，于1989年加入摩根士丹利伦敦办公室。他经常提到自己家里一共有兄弟姐妹9人，称这帮助自己形成脚踏实地的人生观。“我从不像许多自我主义者那样把自己放在报纸上。”他说，“我从不把工作和自己的身份混淆。”',
    ].join('\n\n')
    expect(findQuotes(splitSentences(text)).find((q) => q.text.startsWith('我从不把'))?.speaker?.name).toBe('凯莱赫')
  })
  it("takes the subject over a person named in the same sentence, alone or not (他說蔡英文上台1年多…)", () => {
    const text = [
      '海峽交流基金會副董事長兼秘書長柯承亨表示，習近平在19大報告 內聲言要擴大兩岸經濟文化交流，「要擴大的話， 不能避開官方往來」。他說蔡英文上台1年多，中共未對她作個人攻擊， 相信仍希望保留空間。',
      '他說兩岸交流不可能走回頭路，民進黨第二次執政， 民間交往仍繼續。他說，中共和南韓也已恢復最高層來往，「 兩岸不是說一家親嗎？官方媒體強硬威嚇無法解決問題， 更增加民眾反感、更疏離。」',
    ].join('\n\n')
    expect(findQuotes(splitSentences(text)).find((q) => q.text.includes('一家親'))?.speaker?.name).toBe('柯承亨')
  })
  it('leaves a pronoun unresolved when whom it could mean was last named more than two sentences up (The Intercept on Kashmir)', () => {
    const text = [
      '网警巴蒂说，这个网警监视团队由40名精通技术的警察组成，而更具挑战性的案件则外包给私人监视公司，对此他没有具体说明。',
      '警察将监视工作外包给私人监视公司的做法似乎正在很多国家 “流行”。',
      '虽然该网警部门的许多内部行动仍处于保密状态，但其监视审查行动对克什米尔的社交媒体活动产生了明显的寒蝉效应。许多账户已经消失，而另一些账户已经沉默或不再发布任何政治内容。',
      '活跃在社交媒体上的22岁新闻专业学生 Shefali Rafiq 说，她对自己发布的内容变得更加谨慎了。“有一些社交媒体账户我一直在热切关注”，她说，“但现在，这些人要么停用了账号，要么不再写任何批评性的文章。”',
    ].join('\n\n')
    const q = findQuotes(splitSentences(text)).find((x) => x.text.startsWith('但现在'))
    // (她 is Shefali Rafiq, who opens the sentence, named in Latin letters: not 巴蒂.)
    expect(q?.speaker?.name).toBe('Shefali Rafiq')
  })
  it("does not take a person's aide, a listener or a name in an earlier clause for the speaker (corpus sentences)", () => {
    // Trump's adviser speaks, not Trump; the lawyer Crump is Crump.
    expect(speakerOf('「小唐兄弟俩都觉得贾里德是个应声虫，」一个前特朗普顾问说。')).toEqual([undefined])
    expect(speakerOf('家属的代表律师本·克朗普（Ben Crump）出席了记者会。克朗普律师星期五早些时候发推文说，“我们希望联邦调查局的调查能让布伦娜和家人最终获得公正”。')).toEqual(['克朗普'])
    // A building named after a person, a former official of a body.
    expect(speakerOf('2015年6月16日，伊万卡大步走上特朗普大厦中庭的演讲台，满面笑容地对人群说：「欢迎大家来到这里。」')).toEqual([undefined])
    expect(findQuotes(splitSentences('据一名前白宫官员称，特朗普在白宫西翼看到这些片段时会对身边人不断发表评论。')).map((q) => q.speaker?.name)).not.toContain('白宫')
    // CNN is who Rofer told, not who spoke.
    expect(speakerOf('“这将是关闭反应堆的一个理由，然后需要对反应堆进行补充燃料，”Rofer告诉CNN并补充说拆除燃料元件必须谨慎进行。')).toEqual(['Rofer'])
    // The communiqué speaks; the WHO was what Taiwan joins in the clause before.
    expect(speakerOf('公報首度提及台灣，包括支持台灣參與世界衛生組織（WHO）論壇，另外，公報也提及，嚴正關切東海與南海情勢，「我們重視台灣海峽和平及穩定的重要性，鼓勵和平解決兩岸問題」。')).not.toContain('世界卫生组织')
  })
  it('takes a name the rules do not know that opens the sentence before for whom 他 means, not a person it names later (corpus sentences)', () => {
    expect(speakerOf('（德国之声中文网）蒂布林-耶德在自己的脸书上赞扬特朗普为阿联酋和以色列之间达成协议所做的努力。他写道："此协议有可能为众多阿拉伯国家和以色列之间实现永久和平铺平道路。"')).toEqual(['蒂布林-耶德'])
    expect(speakerOf('拜登的儿子亨特曾与他合作。前几天，波布林斯基发表公开声明，出示了自己的三个手机。他说：“我持有能证明所有内容的电子邮件、文档和短信。”')).toEqual(['波布林斯基'])
    // …but not a name in a clause after one that is not a time phrase.
    expect(speakerOf('钱先生问起她。我告诉他，照君原是外国语学院的学生。他就笑着用法文说：“La tête d’un fou ne blanchit pas.”')).not.toContain('照君原')
  })
  it('gives a verb without a subject of its own the subject of the nearest clause that opens with one (corpus sentences)', () => {
    expect(speakerOf('駱惠寧說，推進一國兩制必須堅持和維護中共領導，形容「沒有共産黨就沒有新中國，就沒有一國兩制」。')).toEqual(['骆惠宁'])
    // A name after a title the rules do not know; the names the clause makes objects are not it.
    expect(speakerOf('人大常委譚耀宗被問及駱惠寧推翻王志民說法時說，因為過去數年發生變化，有人利用了一句話，形容「同一句說話，不同的背景，要結合來一齊睇」。')).toEqual(['谭耀宗'])
    expect(speakerOf('同时，法国总统马克龙也不点名地批评了中共对澳大利亚进行的经济胁迫行为，称这“明显违反了国际法”。')).toEqual(['马克龙'])
    // Not a name a verb makes the object of (批评前总统唐纳德·川普): no one, rather than him.
    expect(speakerOf('报道称，加赛蒂还多次出现在官方媒体上，批评前总统唐纳德·川普对工业产品提高关税，并指出“我们有责任向我们的国内领导人表明这一点。”')).not.toContain('唐纳德')
  })
  it('resolves a pronoun the sentences before do not to a person its own sentence named before it, never to an organisation (corpus sentences)', () => {
    // The newspaper bought earlier in the sentence is not who speaks; whom 他 means is unknown.
    expect(speakerOf('另一位梁先生在旺角报纸档买下30份苹果日报，说会带回学校派给学生。被问到会否担心买《苹果》触犯国安法，他表示：「我觉得大家不能视若无睹，不要习以为常。」')).toEqual([undefined])
    expect(speakerOf('在回答如何看待科兴疫苗报告数据的正确性时，她表示，科兴的疫苗研究“没有在任何科学文献上发表过，数据无法重新分析”。')).toEqual([undefined])
    // The sentence's subject, not a person named after it as an object.
    expect(speakerOf('早在2020年10月5日，唐纳德·川普总统就打算除名克里斯托弗·雷，他说，他还有一件重要事情要做，就是“抛弃他的联邦调查局局长克里斯托弗·雷”。')).toEqual(['特朗普'])
    // …even when the sentences before named someone: 他 opening the clause of 说 is the sentence's subject.
    expect(speakerOf('民主党人士则批评川普再次干预司法体系。其中一位，共和党联邦参议员罗姆尼（Mitt Romney）毫无保留痛批川普，他今天推文说：「这是史无前例、历史性的腐败。」')).toEqual(['罗姆尼'])
    expect(speakerOf('福奇说他在处理疫情时遵循了科学。前总统川普6月10日驳斥了福奇博士，他说福奇“只是科幻小说！”')).toEqual(['特朗普'])
    // A spokesperson the rules do not know, after the ministry and the title, in a sentence of its own too.
    expect(speakerOf('根據《蘋果》副社長陳沛敏周二（15日）在給讀者的電郵中表示，「正如香港人一樣，今年的處境雖然艱難，但《蘋果》仍緊守崗位。」')).toEqual(['陈沛敏'])
    expect(speakerOf('《環球時報》報道，中國外交部發言人耿爽被問到中方會採取什麼措施防止疫情擴散，他表示「可以告訴你的是，目前武漢的地方政府已經採取了管控措施」。')).toEqual(['耿爽'])
  })
  it('reads a role as the speaker past the day it spoke and an adverb (VOA: 中国国防部新闻发言人星期五宣布，“…”; 中广核集团周日表示; 法院还表示)', () => {
    const text = '与此同时，中国国防部新闻发言人星期五宣布，“今天开始，解放军东部战区在台海附近组织实战化演练。”\n\n这位发言人说，“这是针对当前台海形势、维护国家主权和领土完整所采取的正当必要行动。”'
    expect(speakerOf(text)).toEqual(['中国国防部', '中国国防部'])
    expect(speakerOf('中广核集团周日表示，该核电站的两个反应堆都“按照核安全规则和条例运行”。')).toEqual(['中广核集团'])
    expect(speakerOf('“我们预计秋季会有早期结果，”DSS 官员周二在一封电子邮件中表示。')).toEqual(['DSS 官员'])
  })
  it('takes no one for the speaker of 对…来说 (中国数字时代: TikTok 之于绝大多数国人来说，你写对它…)', () => {
    const reported = (text: string) => findQuotes(splitSentences(text)).filter((q) => q.kind === 'reported').map((q) => q.speaker?.name)
    expect(reported('TikTok 之于绝大多数国人来说，你写对它，已经算了解的很深入了。')).toEqual([])
    expect(reported('对于追求民主的中共国人来说，中国共产党是一种恐怖。')).toEqual([])
    expect(reported('借用郭文贵先生的话说，现在的体制内充斥着大量的酒囊饭袋，所以朝令夕改的规定屡见不鲜。')).toEqual(['郭文贵'])
  })
  it('takes the titled person after an organisation past the day they spoke, quoted or reported (白宫国家安全顾问沙利文17日表示，…)', () => {
    expect(speakerOf('白宫国家安全顾问沙利文17日表示，“白宫可能考虑安排两国元首会谈。”')).toEqual(['沙利文'])
    expect(speakerOf('白宫国家安全顾问沙利文17日表示，白宫可能考虑安排美国总统拜登与中国国家主席习近平进行会谈。')).toEqual(['沙利文'])
    expect(speakerOf('中国外交部发言人汪文斌本月21日回应时指出，这是中巴两军间的例行安排，不针对第三方。')).toEqual(['汪文斌'])
  })
  it('keeps the last character of a name that jieba leaves alone as a morpheme (眾新聞: 单仲偕; VOA: 黎氏秋姮; 民主动力召集人赵家贤), not an adverb or a title after it', () => {
    expect(speakerOf('民主动力召集人赵家贤表示，经一日巡视后，“欣喜香港市民珍惜这个权利”。')).toEqual(['赵家贤'])
    expect(speakerOf('越南外交部女发言人黎氏秋姮在例行记者会上说：“中国在附近区域进行军事演习严重侵犯了越南的主权。”')).toEqual(['黎氏秋姮'])
    expect(speakerOf('單仲偕直言感到非常遺憾，「因為我自命係一個好負責任嘅人，做嘢不嬲都有頭有尾。」')).toEqual(['单仲偕'])
    expect(speakerOf('“作为自由世界的领袖，美国必须让中国共产党官员承担责任，”斯特凡尼克众议员在一份声明中说。')).toEqual(['斯特凡尼克'])
    expect(speakerOf('壹传媒行政总裁张剑虹较早前曾透露，集团截至3月底的现金结馀约为5.2亿港元，足以支撑至少18个月。')).toEqual(['张剑虹'])
  })
  it('takes no word jieba joined to a demonstrative for a company\'s name (…的说法，即该|公司从特朗普先生那里窃取了选举权)', () => {
    const text = '他知道没有可信的证据支持他的说法，即该公司从特朗普先生那里窃取了选举权。该公司声明还说，“Dominion还针对鲁迪·朱利安尼提出类似的主张。”'
    expect(speakerOf(text)).not.toContain('即该')
  })
})

describe('findFigures', () => {
  const figs = (text: string) => findFigures(splitSentences(text)).map((f) => [f.value, f.valueMax ?? null, f.unit, f.subject, f.modality, f.approx])
  it('reads durations in minutes, with hedges, ranges and Chinese numerals', () => {
    expect(figs('这场会谈持续了约3小时。')).toEqual([[180, null, 'minute', '会谈', 'actual', true]])
    expect(figs('這場會談持續了約3小時。')).toEqual([[180, null, 'minute', '会谈', 'actual', true]])
    expect(figs('整个会谈预计持续4至5个小时。')).toEqual([[240, 300, 'minute', '会谈', 'planned', false]])
    expect(figs('双方进行了九十三分钟的会谈。')).toEqual([[93, null, 'minute', '会谈', 'actual', false]])
    expect(figs('谈判计划进行四五个小时。')).toEqual([[240, 300, 'minute', '谈判', 'planned', false]])
  })
  it('names what a figure measures past the verb that moves or holds it and a modal before that (失业率升至8%, 利率维持在3%, 通胀可能达到5%)', () => {
    const subject = (text: string) => figs(text).map((f) => f[3])
    expect(subject('美国4月失业率升至8%。')).toEqual(['失业率'])
    expect(subject('股价回落至20美元。')).toEqual(['股价'])
    expect(subject('利率维持在3%。')).toEqual(['利率'])
    expect(subject('通胀可能达到5%。')).toEqual(['通胀'])
    expect(subject('失业率则回落到5%。')).toEqual(['失业率'])
  })
  it('reads digits after 万 with a thousands separator (近19万2,000人), and no vague amount (千百万人) or rate (每10万人)', () => {
    expect(figs('比利时有近19万2,000人感染新冠病毒。').map((f) => [f[0], f[5]])).toEqual([[192000, true]])
    expect(figs('千百万人担心失去工作。')).toEqual([])
    expect(figs('每10萬人就有102人染疫喪命。').map((f) => f[0])).toEqual([102])
  })
  it('reads case counts with no noun after them, by any measure word, as one unit (7969宗确诊案例 / 7969起确诊案例 / 确诊1088万7320例), and sorties (28架次)', () => {
    const counts = (text: string) => findFigures(splitSentences(text)).map((f) => [f.value, f.unit, f.subject])
    expect(counts('新加坡累計7969宗確診案例。')).toEqual([[7969, '例', '确诊']])
    expect(counts('新加坡累计7969起确诊案例。')).toEqual([[7969, '例', '确诊']])
    // With the illness named between: still cases (中央社 / 联合早报 on Singapore, 2020).
    expect(counts('新加坡累計7969宗武漢肺炎確診病例。')).toEqual([[7969, '例', '武汉肺炎']])
    // Cases of something else, or an illness named only after the comma: not cases.
    expect(counts('本港去年录得5123宗家暴案，死亡人数为8人。').slice(0, 1)).toEqual([[5123, '宗', '家暴']])
    expect(counts('全年共有1234宗虐儿个案。').filter((f) => f[1] === '例')).toEqual([])
    expect(counts('美国累计确诊1088万7320例。')).toEqual([[10887320, '例', '确诊']])
    expect(counts('解放軍今共派出28架次軍機擾台。')).toEqual([[28, '架次', '军机']])
    expect(counts('该市本月发生12起交通事故。')).toEqual([[12, '起', '交通事故']])
    // Not accidents or "from Friday on" without a noun: no case count.
    expect(counts('今年共发生交通事故12起。')).toEqual([])
    expect(counts('美国从星期五起禁止入境。')).toEqual([])
  })
  it('takes no anniversary, day of the week, time ago or named day for a length of time', () => {
    for (const text of ['今天是香港主权移交23周年。', '大选在11月的一个星期一举行。', '57 分钟前', '这一天，他们上街抗议。', '最后一天，会议通过了决议。', '两人在同一天抵达。']) expect(figs(text)).toEqual([])
    expect(figs('会谈持续了一天，并在一个星期后结束。').map((f) => f[0])).toEqual([1440, 10080])
    expect(figs('疫情在过去两个星期一直在恶化。').map((f) => f[0])).toEqual([20160])
    expect(figs('示威者步行三天前往首都请愿。').map((f) => f[0])).toEqual([4320])
  })
  it('takes no some day (有一天, 总有一天) or the other day (头两天, 头一天) for a length of time, but keeps 只有一天 and 头6个月', () => {
    for (const text of ['有一天，我突然开窍了。', '总有一天真相会大白。', '头两天他去了北京。', '头一天晚上警方搜查了住所。']) expect(figs(text)).toEqual([])
    expect(figs('会议只有一天时间。').map((f) => f[0])).toEqual([1440])
    expect(figs('他离职后的头6个月都在旅行。').map((f) => f[0])).toEqual([259200])
    expect(figs('他按了大概有一分钟左右。').map((f) => f[0])).toEqual([1])
  })
  it('takes 预期 as a noun (通胀预期则升至, 高于预期) for no plan, and 预期 as a verb for one', () => {
    expect(figs('5年的通胀预期则升至2.9%。').map((f) => f[4])).toEqual(['actual'])
    expect(figs('失业率高于预期升至6%。').map((f) => f[4])).toEqual(['actual'])
    expect(figs('市场预期今年经济增长5%。').map((f) => f[4])).toEqual(['planned'])
  })
  it('takes 将 for a plan only where it tells the future: not in 将近, 将军, nor as the object marker', () => {
    expect(figs('会谈将持续五个小时。')).toEqual([[300, null, 'minute', '会谈', 'planned', false]])
    expect(figs('对中国不信任的比例中，俄罗斯（将近60%）最低。').map((f) => [f[0], f[4], f[5]])).toEqual([[60, 'actual', true]])
    expect(figs('谨将《许渊冲百岁自述》摘选出来，他享年100岁。').map((f) => f[4])).toEqual(['actual', 'actual'])
    expect(figs('当地驻军将军表示，已有300名士兵抵达。').map((f) => f[4])).toEqual(['actual'])
    expect(figs('研究人员模拟了72小时的洪水。').map((f) => f[4])).toEqual(['actual'])
    expect(figs('政府拟拨款500亿元。').map((f) => f[4])).toEqual(['planned'])
  })
  it('counts a word jieba lists as a verb after a measure word of persons as a noun (30名警察, 12名被捕港人), but not a relative clause or a verb with an object', () => {
    const counts = (text: string) => findFigures(splitSentences(text)).map((f) => [f.value, f.unit, f.subject])
    expect(counts('现场有30名警察。')).toEqual([[30, '名', '警察']])
    expect(counts('纽约每天就有6名警察辞职。')).toEqual([[6, '名', '警察']])
    expect(counts('当局公布了12名被捕港人的身份。')).toEqual([[12, '名', '港人']])
    expect(counts('由27位知名的专家签署。')).toEqual([])
    expect(counts('医院暂停了178名错过疫苗接种期限的员工。').filter((f) => f[2] === '疫苗')).toEqual([])
  })

  it('counts a place\'s people as persons (14亿中国人), visits in 人次 of their own, and a population as 人口', () => {
    const counts = (text: string) => findFigures(splitSentences(text)).map((f) => [f.value, f.unit, f.subject])
    expect(counts('14亿中国人都在看。')).toEqual([[1400000000, '人', '中国人']])
    expect(counts('造成9名以色列人死亡。')).toEqual([[9, '名', '以色列人']])
    expect(counts('春运期间共有3980万人次出行。').map((f) => f[1])).toEqual(['人次'])
    expect(counts('该市有1800万人口。')).toEqual([[18000000, '人', '人口']])
  })

  it('counts what follows the measure word', () => {
    expect(figs('条约规定部署的核弹头均不得超过1550枚。驱逐10名俄罗斯外交官，制裁涉及21名个人和19个实体。')).toEqual([
      [10, null, '名', '外交官', 'actual', false],
      [21, null, '名', '个人', 'actual', false],
      [19, null, '个', '实体', 'actual', false],
    ])
  })
  it('gives a generic length the subject of its neighbours', () => {
    expect(figs('前半部分会议进行了93分钟，总时长共计3小时。').map((f) => f[3])).toEqual(['会议', '会议'])
  })
  it('gives a share with no subject of its own no other clause\'s subject (Deutsche Welle, a poll, November 2020)', () => {
    // 62.5% distrust China; 60.1% is the share for Russia, in the next clause.
    expect(figs('62.5%的人对中国存在不信任感，仅次于对俄罗斯（60.1%）。').map((f) => [f[0], f[3]])).toEqual([
      [62.5, ''],
      [60.1, '俄罗斯'],
    ])
  })
  it('shows proposed sums as planned, and names a sum by what follows it (Reuters and VOA, EU summit, July 2020)', () => {
    expect(figs('北部国家拒绝了设想规模4,000亿欧元无偿拨款的协议--原本提议为5,000亿欧元。').map((f) => [f[0], f[4]])).toEqual([
      [4e11, 'planned'],
      [5e11, 'planned'],
    ])
    expect(figs('各国没有就给受灾最严重的国家提供7500亿欧元救援的计划达成协议。').map((f) => f[3])).toEqual(['救援'])
    expect(figs('委员会获得授权从资本市场借贷上百亿欧元。')).toEqual([])
  })
  it('reads 万亿 as one unit (10¹²)', () => {
    // Reuters and DW on the EU recovery package, July 2020.
    expect(figs('各国讨论的是一份1.8万亿欧元的方案。').map((f) => [f[0], f[2]])).toEqual([[1.8e12, '欧元']])
    expect(figs('整体金额高达1.82万亿欧元。').map((f) => [f[0], f[2]])).toEqual([[1.82e12, '欧元']])
    expect(figs('以及在未来七年拨款约1兆欧元的预算案。').map((f) => [f[0], f[2]])).toEqual([[1e12, '欧元']])
    // 兆 as the metric mega comes before a unit of measure that is no figure's.
    expect(figs('台山核电站每台机组1750兆瓦。').map((f) => f[0])).not.toContain(1.75e15)
  })
  it('takes a group of countries named by its number for a name, not a count (Al Jazeera and GNews on the G7, June 2021)', () => {
    expect(figs('七国集团峰会在英国举行，二十国集团和20国峰会另行召开。')).toEqual([])
    expect(figs('峰会邀请了27个国家参加。').map((f) => [f[0], f[3]])).toEqual([[27, '国家']])
  })
  it('does not take a word of totalling for what is measured (GNews on Australian exports, 2020)', () => {
    expect(figs('日本，美國，印度和韓國四個國家合計才29%。').filter((f) => f[2] === '%').map((f) => f[3])).toEqual(['国家'])
    expect(figs('全年出口总计40%。').map((f) => f[3])).toEqual(['出口'])
  })
  it('marks relayed figures with their source', () => {
    const [f] = findFigures(splitSentences('据RT报道，会议持续了5小时。'))
    expect(f.relayed).toBe('RT')
  })
  it('marks figures relayed from a count or its data, naming the source alone (BBC and RFI on COVID-19, July 2020)', () => {
    const relayed = (text: string) => findFigures(splitSentences(text)).map((f) => f.relayed)
    // A name holding a time word is not cut at it; words that name no one are no source.
    expect(relayed('据今日俄罗斯报道，俄军出动30架战机。')).toEqual(['今日俄罗斯'])
    expect(relayed('据法新社，截至周日全球至少52万1384人死亡。')).toEqual(['法新社'])
    expect(relayed('据了解，有300名士兵。')).toEqual([undefined])
    // Not the 据 of 占据, nor hearsay.
    expect(relayed('示威者一度占据了政府总部，警方其后拘捕了53人。据说他涉及金额达5000万元。')).toEqual([undefined, undefined])
    expect(relayed('據《星期日泰晤士報》報導，有300名士兵。')).toEqual(['《星期日泰晤士報》'])
    expect(relayed('据了解，目前官方数据显示，全国有300名患者。')).toEqual([undefined])
    expect(relayed('截至周日，美国疾病控制与预防中心统计显示，全美有20万人死亡。')).toEqual(['美国疾病控制与预防中心'])
    expect(relayed('据报道，约翰斯·霍普金斯大学的统计显示，美国累计确诊2,505,593例。')).toEqual(['约翰斯·霍普金斯大学'])
    expect(relayed('据美国约翰斯·霍普金斯大学的统计数据，美国累计确诊2,505,593例。')).toEqual(['美国约翰斯·霍普金斯大学'])
    expect(relayed('据法新社周日下午对官方数据的统计，全球至少52万1384人死亡。')).toEqual(['法新社'])
    expect(relayed('法新社彙整官方數據顯示，全球至少52萬1384人死亡。')).toEqual(['法新社'])
  })
  it('reads a hedged count after 人数/总数, and 多 or 千 inside a number (RFI, VOA, CNA on COVID-19, 2020)', () => {
    const counts = (text: string) => findFigures(splitSentences(text)).map((f) => [f.value, f.unit, f.approx])
    expect(counts('欧洲新冠死亡人数超过25万人。')).toEqual([[250000, '人', true]])
    expect(counts('全球确诊总数达1000万例。')).toEqual([[1e7, '例', false]])
    expect(counts('美国目前有250多万人确诊。')).toEqual([[2.5e6, '人', true]])
    expect(counts('美国有5万7千人死亡。')).toEqual([[57000, '人', false]])
    expect(counts('全国共有三十多万名会员。')).toEqual([[300000, '名', true]])
  })
  it('reads a large count with no measure word by its noun, or the noun after the clause it opens (VOA and BBC on BN(O) holders, July 2020)', () => {
    const counts = (text: string) => findFigures(splitSentences(text)).map((f) => [f.value, f.unit, f.subject, f.scope ?? null])
    expect(counts('英国已经承诺向多达300万香港居民提供居英权。')).toEqual([[3e6, '人', '居民', '香港']])
    expect(counts('伦敦已经宣布向大约300万持有英国海外护照的香港公民提供移民机会。')).toEqual([[3e6, '人', '公民', '香港']])
    // No noun after it, or a number under 10,000 with no measure word: nothing.
    expect(counts('累计25万。2020年有300万，他写了300书信。')).toEqual([])
  })
  it('takes 计划 for a plan only as a verb, and 将 before an object and its verb for no plan (DW on the EU fund, the Census Bureau, Amnesty)', () => {
    const modality = (text: string) => findFigures(splitSentences(text)).map((f) => f.modality)
    expect(modality('这项财政计划包括高达7500亿欧元的疫后复苏基金。')).toEqual(['actual'])
    expect(modality('人口普查局每月将ACS调查发送到350万个地址。')).toEqual(['actual'])
    expect(modality('政府计划明年拨款500亿元。')).toEqual(['planned'])
    expect(modality('委员会将于明年拨款500亿元。')).toEqual(['planned'])
    // 将 before a preposition, an adverb or 把 tells the future, whatever verb follows.
    expect(modality('美国将从阿富汗带回2500名士兵。日本将分批送往东南亚300万剂疫苗。政府将把援助送到30万灾民手中。')).toEqual(['planned', 'planned', 'planned'])
  })
  it('takes 将 right before an amount for its object marker, whatever verb follows (徐熙萍 case, nomad attacker, 港府 on masks)', () => {
    const modality = (text: string) => findFigures(splitSentences(text)).map((f) => f.modality)
    expect(modality('主办这起职务犯罪案件，将八名责任人绳之以法。')).toEqual(['actual'])
    expect(modality('攻击者地址曾将103枚wbtc、1100枚以太坊转移至新地址。')).toEqual(['actual', 'actual'])
    expect(modality('当局将130名机组人员送往隔离设施。')).toEqual(['actual'])
    // A future 将 before a verb that is a hedge, a date or an adverbial length of time stays a plan.
    expect([...new Set(modality('最高水位将超过200米。代表团将10日访问，会谈将持续五个小时。罪行将一天又一天地被揭发。'))]).toEqual(['planned'])
  })
  it('takes no plan from 计划 as a noun, 估计 of what is, nor a modal inside 以…为由 (Shanghai lockdown, Rwanda, 香港街站)', () => {
    const modality = (text: string) => findFigures(splitSentences(text)).map((f) => f.modality)
    expect(modality('由于大规模核酸检测计划使得上海市一半的区域封锁了五天。')).toEqual(['actual'])
    expect(modality('与贿赂计划有关的超过10亿美元的资产已被收回。')).toEqual(['actual'])
    expect(modality('估计有80万人被屠杀。中国估计有2.77亿农民工。')).toEqual(['actual', 'actual'])
    expect(modality('有10多名员警到场并以可能违反防疫规定为由警告街站超过4人。')).toEqual(['actual', 'actual'])
    // 计划 as a verb, 估计 of what will be, 可能 of the figure itself, and a forecast made before stay plans.
    expect(modality('美国计划召开一次四国首脑峰会。估计需时四至六个月。单日新增病例可能达到15万例。远高于此前估计的6%。')).toEqual(['planned', 'planned', 'planned', 'planned'])
  })
  it('reads no noun the count counts from a whole area after 人 (路透社 via 老杨: 覆盖6.22亿人全球居首)', () => {
    expect(figs('中国新冠疫苗接种覆盖6.22亿人全球居首。').map((f) => [f[0], f[3]])).toEqual([[6.22e8, '人']])
    // 本土 and 境外 qualify the noun after them: 250个本土案例 counts cases.
    expect(figs('台湾增了250个本土案例。').map((f) => f[3])).toEqual(['案例'])
  })
  it('takes 百分之百 for "wholly", not a share', () => {
    expect(figs('这是百分之百的假信息，他百分之一百支持，支持率为百分之五十二。').map((f) => f[0])).toEqual([52])
  })
  it('reads rain in 毫米 as a length (众新闻 on the Taishan rainstorm)', () => {
    expect(figs('台山市3小时降雨量达277毫米。').filter((f) => f[2] === 'km').map((f) => [f[0], f[3]])).toEqual([[0.000277, '降雨量']])
  })
  it('reads no figure from the end of a number written in pieces, nor from a numeral idiom', () => {
    expect(figs('耗资3千5百万美元，1千2百万人受益。')).toEqual([])
    expect(figs('他是百万富翁，十万火急。')).toEqual([])
    expect(findFigures(splitSentences('约有3亿2000万美国人生活在城市。')).map((f) => f.value)).toEqual([3.2e8])
  })
  it('names a count by the total the clause names (死亡人数超过20万人), and keeps a place before a future 将 as its scope', () => {
    const counts = (text: string) => findFigures(splitSentences(text)).map((f) => [f.subject, f.scope ?? null])
    expect(counts('全美死亡人数超过20万人，确诊人数超过700万人。')).toEqual([['死亡', '全美'], ['确诊', null]])
    expect(counts('预计全美将有超过20万人死于新冠。')).toEqual([['人死于', '全美']])
  })
  it('names a sum by the head of the noun phrase after it, and not by a verb of saying, containing or changing', () => {
    const subjects = (text: string) => findFigures(splitSentences(text)).map((f) => f.subject)
    expect(subjects('这项计划包括7500亿欧元的疫后复苏基金。')).toEqual(['基金'])
    expect(subjects('欧洲央行拥有超过1万亿欧元的资金来购买政府债务。')).toEqual(['资金'])
    expect(subjects('赠款额度降低至3900亿欧元。')).toEqual(['额度'])
  })
  it('skips ordinals, vague amounts, small counts in words and web addresses', () => {
    expect(figs('第3次会议，数十家机构，两国领导人，见 https://x.org/a%E6%94%BF-20%25')).toEqual([])
  })
  it('reads two Han digits side by side as a range with the units they share (三四十名 = 30–40), not as one number (340)', () => {
    const range = (text: string) => findFigures(splitSentences(text)).map((f) => [f.value, f.valueMax ?? null, f.unit])
    expect(range('现场有三四十名学生。')).toEqual([[30, 40, '名']])
    expect(range('约两三百人受伤。')).toEqual([[200, 300, '人']])
    expect(range('他们损失了一二十万美元。')).toEqual([[100000, 200000, '美元']])
    expect(range('两个孩子大概十七八岁。')).toEqual([[17, 18, '岁']])
    // Han digits with no 十/百 and no rising pair name a day or an event (六四天安门), not a count.
    expect(range('他们纪念六四天安门事件。')).toEqual([])
  })
  it('reads a range of shares as one figure (4%至5%, 80-90%, 百分之五到六), and 从A%到B% as two', () => {
    const shares = (text: string) => findFigures(splitSentences(text)).map((f) => [f.value, f.valueMax ?? null, f.unit])
    expect(shares('今年经济增长4%至5%。')).toEqual([[4, 5, '%']])
    expect(shares('其中80-90%的账号是假的。')).toEqual([[80, 90, '%']])
    expect(shares('失业率为百分之五到六。')).toEqual([[5, 6, '%']])
    expect(shares('失业率从3.5%到14.7%。')).toEqual([[3.5, null, '%'], [14.7, null, '%']])
  })
  it('names a relayed source whole, or no source where none is named (corpus: 据国家统计局的2019年数据, 2014年数据显示, 根据较小的数据收集估计, 中国2010年开展的第六次人口普查数据显示)', () => {
    // (Each sentence's figures have one source: given once.)
    const relayed = (text: string) => [...new Set(findFigures(splitSentences(text)).map((f) => f.relayed))]
    // 统计 and 消息 of 统计局 and 消息人士 do not end the name.
    expect(relayed('据国家统计局的2019年数据，其中60岁以上的人，上网比例仅23%。')).toEqual(['国家统计局'])
    expect(relayed('根据美国劳工统计局的数据，自1983年到2021年汽车平均年通胀率为1.01%。')).toEqual(['美国劳工统计局'])
    // A date, a time word, an adjective or a determiner names no one.
    expect(relayed('2014年数据显示，小学、初中、高中的近视占比依次为46%、74%。')).toEqual([undefined])
    expect(relayed('Watzl 根据较小的数据收集估计，目前德国的 delta 变体比例已经超过 10%。')).toEqual([undefined])
    expect(relayed('根据以上数据，公积金提取标准约为9万元。')).toEqual([undefined])
    expect(relayed('据4月19日NHK新闻报道，来自乌克兰的难民人数已经上升到649人。')).toEqual(['NHK新闻'])
    // A source named by more than sixteen characters is read from its clause's start, not cut inside a word.
    expect(relayed('中国2010年开展的第六次人口普查数据显示，贵州各少数民族人口为1255万人。')).toEqual(['中国'])
    expect(relayed('Worldometers世界實時統計數據顯示，全球新冠肺炎累計確診病例超過3005萬例。')).toEqual(['Worldometers世界實時統計'])
    expect(relayed('据“铁路技术商务网”统计，全国有300名乘客。')).toEqual(['“铁路技术商务网”'])
  })
  it('names a relayed source without its date or a dateline before it', () => {
    const relayed = (text: string) => findFigures(splitSentences(text)).map((f) => f.relayed)
    expect(relayed('据新华社2020年11月23日报道，全国有50人死亡。')).toEqual(['新华社'])
    expect(relayed('据路透19日报道，有50人死亡。')).toEqual(['路透'])
    expect(relayed('（中央社巴黎19日综合外电报导）法新社汇整官方数据显示，全球至少111万4836人死亡。')).toEqual(['法新社'])
    expect(relayed('（德国之声中文网）泰国政府今年初公布的数据显示，泰国有3980万名游客。')).toEqual(['泰国政府'])
    // A bracket the source opens is its own: a gloss of its name.
    expect(relayed('据美国有线电视新闻网（CNN）报道，有50人死亡。')).toEqual(['美国有线电视新闻网（CNN）'])
  })
  it('takes no number from a word that ends in a numeral (唯一一个, 哪一天, 前两天), and keeps a rate after a unit of time', () => {
    const values = (text: string) => findFigures(splitSentences(text)).map((f) => [f.value, f.unit])
    expect(values('这是唯一一个国家。')).toEqual([])
    expect(values('等哪一天再说。')).toEqual([])
    expect(values('前两天他来过。')).toEqual([])
    expect(values('这是其中之一一百名学生。')).toEqual([[100, '名']])
    expect(values('他每周五天在办公室。')).toEqual([[7200, 'minute']])
  })
  it('reads sums in currencies other than the main ones (韩元, 澳元, 新元, 泰铢)', () => {
    const sums = (text: string) => findFigures(splitSentences(text)).map((f) => [f.value, f.unit, f.dimension])
    expect(sums('他被罚款1000韩元。')).toEqual([[1000, '韩元', 'money']])
    expect(sums('澳洲计划拨款100亿澳元。')).toEqual([[1e10, '澳元', 'money']])
    expect(sums('外籍游客带来1.93万亿泰铢的收入。')).toEqual([[1.93e12, '泰铢', 'money']])
  })
})

describe('findTimeExprs', () => {
  const dates = (text: string, pub: string) => findTimeExprs(splitSentences(text), pub).map((t) => [t.text, t.date])
  it('resolves weekdays, bare days and relative words against the publication date', () => {
    // 2021-06-17 is a Thursday.
    expect(dates('普京和拜登周三同意恢复谈判。', '2021-06-17T02:20:28Z')).toEqual([['周三', '2021-06-16']])
    expect(dates('据RT16日报道，昨天双方见面。', '2021-06-17T10:00:00Z')).toEqual([['16日', '2021-06-16'], ['昨天', '2021-06-16']])
    expect(dates('他将于下周一出发。', '2021-06-17T10:00:00Z')).toEqual([['下周一', '2021-06-21']])
  })
  it('puts a bare day later in the month in the month before, unless the clause speaks of what is to come (立场新闻 on 唐英杰\'s trial, 16 June 2021)', () => {
    expect(dates('唐英傑案下周三（23日）開審。', '2021-06-16T04:00:00Z')).toEqual([['23日', '2021-06-23'], ['下周三', '2021-06-23']])
    expect(dates('会议将于25日举行。', '2021-06-16T04:00:00Z')).toEqual([['25日', '2021-06-25']])
    expect(dates('他在23日被捕。', '2021-06-16T04:00:00Z')).toEqual([['23日', '2021-05-23']])
    // Not for any 将 (少将, 将嫌犯移交); a day to come earlier in the month is next month's.
    expect(dates('俄军一名少将28日遇袭身亡，警方28日将嫌犯移交检方。', '2021-03-10T04:00:00Z').map(([, d]) => d)).toEqual(['2021-02-28', '2021-02-28'])
    expect(dates('会议将于3日举行。', '2021-03-25T04:00:00Z')).toEqual([['3日', '2021-04-03']])
  })
  it('puts a month-day after publication in the year before', () => {
    expect(dates('12月28日的事。', '2021-01-05T00:00:00Z')).toEqual([['12月28日', '2020-12-28']])
  })
  it('does not read a name such as 今日俄罗斯 as a date', () => {
    expect(dates('今日俄罗斯（RT）报道。', '2021-06-17T00:00:00Z')).toEqual([])
  })
  it('says which zone a date is told in where the words before it name one (北京时间, 日内瓦当地时间, 美东时间), not for 当地时间 alone', () => {
    const zones = (text: string) => findTimeExprs(splitSentences(text), '2021-06-17T02:00:00Z').map((t) => [t.date, t.zone ?? null])
    expect(zones('北京时间6月17日凌晨1时，峰会结束。')).toEqual([['2021-06-17', 'Asia/Shanghai']])
    expect(zones('北京当地时间2021年6月17日09:22，神舟十二号升空。')).toEqual([['2021-06-17', 'Asia/Shanghai']])
    expect(zones('日内瓦时间6月16日13时，峰会开始。')).toEqual([['2021-06-16', 'Europe/Zurich']])
    expect(zones('美东时间11月12日，总统宣布。')).toEqual([['2020-11-12', 'America/New_York']])
    expect(zones('蓬佩奥将在美国西部时间7月23日下午发表讲话。')).toEqual([['2021-07-23', 'America/Los_Angeles']])
    expect(zones('格林威治标准时间3日11时，全球至少一千万人确诊。')).toEqual([['2021-06-03', 'UTC']])
    expect(zones('当地时间6月16日，拜登与普京会晤。')).toEqual([['2021-06-16', null]])
    expect(zones('这段时间6月16日前后最忙。')).toEqual([['2021-06-16', null]])
  })
  it('dates the incident from the lead', () => {
    const t = findTimeExprs(splitSentences('当地时间6月16日，拜登将迎来首次会晤。'), '2021-06-15T20:45:00Z')
    expect(incidentDate(t)).toMatchObject({ date: '2021-06-16', future: true })
  })
  it('does not take the day an anniversary remembers for the incident (众新闻, 12 June 2021)', () => {
    const written = '2021-06-12T10:00:00Z'
    const t = findTimeExprs(splitSentences('2019年6月12日，數萬人包圍立法會。今日6月12日，警方在銅鑼灣戒備。'), written)
    expect(incidentDate(t, 3, written)?.date).toBe('2021-06-12')
    // A day after the anniversary's day too (published late the night before).
    expect(incidentDate(findTimeExprs(splitSentences('2019年6月12日，數萬人包圍立法會。'), '2021-06-11T20:00:00Z'), 3, '2021-06-11T20:00:00Z')).toBeUndefined()
    // Without the writing date, or a date of an earlier year on another day, it is the incident.
    expect(incidentDate(t)?.date).toBe('2019-06-12')
    expect(incidentDate(findTimeExprs(splitSentences('2020年3月2日，法院判决。'), written), 3, written)?.date).toBe('2020-03-02')
  })
})
