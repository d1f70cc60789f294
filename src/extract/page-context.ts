/**
 * Where bylines and dates are written: around the top of the article (the info bar between
 * title and body, which Readability usually leaves out) and at its very end ("（记者 张三）").
 */
export interface ArticleContext {
  /** Nearest-to-the-title first: first article lines, then the page lines just above the article. */
  readonly head: readonly string[]
  /** Last article lines (last first), then the page lines just below it. */
  readonly tail: readonly string[]
  /** Lines that directly follow a title-like line near the top: where a bare author name sits. */
  readonly underTitle: readonly { readonly line: string; readonly isAfterTitle: boolean }[]
}

const HEAD_ARTICLE_LINES = 6
const ABOVE_PAGE_LINES = 12
const TAIL_ARTICLE_LINES = 4
const BELOW_PAGE_LINES = 6

const key = (s: string) => s.replace(/\s+/g, '').slice(0, 16)

/**
 * Index of the page line where `line` is, searching from `from`: a line that starts the same
 * way wins over one that merely contains it ("[湖湘文化]陈天华《警世钟》" in a nav list).
 */
function locate(pageLines: readonly string[], line: string | undefined, from = 0): number {
  if (!line) return -1
  const k = key(line)
  if (k.length < 6) return -1
  let contains = -1
  for (let i = from; i < pageLines.length; i++) {
    const p = key(pageLines[i])
    if (p.startsWith(k)) return i
    if (contains < 0 && p.includes(k)) contains = i
  }
  return contains
}

/** `titles`: the page's own idea of its title (<title>, Readability's), to recognise the title line. */
export function articleContext(pageLines: readonly string[], articleLines: readonly string[], titles: readonly string[]): ArticleContext {
  // The first article line may be too short to find ("一、"), so try the first few.
  let start = -1
  for (let i = 0; i < Math.min(5, articleLines.length) && start < 0; i++) {
    start = locate(pageLines, articleLines[i])
    // Step back over article lines too short to search for ("胡平"), if the page has them
    // right there; it may not, as the page list leaves out link lines.
    for (let j = i - 1; start > 0 && j >= 0 && key(pageLines[start - 1]) === key(articleLines[j]); j--) start--
  }
  let end = -1
  for (let i = articleLines.length - 1; i >= Math.max(0, articleLines.length - 5) && end < 0; i--)
    end = locate(pageLines, articleLines[i], Math.max(0, start))
  const above = start > 0 ? pageLines.slice(Math.max(0, start - ABOVE_PAGE_LINES), start).reverse() : []
  const below = end >= 0 ? pageLines.slice(end + 1, end + 1 + BELOW_PAGE_LINES) : []
  const head = [...articleLines.slice(0, HEAD_ARTICLE_LINES), ...above]
  const tail = [...articleLines.slice(-TAIL_ARTICLE_LINES).reverse(), ...below]

  const top = [...(start > 0 ? pageLines.slice(Math.max(0, start - 4), start) : []), ...articleLines.slice(0, 4)]
  const titleKeys = titles.map((t) => t.replace(/\s+/g, '')).filter((t) => t.length >= 4)
  const isTitle = (line: string) => {
    const k = line.replace(/\s+/g, '')
    return k.length >= 4 && titleKeys.some((t) => t.includes(k) || k.includes(t))
  }
  const aboveCount = top.length - Math.min(4, articleLines.length)
  const underTitle: { line: string; isAfterTitle: boolean }[] = []
  for (let i = 1; i < top.length; i++) {
    const prev = top[i - 1]
    const isAfterTitle = isTitle(prev)
    // Without the page title to go by, only the line just above the article's first or second
    // line counts as a title: higher up, short lines are menus and counters ("Trackbacks - 25").
    const isNearStart = (i === aboveCount || i === aboveCount + 1) && prev.length >= 4 && prev.length <= 40 && !/[。！？，]$/.test(prev)
    if (isAfterTitle || isNearStart) underTitle.push({ line: top[i], isAfterTitle })
  }
  return { head, tail, underTitle }
}
