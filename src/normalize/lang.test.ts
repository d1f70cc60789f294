import { describe, expect, it } from 'vitest'
import { detectLang } from './lang.js'

describe('detectLang', () => {
  it.each([
    ['美国总统拜登和俄罗斯总统普京于6月16日在日内瓦举行了美俄峰会，双方达成联合声明。', 'zh-Hans'],
    ['香島中學，好像香港的縮影。在這間「愛國學校」讀書的香港學生，就好像當下香港的處境。', 'zh-Hant'],
    ['The presidents of the United States and Russia met in Geneva on Wednesday for talks.', 'en'],
    ['12345 67890 !!!', 'other'],
  ])('detectLang(%s) = %s', (text, lang) => expect(detectLang(text)).toBe(lang))
})
