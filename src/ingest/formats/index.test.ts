import { describe, expect, it } from 'vitest'
import { fileFormatNames } from '../../article.js'
import { detectFormat, formatNames, parseAny } from './index.js'

describe('formats', () => {
  it('are the ones the CLI offers for --format, in detection order', () => {
    expect(formatNames).toEqual([...fileFormatNames])
  })

  it('detect a Hexo post (its exporter writes headimg) before plain Markdown, and fall back to Markdown for other text', () => {
    const hexo = '---\ntitle: 标题\ndate: 2021-06-16 10:00:00\ncategories: [新媒体, 观察者网, 国际]\nheadimg: https://example.org/a.jpg\n---\n正文第一段。\n'
    expect(detectFormat({ text: hexo, locator: 'a.md' })?.name).toBe('hexo')
    expect(detectFormat({ text: '# 标题\n\n正文。\n', locator: 'b.md' })?.name).toBe('markdown')
  })

  it('say which formats were tried when none recognises a file', () => {
    const out = parseAny({ text: '\u0000\u0001', locator: 'c.bin' })
    if (out.ok) {
      expect(out.ok).toBe(false)
      return
    }
    expect(out.problem.code).toBe('format/unknown')
  })
})
