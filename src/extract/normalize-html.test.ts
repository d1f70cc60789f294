import { describe, expect, it } from 'vitest'
import { estimateDepth, flattenTags } from './depth-guard.js'
import { blocksToText, htmlBlocks } from './html-blocks.js'
import { MAX_DEPTH, normalizeHtml } from './normalize-html.js'

describe('normalizeHtml', () => {
  it('gives a wrapped, body-less page a head and a body', () => {
    const n = normalizeHtml('<text id="u" title="t"><meta name="author" content="张三"><title>标题</title><p>正文</p></text>')
    expect(n.html).toMatch(/^<!DOCTYPE html><html><head><title>标题<\/title><meta name="author" content="张三"><\/head><body>/)
    expect(n.html).toContain('<p>正文</p>')
    expect(n.head).toMatchObject({ title: '标题', metas: [{ key: 'author', content: '张三' }] })
  })

  it('drops scripts and styles but keeps JSON-LD, <time> and the language', () => {
    const n = normalizeHtml(
      '<html lang="zh-CN"><head><script>var a = "<p>x</p>"</script><script type="application/ld+json">{"a":1}</script><style>p{}</style></head>' +
        '<body><time datetime="2021-06-16">6月16日</time><p>正文</p></body></html>',
    )
    expect(n.html).not.toContain('var a')
    expect(n.html).not.toContain('p{}')
    expect(n.html).toContain('<script type="application/ld+json">{"a":1}</script>')
    expect(n.head).toMatchObject({ lang: 'zh-CN', jsonLd: ['{"a":1}'], times: ['2021-06-16'] })
  })

  it('flattens elements past MAX_DEPTH into their ancestor, keeping text and paragraph breaks', () => {
    const depth = MAX_DEPTH + 50
    const n = normalizeHtml(`<body>${'<div>'.repeat(depth)}<p>一</p><p>二</p>${'</div>'.repeat(depth)}</body>`)
    expect(n.isDepthCapped).toBe(true)
    expect(n.html.match(/<div>/g)).toHaveLength(MAX_DEPTH)
    expect(blocksToText(htmlBlocks(n.html))).toBe('一\n\n二')
  })

  it('drops text a reader cannot see and comment-delimited ad sections, as the clean stage does', () => {
    const n = normalizeHtml(
      '<body style="display:none"><p>正文一</p><p style="color:#fdfdfd">水印</p><font color="white">隐形字</font><span style="font-size:0">零号字</span>' +
        '<div><!--广告开始--><p>广告：特价</p><table><tr><td>赞助</td></tr></table><!--广告结束--><p>正文二</p></div></body>',
    )
    expect(blocksToText(htmlBlocks(n.html))).toBe('正文一\n\n正文二')
  })

  it('keeps white text over a background an ancestor paints', () => {
    const n = normalizeHtml('<body bgcolor="#573665"><p><font color="white">正文一</font></p></body><p><font color="white">水印</font></p>')
    expect(blocksToText(htmlBlocks(n.html))).toBe('正文一')
    const cell = normalizeHtml('<table><tr><td style="background:#c00"><font color="#fff">正文二</font></td></tr></table><p style="color:#fff">水印</p>')
    expect(blocksToText(htmlBlocks(cell.html))).toBe('正文二')
  })

  it('keeps an ad section whose comments do not enclose whole elements', () => {
    const n = normalizeHtml('<div><p>正文一<!--ad start--></p><p>正文二<!--ad end--></p></div>')
    expect(blocksToText(htmlBlocks(n.html))).toBe('正文一\n\n正文二')
  })

  it('escapes what it re-serializes', () => {
    const n = normalizeHtml('<p title="a&quot;b">1 &lt; 2 &amp; <b>3</b></p><div "bad"=x>y</div>')
    expect(n.html).toContain('<p title="a&quot;b">1 &lt; 2 &amp; <b>3</b></p>')
    expect(n.html).toContain('<div>y</div>')
  })
})

describe('depth guard', () => {
  it('estimates nesting without counting void and self-closing-sibling tags', () => {
    expect(estimateDepth('<div><p>a<p>b<br><img src=x><li>c</div>')).toBe(1)
    expect(estimateDepth('<b>'.repeat(500))).toBe(500)
  })

  it('flattens to text with breaks', () => {
    expect(flattenTags('<div><span>甲</span><script>x()</script><p>乙</p></div>')).toBe('<br>甲 <br>乙<br><br>')
  })

  it('keeps the title, <meta> and JSON-LD of a page it flattens', () => {
    const head = '<title>标题</title><meta property="og:url" content="https://example.com/a"><script type="application/ld+json">{"a":1}</script>'
    const n = normalizeHtml(`<html><head>${head}<script>x()</script></head><body>${'<div>'.repeat(10_000)}<p>正文</p></body></html>`)
    expect(n.isDepthCapped).toBe(true)
    expect(n.head).toMatchObject({ title: '标题', metas: [{ key: 'og:url', content: 'https://example.com/a' }], jsonLd: ['{"a":1}'] })
    expect(n.html).not.toContain('x()')
  })
})
