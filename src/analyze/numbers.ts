// Chinese numerals by hand: the npm packages for this (chinese-numbers-converter, nzh) either
// reject mixed forms like 3万 / 1.5亿 / 两千 or pull in large unrelated code; news needs these few rules.
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
// 兆 is 10¹² in Taiwan's and Hong Kong's usage (1兆欧元, the 1万亿欧元 of Mainland reports); as the
// metric mega (兆瓦) it comes before a unit of measure, which a figure does not take.
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8, 兆: 1e12 }

/** 一千五百五十 → 1550, 二十一 → 21, 两 → 2, 十 → 10, 3万 → 30000, 1.5亿 → 150000000, 1兆 → 10¹², 1,550 → 1550, 52万1384 → 521384. */
export function parseNumber(s: string): number | undefined {
  const t = s.replace(/[,，](?=\d{3})/g, '')
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t)
  const mixed = /^(\d+(?:\.\d+)?)([万亿兆]+)$/.exec(t)
  if (mixed) return [...mixed[2]].reduce((v, u) => v * BIG_UNIT[u], Number(mixed[1]))
  // Digits between big units: 52万1384 → 521384, 1亿2000万 → 120000000.
  const compound = /^(?:(\d+(?:\.\d+)?)亿)?(?:(\d+(?:\.\d+)?)万)?(\d+)?$/.exec(t)
  if (compound && /[万亿]/.test(t)) return Number(compound[1] ?? 0) * 1e8 + Number(compound[2] ?? 0) * 1e4 + Number(compound[3] ?? 0)
  return parseHanNumber(t)
}

function parseHanNumber(s: string): number | undefined {
  if (!s || ![...s].every((c) => c in DIGIT || c in SMALL_UNIT || c in BIG_UNIT)) return undefined
  let total = 0
  let section = 0
  let digit = -1
  let previous = ''
  for (const c of s) {
    // 千百万 (millions upon millions), 百十: a unit right after a larger one is no numeral.
    if (c in SMALL_UNIT && previous in SMALL_UNIT && SMALL_UNIT[previous] > SMALL_UNIT[c]) return undefined
    previous = c
    if (c in DIGIT) {
      // 一九八五 (digit by digit, as in years) reads positionally.
      digit = digit >= 0 && !(c === '零' || c === '〇') ? digit * 10 + DIGIT[c] : DIGIT[c]
    } else if (c in SMALL_UNIT) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNIT[c]
      digit = -1
    } else {
      total = (total + section + Math.max(digit, 0)) * BIG_UNIT[c]
      section = 0
      digit = -1
    }
  }
  return total + section + Math.max(digit, 0)
}
