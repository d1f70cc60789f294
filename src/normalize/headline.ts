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
