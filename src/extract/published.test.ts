import { describe, expect, it } from 'vitest'
import type { HeadInfo } from './normalize-html.js'
import { findPublished, parseDate } from './published.js'

const head = (over: Partial<HeadInfo> = {}): HeadInfo => ({ metas: [], jsonLd: [], times: [], ...over })

describe('parseDate', () => {
  it.each([
    ['2021年6月16日 10:20', '2021-06-16T10:20'],
    ['2021-06-16 10:20', '2021-06-16T10:20'],
    ['2005-5-7 21:23:57', '2005-05-07T21:23:57'],
    ['2021/06/16', '2021-06-16'],
    ['2021.6.16', '2021-06-16'],
    ['2021-06-16T10:20:00+08:00', '2021-06-16T10:20:00+08:00'],
    ['2021-06-16T02:20:00.000Z', '2021-06-16T02:20:00Z'],
    ['Thu, 17 Jun 2021 02:20:28 GMT', '2021-06-17T02:20:28Z'],
    ['2005-02-06 13:26更新 来源：转载文章', '2005-02-06T13:26'],
    ['2021年13月1日', undefined],
    ['1989年6月4日', undefined],
    ['第2021期', undefined],
  ])('parseDate(%s) = %s', (raw, iso) => expect(parseDate(raw)).toBe(iso))
})

describe('findPublished', () => {
  it('prefers meta, then JSON-LD, then <time>, then the text', () => {
    const lines = ['发布时间：2021-06-17 08:00']
    const jsonLd = ['{"@type":"NewsArticle","datePublished":"2021-06-16T10:20:00+08:00"}']
    expect(findPublished(head({ metas: [{ key: 'article:published_time', content: '2021-06-15T00:00:00Z' }], jsonLd }), lines)).toBe('2021-06-15T00:00:00Z')
    expect(findPublished(head({ metas: [{ key: 'pubdate', content: '2021-06-15' }] }), lines)).toBe('2021-06-15')
    expect(findPublished(head({ jsonLd }), lines)).toBe('2021-06-16T10:20:00+08:00')
    expect(findPublished(head({ times: ['2021-06-14'] }), lines)).toBe('2021-06-14')
    expect(findPublished(head(), lines)).toBe('2021-06-17T08:00')
  })

  it('prefers a labelled date line to a bare one, and skips broken JSON-LD', () => {
    const lines = ['2020年1月1日', '来源：新华社 2021年6月16日 10:20']
    expect(findPublished(head({ jsonLd: ['{"datePublished": "2021-01-01",}'] }), lines)).toBe('2021-06-16T10:20')
  })

  it('does not take a date from a long line of prose', () => {
    const prose = '2016年4月14日，山东冠县女企业家苏银霞在工厂接待室被催债人员侮辱，目睹母亲受辱的于欢持水果刀刺向了讨债者，致使一人死亡，三人受伤。'
    expect(findPublished(head(), [prose])).toBeUndefined()
  })
})
