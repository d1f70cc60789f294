import { foldText } from '../normalize/fold.js'

export interface Sentence {
  /** Position in the article: paragraph and sentence within it, both from 0. */
  readonly paragraph: number
  readonly index: number
  /** Ordinal over the whole article, from 0. */
  readonly n: number
  readonly text: string // as published
  readonly folded: string
}

// Sentence ends: Chinese and Western terminal punctuation, optionally followed by closing
// quotes/brackets which belong to the sentence they close (。” ends inside the quotation).
const TERMINAL = new Set(['。', '！', '？', '!', '?', '；', ';', '…'])
const CLOSERS = new Set(['”', '’', '」', '』', '"', "'", '）', ')', '】', '》'])
const OPENERS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '（': '）', '(': ')' }
// The same, by UTF-16 code unit (all are one unit): reading para[i] made a new string of each
// Chinese character, and looking it up in OPENERS interned it, most of the cost of splitting.
const IS_TERMINAL = 1
const IS_CLOSER = 2
const unitKind = new Uint8Array(0x10000)
for (const c of TERMINAL) unitKind[c.charCodeAt(0)] |= IS_TERMINAL
for (const c of CLOSERS) unitKind[c.charCodeAt(0)] |= IS_CLOSER
const closerOf = new Map(Object.entries(OPENERS).map(([open, close]) => [open.charCodeAt(0), close.charCodeAt(0)]))
const isTerminalAt = (s: string, i: number) => i >= 0 && i < s.length && (unitKind[s.charCodeAt(i)] & IS_TERMINAL) !== 0
const SPEAKER_FOLLOWS = /^[^。！？!?“「]*?(说|說|表示|称|稱|指出|强调|強調|写道|寫道|说道|說道)[^。！？!?“「]{0,4}[。！？!?]/u
// …or a dash does (“…。” ——参议院多数党领袖麦康奈尔（Mitch McConnell）), to the paragraph's end or a
// sentence's end not far on.
const DASH_FOLLOWS = /^\s*(?:——|—|──|－－|--)[^。！？!?“「，,；;]{1,60}/u
function dashAttributionAt(para: string, at: number): boolean {
  const m = DASH_FOLLOWS.exec(para.slice(at, at + 64))
  return !!m && (at + m[0].length === para.length || /^[。！？!?]/u.test(para.slice(at + m[0].length)))
}
// A quotation longer than this is not kept whole: an unmatched “ must not swallow an article.
const MAX_QUOTED_CHARS = 400

/**
 * Splits text (paragraphs separated by blank lines) into sentences. Terminal punctuation
 * inside a short quotation does not end the sentence that carries it, so
 * `普京说：“我们同意。这个问题已经解决。”` stays one sentence with its speaker.
 */
export function splitSentences(text: string, max = Infinity): Sentence[] {
  const out: Sentence[] = []
  const paragraphs = text.split(PARAGRAPH_BREAK)
  let n = 0
  for (let p = 0; p < paragraphs.length && out.length < max; p++) {
    let index = 0
    for (const s of splitParagraph(paragraphs[p].replace(/\s*\n\s*/g, ' ').trim())) {
      const t = s.trim()
      if (!/[\p{L}\p{N}]/u.test(t)) continue
      out.push({ paragraph: p, index: index++, n: n++, text: t, folded: foldText(t) })
      if (out.length >= max) break
    }
  }
  return out
}
// A Markdown heading (### 台山核電站：環境指標正常) is a line of its own even without a blank line
// after it: joined to the next line it would open that paragraph's first sentence. The heading's
// line break is matched before the look-behind that checks its line: a look-behind first was
// tried at every position, each time back to the start of the line (quadratic in a line's length).
const PARAGRAPH_BREAK = /\n\s*\n|\n(?=[ \t]*#{1,6}[ \t])|\n(?<=^[ \t]*#{1,6}[ \t][^\n]*\n)/m

function splitParagraph(para: string): string[] {
  const parts: string[] = []
  let start = 0
  const stack: number[] = []
  let quoteStart = -1
  for (let i = 0; i < para.length; i++) {
    const ch = para.charCodeAt(i)
    const close = closerOf.get(ch)
    if (close !== undefined) {
      if (stack.length === 0) quoteStart = i
      stack.push(close)
      continue
    }
    if (stack.length && ch === stack[stack.length - 1]) {
      stack.pop()
      // 。” closes the sentence along with the quotation, unless what follows names its
      // speaker (“…。”他说。).
      if (stack.length === 0 && isTerminalAt(para, i - 1) && i + 1 < para.length && !SPEAKER_FOLLOWS.test(para.slice(i + 1, i + 61)) && !dashAttributionAt(para, i + 1)) {
        parts.push(para.slice(start, i + 1))
        start = i + 1
      }
      continue
    }
    if (stack.length && i - quoteStart > MAX_QUOTED_CHARS) stack.length = 0
    if (!(unitKind[ch] & IS_TERMINAL) || stack.length) continue
    let end = i + 1
    while (end < para.length && unitKind[para.charCodeAt(end)] !== 0) end++
    // ASCII . ! ? inside words (3.5, U.S.) never reach here: only listed terminals split.
    parts.push(para.slice(start, end))
    start = end
    i = end - 1
  }
  if (start < para.length) parts.push(para.slice(start))
  return parts
}
