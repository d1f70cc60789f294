import type { Lang } from '../article.js'
import { foldText } from './fold.js'

const HAN = /\p{Script=Han}/gu
const LATIN = /[A-Za-z]/g

/**
 * Language tag from the text itself. Traditional vs Simplified: the share of Han characters
 * that change under Traditional→Simplified folding. Simplified text changes almost none (a
 * few variant forms); Traditional news text changes one character in five or more.
 */
export function detectLang(text: string): Lang {
  const sample = text.slice(0, 1500) // enough Han characters to tell scripts apart
  const hanChars = sample.match(HAN) ?? []
  const latin = sample.match(LATIN)?.length ?? 0
  if (hanChars.length < 20 && latin > hanChars.length * 4) return latin > 20 ? 'en' : 'other'
  if (hanChars.length === 0) return 'other'
  const han = hanChars.join('')
  const folded = foldText(han)
  let changed = 0
  for (let i = 0; i < Math.min(han.length, folded.length); i++) if (han[i] !== folded[i]) changed++
  return changed / hanChars.length > 0.03 ? 'zh-Hant' : 'zh-Hans'
}
