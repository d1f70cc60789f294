import { loadEntityTable } from './entities.js'
import { parseNumber } from './numbers.js'
import { segment } from './segment.js'
import { isNounTag, tagWords } from './tag.js'
import type { Sentence } from './sentences.js'

export type Dimension = 'duration' | 'count' | 'money' | 'percent' | 'distance' | 'weight' | 'age'

export interface Figure {
  readonly text: string // the figure as written: 约3小时, 4至5个小时, 1550枚
  readonly value: number // in `unit`; for a range, its lower end
  readonly valueMax?: number // upper end of a range
  readonly unit: string // minute, 人, 枚, 美元, %, km…
  readonly dimension: Dimension
  /** What it measures: the head noun it counts (核弹头), or the activity it times (会谈). */
  readonly subject: string
  /** 'planned' for what is expected or scheduled (预计, 计划, 将), else 'actual'. */
  readonly modality: 'actual' | 'planned'
  /** Who the outlet relays the figure from (据RT报道), when it says so. */
  readonly relayed?: string
  /** 约, 近, 多, 超过: the value is not meant exactly. */
  readonly approx: boolean
  /**
   * For counts, where they were counted when the clause says so (全球, 全美, 非洲): 52万人 worldwide
   * and 13万人 in the US count different things.
   */
  readonly scope?: string
  readonly sentence: number
}

// Digits may run on after 万/亿 (52万1384人, 5万7千人) and take 千/百 (1千万); 万亿 is one unit
// (1.8万亿欧元 = 1.8 × 10¹²), and so is 兆 as Taiwan and Hong Kong write it (1兆欧元). 多 before
// the large unit (250多万人, 三十多万) makes the figure approximate.
const DIGITS = '\\d+(?:[.,]\\d+)*[千百]?'
const HAN_DIGITS = '[零〇一二两三四五六七八九十百千]+'
const BIG = '(?:多?(?:万亿|[万亿兆]))'
const NUM = `(?:${DIGITS}(?:[万亿]${DIGITS})*|${HAN_DIGITS}(?:[万亿]${HAN_DIGITS})*)${BIG}?`
// A number of ten thousands or more may count its noun with no measure word (多达300万香港居民).
// Digits only: a numeral word before a noun is as often an idiom (百万富翁, 十万火急).
const BIG_NUM = `${DIGITS}(?:[万亿]${DIGITS})*${BIG}`
// Duration units to minutes. 年 is left out: N年 is nearly always a year or "N years ago".
const DURATION: Record<string, number> = { 秒钟: 1 / 60, 秒: 1 / 60, 分钟: 1, 小时: 60, 个小时: 60, 个钟头: 60, 钟头: 60, 天: 1440, 个星期: 10080, 周: 10080, 个月: 43200 }
const MONEY = ['块钱', '美金', '美元', '欧元', '英镑', '日元', '港元', '港币', '新台币', '台币', '卢布', '人民币', '元',
  '韩元', '韩圜', '澳元', '澳币', '加元', '加币', '纽元', '新加坡元', '新元', '新币', '澳门元', '澳门币', '泰铢', '卢比', '比索', '披索', '法郎', '瑞郎', '里拉', '雷亚尔', '林吉特', '令吉', '兰特', '越南盾']
// (Rain is measured in 毫米: a length too.)
const DISTANCE: Record<string, number> = { 公里: 1, 千米: 1, 英里: 1.609, 米: 0.001, 厘米: 1e-5, 毫米: 1e-6 }
const WEIGHT: Record<string, number> = { 吨: 1000, 公斤: 1, 千克: 1 }
const MEASURE = ['名', '位', '人次', '人', '个', '枚', '架次', '架', '艘', '辆', '家', '座', '所', '项', '条', '起', '例', '宗', '件', '份', '颗', '场', '轮', '批', '部', '票', '席', '国', '处', '栋', '户', '剂', '针', '头', '只', '根', '张', '篇', '间']
// Cases are counted with a verb after them (7969宗确诊案例) or none (确诊1088万7320例): the word
// after, else the clause before, says of what.
const CASES = new Set(['例', '宗', '起'])
// …when they are cases of illness (not accidents, 交通事故12起, nor 星期五起).
// (Not 个案 alone: Hong Kong counts any case so, 虐儿个案.)
const CASE_WORDS = /确诊|病例|感染|染疫|死亡|病故|病亡|住院|阳性/u
const ILLNESS = /确诊|病例|感染|染疫|阳性|肺炎|冠病|新冠|疫情/u
const UNIT_ALT = [...Object.keys(DURATION), ...MONEY, ...Object.keys(DISTANCE), ...Object.keys(WEIGHT), '岁', ...MEASURE]
  .sort((a, b) => b.length - a.length)
  .join('|')
const FIGURE = new RegExp(
  `(约|大约|近|将近|接近|超过|逾|至少|多达|达|共计|共|仅)?(${NUM})(?:(多|余)?\\s*(?:至|到|-|–|~|～)\\s*(${NUM}))?\\s*(多|余)?\\s*(${UNIT_ALT})`,
  'gu',
)
// A range of shares is one figure (4%至5%, 80-90%, 百分之五到六, 百分之七十至百分之八十): the lower
// end read alone would be a second share that was never given.
const RANGE_TO = '\\s*(?:至|到|-|–|~|～)\\s*'
// Where the second share of a range begins (made once: the percent loop reads it per range).
const RANGE_SEPARATOR = new RegExp(`${RANGE_TO}(?=(?:百分之)?[\\d${HAN_DIGITS.slice(1, -2)}])`, 'u')
const PERCENT = new RegExp(
  `(约|将近|近|超过|逾)?(?:百分之(${NUM})(?:${RANGE_TO}(?:百分之)?(${NUM}))?|(\\d+(?:\\.\\d+)?)(?:\\s*[%％]?${RANGE_TO}(\\d+(?:\\.\\d+)?))?\\s*[%％])`,
  'gu',
)
// Two Han digits side by side, the second the larger, are a range: 四五个小时 = 4–5 hours, and so
// with the units they share around them: 三四十名 = 30–40, 两三百人 = 200–300, 一二十万 = 10万–20万,
// 十五六个 = 15–16. (Read as one number they are a year's digits: 三四十 is not 340.)
const HAN_PAIR = /^((?:[一二两三四五六七八九]?[十百千万亿])*)([一二两三四五六七八九])([二三四五六七八九])([十百千万亿]*)$/
const HAN_DIGIT_VALUE: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
/** 三四十 → [30, 40], 两三百 → [200, 300], 十五六 → [15, 16]; else undefined. */
function hanRange(num: string): [number, number] | undefined {
  const m = HAN_PAIR.exec(num)
  if (!m || HAN_DIGIT_VALUE[m[3]] <= HAN_DIGIT_VALUE[m[2]]) return undefined
  const [lo, hi] = [parseNumber(m[1] + m[2] + m[4]), parseNumber(m[1] + m[3] + m[4])]
  return lo !== undefined && hi !== undefined ? [lo, hi] : undefined
}
// A proposed amount (提议, 设想, 原定) is not one that happened either.
// 将 tells the future (将持续五小时) but also begins 将近 (nearly), 将军, 将领, 将士, and marks an
// object (将其列为, 将《…》摘选出来): those are not plans. 拟 likewise inside 模拟, 草拟, 虚拟, 比拟.
// 计划 as a noun (这项财政计划包括…, 计划书) names a plan that may already be agreed.
const PLANNED = /((?<!财政|经济|复苏|援助|救助|投资|刺激)计划(?!包括|书|案|草案|内容)|预计|预期|预定|(?<![模草虚比])拟|将(?![近军领士帅其之此该这那《「“『])|有望|准备|打算|目标|争取|估计|可能|提议|建议|设想|原定|提案)/u
// 将 that marks an object before its verb (每月将ACS调查发送到…, 将今天称为…) tells no future.
// Only before a noun (its object): 将从阿富汗带回, 将分批送往 and 将把援助送到 tell the future.
const OBJECT_JIANG = /将([^，,。；;：:]{1,12}?)(?:称为|列为|视为|定为|改为|作为|当作|当成|看作|发送到|发送至|送到|送往|送至|变成|转为|转交|交给|交由|纳入|移交|带到|带回)/gu
// …and 将 right before an amount is its object marker too, whatever verb follows: 将八名责任人绳之以法,
// 将8亿元转到…, 地址曾将103枚wbtc…转移至: a future 将 is followed by a verb, an adverb or a
// preposition, never by a number and its measure word. (Not a date: 将10日访问; nor a hedge that is
// a verb, 将超过200米, 将达50万人; nor a length of time, an adverbial: 将一天又一天地被揭发出来.)
const AMOUNT_AFTER_JIANG = new RegExp(`^(?:约|大约|近)?(?:百分之${NUM}|(?:${NUM})(?:多|余)?\\s*(?:${UNIT_ALT.split('|').filter((u) => !(u in DURATION)).join('|')}|[%％]))`, 'u')
/**
 * Is a figure planned, by its clause before it (`clause`) and the rest of its clause from the
 * figure on (`rest`, where the figure may itself be the object a 将 marks)?
 */
function isPlanned(clause: string, rest = ''): boolean {
  let text = clause.replace(OBJECT_JIANG, (m, object: string) => (isObject(object) ? m.slice(1) : m))
  const whole = text + rest.split(/[，,；;。：:！？]/u)[0]
  // (Only a 将 still there: the replacement above keeps lengths but for the 将 it drops.)
  text = text.replace(/将(?![近军领士帅其之此该这那《「“『])/gu, (m, at: number) => (AMOUNT_AFTER_JIANG.test(whole.slice(at + 1)) ? '' : m))
  return PLANNED.test(nounPlans(text.replace(EXPECTATION_NOUN, '').replace(REASON_FRAME, '').replace(ESTIMATE_OF_WHAT_IS, '')))
}
// A reason given in 以…为由 is not what the figure's verb does: 以可能违反防疫规定为由警告街站超过4人
// warned more than four people, and only the breach was "possible".
const REASON_FRAME = /以[^，,；;。]{1,30}?为(?:由|名|借口)/gu
// 估计 of what is or was (估计有80万人被屠杀, 中国估计有2.77亿农民工, 估计造价为873亿元, 估计值) is an
// estimate, not a plan: only 估计 before what will be (估计需时四至六个月, 估计12小时后) looks ahead,
// and 此前估计的6% is a forecast.
const ESTIMATE_OF_WHAT_IS = /估计(?=有|为|是|值)/gu
/**
 * The clause without its 计划 that are nouns: a plan pointed to (该计划旨在, 这项计划), or one followed
 * by what only follows a noun. 计划 as a verb (美国计划召开, 谈判计划进行四五个小时) stays.
 */
function nounPlans(clause: string): string {
  if (!clause.includes('计划')) return clause
  const words = tagWords(clause)
  const noun = (i: number) => (i > 0 && PLAN_POINTED.has(words[i - 1].word)) || (!!words[i + 1] && PLAN_AS_NOUN_BEFORE.has(words[i + 1].word))
  return words.map((w, i) => (w.word === '计划' && noun(i) ? '～～' : w.word)).join('')
}
// What only follows 计划 as a noun: a conjunction or a relation (药物计划以及…, 与贿赂计划有关的), a
// cause's verb (核酸检测计划使得…封锁了五天: a plan does not plan to cause), 计划生育 (a policy).
// (基建计划是2.6万亿美元 stays a plan: the sum is what it proposes.)
const PLAN_AS_NOUN_BEFORE = new Set(['以及', '有关', '相关', '的', '生育', '中', '里', '下', '之下', '使得', '使', '导致', '造成'])
const PLAN_POINTED = new Set(['该', '此', '这项', '这个', '该项', '此项', '这一', '的', '项', '个'])
// 预期 as a noun, the subject of a change (5年的通胀预期则升至2.9%, 通胀预期上升) or what a figure is
// measured against (高于预期, 不及预期): the figure happened; only 预期 as a verb (预期今年增长5%) plans.
const EXPECTATION_NOUN = /(?<=[于合及出过])预期(?!的)|预期(?=(?:则|也|亦|已经|已|仍|均|都|进一步|再)?(?:升|降|上升|下降|回升|回落|跌|涨|增|减|攀升|飙升|创))/gu
/** Does a phrase open with a noun, a pronoun, a time word or a Latin name (an object of 将)? */
function isObject(phrase: string): boolean {
  const first = tagWords(phrase)[0]
  return !!first && /^(n|r|t|eng|x)/.test(first.tag) && !['从', '把', '向', '对'].includes(first.word)
}
// A figure relayed from another source: 据RT报道, 据约翰斯·霍普金斯大学的统计, 法新社汇整官方数据显示.
// …and 据法新社，截至…: an agency or body named alone before the comma.
// (Not the 据 of 占据, 根据 a rule, 数据, nor 据说/据称/据悉: hearsay names no one.)
const RELAYED = /(?<![占佔盘盤数數证證依])据(?![说称悉])([^，,。；;：:]{1,24}?)(?:报道|报导|消息(?!人士|灵通)|披露|援引|统计(?![局学署处司厅])|数据(?!库))|([^，,。；;：:]{2,16}?)(?:报道称|报导称|援引|数据显示|统计显示)|(?<![占佔盘盤数數证證依根])据(?![说称悉])([^，,。；;：:]{1,12}?(?:社|台|报|网|署|局|部|中心|大学|组织))[，,]/u
// Where a source's name ends: what follows says when or how it counted (据法新社周日下午对官方数据的统计).
// Only after the name's first two characters, and outside a title's marks: 今日俄罗斯 and
// 《星期日泰晤士报》 are names.
// …and a date (据新华社2020年11月23日报道, 据路透19日报道) or when it was published (泰国政府今年初公布的数据).
const SOURCE_END = /(?<=[^《]{2})(当地时间|周[一二三四五六日]|星期[一二三四五六日天]|今天|昨天|今日|昨日|上午|下午|晚间|早前|日前|当天|最新|汇整|综合|对官方|\d{4}年|\d{1,2}月|\d{1,2}[日号]|今年|去年|本月|上月|本周|上周|公布|发布|发表)(?![^《》]*》)/u
// What precedes 数据显示 or 统计 without naming anyone: 据了解，目前官方数据显示.
const NOT_A_SOURCE = /^(了解|报道|目前|当前|最新|官方|截至|此前|另外|同时|其中|全球|全国)/u
const APPROX = new Set(['约', '大约', '近', '将近', '接近', '超过', '逾', '至少', '多达', '多', '余'])
// Words between a figure and what it measures that are not the subject (持续了约3小时).
const NOT_SUBJECT = new Set(['原本', '原先', '目前', '如今', '其中', '持续', '进行', '共计', '总共', '一共', '合计', '总计', '累计', '才', '计划', '预计', '预期', '将', '了', '又', '约', '近', '达', '长达', '历时', '耗时', '用时', '为期', '大约', '共', '已', '已经', '整个', '双方', '前后', '总', '至少', '超过', '多', '只', '仅', '还', '再', '可能', '或', '或将', '则'])
// Verbs of saying, thinking, containing and changing: the figure after them measures something
// they do not name (认为…, 涉及1800万元, 降低至3900亿, 相当于…).
const NOT_SUBJECT_VERB = new Set(['提议', '建议', '认为', '表示', '指出', '称', '说', '强调', '宣布', '决定', '涉及', '包括', '包含', '相当于', '等于', '达到', '高达', '降低', '降至', '减少', '减至', '增加', '增至', '提高', '提升', '上升', '下降', '升至', '升到', '涨至', '涨到', '跌至', '跌到', '跌破', '回升', '回落', '攀升', '飙升', '维持', '保持', '讨论', '要求', '提供', '拥有', '获得', '需要', '导致', '造成', '显示', '超越', '突破', '有关', '关于'])
const URL = /https?:\/\/\S+|www\.\S+/g
const GENERIC_SUBJECT = new Set(['时长', '时间', '全程', '总时长'])

/** Figures in the sentences of one article: numbers with units, ranges, Chinese numerals. */
export function findFigures(sentences: readonly Sentence[]): Figure[] {
  const out: Figure[] = []
  for (const sentence of sentences) {
    // Web addresses are full of digits and percent-escapes: blank them, keeping offsets.
    const s = { ...sentence, folded: sentence.folded.replace(URL, (u) => ' '.repeat(u.length)) }
    const found: Figure[] = []
    const at = new Map<Figure, [number, number]>()
    const relayed = relayedFrom(s.folded, sentence.text)
    const taken: Array<[number, number]> = []
    for (const match of s.folded.matchAll(FIGURE)) {
      taken.push([match.index!, match.index! + match[0].length])
      const m = startInWord(s.folded, match)
      if (!m) continue
      const fig = figureAt(s, m, relayed)
      if (!fig) continue
      found.push(fig)
      at.set(fig, [m.index!, m.index! + m[0].length])
    }
    for (const m of s.folded.matchAll(BARE)) {
      if (taken.some(([a, b]) => m.index! < b && a < m.index! + m[0].length)) continue
      const fig = bareCountAt(s, m, relayed)
      if (!fig) continue
      found.push(fig)
      at.set(fig, [m.index!, m.index! + m[0].length])
    }
    for (const m of s.folded.matchAll(PERCENT)) {
      // 百分之百 says "wholly", not a share that was measured.
      if (/[\w%]/.test(s.folded[m.index! - 1] ?? '') || m[2] === '百' || m[2] === '一百') continue
      const clause = clauseBefore(s.folded, m.index!)
      const subject = subjectBefore(clause) ?? ''
      const modality = isPlanned(clause, s.folded.slice(m.index!)) ? ('planned' as const) : ('actual' as const)
      const share = (text: string, value: number, valueMax?: number) => {
        const fig: Figure = { text, value, valueMax, unit: '%', dimension: 'percent', subject, modality, relayed, approx: !!m[1], sentence: s.n }
        found.push(fig)
        at.set(fig, [m.index!, m.index! + m[0].length])
      }
      const [low, high] = [m[2] ?? m[4], m[3] ?? m[5]]
      const value = parseNumber(low)
      const valueMax = high !== undefined ? parseNumber(high) : undefined
      if (value === undefined) continue
      if (high === undefined) {
        share(m[0], value)
        continue
      }
      // 从5%到10%, 由3%至6%, or a second share no larger: a change from one share to another, two
      // figures, not a range. (A first number without its own % there is no share: 2020-30%.)
      const sep = RANGE_SEPARATOR.exec(m[0].slice(m[1]?.length ?? 0))
      const cut = (m[1]?.length ?? 0) + (sep?.index ?? 0)
      if (valueMax === undefined || valueMax <= value || /[从由]\s*$/u.test(clause)) {
        if (/[%％]|百分之/u.test(m[0].slice(0, cut))) share(m[0].slice(0, cut), value)
        if (valueMax !== undefined) share(m[0].slice(cut + (sep?.[0].length ?? 0)), valueMax)
        continue
      }
      share(m[0], value, valueMax)
    }
    // A figure with a generic subject (总时长共计3小时) or none measures what its neighbours in the
    // same sentence do. A share takes a neighbour's only within its clause: across a comma the
    // other share is of something else (62.5%的人对中国存在不信任感，仅次于对俄罗斯（60.1%）).
    const sameClause = (f: Figure) => (g: Figure) => {
      const [first, second] = [at.get(f)!, at.get(g)!].sort((x, y) => x[0] - y[0])
      return !/[，,；;。！？!?]/u.test(s.folded.slice(first[1], second[0]))
    }
    const neighbours = (f: Figure) => (f.dimension === 'percent' && !f.subject ? found.filter(sameClause(f)) : found)
    out.push(...found.map((f) => (GENERIC_SUBJECT.has(f.subject) || !f.subject ? { ...f, subject: neighbourSubject(neighbours(f), f) ?? f.subject } : f)))
  }
  return out
}

const FIGURE_AT = new RegExp(FIGURE.source, 'uy')

/**
 * A numeral whose first character ends a word with the character before it (唯一一个, 之一一百名,
 * 同一三名): the number starts after that word, or is none. The match read again from there.
 */
function startInWord(folded: string, m: RegExpMatchArray): RegExpMatchArray | undefined {
  const at = m.index!
  // (After a unit of time the number is a rate's: 一年三十万美元, 一天一万美元, 每周五天 — not 年三十, 天一, 周五.)
  if (m[1] || !/^[零〇一二两三四五六七八九十百千]/u.test(m[2]) || !/\p{Script=Han}/u.test(folded[at - 1] ?? '') || /[年月天周日]/u.test(folded[at - 1])) return m
  // Only a word the dictionary knows as a word of its own kind (唯一 b, 之一 r, 周五 t, 同一天 d,
  // 统一 vn, 前两天 i): a verb, a preposition and a number jieba runs together unknown (有四人,
  // 成四人, 外七人) or as a numeral (这三名) leave the number whole.
  const first = tagWords(folded.slice(at - 1, at + m[0].length))[0]
  if (!first || first.word.length <= 1 || !/^(b|r|t|d|vn|i)/.test(first.tag)) return m
  FIGURE_AT.lastIndex = at - 1 + first.word.length
  return FIGURE_AT.exec(folded) ?? undefined
}

/**
 * A large number that counts its noun with no measure word: 多达300万香港居民, 大约300万持有英国海外
 * 护照的香港公民 (the noun ends the phrase after it, or the relative clause it opens). Counted
 * in 人 when the noun is people (居民, 公民, 民众), else in 个.
 */
function bareCountAt(s: Sentence, m: RegExpMatchArray, relayed: string | undefined): Figure | undefined {
  const [text, hedge, num] = m
  const at = m.index!
  const prev = s.folded[at - 1] ?? ''
  if (hedge ? /[\d.%\w]/.test(prev) : /[第数几好每上\d.%\w千百万亿十]/.test(prev)) return undefined
  const value = parseNumber(num.replace('多', ''))
  if (value === undefined) return undefined
  const after = s.folded.slice(at + text.length, at + text.length + 20)
  if (/^\s*[年月日号元]/u.test(after)) return undefined
  // The noun phrase the number counts: right after it, or after the relative clause it opens.
  const phrase = headNoun(after) ? after : relativePhrase(after)
  const head = phrase && headNoun(phrase)
  if (!head) return undefined
  const clause = clauseBefore(s.folded, at)
  const unit = PEOPLE.test(head) ? '人' : '个'
  const approx = (!!hedge && APPROX.has(hedge)) || num.includes('多')
  return { text, value, unit, dimension: 'count', subject: head, modality: isPlanned(clause, s.folded.slice(at)) ? 'planned' : 'actual', relayed, approx, sentence: s.n, scope: scopeOf(clause) ?? placeBeforeHead(phrase) }
}
const BARE = new RegExp(`(约|大约|近|将近|接近|超过|逾|至少|多达|达|共计|共|仅)?(${BIG_NUM})(?![\\d多余万亿兆千百十.,零〇一二两三四五六七八九])`, 'gu')
// Nouns of people: a bare count of them is a count of persons (300万香港居民 = 300万人).
const PEOPLE = /(人|民|员|者|众|胞|工|兵|生|童|士|友|客|户)$/u

/** The noun phrase after a relative clause right after a number: 持有英国海外护照的香港公民 → 香港公民. */
function relativePhrase(after: string): string | undefined {
  const phrase = after.split(/[，,。；;：:、（(“"\s]/)[0]
  const de = phrase.indexOf('的')
  return de > 0 ? phrase.slice(de + 1) : undefined
}

function figureAt(s: Sentence, m: RegExpMatchArray, relayed: string | undefined): Figure | undefined {
  const [text, hedge, num, midMore, num2, more, unit] = m
  const at = m.index!
  const prev = s.folded[at - 1] ?? ''
  // Ordinals (第3), vague amounts (数十家, 几百人), rates (每10万人, 每3天) and pieces of longer
  // numbers are not figures. After a hedge the character before it is not the number's: 人数达25万人.
  // …nor the end of a number written in pieces (3千5百万: not 5百万).
  if (hedge ? /[\d.%\w]/.test(prev) : /[第数几好每\d.%\w千百万亿]/.test(prev)) return undefined
  // 上百亿, 上千人, 上万名: hundreds, thousands — vague too.
  if (prev === '上' && /^[百千万]/.test(num)) return undefined
  let value = parseNumber(num.replace('多', ''))
  let valueMax = num2 ? parseNumber(num2.replace('多', '')) : undefined
  const pair = !num2 ? hanRange(num.replace('多', '')) : undefined
  if (pair) [value, valueMax] = pair
  // Han digits side by side with no 十/百/千 and no range among them name a date or an event
  // (六四天安门, 五四人, 九一一), not a count: a figure in numerals names its tens.
  else if (/^[零〇一二两三四五六七八九]{2,}$/u.test(num)) return undefined
  if (value === undefined) return undefined
  // 一个, 一名 in running text are articles, not figures; 两/一 before 些 etc. never reach here.
  // Small counts in words (两国, 两位总统, 三个阶段) describe, they do not report a figure.
  if (!DURATION[unit] && /^[一二两三]$/.test(num)) return undefined
  const clause = clauseBefore(s.folded, at)
  const after = s.folded.slice(at + text.length, at + text.length + 12)
  const base = { text, approx: (!!hedge && APPROX.has(hedge)) || !!more || !!midMore || num.includes('多'), modality: isPlanned(clause, s.folded.slice(at)) ? ('planned' as const) : ('actual' as const), relayed, sentence: s.n }
  if (unit in DURATION) {
    // Not a length of time: an anniversary (23周年), an age (18周岁), a day of the week
    // (第一个星期一), a time ago (57分钟前), one day named (这一天, 最后一天, 同一天).
    if ((unit === '周' && /^[年岁]/u.test(after)) || (unit === '个星期' && /^[一二三四五六日天](?![直共度些起样定切般])/u.test(after))) return undefined
    if (/^\s*(?:前|之前|以前)(?![往进来线夕])/u.test(after) || (num === '一' && /(?:[这那同某当]|最后|前|后)$/u.test(s.folded.slice(Math.max(0, at - 2), at)))) return undefined
    // …nor some day (有一天, 总有一天: 有 not after 只, 还, 已… that make it a length: 只有一天), nor
    // the other day (头两天, 头一天). (头6个月, 有一分钟左右 are lengths.)
    if (unit === '天' && ((num === '一' && /(?<![只仅还才没就共都又尚已经多剩])有$/u.test(s.folded.slice(Math.max(0, at - 2), at))) || prev === '头')) return undefined
    const k = DURATION[unit]
    return { ...base, value: value * k, valueMax: valueMax !== undefined ? valueMax * k : undefined, unit: 'minute', dimension: 'duration', subject: subjectAfterDe(after) ?? subjectBefore(clause) ?? '' }
  }
  // A sum names what it pays for after it when it does (7500亿欧元救援, 一万亿欧元的预算); the verb
  // before it (提供, 拥有) says nothing about which sum it is.
  if (MONEY.includes(unit)) return { ...base, value, valueMax, unit, dimension: 'money', subject: subjectAfterDe(after) ?? headNoun(after) ?? subjectBefore(clause) ?? '' }
  if (unit in DISTANCE) return { ...base, value: value * DISTANCE[unit], valueMax: valueMax !== undefined ? valueMax * DISTANCE[unit] : undefined, unit: 'km', dimension: 'distance', subject: subjectBefore(clause) ?? '' }
  if (unit in WEIGHT) return { ...base, value: value * WEIGHT[unit], valueMax: valueMax !== undefined ? valueMax * WEIGHT[unit] : undefined, unit: 'kg', dimension: 'weight', subject: subjectBefore(clause) ?? '' }
  if (unit === '岁') return { ...base, value, valueMax, unit, dimension: 'age', subject: subjectBefore(clause) ?? '' }
  // 七国集团, 二十国集团, 20国峰会: the name of a group of countries, not a count of them.
  if (unit === '国' && /^(?:集团|峰会)/u.test(after)) return undefined
  // A count: what follows the measure word is what is counted (1550枚核弹头, 21名个人).
  // 1800万人口 counts a population, not people something happened to.
  // A whole area right after a count of people opens what is said of them (覆盖6.22亿人全球居首: 居首 is
  // no noun the count counts, whatever jieba tags it), not a noun phrase. (本土, 境外 qualify: 250个本土案例.)
  const saidOf = unit === '人' && AREA_FIRST.test(after)
  const head = unit === '人' && after.startsWith('口') ? '人口' : saidOf ? undefined : headNoun(after, PERSON_MEASURE.has(unit))
  // (With a noun too: 7969宗武汉肺炎确诊病例 counts cases as 7969起冠病病例 does.)
  // (With a noun, an illness must be named in its phrase: 5123宗家暴案 and 1234宗虐儿个案 are no cases of one.)
  const cases = CASES.has(unit) && (head ? ILLNESS.test(after.slice(0, 12).split(/[，,。；;、]/u)[0]) : CASE_WORDS.test(`${clause}${after.slice(0, 8)}`))
  // A count of a total the clause names (死亡人数超过20万人, 确诊总数达1000万例) counts that.
  const total = TOTAL_OF.exec(clause)?.[1]
  const counted = head ?? (cases ? (subjectAfterVerb(after) ?? total ?? subjectBefore(clause)) : total)
  // (人次 counts visits or trips, not persons: 3980万人次 is a unit of its own.)
  if (!counted && unit !== '人' && unit !== '人次') return undefined
  // Cases by any measure word (7969宗 / 7969起 / 7969例) are one count.
  return { ...base, value, valueMax, unit: cases ? '例' : unit, dimension: 'count', subject: counted ?? (subjectAfterVerb(after) && !saidOf ? `${unit}${subjectAfterVerb(after)}` : unit), scope: scopeOf(clause) ?? placeBeforeHead(after) }
}

// Measure words that count persons: what follows them is a noun, whatever its tag.
const PERSON_MEASURE = new Set(['名', '位'])

// 死亡人数, 确诊总数, 感染病例数 ending the clause before a count: what it counts.
const TOTAL_OF = /(\p{Script=Han}{2})(?:人数|总数|病例数|个案数|数字)$/u

const WHOLE = /(全球|全世界|世界各地|全国|全美|全港|全台|全澳|全欧|全境|境内|境外|海外|本土)/gu
const AREA_FIRST = /^\s*(?:全球|全世界|世界各地|全国|全美|全港|全台|全澳|全欧|全境)/u

// Only a place right before the count qualifies it (全美近13万人, 整个非洲54个国家); one further
// back is where something else happened (美国国务院发言人…谴责拘捕5人).
const SCOPE_CHARS = 8

/** The place or whole-area word just before a count (全美, 非洲, 全球至少), not one that acts on it. */
function scopeOf(clause: string): string | undefined {
  const near = clause.slice(-SCOPE_CHARS)
  let scope: string | undefined
  let end = 0
  for (const m of near.matchAll(WHOLE)) [scope, end] = [m[0], m.index! + m[0].length]
  if (!scope) {
    let at = 0
    for (const { word, tag } of tagWords(near)) {
      at += word.length
      if (tag === 'ns' && word.length >= 2) [scope, end] = [word, at]
    }
  }
  // A place that gives to, speaks of or acts on what is counted is its actor, not where it was
  // counted (英国已经承诺向多达300万香港居民…, 伦敦已经宣布向大约300万…).
  return scope && !ACTS_ON.test(near.slice(end)) ? scope : undefined
}
const ACTS_ON = /[向对给与和跟被把]|宣布|承诺|表示|称/u

function relayedFrom(folded: string, text: string): string | undefined {
  const m = RELAYED.exec(folded)
  if (!m) return undefined
  // The source as published (RT, not the folded rt); folding keeps offsets for such text.
  let whole = m[1] ?? m[2] ?? m[3]
  let at = m.index! + m[0].indexOf(whole)
  // A bracket closed in it that it did not open ends a dateline or a byline before the source:
  // （中央社巴黎19日综合外电报导）法新社汇整官方数据显示 — 法新社, not 9日.
  const close = unopenedClose(whole)
  if (close >= 0) [whole, at] = [whole.slice(close + 1), at + close + 1]
  // A source found by its last sixteen characters started inside its clause (国2010年开展的… of 中国
  // 2010年开展的…, rldometers of Worldometers): it starts at the clause's start.
  if (m[2] !== undefined && at > 0 && !/[，,。；;：:\s（(【\]）)]/u.test(folded[at - 1])) {
    const start = Math.max(0, ...[...'，,。；;：:（(【】[]）)「」“”•'].map((c) => folded.lastIndexOf(c, at - 1) + 1))
    const opener = CONNECTIVE.exec(folded.slice(start, at))?.[0].length ?? 0
    whole = folded.slice(start + opener, at) + whole
    at = start + opener
  }
  // What a bullet or a closing mark set before it is another item's (并报警 •看到的联邦数据显示).
  // (A name in its marks, “铁路技术商务网” or 【零对冲】, is one.)
  const unopened = (close: string, open: string) => (whole.lastIndexOf(open, whole.lastIndexOf(close)) < 0 ? whole.lastIndexOf(close) : -1)
  const item = Math.max(whole.lastIndexOf('•'), whole.lastIndexOf('|'), whole.lastIndexOf('. '), unopened('】', '【'), unopened('」', '「'), unopened('”', '“'))
  if (item >= 0) {
    const after = whole.slice(item + 1)
    whole = after.replace(/^\s+/u, '')
    at += item + 1 + after.length - whole.length
  }
  // …without the date it opens with (据4月19日NHK新闻报道, 2014年数据显示) and a 在 or 的 ending it.
  const lead = LEADING_DATE.exec(whole)?.[0].length ?? 0
  const named = whole.slice(lead)
  const inner = named.slice(0, named.search(SOURCE_END) >>> 0).replace(/(?:的|在)$/u, '')
  if (NOT_A_SOURCE.test(inner) || inner.length > MAX_SOURCE_CHARS || !namesSomeone(inner)) return undefined
  const source = folded.length === text.length ? text.slice(at + lead, at + lead + inner.length) : inner
  return source.trim() || undefined
}
// A name longer than this is a clause, not a source (对于华为…而言是艰难的一年. 前者因为…危机.).
const MAX_SOURCE_CHARS = 24
const LEADING_DATE = /^\s*(?:\d{4}年|\d{1,2}月|\d{1,2}[日号]|今年|去年|前年)+\s*/u
/**
 * Does a source's name name someone: a noun, a name or a word in Latin letters among its words,
 * not a date (1956年), a time or an adverb (当时, 刚刚), a determiner (该, 以上, 一位) or an adjective
 * (根据较小的数据收集估计: 较小).
 */
function namesSomeone(source: string): boolean {
  if (!source.trim() || POINTS_BACK.test(source)) return false
  return tagWords(source).some((w) => /^(n|nr|ns|nt|nz|vn|j|x|eng)/.test(w.tag) && !/^\d/.test(w.word) && w.word.trim().length >= 2)
}
const POINTS_BACK = /^(以上|上述|一位|一名|虽)/u
const CONNECTIVE = /^\s*(尽管|虽然|但是|但|而且|而|并且|并|因为|由于)/u

/** Where the last closing bracket in `text` that no bracket in it opened stands, else -1. */
function unopenedClose(text: string): number {
  let depth = 0
  let last = -1
  for (let i = 0; i < text.length; i++) {
    if (/[（(【\[]/u.test(text[i])) depth++
    else if (/[）)】\]]/u.test(text[i])) {
      if (depth > 0) depth--
      else last = i
    }
  }
  return last
}

const clauseBefore = (folded: string, at: number) => folded.slice(0, at).split(/[，,；;。：:！？]/).pop() ?? ''

/** The activity or thing a figure belongs to, nearest before it in its clause. */
function subjectBefore(clause: string): string | undefined {
  const words = tagWords(clause)
  for (let i = words.length - 1; i >= 0; i--) {
    const { word, tag } = words[i]
    if (NOT_SUBJECT.has(word) || NOT_SUBJECT_VERB.has(word) || word.length < 2 || /^\d/.test(word)) continue
    // Only a noun (or a verb used as one: 会谈, 谈判) names what is measured; 只是, 已经 do not.
    if (isNounTag(tag) || /^(v|n)/.test(tag)) return word
  }
  return undefined
}

/**
 * `N小时的会谈`, `7500亿欧元的疫后复苏基金`: what a figure measures when it is written before its
 * noun phrase: the phrase's head, its last noun (基金, not 疫后), else its first word.
 */
function subjectAfterDe(after: string): string | undefined {
  if (!after.startsWith('的')) return undefined
  const phrase = after.slice(1).split(/[，,。；;：:、和与及或的（(\s]/)[0].replace(/[「」『』“”"《》]/gu, '')
  // The phrase runs to the first word that is no noun after a noun (资金|来购买政府债务).
  let noun: string | undefined
  let last: string | undefined
  for (const { word, tag } of tagWords(phrase)) {
    const isNoun = isNounTag(tag)
    if (!isNoun && noun) break
    if (word.length < 2 || NOT_SUBJECT.has(word)) continue
    if (isNoun) noun = word
    last = word
  }
  return noun ?? last
}

/** The head of the noun phrase at the start of `after`: Chinese noun phrases end in their head. */
function headNoun(after: string, afterMeasure = false): string | undefined {
  const phrase = after.split(/[，,。；;：:、和与及或的（(“"\s]/)[0]
  let head: string | undefined
  const words = tagWords(phrase)
  for (const [i, { word, tag }] of words.entries()) {
    if (!isNounTag(tag) && !/^(ns|nr|nt|nz)/.test(tag)) {
      // Right after a measure word of persons a word jieba's dictionary lists as a verb is a noun
      // (现场有30名警察, 800名警察一齐动手, 6名警察辞职) or qualifies a noun of persons (12名被捕港人);
      // not where it opens a relative clause (27位知名的专家, 12名涉嫌触犯…罪的港人, 250名居住在日本的)
      // or takes an object (178名错过疫苗…, 84名参加投票的议员).
      const next = words[i + 1]
      const verbAsNoun = afterMeasure && i === 0 && /^v/.test(tag) && word.length >= 2
      if (!verbAsNoun) break
      if (next && isNounTag(next.tag) && PEOPLE.test(next.word)) continue
      const ends = next ? /^(v|d)/.test(next.tag) && !/的/u.test(after) : /^([，,。；;：:！？!?\s]|$)/u.test(after.slice(phrase.length))
      if (!ends) break
      return word
    }
    if (word.length >= 2) head = word
    // A place and 人 are its people (14亿中国人, 700万香港人), whom jieba cuts apart.
    else if (word === '人' && head && /^ns/.test(words[i - 1]?.tag ?? '') && words[i - 1].word === head) head += word
  }
  return head
}

/**
 * A place or body that qualifies what is counted, between the measure word and the noun (27个欧盟国家,
 * 10名俄罗斯外交官): counted within it, as 全美 before a count is (`scopeOf`).
 */
function placeBeforeHead(after: string): string | undefined {
  const phrase = after.split(/[，,。；;：:、和与及或的（(“"\s]/)[0]
  const words = tagWords(phrase)
  let scope: string | undefined
  for (let i = 0; i < words.length - 1; i++) {
    const { word, tag } = words[i]
    if (!isNounTag(tag) && !/^(ns|nr|nt|nz)/.test(tag)) break
    const named = /^(ns|nt)$/.test(tag) || ['place', 'org'].includes(loadEntityTable().resolve(word)?.type ?? '')
    if (named && word.length >= 2 && isNounTag(words[i + 1].tag)) scope = word
  }
  return scope
}

function subjectAfterVerb(after: string): string | undefined {
  const w = segment(after.split(/[，,。；;]/)[0])[0]
  return w && w.length >= 2 ? w : undefined
}

function neighbourSubject(found: readonly Figure[], f: Figure): string | undefined {
  const peers = found.filter((g) => g !== f && g.dimension === f.dimension && g.subject && !GENERIC_SUBJECT.has(g.subject))
  return peers.length ? peers[peers.length - 1].subject : undefined
}
