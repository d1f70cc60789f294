import { foldLabels } from './label-fold.js'

/**
 * Chinese bylines live in the text, not in markup: "作者：张三", "本报记者 张三 李四",
 * "（新华社记者 张三）", "文/张三", "编辑：张三", or a bare name on the line under the title.
 * Readability looks for byline classes and <meta name="author"> and finds almost none of them.
 */

/** The most frequent Chinese surnames (Simplified and Traditional), to tell "记者 张三" from "记者了解到". */
export const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝伊陳楊黃趙吳劉張鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒龔萬錢嚴湯歐聶魯顧莊羅孫馬衛',
)
// "赵 培": short names are spaced out to the width of three-character ones.
const SPACED_NAME = '[\\u4e00-\\u9fff](?:[ \\u3000]{1,2}[\\u4e00-\\u9fff]){1,2}(?![\\u4e00-\\u9fff])'
const HAN_NAME = `(?:[\\u4e00-\\u9fff]{2,4}(?:·[\\u4e00-\\u9fff]{1,6})?|${SPACED_NAME})`
const HANDLE = '[A-Za-z][A-Za-z0-9_.-]{1,29}'
// A name ends at a space, punctuation or the next Chinese word, never inside "size=20".
const NAME = `(?:${HAN_NAME}|(?!(?:AM|PM|GMT|UTC|CST)\\b)${HANDLE}(?![A-Za-z0-9_=."'-]))`
/** Labels that end a name when the page runs fields together: "作者：张三来源：新华网". */
const NEXT_LABEL = /(来源|编辑|责编|时间|日期|发布|发表|出处|出自|摄影|字号|点击|浏览|阅读|报道|报导|通讯员|记者|作者|分享|更新)/

const LABELS: ReadonlyArray<{ re: RegExp; rank: number; needsShortLine?: boolean; checkSurname?: boolean }> = [
  { re: new RegExp(`(?:^|[\\s【\\[（(|｜])(?:作\\s*者|撰\\s*文|撰稿人?|文)\\s*(?:[:：/|｜]\\s*|】\\s*)(${NAME}(?:(?:\\s*[、,，]\\s*|\\s+)${NAME})*)`, 'd'), rank: 1 },
  { re: new RegExp(`(?:^|[\\s（(【\\[·])[\\u4e00-\\u9fff·]{0,12}?(?:记者|通讯员)\\s*[:：]?\\s*(${NAME}(?:(?:\\s*[、,，]\\s*|\\s+)${NAME})*)`, 'd'), rank: 2, checkSurname: true },
  { re: new RegExp(`[（(]\\s*(${HAN_NAME})(?:\\s+[\\u4e00-\\u9fff]{2,8}报[道导])?\\s*[）)]\\s*$`, 'd'), rank: 4, checkSurname: true },
  { re: new RegExp(`(?:^|[\\s【\\[（(])来\\s*源\\s*[:：]\\s*(${HAN_NAME})(?=$|[\\s）)】\\]])`, 'd'), rank: 5, checkSurname: true },
  { re: new RegExp(`(?:^|[\\s【\\[（(])(?:责任编辑|责编|编辑)\\s*[:：]\\s*(${NAME}(?:\\s+${NAME})*)`, 'd'), rank: 6 },
  { re: new RegExp(`^(${NAME})\\s*(?:发表于|发表时间)`, 'd'), rank: 7, needsShortLine: true },
  // Blog templates: "posted @ 2004-12-27 19:24 李建忠".
  { re: new RegExp(`\\d{1,2}:\\d{2}(?::\\d{2})?\\s+(${NAME})\\s*$`, 'd'), rank: 8, needsShortLine: true },
]

const OUTLET_WORDS = /(网|报|社|台|刊|站|频道|中心|公司|集团|杂志|出版|编辑部|新闻|日报|Team|\.com|\.cn|www\.|http)/i

const surnameOk = (name: string) => /^[A-Za-z]/.test(name) || SURNAMES.has(name[0]) || name.includes('·')

/** Follow-on names joined by a plain space must look like names, or "张三 分享" becomes two authors. */
function trimNames(raw: string, checkFirstSurname: boolean): string | undefined {
  const cut = foldLabels(raw).search(NEXT_LABEL)
  let s = (cut > 0 ? raw.slice(0, cut) : raw).trim()
  const spaced = new RegExp(`^${SPACED_NAME}`).exec(s)?.[0]
  if (spaced) s = spaced.replace(/\s+/g, '') + s.slice(spaced.length)
  const parts = s.split(/(\s*[、,，]\s*|\s+)/)
  let out = ''
  for (let i = 0; i < parts.length; i += 2) {
    const name = parts[i]
    const sep = parts[i - 1] ?? ''
    if (!new RegExp(`^${NAME}$`).test(name)) break
    const needsCheck = i === 0 ? checkFirstSurname : !/[、,，]/.test(sep)
    const isLatin = /^[A-Za-z]/.test(name)
    // Latin follow-on words only continue a Latin name ("Lucas Nolan"), not a Chinese one.
    if (i > 0 && isLatin !== /^[A-Za-z]/.test(parts[0])) break
    if (needsCheck && (!surnameOk(name) || (!isLatin && name.length > 3))) break
    if (/摄$/.test(name)) break
    out += sep + name
  }
  s = out.trim()
  return s.length >= 2 ? joinSplitName(s) : undefined
}

/** "赵 培": a two-character name that the page spaced out for alignment. */
const joinSplitName = (s: string) => (/^[\u4e00-\u9fff](\s+[\u4e00-\u9fff])+$/.test(s) ? s.replace(/\s+/g, '') : s)

/** A <meta name="author"> or Readability byline worth keeping: a person, not the site or CMS. */
export function personLike(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  const s = joinSplitName(raw.replace(/^\s*(by|作者|文|记者)\s*[:：/]?\s*/i, '').replace(/\s+/g, ' ').trim())
  if (!s || s.length > 40 || OUTLET_WORDS.test(s) || /[:：]|\d{4}/.test(s)) return undefined
  if (/^[\u4e00-\u9fff·]+$/.test(s) && (s.length < 2 || s.length > 6)) return undefined
  return s
}

export interface BylineContext {
  /** Lines to search, nearest to the article first: its head, the page just above it, its tail. */
  readonly lines: readonly string[]
  /** Lines under a title-like line, where essays and reposts put a bare author name. */
  readonly underTitle: readonly { readonly line: string; readonly isAfterTitle: boolean }[]
  /** `<meta name="author">`, JSON-LD author, Readability's byline: structured but often the site. */
  readonly declared: readonly (string | undefined)[]
}

/** Rank of a bare name under the page's own title: after explicit credits, before weak patterns. */
const UNDER_TITLE_RANK = 3
const UNDER_OTHER_RANK = 9

export function findByline(ctx: BylineContext): string | undefined {
  let best: { rank: number; name: string } | undefined
  const consider = (rank: number, name: string | undefined) => {
    if (name && (!best || rank < best.rank)) best = { rank, name }
  }
  for (const line of ctx.lines) {
    const isShort = line.length <= 60
    const folded = foldLabels(line)
    for (const { re, rank, needsShortLine, checkSurname } of LABELS) {
      if ((best && best.rank <= rank) || (needsShortLine && !isShort)) continue
      const m = re.exec(folded)
      if (!m?.indices?.[1]) continue
      // In a long line only a parenthesised credit counts: "记者注意到…" in prose is no byline.
      if (rank === 2 && !isShort && !/^[（(]/.test(m[0])) continue
      consider(rank, trimNames(line.slice(...m.indices[1]), checkSurname ?? false))
    }
  }
  for (const { line, isAfterTitle } of ctx.underTitle) consider(isAfterTitle ? UNDER_TITLE_RANK : UNDER_OTHER_RANK, bareName(line))
  const declared = ctx.declared.map(personLike).find((s) => s !== undefined)
  if (declared && (!best || best.rank > 2)) return declared
  return best?.name
}

/** Short lines of page furniture that have the shape of a name. */
const PAGE_WORDS = /^(楼主|作者|正文|全文|原文|编辑|来源|评论|回复|公告|导航|首页|目录|简介|摘要|前言|引言|附录|返回|更多|相关|推荐|注释|参考文献)/

/** "胡平", "赵延东、风笑天": a line that is nothing but one to three names. */
function bareName(line: string): string | undefined {
  const s = line.trim()
  if (PAGE_WORDS.test(foldLabels(s))) return undefined
  if (!new RegExp(`^${HAN_NAME}(\\s*[、,，]\\s*${HAN_NAME}|\\s+${HAN_NAME}){0,2}$`).test(s)) return undefined
  return s.length <= 14 ? s : undefined
}
