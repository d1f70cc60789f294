import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { readFlatYaml } from './flat-yaml.js'

const library = (text: string) => parseYaml(text, { schema: 'core' }) as unknown

describe('readFlatYaml', () => {
  // Each case: what the fast reader accepts must be exactly what the YAML library makes of it.
  it.each([
    ['hexo post', "title: '0 日内瓦峰会：拜登向普京发出警告'\ncategories: \n - 新媒体\n - Aljazeera 半岛网\n - 新闻\nauthor: Aljazeera 半岛网\ncomments: false\ndate: Thu, 17 Jun 2021 02:20:28 GMT\n"],
    ['jekyll post', 'layout: post\ntitle: "拜登与普京通电话"\nfrom: https://www.voachinese.com/a/x.html\ntags: [ 美国之音 ]\ncategories: [ VOA, 新闻, ]\ndate: 2021-01-27 08:00:00 +0800\n'],
    ['quotes inside quotes', "title: 'it''s \"fine\"'\nauthor: O'Brien said \"no\"\n"],
    ['empty and null values', 'date:\nauthor: ~\nsummary: null\ncomments: TRUE\nshare: False\n'],
    ['sequence at the key indentation', 'tags:\n- a\n- b c\n\n- d\nnext: x\n'],
    ['spaces around values', 'title:    spaced out   \nx:   [  a ,b  ]  \n'],
    ['hash without a space before it', 'title: C#和F#\nurl: https://x.org/a#b\n'],
    ['colons without a space after them', 'time: 10:20:30\nurl: http://x.org/a:b\n'],
    ['empty flow list', 'tags: []\nc: [ ]\n'],
  ])('reads %s as the library does', (_name, text) => {
    const flat = readFlatYaml(text)
    expect(flat).toBeDefined()
    expect(flat).toEqual(library(text))
  })

  it.each([
    ['numbers', 'id: 12345\n'],
    ['floats and exponents', 'score: 1e3\n'],
    ['octal and hex', 'a: 0x1F\n'],
    ['comments', '# note\ntitle: x\n'],
    ['trailing comments', 'title: x # note\n'],
    ['nested mappings', 'meta:\n  a: b\n'],
    ['multi-line plain scalars', 'title: first line\n  continued\n'],
    ['escapes in double quotes', 'title: "a\\"b"\n'],
    ['unclosed quotes', "title: 'a\n  b'\n"],
    ['flow lists with quotes', "tags: ['a', b]\n"],
    ['flow mappings', 'x: {a: 1}\n'],
    ['anchors and aliases', 'a: &x y\nb: *x\n'],
    ['block scalars', 'body: |\n  text\n'],
    ['duplicate keys', 'title: a\ntitle: b\n'],
    ['mapping-looking values', 'title: a: b\n'],
    ['tabs and carriage returns', 'title: a\r\nb: c\r\n', 'x:\tb\n'],
    ['indented keys', '  title: x\n'],
    ['mappings in a list', 'a:\n - b: c\n'],
    ['uneven list indentation', 'a:\n - b\n  - c\n'],
    ['items after a value', 'a: b\n - c\n'],
    ['prototype keys', '__proto__: x\n'],
    ['empty documents', '\n\n'],
  ])('leaves %s to the library', (_name, ...texts) => {
    for (const text of texts) expect(readFlatYaml(text)).toBeUndefined()
  })
})
