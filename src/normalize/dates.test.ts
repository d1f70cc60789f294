import { describe, expect, it } from 'vitest'
import { bylineDate, chooseDate, dateFromPath, datelineDate, parseDate, splitDateline } from './dates.js'

describe('parseDate', () => {
  it.each([
    ['Thu, 17 Jun 2021 02:20:28 GMT', '2021-06-17T02:20:28Z'],
    ['2021-01-27T14:41:19.000Z', '2021-01-27T14:41:19Z'],
    ['2019-12-24T10:23:56+00:00', '2019-12-24T10:23:56Z'],
    ['2021-06-16T21:00:00+08:00', '2021-06-16T13:00:00Z'],
    ['2021-06-16 10:20', '2021-06-16T10:20:00Z'],
    ['2021年6月16日', '2021-06-16'],
    ['"2020-07-18"', '2020-07-18'],
    ['1611758479000', '2021-01-27T14:41:19Z'],
  ])('parseDate(%j) = %s', (input, iso) => expect(parseDate(input)?.iso).toBe(iso))

  it.each(['Invalid Date', 'NaN', '', '  ', 'yesterday', '2021-13-01', '2021-02-30', '0000-00-00', '1970-01-01T00:00:00Z'])(
    'parseDate(%j) is absent',
    (input) => expect(parseDate(input)).toBeUndefined(),
  )
})

describe('dateFromPath', () => {
  it.each([
    ['https://i.guancha.cn/news/external/2021/06/17/20210617094819257.png', '2021-06-17'],
    ['_posts/2019-12-24-美中宿命.md', '2019-12-24'],
    ['content/transcript/2017/08/20170823-53483528.md', '2017-08-23'],
    ['https://www.mitbbs.com/uploadIMG/news9/2021-06-16/pic60c9494a21401.jpg', '2021-06-16'],
    ['https://www.voachinese.com/a/Biden-Putin-hold-first-phone-discussions-20210127/5753650.html', '2021-01-27'],
    ['https://media.s3.amazonaws.com/wp-content/uploads/2021/06/17193307/logo.jpeg', '2021-06-17'],
  ])('dateFromPath(%s) = %s', (path, iso) => expect(dateFromPath(path)?.iso).toBe(iso))

  it.each(['https://gnews.org/zh-hans/1333308/', 'articles/42001-43000/article_42380.md', '/2021/06/image-30-1.jpg'])(
    'dateFromPath(%s) finds nothing',
    (path) => expect(dateFromPath(path)).toBeUndefined(),
  )
})

describe('chooseDate', () => {
  it('prefers front matter and skips Invalid Date', () => {
    expect(
      chooseDate([
        { source: 'image-path', value: 'https://x/uploadIMG/2021-06-16/a.jpg' },
        { source: 'front-matter', value: 'Invalid Date' },
      ]),
    ).toEqual({ publishedAt: '2021-06-16', dateSource: 'image-path' })
  })
  it('takes the latest image upload date', () => {
    expect(
      chooseDate([
        { source: 'image-path', value: 'https://x/uploads/2021/06/17193307/a.jpg' },
        { source: 'image-path', value: 'https://x/uploads/2021/06/19012135/b.png' },
        { source: 'image-path', value: 'https://x/uploads/2020/01/05/old.png' },
      ]),
    ).toEqual({ publishedAt: '2021-06-19', dateSource: 'image-path' })
  })
  it('leaves the date empty when nothing is reliable', () => {
    expect(chooseDate([{ source: 'front-matter', value: 'NaN' }])).toEqual({ dateSource: 'none' })
  })
})

describe('bylineDate', () => {
  it('finds a labelled publication date near the top', () => {
    expect(bylineDate('信息来源：德国镜报网络版\n发布时间：2021年6月15日\n翻译')).toBe('2021年6月15日')
    expect(bylineDate('日期：Sat, 27 Jun 2020 17:17:32 +0000\n\n上次')).toBe('Sat, 27 Jun 2020 17:17:32 +0000')
    expect(bylineDate('他在2021年6月15日说')).toBeUndefined()
  })
})

describe('splitDateline', () => {
  const cleaned = (...lines: string[]) => ({ text: lines.join('\n\n'), blocks: lines.map((text) => ({ type: 'p', text })) })

  it.each(['Wed, 27 Jan 2021 14:00:25 GMT', '2021年6月16日', '发布时间：2021年6月15日'])('takes %j off the top as date evidence', (line) => {
    const { cleaned: c, dateline } = splitDateline(cleaned(line, '正文第一段。'))
    expect(c.text).toBe('正文第一段。')
    expect(dateline).toBeDefined()
  })

  it.each([
    ['a lead sentence that opens with a date', '2021年6月9日，萨尔瓦多国会通过《比特币法》。'],
    ['a line that introduces the report', '据《路透社》2021年6月16日报道：'],
  ])('keeps %s', (_name, line) => {
    const { cleaned: c, dateline } = splitDateline(cleaned(line, '正文第一段。'))
    expect(c.text).toBe(`${line}\n\n正文第一段。`)
    expect(dateline).toBeUndefined()
  })
})

describe('datelineDate', () => {
  it.each([
    ['新华社日内瓦2021年6月16日电（记者 张三）美国总统拜登与俄罗斯总统普京会晤。', '2021年6月16日电'],
    ['作者：一颗星星\n\n西班牙2021年6月9日电/西喜社——四人帮的“十全大会”', '2021年6月9日电'],
    ['他在2021年6月15日说，会晤很成功。', undefined],
    [`${'正文。'.repeat(120)}新华社北京2021年6月16日电`, undefined],
  ])('%s → %s', (text, found) => {
    expect(datelineDate(text)).toBe(found)
  })

  it('dates an article only when nothing better does', () => {
    const body = { source: 'body' as const, value: '2021年6月16日电' }
    expect(chooseDate([body])).toEqual({ publishedAt: '2021-06-16', dateSource: 'body' })
    expect(chooseDate([body, { source: 'image-path', value: 'https://x/uploads/2021/06/19012135/b.png' }])).toEqual({ publishedAt: '2021-06-19', dateSource: 'image-path' })
  })
})
