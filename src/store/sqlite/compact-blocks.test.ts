import { describe, expect, it } from 'vitest'
import type { Block } from '../../article.js'
import { decodeBlocks, encodeBlocks } from './compact-blocks.js'

const blocks: Block[] = [
  { type: 'h', text: '美俄峰会' },
  { type: 'figure', src: 'https://example.org/a.jpg', caption: '日内瓦' },
  { type: 'p', text: '拜登和普京在日内瓦会面。' },
  { type: 'pre', text: 'line one\n\nline two' },
]
const text = '美俄峰会\n\n拜登和普京在日内瓦会面。\n\nline one\n\nline two'

describe('compact blocks', () => {
  it('stores lengths instead of a second copy of the text, and reads the same blocks back', () => {
    const stored = encodeBlocks(text, blocks)
    expect(stored).not.toContain('普京')
    expect(decodeBlocks(text, stored)).toEqual(blocks)
  })
  it.each([
    ['text that is not the blocks joined', '另一篇文章', blocks],
    ['a dateline cut from the text', '拜登和普京在日内瓦会面。', [{ type: 'p', text: '日内瓦电 拜登和普京在日内瓦会面。' }] as Block[]],
    ['no blocks (JSONL input)', text, [] as Block[]],
  ])('keeps the texts when the lengths would not give them back: %s', (_, t, bs) => {
    expect(encodeBlocks(t, bs)).toBe(JSON.stringify(bs))
    expect(decodeBlocks(t, encodeBlocks(t, bs))).toEqual(bs)
  })
  it('reads blocks stored with their texts (rows written before)', () => {
    expect(decodeBlocks(text, JSON.stringify(blocks))).toEqual(blocks)
  })
})
