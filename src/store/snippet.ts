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
    const hits = terms.map((t) => occurrences(folded, t).next().value ?? -1).filter((i) => i >= 0)
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
  for (const t of terms) for (const i of occurrences(folded, t)) marks.fill(true, i, i + t.length)
  let out = ''
  for (let i = start; i < end; i++) {
    if (marks[i] && !marks[i - 1]) out += '['
    out += para[i]
    if (marks[i] && !marks[i + 1]) out += ']'
  }
  return out
}

const LATIN = /[a-z0-9]/
/**
 * Where a term stands in folded text. A term that begins or ends in a Latin letter or digit is
 * a word of its own (as the search index has it): "and" is not marked inside "band", nor "or"
 * inside "corrupt". Chinese terms match anywhere.
 */
export function* occurrences(folded: string, term: string): Generator<number> {
  const before = LATIN.test(term[0] ?? '')
  const after = LATIN.test(term[term.length - 1] ?? '')
  for (let i = folded.indexOf(term); i >= 0; i = folded.indexOf(term, i + 1)) {
    if (before && LATIN.test(folded[i - 1] ?? '')) continue
    if (after && LATIN.test(folded[i + term.length] ?? '')) continue
    yield i
  }
}
