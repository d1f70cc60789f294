import type { Block } from '../../article.js'

// Blocks are the paragraphs of the text with their types: stored as JSON with each text
// replaced by its length when the texts, joined by blank lines, are exactly the article text
// (they are for every cleaned article); otherwise, and in rows written before, with the texts.
const SEPARATOR = '\n\n'

type StoredBlock = Omit<Block, 'text'> & { text?: string; n?: number }

export function encodeBlocks(text: string, blocks: readonly Block[]): string {
  const texts = blocks.filter((b) => b.text)
  if (texts.length === 0 || !isJoinOf(text, texts)) return JSON.stringify(blocks)
  return JSON.stringify(blocks.map((b): StoredBlock => (b.text ? { ...b, text: undefined, n: b.text.length } : b)))
}

export function decodeBlocks(text: string, json: string): Block[] {
  const stored = JSON.parse(json) as StoredBlock[]
  let at = 0
  return stored.map(({ n, ...rest }) => {
    if (n === undefined) return rest
    const block = { ...rest, text: text.slice(at, at + n) }
    at += n + SEPARATOR.length
    return block
  })
}

function isJoinOf(text: string, blocks: readonly Block[]): boolean {
  let at = 0
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i].text!
    if (i > 0) {
      if (!text.startsWith(SEPARATOR, at)) return false
      at += SEPARATOR.length
    }
    if (!text.startsWith(t, at)) return false
    at += t.length
  }
  return at === text.length
}
