import { charRemover } from '../text/char-class.js'
import type { RawBlock } from './blocks.js'
import { LINK, type CleanRules } from './rules.js'

// A block mostly made of link text is navigation or promotion, not reporting.
const LINK_DOMINATED = 0.6
const MAX_NAV_BLOCK_CHARS = 200
const SHORT_LABEL_CHARS = 20
// A footer line is short: a paragraph that also asks readers to subscribe is still the article's.
const MAX_FOOTER_CHARS = 200

const isLinkDominated = (b: RawBlock) => b.text.length > 0 && b.text.length <= MAX_NAV_BLOCK_CHARS && b.linkChars / b.text.length >= LINK_DOMINATED

// A short line that ends like a sentence is the article's last sentence, not a footer label.
const SENTENCE_END = /[。！？!?…」』”]$/

const COUNTER = /^\+?\d{1,6}$/

// Lines that say nothing themselves: rules (———, ***), bare dates and times, counters, a label
// whose list is gone ("参考链接：") and continuation marks ("（未完待续）", "接上文——").
const FURNITURE = /^[\p{P}\p{S}\s]*$|^[\d\s年月日号號:：/.\-]+$|^\+?\d{1,6}$|^[^。！？!?]{1,18}[:：]$|^[\p{P}\s]*(未完待续|未完待續|待续|待續|接上文|續上文|续上文|續上篇|续上篇)[\p{P}\s]*$/u

const compact = charRemover(/[\s\p{P}\p{S}]/u)

/** Back-links and home links before the article starts. */
export function dropLeadingNav(blocks: RawBlock[], rules: CleanRules): RawBlock[] {
  let start = 0
  while (start < Math.min(blocks.length, 3)) {
    const b = blocks[start]
    if (b.type === 'figure' || !(isLinkDominated(b) || rules.headerPatterns.some((re) => re.test(b.text)))) break
    start++
  }
  return blocks.slice(start)
}

// Reposts stack a few credit lines (writer, translator, proof-reader, publisher) above the text.
const MAX_CREDIT_LINES = 3

/**
 * Staff credits above the article ("作者：… 编辑：…") name the reposter's volunteers, not what
 * was reported. Link lines after them stay: they are the source being reposted.
 */
export function dropLeadingCredits(blocks: RawBlock[], rules: CleanRules): RawBlock[] {
  let start = 0
  while (start < Math.min(blocks.length, MAX_CREDIT_LINES) && blocks[start].type !== 'figure' && rules.leadingCreditPatterns.some((re) => re.test(blocks[start].text))) start++
  return blocks.slice(start)
}

// After an appeal, more links under a label ("Twitter：https://…", "電報群：https://…") go too.
const LINK_AFTER_APPEAL = new RegExp(`^\\s*(?:[^。！？!?\\s]{0,24}[:：]\\s*)?${LINK}`)

// Some open with the channel's link alone, glued to the first words (https://bit.ly/x哈嘍，大家好).
// A link on a line of its own is the source being reposted: that stays.
const GLUED_LINK = new RegExp(`^\\s*${LINK}(?=[^\\x00-\\x7f])`)

/**
 * Video descriptions open with appeals glued to their links, line breaks lost: "訂閱…頻道：
 * https://…歡迎各位透過PayPal支持我們的創作：http://…（1）#中美關係 …". They go, one at a
 * time, from the start of the first block; what follows the last link is the description.
 */
export function dropLeadingAppeals(blocks: RawBlock[], rules: CleanRules): RawBlock[] {
  const first = blocks[0]
  if (!first || first.type === 'figure') return blocks
  let text = first.text.replace(GLUED_LINK, '')
  for (let m = rules.leadingAppeal.exec(text); m; m = rules.leadingAppeal.exec(text) ?? LINK_AFTER_APPEAL.exec(text)) text = text.slice(m[0].length)
  if (text === first.text) return blocks
  text = text.trim()
  return text ? [{ ...first, text, linkChars: Math.min(first.linkChars, text.length) }, ...blocks.slice(1)] : blocks.slice(1)
}

/**
 * "Follow us" link lists, share prompts and copyright lines at the end. The trailing run of
 * footer-like blocks is cut only when it holds at least one clear footer block, so an article
 * that merely ends on a short line keeps it; and it is cut from that block down (see isFurniture).
 */
export function dropTrailingFooter(blocks: RawBlock[], rules: CleanRules): RawBlock[] {
  // A paragraph of a bare number (0, +1) after the last one is a like or comment counter that
  // exporters keep. It goes alone: the short lines above it may still be the article's, and a
  // list or table that ends on numbers is the article's.
  const last = blocks[blocks.length - 1]
  if (blocks.length > 1 && last.type === 'p' && COUNTER.test(last.text)) blocks = blocks.slice(0, -1)
  // The trailing run of footer-like blocks above a columnist's bio, and the first clear footer
  // block in it. Without a footer above it, the bio stays.
  const end = blocks.length - trailingBio(blocks, rules)
  let start = end
  let firstStrong = -1
  for (let i = end - 1; i > 0; i--) {
    const b = blocks[i]
    const strong = b.type !== 'figure' && (isLinkDominated(b) || (b.text.length <= MAX_FOOTER_CHARS && rules.footerPatterns.some((re) => re.test(b.text))))
    const weak = b.type === 'figure' || (b.text.length <= SHORT_LABEL_CHARS && !SENTENCE_END.test(b.text))
    if (!strong && !weak) break
    start = i
    if (strong) firstStrong = i
  }
  if (firstStrong < 0) return blocks
  let cut = firstStrong
  while (cut > start && isFurniture(blocks[cut - 1])) cut--
  return blocks.slice(0, cut)
}

// A bio is a few sentences; a longer last paragraph under a byline is the article's.
const MAX_BIO_CHARS = 600

/**
 * Columns end with the columnist's byline label and bio ("博客 | 某甲" and "【某甲・專欄】土生土長…")
 * under the footer: long and ending like a sentence, the bio would stop the footer run. Returns
 * how many blocks at the end are label and bio: 2, or 0.
 */
function trailingBio(blocks: RawBlock[], rules: CleanRules): number {
  if (blocks.length < 3) return 0
  const [label, bio] = blocks.slice(-2)
  const isBio = bio.type === 'p' && bio.text.length <= MAX_BIO_CHARS
  return isBio && label.type !== 'figure' && rules.authorLabels.test(label.text.trim()) ? 2 : 0
}

/**
 * Among the short lines of a footer run, those between footer lines go with them, but above
 * the first footer line only a picture or a line without words does: a case number, a
 * signature or a source line ("新闻来源：路透社") just above a promotion is the article's end.
 */
const isFurniture = (b: RawBlock) => b.type === 'figure' || FURNITURE.test(b.text)

// The page head: headline, date, byline, counters; below it the article has begun.
const HEAD_BLOCKS = 5

/**
 * View and like counters in the page head ("796 Views") and a bracketed newsletter appeal under
 * the byline ("（欢迎点击此处订阅NYT简报…）") are the page's, not the article's.
 */
export function dropHeadFurniture(blocks: RawBlock[], rules: CleanRules): RawBlock[] {
  const isPageFurniture = (b: RawBlock) => rules.counterLines.test(b.text) || rules.headAppeals.test(b.text.trim())
  return blocks.filter((b, i) => i >= HEAD_BLOCKS || b.type === 'figure' || !isPageFurniture(b))
}

// A flash item's title is its lead, a statement; a headline may ask (为何…？) or end on a quote (…「共享經濟」).
const STATEMENT_END = /[。！!…][」』”]?$/

/**
 * Pages repeat their headline as the text's first paragraph. A title that ends like a statement
 * is a flash item whose text opens with the same words, its lead: that stays.
 */
export function dropTitleRepeat(blocks: RawBlock[], title: string | undefined): RawBlock[] {
  const at = blocks.findIndex((b) => b.type !== 'figure')
  if (!title || at < 0 || at === blocks.length - 1 || STATEMENT_END.test(title.trim())) return blocks
  const key = compact(title)
  return key.length > 0 && compact(blocks[at].text) === key ? blocks.filter((_, i) => i !== at) : blocks
}

/** A pull quote repeats a paragraph of the article: keep the paragraph, drop the repeat. */
export function dropRepeats(blocks: RawBlock[]): RawBlock[] {
  const keys = blocks.map((b) => (b.type === 'figure' ? '' : compact(b.text)))
  const prose = blocks.flatMap((b, i) => (b.type !== 'figure' && b.type !== 'quote' ? [keys[i]] : []))
  const seen = new Set<string>()
  return blocks.filter((b, i) => {
    const key = keys[i]
    if (b.type === 'figure' || key.length < 12) return true
    if (seen.has(key)) return false
    seen.add(key)
    // Linear in the article for each quote; articles have few quotes.
    return b.type !== 'quote' || !prose.some((k) => k !== key && k.includes(key))
  })
}
