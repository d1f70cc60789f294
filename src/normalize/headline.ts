// Flash-news archives (快讯) keep a whole item as its title — "【headline】lead sentence。" —
// and the same words open its text. The bracketed part is the headline. A short bracketed part
// is a programme's label instead (【路德简报】, 【每日快讯】: fewer than MIN_HEADLINE letters), and a
// title whose text does not open with it is an ordinary headline: both are left alone.
const FLASH = /^\s*【([^【】]+)】([\s\S]+)$/u
// What follows the brackets is a sentence, or was one before the archiver cut it short.
const SENTENCE = /[。！？!?]|(?:\.\.\.|…)\s*$/u
const MIN_HEADLINE = 10
// Enough of the title to tell that the text opens with it (archivers cut long titles short).
const OPENING_CHARS = 40

const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '')
const compact = (s: string) => s.replace(/\s+/g, '')

/** The headline of an article whose title is its whole flash item, else the title as it is. */
export function headlineOf(title: string, text: string): string {
  const m = FLASH.exec(title)
  if (!m || letters(m[1]).length < MIN_HEADLINE || !SENTENCE.test(m[2])) return title
  const opening = compact(title).replace(/(\.\.\.|…)+$/, '').slice(0, OPENING_CHARS)
  return compact(text).startsWith(opening) ? m[1].trim() : title
}

/**
 * A headline without the site's name that pages append to it ("川普控选举舞弊 观选团批有损民主信心
 * – 法国国际广播电台 - RFI", "… – iYouPort"): archivers that save a page's <title> keep it, and
 * then every headline of the outlet shares those words. A trailing part after a dash or bar is
 * dropped while `isSiteName` calls it a name, as long as a headline of MIN_HEADLINE_LEFT letters
 * is left.
 */
export function withoutSiteName(title: string, isSiteName: (part: string) => boolean): string {
  let rest = title
  for (let m = SITE_SUFFIX.exec(rest); m && isSiteName(m[1].trim()); m = SITE_SUFFIX.exec(rest)) {
    const shorter = rest.slice(0, m.index)
    if (letters(shorter).length < MIN_HEADLINE_LEFT) break
    rest = shorter
  }
  return rest === title ? title : rest.trimEnd()
}
// The separator has a space on at least one side ("美俄峰会 - 日内瓦" but not "Covid-19"), or is a
// full-width bar; a name is short.
const SITE_SUFFIX = /(?:\s[-–—|_]\s*|[-–—|_]\s|\s*｜\s*)([^-–—|｜_]{1,40})$/u
const MIN_HEADLINE_LEFT = 6
