import type { TextBlock } from './html-blocks.js'

/**
 * A block must carry this many characters of prose to pay for its place in the article. Menus,
 * bylines and "上一篇/下一篇" links sit below it; Chinese paragraphs of even two sentences above it.
 */
const BLOCK_COST = 20

/** Prose without sentence punctuation is usually a list of titles, so it counts half. */
export function blockScore(b: TextBlock): number {
  const prose = Math.max(0, b.chars - b.linkChars)
  const weight = b.stops > 0 || b.isHeading ? 1 : 0.5
  return prose * weight - b.linkChars - BLOCK_COST
}

export const isLinkList = (b: TextBlock): boolean => b.linkChars > 0.5 * b.chars

/**
 * The densest run of prose on the page: the contiguous run of blocks with the largest total
 * score (maximum subarray). This is the line-block density idea used for Chinese news pages,
 * which keep the article as one stretch of long paragraphs between link-heavy chrome. It needs
 * no tree, so it also serves pages too large or too broken for Readability.
 */
export function densestRun(blocks: readonly TextBlock[]): { start: number; end: number; score: number } {
  let best = { start: 0, end: -1, score: 0 }
  let start = 0
  let sum = 0
  for (let i = 0; i < blocks.length; i++) {
    if (sum <= 0) {
      start = i
      sum = 0
    }
    sum += blockScore(blocks[i])
    if (sum > best.score) best = { start, end: i, score: sum }
  }
  return best
}

/** The article blocks by density, minus link lists that the run swallowed on its way. */
export function densityExtract(blocks: readonly TextBlock[]): TextBlock[] {
  const { start, end } = densestRun(blocks)
  // No block pays its way on a page of only short lines (a poem, a notice): keep all the prose.
  if (end < start) return blocks.filter((b) => !isLinkList(b) && b.chars > b.linkChars)
  return blocks.slice(start, end + 1).filter((b) => !isLinkList(b))
}
