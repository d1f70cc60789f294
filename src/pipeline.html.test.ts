import { describe, expect, it } from 'vitest'
import { loadRegistry } from './outlets/registry.js'
import { rawInput, runStages } from './pipeline.js'

const registry = loadRegistry()
const body = '<article><h1>北京举办国际科技博览会</h1>' + '<p>第二十四届北京国际科技博览会于十四日在国家会议中心开幕，来自三十多个国家和地区的一千多家企业参展。</p>'.repeat(3) + '</article>'
const page = (head: string) => new TextEncoder().encode(`<!doctype html><html><head><title>北京举办国际科技博览会</title>${head}</head><body>${body}</body></html>`)

// A page saved to disk has no address of its own: the one it states is the evidence of its outlet.
describe('a saved HTML page', () => {
  it.each([
    ['a canonical link', '<link rel="canonical" href="https://www.xinhuanet.com/tech/2021-06/14/c_1127561234.htm?utm_source=weibo">'],
    ['og:url', '<meta property="og:url" content="https://www.xinhuanet.com/tech/2021-06/14/c_1127561234.htm?utm_source=weibo">'],
    ['JSON-LD', '<script type="application/ld+json">{"@type":"NewsArticle","mainEntityOfPage":{"@id":"https://www.xinhuanet.com/tech/2021-06/14/c_1127561234.htm?utm_source=weibo"}}</script>'],
  ])('takes its URL, outlet and date from %s', (_name, head) => {
    const r = runStages(rawInput(page(head), 'saved/expo.html', 'file'), { registry })
    expect(r.ok && { outlet: r.value.outletId, url: r.value.canonicalUrl, date: r.value.publishedAt, source: r.value.dateSource }).toEqual({
      outlet: 'xinhua',
      url: 'https://xinhuanet.com/tech/2021-06/14/c_1127561234.htm',
      date: '2021-06-14',
      source: 'url',
    })
  })

  it('is quarantined when it names no headline anywhere, as another format forced with --format html is', () => {
    const post = new TextEncoder().encode(`---\ntitle: 北京举办国际科技博览会\n---\n\n${'第二十四届北京国际科技博览会于十四日在国家会议中心开幕。'.repeat(3)}\n`)
    const r = runStages(rawInput(post, 'posts/expo.md', 'file'), { registry, forcedFormat: 'html' })
    expect(!r.ok && r.problem).toMatchObject({ code: 'format/missing-title', detail: expect.stringMatching(/names no headline.*drop --format html/) })
    // Detected as what it is, the same file is an article.
    expect(runStages(rawInput(post, 'posts/expo.md', 'file'), { registry }).ok).toBe(true)
  })

  it('loses watermarks and ad sections as posts in other formats do', () => {
    const hidden = '<p style="color:#ffffff">水印文字不可见</p><!--广告开始--><p>广告：点击购买特价商品</p><!--广告结束-->'
    const html = `<!doctype html><html><head><title>北京举办国际科技博览会</title></head><body>${body.replace('</h1>', `</h1>${hidden}`)}</body></html>`
    const r = runStages(rawInput(new TextEncoder().encode(html), 'saved/expo.html', 'file'), { registry })
    expect(r.ok && r.value.text).toContain('第二十四届北京国际科技博览会')
    expect(r.ok && r.value.text).not.toMatch(/水印|广告/)
  })

  it('ignores a relative canonical link, which names no site', () => {
    const r = runStages(rawInput(page('<link rel="canonical" href="/tech/c_1.htm">'), 'saved/expo.html', 'file'), { registry })
    expect(r.ok && [r.value.url, r.value.outletId]).toEqual([undefined, 'unknown'])
  })
})
