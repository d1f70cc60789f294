import { describe, expect, it } from 'vitest'
import { cleanHtml } from '../../clean/index.js'
import { isHtmlBody, renderBody } from './markdown.js'

const FIGURE = '<figure>\n<img src="https://a.example/1.jpg" alt="">\n<figcaption>资料图片</figcaption>\n</figure>'

describe('Markdown bodies', () => {
  it('pass HTML saved with a .md name through untouched, indented lines and blank lines included', () => {
    const html = '<div class="post">\n\n    <p>第一段正文。</p>\n\n    <p>第二段正文。</p>\n\n</div>'
    expect(isHtmlBody(html)).toBe(true)
    expect(renderBody(html)).toBe(html)
  })

  it('render Markdown that opens with an HTML figure as Markdown: headings, rules and links are not left as text', () => {
    const body = `${FIGURE}\n\n第一段正文。\n\n### 小标题\n\n第二段[正文](https://a.example/x)。\n\n---\n\n最后一段。\n`
    expect(isHtmlBody(body)).toBe(false)
    const { text, blocks } = cleanHtml(renderBody(body))
    expect(text).toBe('第一段正文。\n\n小标题\n\n第二段正文。\n\n最后一段。')
    expect(blocks.map((b) => b.type)).toEqual(['figure', 'p', 'h', 'p', 'p'])
  })

  it('read text that starts right after a tag as HTML, and text after a blank line as Markdown', () => {
    expect(isHtmlBody('<p>正文\n\n<p>又一段')).toBe(true)
    expect(isHtmlBody('<p>正文</p>\n\n正文')).toBe(false)
    expect(isHtmlBody('<p>正文</p>\n\n\n  正文')).toBe(false)
    expect(isHtmlBody('# 标题\n\n<p>正文</p>')).toBe(false)
  })

  it('read ** next to Chinese punctuation as emphasis, not as text', () => {
    expect(cleanHtml(renderBody('**红利之争：**拿着十多亿人口红利。\n\n译评**:**见下。')).text).toBe('红利之争：拿着十多亿人口红利。\n\n译评:见下。')
  })

  it.each([
    ['**港台主持人今突被解雇****昨曾发文讽刺**', '<strong>港台主持人今突被解雇昨曾发文讽刺</strong>'],
    ['**译评****:**', '<strong>译评:</strong>'],
    ['[**纽约农场****Twitter(****英文****)**](https://x.example/t)', '<strong>纽约农场Twitter(英文)</strong>'],
  ])('read two bold runs a converter wrote back to back (%s) as one', (md, html) => expect(renderBody(`${md}\n`)).toContain(html))

  it.each([
    ['**[[zh:中国]]禁海外赌博令玩真的? **', '<strong>中国禁海外赌博令玩真的?</strong>'],
    ['** 急出手打击赌博延伸非法活动**', '<strong>急出手打击赌博延伸非法活动</strong>'],
  ])('read a subheading line bolded with a space inside its stars (%s, GNews reposts) as bold', (md, html) => expect(renderBody(`正文。\n\n${md}\n\n下文。\n`)).toContain(html))

  it('leave stars inside a line alone: only a whole line is one bold run', () => {
    expect(renderBody('甲 ** 乙 ** 丙\n')).toContain('甲 ** 乙 ** 丙')
  })

  it('leave four stars that are no bold marks alone: a mask, a rule', () => {
    expect(renderBody('他骂了一句操****，就走了。\n')).toContain('操****')
    expect(renderBody('甲\n\n****\n\n乙\n')).toContain('<hr>')
  })

  it.each([
    ['a bold subheading', '<p>正文。 </p><p>**有雄心胜于匆忙** </p><p>下文。</p>', '正文。\n\n有雄心胜于匆忙\n\n下文。'],
    ['bold words in a sentence', '<p>这里只是 **一个侧面**……</p>', '这里只是 一个侧面……'],
  ])('read Markdown bold a converter wrote inside an HTML body (%s) as bold', (_name, html, text) => {
    expect(renderBody(html)).toContain('<strong>')
    expect(cleanHtml(renderBody(html)).text).toBe(text)
  })

  it.each([
    ['a mask', '<p>他骂了一句操****，就走了。</p>'],
    ['stars that open no pair', '<p>2 ** 10 = 1024，a ** b</p>'],
    ['a pair across a tag', '<p>**甲</p><p>乙**</p>'],
  ])('leave stars in an HTML body that are no bold pair alone: %s', (_name, html) => expect(renderBody(html)).toBe(html))

  it('get through a hostile HTML body of stars', () => expect(renderBody(`<p>${'**甲'.repeat(100_000)}</p>`).length).toBeGreaterThan(300_000))

  it('keep the words of wiki links, in Markdown and in HTML bodies', () => {
    expect(cleanHtml(renderBody('[[zh:北美]]犹太联合会主席兼[[zh:首席执行官]]表示，[[俄罗斯|俄方]]入侵。')).text).toBe('北美犹太联合会主席兼首席执行官表示，俄方入侵。')
    expect(cleanHtml(renderBody('<p>[[zh:台湾]]财信传媒董事长。</p>')).text).toBe('台湾财信传媒董事长。')
  })

  it('read images whose brackets a converter escaped inside a link as images', () => {
    const c = cleanHtml(renderBody('正文一段。\n\n[!\\[\\]()!\\[\\](https://a.example/1.jpg)](https://a.example/1.jpg)\n\n正文二段。'))
    expect(c.text).toBe('正文一段。\n\n正文二段。')
    expect(c.images).toEqual([{ src: 'https://a.example/1.jpg' }])
  })

  it('render HTML saved as .md that also has bare paragraphs without turning indented tags into text', () => {
    const body = '<p>第一段</p>\n\n第二段是裸文本\n\n    <p>缩进的第三段</p>\n\n<table>\n\n    <tr><td>甲</td></tr>\n\n</table>'
    expect(cleanHtml(renderBody(body)).text).toBe('第一段\n\n第二段是裸文本\n\n缩进的第三段\n\n甲')
  })

  it('read Windows line endings as Markdown after an opening figure', () => {
    const { text, blocks } = cleanHtml(renderBody(`${FIGURE.replaceAll('\n', '\r\n')}\r\n\r\n### 小标题\r\n\r\n正文[链接](https://a.example/)。\r\n`))
    expect(text).toBe('小标题\n\n正文链接。')
    expect(blocks.map((b) => b.type)).toEqual(['figure', 'h', 'p'])
  })

  it('leave links with bracketed text and code alone', () => {
    expect(cleanHtml(renderBody('制裁[[1]](#cite_note-1)生效。')).text).toBe('制裁[1]生效。')
    expect(cleanHtml(renderBody('代码 `x[[1]]` 与 [[zh:美国]]。\n\n```\ndf[[1]]\n```')).text).toBe('代码 x[[1]] 与 美国。\n\ndf[[1]]')
  })

  it('get through hostile lines of backticks and escaped brackets (quadratic matching would not finish)', () => {
    expect(renderBody('`'.repeat(200_000))).toBe('<pre><code></code></pre>\n') // a fence that opens an empty block
    expect(renderBody(`文${'`'.repeat(200_000)}`)).toContain('`'.repeat(1000)) // an unmatched run is text
    expect(renderBody('!\\['.repeat(100_000)).length).toBeGreaterThan(100_000)
  })

  it('keep the text of quotes and lists nested deeper than markdown-it reads (it drops what follows)', () => {
    const quoted = cleanHtml(renderBody(`${'>'.repeat(10_000)}拜登与普京在日内瓦会晤。\n\n分析人士认为会晤设定了底线。\n`))
    expect(quoted.text).toContain('拜登与普京在日内瓦会晤。')
    expect(quoted.text).toContain('分析人士认为会晤设定了底线。')
    const list = Array.from({ length: 500 }, (_, i) => `${' '.repeat(2 * i)}- 第${i}层`).join('\n')
    const listed = cleanHtml(renderBody(`${list}\n\n列表之后的一段。\n`)).text
    expect(listed).toContain('第0层')
    expect(listed).toContain('第499层')
    expect(listed).toContain('列表之后的一段。')
    // Nesting markdown-it reads stays as it was.
    expect(renderBody('> > 引用中的引用\n')).toBe('<blockquote>\n<blockquote>\n<p>引用中的引用</p>\n</blockquote>\n</blockquote>\n')
  })
})
