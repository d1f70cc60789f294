import type { Lang } from '../article.js'
import { charCodeTest, charTest } from '../text/char-class.js'
import { isTraditionalChar, isTraditionalUnit } from './fold.js'

// Remembered per character (charCodeTest): a regex per character was most of the cost of
// tagging the language of an article.
const HAN = /\p{Script=Han}/u
const isHanUnit = charCodeTest(HAN)
const isHan = charTest(HAN)

const isLatinUnit = (code: number) => {
  const lower = code | 0x20
  return lower >= 0x61 && lower <= 0x7a
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
  // By code unit, not `for…of` (a string per character); a surrogate pair is one character,
  // never Latin, and Han only if its code point is (the converter decides whether it changes).
  const head = text.slice(0, 1500)
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < head.length && (head.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const pair = head.slice(i, i + 2)
      i++
      if (isHan(pair)) (han++, isTraditionalChar(pair) && changed++)
    } else if (!isHanUnit(code)) latin += isLatinUnit(code) ? 1 : 0
    else (han++, isTraditionalUnit(code) && changed++)
  }
  if (han < 20 && latin > han * 4) return latin > 20 ? 'en' : 'other'
  if (han === 0) return 'other'
  return changed / han > 0.03 ? 'zh-Hant' : 'zh-Hans'
}
