// Chinese numerals by hand: the npm packages for this (chinese-numbers-converter, nzh) either
// reject mixed forms like 3万 / 1.5亿 / 两千 or pull in large unrelated code; news needs these few rules.
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
// 兆 is 10¹² in Taiwan's and Hong Kong's usage (1兆欧元, the 1万亿欧元 of Mainland reports); as the
// metric mega (兆瓦) it comes before a unit of measure, which a figure does not take.
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8, 兆: 1e12 }

/**
 * 一千五百五十 → 1550, 二十一 → 21, 两 → 2, 十 → 10, 3万 → 30000, 1.5亿 → 150000000, 1兆 → 10¹², 1,550 → 1550,
 * 52万1384 → 521384, 1千万 → 10⁷, 5万7千 → 57000, 1亿2000万 → 120000000: digits and numerals mix freely.
 */
export function parseNumber(s: string): number | undefined {
  const t = s.replace(/[,，](?=\d{3})/g, '')
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t)
  // Runs of digits stand where a numeral digit would (5万7千 reads as 五万七千).
  const tokens = t.match(/\d+(?:\.\d+)?|./gu)
  if (!tokens || !tokens.every((c) => /^\d/.test(c) || c in DIGIT || c in SMALL_UNIT || c in BIG_UNIT)) return undefined
  return readNumeral(tokens)
}

function readNumeral(tokens: readonly string[]): number | undefined {
  let total = 0
  let section = 0
  let digit = -1
  let previous = ''
  let lastBig = 0
  for (const c of tokens) {
    // 千百万 (millions upon millions), 百十: a unit right after a larger one is no numeral.
    if (c in SMALL_UNIT && previous in SMALL_UNIT && SMALL_UNIT[previous] > SMALL_UNIT[c]) return undefined
    previous = c
    if (/^\d/.test(c)) {
      digit = Number(c)
    } else if (c in DIGIT) {
      // 一九八五, 二〇二一 (digit by digit, as in years) read positionally; 零 holds an empty place (一千零五).
      digit = digit >= 0 && c !== '零' ? digit * 10 + DIGIT[c] : DIGIT[c]
    } else if (c in SMALL_UNIT) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNIT[c]
      digit = -1
    } else {
      // A big unit multiplies what came before it, unless one as large came first: in 1亿2000万
      // the 万 multiplies 2000 alone, in 1万亿2000亿 the second 亿 multiplies 2000; in 1.8万亿 the
      // 亿 multiplies 1.8万.
      const big = BIG_UNIT[c]
      const current = section + Math.max(digit, 0)
      total = lastBig && big <= lastBig ? total + current * big : (total + current) * big
      lastBig = Math.max(lastBig, big)
      section = 0
      digit = -1
    }
  }
  return total + section + Math.max(digit, 0)
}
