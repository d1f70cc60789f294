import { Parser } from 'htmlparser2'
import { BLOCK, VOID } from './normalize-html.js'

/** A run of text between block boundaries: a paragraph, a table cell, a list item. */
export interface TextBlock {
  /** Lines as the page breaks them with single `<br>`s, trimmed, none empty. */
  readonly lines: readonly string[]
  /** Tokens: one per CJK character, one per run of other letters or digits (a word, a number). */
  readonly chars: number
  /** The part of `chars` inside links. */
  readonly linkChars: number
  /** Sentence punctuation: running prose has it, menus and link lists do not. */
  readonly stops: number
  readonly tag: string
  readonly isHeading: boolean
}

const SKIP = new Set(['script', 'style', 'template', 'svg', 'noscript', 'head', 'title', 'textarea', 'select', 'button', 'iframe', 'object'])
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}'
// Counting words rather than letters keeps English and Chinese blocks comparable, and keeps
// dates and counters ("08-11 16:06 298字") from outweighing the link text beside them.
const TOKEN = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}])+`, 'gu')
const STOP = /[。！？；，、,.;!?]/g

export const countChars = (s: string): number => s.match(TOKEN)?.length ?? 0

/**
 * Splits HTML into text blocks in one streaming pass (no tree, so no recursion: safe on any
 * depth or size). Two `<br>` in a row end a paragraph, as old pages lay paragraphs out that way.
 */
export function htmlBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = []
  let lines: string[] = []
  let line = ''
  let chars = 0
  let linkChars = 0
  let brRun = 0
  let skip = 0
  let inLink = 0
  let inPre = 0
  let heading = 0
  let tag = 'body'
  const tags: string[] = []

  const endLine = () => {
    const t = line.replace(/[\s\u3000]+/g, ' ').trim()
    if (t) lines.push(t)
    line = ''
  }
  const endBlock = () => {
    endLine()
    if (lines.length > 0) {
      const text = lines.join('\n')
      blocks.push({ lines, chars, linkChars, stops: text.match(STOP)?.length ?? 0, tag, isHeading: heading > 0 })
    }
    lines = []
    chars = 0
    linkChars = 0
    brRun = 0
  }

  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) return void skip++
        if (skip > 0) return
        if (name === 'br') {
          brRun++
          return brRun >= 2 ? endBlock() : endLine()
        }
        if (BLOCK.has(name) || name === 'img') {
          endBlock()
          tag = name
        }
        if (!VOID.has(name)) tags.push(name)
        if (name === 'a') inLink++
        if (name === 'pre') inPre++
        if (/^h[1-6]$/.test(name)) heading++
      },
      ontext(text) {
        if (skip > 0) return
        const n = countChars(text)
        if (n > 0) brRun = 0
        chars += n
        if (inLink > 0) linkChars += n
        if (inPre > 0) {
          const parts = text.split('\n')
          line += parts[0]
          for (const p of parts.slice(1)) {
            endLine()
            line = p
          }
        } else line += text
      },
      onclosetag(name) {
        if (SKIP.has(name)) return void (skip = Math.max(0, skip - 1))
        if (skip > 0 || VOID.has(name)) return
        if (name === 'a') inLink = Math.max(0, inLink - 1)
        if (name === 'pre') inPre = Math.max(0, inPre - 1)
        if (BLOCK.has(name)) endBlock()
        if (/^h[1-6]$/.test(name)) heading = Math.max(0, heading - 1)
        tags.pop()
        if (BLOCK.has(name)) tag = enclosingBlock(tags)
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  )
  parser.end(html)
  endBlock()
  return blocks
}

function enclosingBlock(tags: readonly string[]): string {
  for (let i = tags.length - 1; i >= 0; i--) if (BLOCK.has(tags[i])) return tags[i]
  return 'body'
}

/** Paragraphs separated by a blank line; lines within a paragraph by a newline. */
export const blocksToText = (blocks: readonly TextBlock[]): string => blocks.map((b) => b.lines.join('\n')).join('\n\n')
