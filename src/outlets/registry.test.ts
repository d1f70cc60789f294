import { describe, it, expect } from 'vitest'
import { parse } from 'yaml'
import { OUTLET_TYPES, RegistryError, loadRegistry, parseRegistry } from './registry.js'

const registry = loadRegistry()

describe('shipped outlets.yaml', () => {
  it('loads at least 45 outlets, once', () => {
    expect(registry.outlets.length).toBeGreaterThanOrEqual(45)
    expect(loadRegistry()).toBe(registry)
  })

  it('is in alphabetical order by id, so diffs stay reviewable', () => {
    const ids = registry.outlets.map((o) => o.id)
    expect(ids).toEqual([...ids].sort())
  })

  it.each(registry.outlets.map((o) => [o.id, o] as const))('%s has a zh-Hans name, a type and a source', (_, o) => {
    expect(o.names['zh-Hans'].length).toBeGreaterThan(0)
    expect(OUTLET_TYPES).toContain(o.type)
    expect(o.sources.length).toBeGreaterThanOrEqual(1)
  })

  it('keeps outlets immutable', () => {
    expect(Object.isFrozen(registry.outlets[0])).toBe(true)
    expect(Object.isFrozen(registry.outlets[0].aliases)).toBe(true)
  })
})

describe('byName', () => {
  it.each([
    // zh-Hans, zh-Hant and English names
    ['美国之音', 'voa-chinese'],
    ['美國之音', 'voa-chinese'],
    ['Voice of America Chinese', 'voa-chinese'],
    ['voa', 'voa-chinese'],
    ['德國之聲', 'dw-chinese'],
    ['眾新聞', 'citizen-news'],
    ['众新闻', 'citizen-news'],
    ['Central News Agency (Taiwan)', 'central-news-agency'],
    // spellings found in archive categories, author fields and feed folders
    ['Aljazeera 半岛网', 'al-jazeera'],
    ['IT 之家', 'ithome'],
    ['IT之家', 'ithome'],
    ['观察者网', 'guancha'],
    ['未名新闻', 'mitbbs'],
    ['GNews', 'gnews'],
    ['(臺)中央社CNA', 'central-news-agency'],
    ['RTI 中央廣播電臺', 'rti'],
    ['RTI_中央廣播電臺', 'rti'],
    ['经济学人en', 'economist'],
    ['金融时报', 'ft-chinese'],
    ['法广', 'rfi-chinese'],
    ['路透', 'reuters'],
    ['中国数字时代', 'china-digital-times'],
    ['Nei.st', 'nei-st'],
    ['明鏡歷史台', 'mingjing'],
    ['城寨 Singjai', 'yt-singjai'],
    // width, case and spacing do not matter
    ['ＢＢＣ', 'bbc-chinese'],
    ['  cnbeta ', 'cnbeta'],
  ])('%s → %s', (name, id) => expect(registry.byName(name)?.id).toBe(id))

  it.each(['', '   ', '!!!', 'no such outlet'])('%j → nothing', (name) => expect(registry.byName(name)).toBeUndefined())
})

describe('byDomain', () => {
  it.each([
    ['https://www.voachinese.com/a/x.html', 'voa-chinese'],
    ['voachinese.com/a/x', 'voa-chinese'],
    ['www.voachinese.com', 'voa-chinese'],
    ['WWW.VOACHINESE.COM.', 'voa-chinese'],
    ['http://hk.epochtimes.com/news/1.html', 'epoch-times'],
    ['https://chinese.aljazeera.net/news/2021/6/17/x', 'al-jazeera'],
    ['https://s.rfi.fr/media/x.jpg', 'rfi-chinese'],
    ['https://gnews.org/zh-hans/1324042/', 'gnews'],
    ['https://www.hkcnews.com:443/article/32085', 'citizen-news'],
    ['https://tw.news.appledaily.com/x', 'apple-daily-taiwan'],
    ['https://hk.appledaily.com/x', 'apple-daily'],
  ])('%s → %s', (input, id) => expect(registry.byDomain(input)?.id).toBe(id))

  it.each(['notvoachinese.com', 'voachinese.com.evil.example', 'com', 'youtube.com', 'not a url', ''])(
    '%j → nothing',
    (input) => expect(registry.byDomain(input)).toBeUndefined(),
  )

  it('prefers the longest matching domain', () => {
    const r = parseRegistry(
      [entry('qq-all', 'domains: [qq.com]'), entry('qq-news', 'domains: [news.qq.com]')].join('\n'),
      'test.yaml',
    )
    expect(r.byDomain('https://news.qq.com/a/1')?.id).toBe('qq-news')
    expect(r.byDomain('https://mail.qq.com/')?.id).toBe('qq-all')
  })
})

describe('parseRegistry validation', () => {
  it.each([
    ['a bad type', entry('voa-chinese', 'type: gov', { type: false }), /entry 2 \(voa-chinese\): type 'gov' is not one of state-media/],
    ['a missing type', entry('voa-chinese', '', { type: false }), /entry 2 \(voa-chinese\): type is missing/],
    ['a missing zh-Hans name', entry('rfa', 'names: { en: Radio Free Asia }', { names: false }), /entry 2 \(rfa\): names\.zh-Hans is missing/],
    ['no sources', entry('rfa', 'sources: []', { sources: false }), /entry 2 \(rfa\): sources must list at least one/],
    ['a source that is not a URL', entry('rfa', 'sources: [wikipedia]', { sources: false }), /entry 2 \(rfa\): source 'wikipedia' is not an http/],
    ['a domain with a scheme', entry('rfa', 'domains: [https://rfa.org]'), /entry 2 \(rfa\): domain 'https:\/\/rfa.org' is not a bare host/],
    ['a bad country', entry('rfa', 'country: USA'), /entry 2 \(rfa\): country 'USA' is not an ISO 3166/],
    ['a bad id', entry('Radio Free Asia', ''), /entry 2 \(Radio Free Asia\): id 'Radio Free Asia' is not a kebab-case/],
    ['a misspelt field', entry('rfa', 'domain: [rfa.org]'), /entry 2 \(rfa\): unknown field 'domain'/],
    ['a duplicate id', entry('first', ''), /entry 2 \(first\): id 'first' is already claimed by entry 1 \(first\)/],
    ['a duplicate alias', entry('rfa', "aliases: ['FIRST ONE']"), /entry 2 \(rfa\): name or alias 'FIRST ONE' is already claimed by entry 1 \(first\)/],
    ['a duplicate domain', entry('rfa', 'domains: [first.example]'), /entry 2 \(rfa\): domain 'first.example' is already claimed by entry 1 \(first\)/],
    ['a mirror path without {outlet}', entry('rfa', 'mirrors: /medium/'), /entry 2 \(rfa\): mirrors '\/medium\/' is not a URL path holding \{outlet\}/],
  ])('rejects %s, naming the entry', (_, second, message) => {
    const yaml = [entry('first', "aliases: [first one]\n  domains: [first.example]"), second].join('\n')
    expect(() => parseRegistry(yaml, 'outlets.yaml')).toThrow(RegistryError)
    expect(() => parseRegistry(yaml, 'outlets.yaml')).toThrow(message)
  })

  it('says on which line the bad entry starts', () => {
    const yaml = [entry('first', ''), entry('second', 'type: gov', { type: false })].join('\n')
    expect(() => parseRegistry(yaml, 'outlets.yaml')).toThrow(/\(line 5\)$/)
  })

  it("validates data given with its text (the build's compiled copy) the same, still naming the line", () => {
    const yaml = [entry('first', ''), entry('second', 'type: gov', { type: false })].join('\n')
    const data = parse(yaml) as unknown
    expect(() => parseRegistry(yaml, 'outlets.yaml', data)).toThrow(/entry 2 \(second\): type 'gov' is not one of .*\(line 5\)$/)
    const good = [entry('first', ''), entry('second', 'domains: [second.example]')].join('\n')
    expect(parseRegistry(good, 't', parse(good)).byDomain('second.example')?.id).toBe('second')
    // The data is what is read: the text only locates an entry that fails.
    expect(() => parseRegistry(good, 't', data)).toThrow(/entry 2 \(second\): type 'gov'/)
    expect(() => parseRegistry('id: voa', 'x.yaml', { id: 'voa' })).toThrow(/^x\.yaml: expected a list of outlets/)
  })

  it.each([
    ['not YAML', 'outlets: [unclosed', /^x\.yaml: /],
    ['not a list', 'id: voa', /^x\.yaml: expected a list of outlets/],
  ])('rejects a file that is %s', (_, yaml, message) => expect(() => parseRegistry(yaml, 'x.yaml')).toThrow(message))

  it('lets one outlet repeat its own name in another script', () => {
    const r = parseRegistry(entry('voa', "names: { zh-Hans: 美国之音, zh-Hant: 美國之音 }\n  aliases: [美国之音]", { names: false }), 't')
    expect(r.byName('美國之音')?.id).toBe('voa')
  })
})

/** A minimal valid entry; `extra` adds lines, `keep` drops default fields the test replaces. */
function entry(id: string, extra: string, keep: { names?: boolean; type?: boolean; sources?: boolean } = {}): string {
  return [
    `- id: ${id}`,
    keep.names === false ? '' : `  names: { zh-Hans: ${id}名 }`,
    keep.type === false ? '' : '  type: commercial',
    keep.sources === false ? '' : '  sources: [https://example.org/]',
    extra ? `  ${extra}` : '',
  ]
    .filter((line) => line !== '')
    .join('\n')
}
