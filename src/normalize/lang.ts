import type { Lang } from '../article.js'
import { isTraditionalChar } from './fold.js'

const HAN = /^\p{Script=Han}$/u
const LATIN = /[A-Za-z]/

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
    if (!HAN.test(ch)) latin += LATIN.test(ch) ? 1 : 0
    else (han++, isTraditionalChar(ch) && changed++)
  }
  if (han < 20 && latin > han * 4) return latin > 20 ? 'en' : 'other'
  if (han === 0) return 'other'
  return changed / han > 0.03 ? 'zh-Hant' : 'zh-Hans'
}
