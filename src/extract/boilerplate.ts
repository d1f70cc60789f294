import { countChars, type TextBlock } from './html-blocks.js'
import { isLinkList } from './density.js'
import { foldLabels } from './label-fold.js'

/**
 * Lines that Chinese news and forum templates put inside the article container: editor credits,
 * share bars, copyright notices, page tools. Each pattern is anchored and the line must be
 * short, so a sentence of the article that merely mentions 版权 or 分享 is never touched.
 * Patterns are Simplified; lines are matched through foldLabels, so 責任編輯 matches too.
 */
const BOILERPLATE_LINE: readonly RegExp[] = [
  /^[【\[(（]?\s*(责任编辑|责编|编辑|校对|审校|审核|监制|值班编辑|网络编辑)\s*[:：]/,
  /^(分享到|分享至|分享|转发到|收藏本文|打印本页|打印|关闭窗口|返回顶部|回到顶部|返回首页|字号|【?字体[:：]|点击数|浏览次数|阅读次数|您是本文第)/,

  /(版权所有|all rights reserved|转载请注明|未经.{0,8}(授权|许可|同意).{0,12}(不得|禁止|严禁|请勿).{0,4}(转载|复制|使用))/i,
  /^(上一篇|下一篇|上一页|下一页|返回列表|查看原文|阅读原文|展开全文|点击(查看|进入|这里))/,
  /^(扫一扫|扫描二维码|长按识别|关注(我们|公众号|微信))/,
  /^[【\[(（]?\s*(文章|稿件|新闻|信息)?来\s*源\s*[:：]/,
]

/**
 * The info bar under a headline: a date next to a field label ("2005-02-06 13:26更新 来源：…",
 * "作者：X 时间：2005-08-22 19:13:18", "发表于 2004年12月27日 12:40 (阅读:3727)").
 */
const INFO_DATE = /(19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}/
const INFO_LABEL = /(来源|作者|编辑|发布|发表|更新|点击|浏览|阅读|时间|日期|字号)\s*[:：]|\d\s*(更新|发布|发表)|发表于/
const MAX_INFO_CHARS = 30
const MAX_BOILERPLATE_CHARS = 40

/** Headings that start the "more to read" lists sites append after an article. */
const TAIL_HEADING = /^[【\[]?\s*(相关(阅读|新闻|文章|报道|链接|推荐|专题)|推荐阅读|延伸阅读|热门(文章|推荐|新闻)|猜你喜欢|精彩推荐|更多(阅读|精彩|新闻)|热点推荐|网友评论|最新评论|发表评论|相关评论)/

/**
 * Link lists are dropped only in Chinese text: that is where portals and forums put reply
 * threads and "more news" lists inside the article container, while on English pages
 * Readability's own link-density rules already decide and link lists are often content.
 */
const isMostlyHan = (s: string): boolean => (s.match(/\p{Script=Han}/gu)?.length ?? 0) > 0.6 * countChars(s)

/** A notice is short; "© Reuters" opening a long line is a photo credit run into the text. */
const COPYRIGHT_START = /^[【\[(（]?\s*(版权所有|版权声明|本文版权|copyright|©|\(c\))/i
const MAX_COPYRIGHT_CHARS = 20

export function isBoilerplateLine(line: string): boolean {
  const n = countChars(line)
  const folded = foldLabels(line.trim())
  if (n <= MAX_COPYRIGHT_CHARS && COPYRIGHT_START.test(folded)) return true
  if (n <= MAX_INFO_CHARS && INFO_DATE.test(folded) && INFO_LABEL.test(folded)) return true
  return n <= MAX_BOILERPLATE_CHARS && BOILERPLATE_LINE.some((re) => re.test(folded))
}

/**
 * Post-filters an extracted article: drops boilerplate lines, link lists (reply threads, "more
 * news" lists that a container dragged in) and everything from a trailing "相关阅读"-style
 * heading on. The heading must sit in the last third of the text, so an article that discusses
 * its own related reading in the middle keeps its body.
 */
export function dropBoilerplate(blocks: readonly TextBlock[]): TextBlock[] {
  const total = blocks.reduce((n, b) => n + b.chars, 0)
  let seen = 0
  const kept: TextBlock[] = []
  for (const b of blocks) {
    const first = b.lines[0] ?? ''
    if (seen > total * 0.66 && countChars(first) <= 20 && TAIL_HEADING.test(foldLabels(first))) break
    seen += b.chars
    if (isLinkList(b) && isMostlyHan(b.lines.join(''))) continue
    const lines = b.lines.filter((l) => !isBoilerplateLine(l))
    if (lines.length === 0) continue
    kept.push(lines.length === b.lines.length ? b : { ...b, lines, chars: lines.reduce((n, l) => n + countChars(l), 0) })
  }
  return kept
}
