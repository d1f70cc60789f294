import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { extractPage, type ExtractedPage } from './extract-page.js'

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/extract/${name}`, import.meta.url)))
const utf8 = (html: string) => new TextEncoder().encode(html)

function extractOk(bytes: Uint8Array, locator = 'page.html'): ExtractedPage {
  const r = extractPage(bytes, { locator })
  if (!r.ok) throw new Error(`expected an article, got ${r.problem.code}: ${r.problem.detail}`)
  return r.value
}

describe('extractPage', () => {
  it('reads GBK bytes whose <meta> claims ISO-8859-1, and keeps only the article', () => {
    const page = extractOk(fixture('gbk-lying-charset.html'))
    expect(page.encoding).toBe('gb18030')
    expect(page.title).toBe('日内瓦峰会：美俄同意重启战略稳定对话')
    expect(page.byline).toBe('张三')
    expect(page.publishedAt).toBe('2021-06-16T22:40')
    const paragraphs = page.text.split('\n\n')
    expect(paragraphs).toContain('联合声明重申，核战争打不赢也绝不能打。两国元首还同意各自派驻对方国家的大使返回工作岗位，并就网络安全问题开展磋商。')
    expect(paragraphs.at(-1)).toBe('拜登在单独举行的记者会上说，他向普京明确表示，美国将对损害其重要利益的行为作出回应，但两国在一些领域可以合作。')
    for (const junk of ['责任编辑', '分享到', '相关新闻', '版权所有', '首页', '拜登抵达日内瓦']) {
      expect(page.text).not.toContain(junk)
      expect(page.html).not.toContain(junk) // the clean stage reads html: it must agree with text
    }
  })

  it('reads Big5 bytes whose <meta> claims GB2312 (GBK would decode them without an error)', () => {
    const para = '<p>香島中學掛橫額賀國安法，關注組學生表示不會放棄發聲，並會繼續關注校園的言論空間。</p>'
    const html = `<html><head><meta charset="gb2312"><title>校園</title></head><body>${para.repeat(5)}</body></html>`
    const page = extractOk(new Uint8Array(iconv.encode(html, 'big5')))
    expect(page.encoding).toBe('big5-hkscs')
    expect(page.text.split('\n\n')[0]).toBe('香島中學掛橫額賀國安法，關注組學生表示不會放棄發聲，並會繼續關注校園的言論空間。')
  })

  it('takes the date and author from JSON-LD, and the language from <html lang>', () => {
    const page = extractOk(fixture('json-ld-date.html'))
    expect(page.publishedAt).toBe('2021-06-16T10:20:00+08:00')
    expect(page.byline).toBe('陳大文')
    expect(page.lang).toBe('zh-Hant')
    expect(page.text.split('\n\n')).toHaveLength(4)
    expect(page.html).toContain('<p>立法會周三三讀通過一項新法案')
  })

  it('finds a bare author name under the title of a wrapped forum page with <br> paragraphs', () => {
    const page = extractOk(fixture('forum-bare-author.html'))
    expect(page.byline).toBe('王小明')
    expect(page.publishedAt).toBe('2005-03-01')
    expect(page.text).toContain('乡村教师是基础教育的脊梁，他们在偏远地区坚守讲台，\n用有限的条件')
    expect(page.text).toContain('\n\n要改变这种状况')
  })

  it('reports a page without visible text as format/no-body', () => {
    const r = extractPage(fixture('no-body.html'), { locator: 'saved/redirect.html' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problem).toMatchObject({ code: 'format/no-body', stage: 'extract', locator: 'saved/redirect.html' })
  })

  it('passes decode problems through', () => {
    const r = extractPage(new Uint8Array(0), { locator: 'empty.html' })
    expect(!r.ok && r.problem.code).toBe('decode/empty')
  })

  it.each([
    ['100k nested divs', 100_000, 'div'],
    ['3k nested spans (capped, not flattened)', 3_000, 'span'],
    ['a million unclosed <b>', 1_000_000, 'b'],
  ])('survives %s', (_name, depth, tag) => {
    const para = '<p>这是一段藏在很深的嵌套里的正文，用来确认解析不会溢出调用栈。</p>'
    const html = `<html><body>${`<${tag}>`.repeat(depth)}${para.repeat(10)}${tag === 'b' ? '' : `</${tag}>`.repeat(depth)}</body></html>`
    const page = extractOk(utf8(html))
    expect(page.text.split('\n\n')).toHaveLength(10)
  })

  it('never makes up a date', () => {
    const page = extractOk(utf8(`<html><body><article>${'<p>没有日期的文章，只有正文内容，这一段话要足够长才能算作文章。</p>'.repeat(6)}</article></body></html>`))
    expect(page.publishedAt).toBeUndefined()
  })
})
