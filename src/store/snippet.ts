import { foldText } from '../normalize/fold.js'

const CONTEXT_CHARS = 40

/**
 * A short passage of the article around the first query word, with hits in [brackets]. The
 * passage is cut from the text as published (Traditional stays Traditional); matching is on
 * the folded form, whose positions line up with the original for Chinese text.
 */
export function makeSnippet(text: string, words: readonly string[]): string {
  const terms = words.filter(Boolean)
  for (const para of text.split(/\n{2,}/)) {
    const folded = foldText(para)
    const hits = terms.map((t) => folded.indexOf(t)).filter((i) => i >= 0)
    if (!hits.length) continue
    // Highlight only when folding kept the length, so positions are trustworthy.
    const aligned = folded.length === para.length
    const first = Math.min(...hits)
    const start = Math.max(0, first - CONTEXT_CHARS)
    const end = Math.min(para.length, first + CONTEXT_CHARS * 2)
    let out = aligned ? highlight(para, folded, terms, start, end) : para.slice(start, end)
    if (start > 0) out = `…${out}`
    if (end < para.length) out += '…'
    return out
  }
  return text.slice(0, CONTEXT_CHARS * 2) + (text.length > CONTEXT_CHARS * 2 ? '…' : '')
}

function highlight(para: string, folded: string, terms: readonly string[], start: number, end: number): string {
  const marks = new Array<boolean>(para.length).fill(false)
  for (const t of terms) for (let i = folded.indexOf(t); i >= 0; i = folded.indexOf(t, i + t.length)) marks.fill(true, i, i + t.length)
  let out = ''
  for (let i = start; i < end; i++) {
    if (marks[i] && !marks[i - 1]) out += '['
    out += para[i]
    if (marks[i] && !marks[i + 1]) out += ']'
  }
  return out
}
