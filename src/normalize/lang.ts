import type { Lang } from '../article.js'
import { charTest } from '../text/char-class.js'
import { isTraditionalChar } from './fold.js'

// Remembered per character (charTest): a regex per character was most of the cost of tagging
// the language of an article.
const isHan = charTest(/\p{Script=Han}/u)

const isLatin = (ch: string) => {
  const lower = ch.charCodeAt(0) | 0x20
  return ch.length === 1 && lower >= 0x61 && lower <= 0x7a
}

/**
 * Language tag from the text itself. Traditional vs Simplified: the share of Han characters
 * that change under Traditional→Simplified folding. Simplified text changes almost none (a
 * few variant forms); Traditional news text changes one character in five or more.
 */
export function detectLang(text: string): Lang {
  let han = 0
  let changed = 0
  let latin = 0
  for (const ch of text.slice(0, 1500)) {
    if (!isHan(ch)) latin += isLatin(ch) ? 1 : 0
    else (han++, isTraditionalChar(ch) && changed++)
  }
  if (han < 20 && latin > han * 4) return latin > 20 ? 'en' : 'other'
  if (han === 0) return 'other'
  return changed / han > 0.03 ? 'zh-Hant' : 'zh-Hans'
}
