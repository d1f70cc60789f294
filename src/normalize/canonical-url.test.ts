import { describe, expect, it } from 'vitest'
import { canonicalUrl } from './canonical-url.js'

describe('canonicalUrl', () => {
  it.each([
    ['https://www.voachinese.com/a/x/5753650.html?utm_source=tw&utm_medium=social#top', 'https://voachinese.com/a/x/5753650.html'],
    ['http://gnews.org/zh-hans/1333308/', 'https://gnews.org/zh-hans/1333308'],
    ['https://web.archive.org/web/20210712045418/https://www.hkcnews.com/article/32085/x', 'https://hkcnews.com/article/32085/x'],
    ['https://cn.ft.com/story/001088524?full=y&from=rss', 'https://cn.ft.com/story/001088524?full=y'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
  ])('canonicalUrl(%s)', (input, out) => expect(canonicalUrl(input)).toBe(out))

  it.each(['', 'not a url', 'javascript:alert(1)', 'mailto:a@b.c'])('rejects %j', (input) => expect(canonicalUrl(input)).toBeUndefined())

  it('is idempotent', () => {
    const once = canonicalUrl('https://www.rfi.fr/cn/%E6%94%BF%E6%B2%BB/20210616-x?utm_campaign=a')!
    expect(canonicalUrl(once)).toBe(once)
  })
})
