/**
 * Lines of an article that are not reporting: credits, captions, sourcing notes, calls to subscribe.
 * They are not claims — left in, they are listed as "only this outlet reports" and, being
 * repeated in every article of an outlet, aligned with each other. Tested on folded text
 * (Simplified, half-width punctuation, lower case).
 */

// A line that opens with a label (作者：, 图片来源：, 原标题) — a byline, a credit, a source note —
// or is a link. Only short ones: a photo credit glued to the lead (图片来源：BBC 近期《华尔街日报》
// 就…进行了详细报道) still carries the lead.
const LABEL = /^[(【]?\s*(作者|来源|编辑|责任编辑|责编|记者|引用|图片来源|原标题|译者|核稿|校对|审核|审校|编译|撰稿|文字整理|新闻来源|资料来源|消息来源|播报|排版(发布)?|翻译(\/简评)?|制作(单位|团队)?|图表制作|by|相关图集|相关阅读|延伸阅读|推荐阅读|相关新闻|相关报道)\s*([:：/;；]|$|\s)/u
const LABEL_MAX_CHARS = 40
// A link, or a Markdown link or image, alone on its line ([[zh:…]] wiki links are running text).
const LINK_LINE = /^(https?:|www\.|\[[^\]\[]*\]\()/u
const OPINION_NOTE = /^[(（]?本文(系|为|仅代表)/u

// Production credits: two or more labels in one line (翻译:X 校对:Y 审核:Z; 编译 X 审校 Y).
const CREDIT_LABEL = /(译者|核稿|校对|审核|审校|编辑|责编|翻译|编译|撰稿|整理|上传|发布|page)(\s*[:：]|\s+)/gu
// Contributors' notes of wire and newspaper copy.
const CONTRIBUTED = /(为本(报告|报道|文)|对本文)(做出了|作出了|有)?(报道|研究)?(贡献|协助)/u
// Calls to subscribe, follow or donate: short lines that speak to the reader.
const CALL_TO_READER = /(订户|订阅|欢迎(点击|进入|加入|关注|在)|支持我们的|关注我们|关注他|关注她)/u
const CALL_MAX_CHARS = 80
// A programme's or channel's promotion: a line asking the reader to follow or pay it elsewhere,
// with the address ("政治咖哩饭」主持:… facebook: https://… 支持城寨patreon https://…", the description
// under each of a channel's videos). All three: a report citing a post gives a platform and an
// address too (白宫在facebook发布声明（https://www.facebook.com/…）称…), but asks nothing of the reader.
const PLATFORM = /(facebook|patreon|youtube|youtu\.be|instagram|twitter|telegram|gettr|discord|whatsapp|paypal|脸书|油管|推特|电报)/u
const ADDRESS = /https?:\/\/|www\./u
// Words of asking only: 频道, 加入 or 主持 name a channel or an act a report tells (在Telegram频道发布, 芬兰正式加入北约).
const ASKS = /(支持|订阅|订户|关注|赞助|打赏|捐助|捐款|follow|subscribe|patreon|paypal)/u
const PROMOTION_MAX_CHARS = 300
const PROMOTION_MIN_ADDRESSES = 3
const ADDRESSES = /https?:\/\/|www\./gu
// A contributors' note lists names, in two scripts at times.
const CONTRIBUTORS_MAX_CHARS = 200

// A sign-off: the writer and editor (张慈/杨威廉) and, in brackets, where the report was drawn
// from (法新社、德新社、美联社; 综合报导), as Deutsche Welle closes its reports. Only agencies and
// papers in the brackets: a name and a place in brackets (文依(美国华盛顿dc农场)) or a time
// (路德(00:00:18)) open a speaker's turn or a reader's post.
const SIGN_OFF = /^[\p{Script=Han}·]{2,5}(\s*\/\s*[\p{Script=Han}·]{2,5}){0,3}\s*\/?\s*\((综合报[导道]|[^()]{0,24}(通讯社|社|报|电视台)(等|等综合报[导道])?)\)$/u

// A picture's caption: it opens as one (图为…), places two or more people in it (米歇尔(左)、
// 默克尔(中); one mark alone may be a direction: 向左(右)移), or ends with the picture's credit
// ((美国海军摄影), (自由亚洲电台制图) photo: rfa, (public domain)).
const CAPTION_OPENS = /^(图为|图:|图片:|资料图|资料照片|档案照片|示意图|(本|此|上|下|左|右)图(所示|中|为)|图中)/u
const CAPTION_OPENS_MAX_CHARS = 100
const IN_PICTURE = /\((左|右|中|前|后)[一二三四五六1-6]?\)/gu
const CAPTION_MAX_CHARS = 200
const PICTURE_CREDIT = /(\([^()]{0,30}((?<!拍)摄影?|制图)(:[^()]{0,40})?\)|\([^()]{0,40}(public domain|getty images)[^()]{0,20}\)|photo:\s*[^\s]{1,30})\s*[.。]?$/u
const CREDIT_MAX_CHARS = 150
// A contributor named in Latin letters with where they filed from (keith bradsher自北京、steven lee
// myers自韩国首尔报道), or a writer's note (x是《纽约时报》驻伦敦记者…).
const FILED_FROM = /^[a-z][a-z .'-]+自[\p{Script=Han}]{2,8}(、[a-z][a-z .'-]+自[\p{Script=Han}]{2,8})*(报道|报导|发稿)[.。]?$/u
const WRITER_NOTE = /^[a-z][a-z .'-]+是《[^》]{1,12}》[^，,。]{0,10}(记者|撰稿人|专栏作家|专栏作者|分社社长|社长|编辑|主编|特约作者)/u
const WRITER_NOTE_MAX_CHARS = 250
// Where the text was first published, or a pointer to another version of it.
const SOURCE_NOTE = /^[(（]?(原文刊于|原文刊登于|原载于|本文原载|转载自|本文转载自|原文链接|原文地址|点击查看本文|点击阅读原文|阅读原文)/u
const SOURCE_NOTE_MAX_CHARS = 80
// A teaser for another page cut off with "more" (他們的經驗，包括票站防疫措施…......more), and a
// news agency's photo or fax credit with its date (中央社記者陳韻聿傳真 109年9月19日).
const TEASER = /(\.{3,}|…+|⋯+)\s*more$/u
const FAXED = /^[(（]?[^，。,]{0,12}记者[\p{Script=Han}]{2,8}(传真|摄|摄影)\s*\d{2,4}年\d{1,2}月\d{1,2}日[)）]?$/u

export function isFurniture(folded: string): boolean {
  const line = folded.trim()
  if (LINK_LINE.test(line) || OPINION_NOTE.test(line) || SIGN_OFF.test(line) || FILED_FROM.test(line)) return true
  if (CAPTION_OPENS.test(line) && line.length <= CAPTION_OPENS_MAX_CHARS) return true
  if ((line.match(IN_PICTURE) ?? []).length >= 2 && line.length <= CAPTION_MAX_CHARS) return true
  if (PICTURE_CREDIT.test(line) && line.length <= CREDIT_MAX_CHARS) return true
  if (WRITER_NOTE.test(line) && line.length <= WRITER_NOTE_MAX_CHARS) return true
  if (SOURCE_NOTE.test(line) && line.length <= SOURCE_NOTE_MAX_CHARS) return true
  if (TEASER.test(line) || FAXED.test(line)) return true
  if (LABEL.test(line) && line.length <= LABEL_MAX_CHARS) return true
  if ((line.match(CREDIT_LABEL) ?? []).length >= 2) return true
  if (CONTRIBUTED.test(line) && line.length <= CONTRIBUTORS_MAX_CHARS) return true
  if (line.length <= PROMOTION_MAX_CHARS && PLATFORM.test(line) && ADDRESS.test(line) && ASKS.test(line)) return true
  return line.length <= CALL_MAX_CHARS && CALL_TO_READER.test(line)
}

/**
 * A paragraph that is a channel's promotion as a whole: three or more web addresses, a platform
 * (Telegram, Patreon, PayPal) and an ask (订阅, 支持): a video post's description of links run
 * together, cut into "sentences" at its full stops and a link's ?, some of which name no address
 * alone. (A short line of promotion is furniture by itself: `isFurniture`.)
 */
export function isPromotion(text: string): boolean {
  return (text.match(ADDRESSES) ?? []).length >= PROMOTION_MIN_ADDRESSES && PLATFORM.test(text) && ASKS.test(text)
}

// A picture's credit glued to the text after it, where the archive joined the credit's line to
// the lead's (图片来源：台湾国防部 + 七国集团发布公报呼吁… became one line): the label, then a
// credit, then the report. The label may stand at a line's start or after a sentence's end.
const GLUED_CREDIT_LABEL = /(?<=^|[。！？!?]\s*)[(（]?\s*(?:封面)?(?:(?:图片|圖片|照片|图表|圖表)(?:来源|來源|来自|來自|制作|製作)|网络图片|網絡圖片|網路圖片)(?:于|於)?\s*[:：；;]?\s*/u
// Credits that name no one (网络, 网络截图, 谷歌地图截图) or end with what was taken (…截图).
const CREDIT_WORD = /^(?:网络截图|網絡截圖|网络|網絡|網路|互联网|互聯網|[^\s，。,、]{1,10}?(?:截图|截圖|图库|圖庫|供图|供圖))/u
// Where a report opens after a credit: with its source (据, 根据, 援引) or a title (《每日邮报》).
const REPORT_OPENS = /根据|據|据|援引|《/u
const CREDIT_MAX_REACH = 30

/**
 * A picture's credit glued before the sentence it precedes, as [start, end) in `text` (one line),
 * else undefined: `图片来源：台湾国防部七国集团发布公报…` → the span of `图片来源：台湾国防部`. The
 * credit ends at a space before a Chinese character or a digit (图片来源：newsweek 拜登政府…), the
 * bracket it opened ((图片来源;众新闻)一旦…), a credit that names no one (图片来源网络据…), where the report
 * opens with its source (图片来源：卫报据《…》), or after the names the entity table knows
 * that open the credit (台湾国防部); nowhere else — no span is better than a lead cut short.
 * `namesAt(text)`: the length of the names (organisations, places) that open `text`, 0 for none.
 */
export function gluedCredit(text: string, namesAt: (text: string) => number): [number, number] | undefined {
  const label = GLUED_CREDIT_LABEL.exec(text)
  if (!label) return undefined
  const from = label.index + label[0].length
  const rest = text.slice(from)
  if (rest.length < CREDIT_MAX_REACH / 2) return undefined
  const opened = label[0].trimStart().startsWith('(') || label[0].trimStart().startsWith('（')
  const end = ((): number | undefined => {
    // 网络图片 is a whole credit (网络图片澳洲国防部长达顿…); 图片来源 with no colon before the
    // report names the source still (图片来源网络支援…, 图片来自网络根据…).
    if (/(网络|網絡|網路)(图片|圖片)\s*$/u.test(label[0])) return 0
    const word = CREDIT_WORD.exec(rest)
    if (word) return word[0].length
    const head = rest.slice(0, CREDIT_MAX_REACH)
    if (opened) {
      const close = head.search(/[)）]/u)
      if (close >= 0) return close + 1
    }
    // A space before Chinese or a digit, outside brackets (彼得帕克斯(Peter Parks) is one credit).
    let depth = 0
    for (let i = 0; i < head.length; i++) {
      const c = head[i]
      if (c === '(' || c === '（') depth++
      else if (c === ')' || c === '）') depth = Math.max(0, depth - 1)
      else if (depth === 0 && /\s/u.test(c) && i > 0 && /[\p{Script=Han}0-9《“「]/u.test(head[i + 1] ?? '')) return i
    }
    const opens = REPORT_OPENS.exec(head)
    if (opens && opens.index > 0 && opens.index <= 16) return opens.index
    const names = namesAt(rest)
    return names > 0 && names <= 16 ? names : undefined
  })()
  return end === undefined ? undefined : [label.index, from + end]
}
