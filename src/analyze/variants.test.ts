import { describe, expect, it } from 'vitest'
import { billForms, shortForms, soundKey } from './variants.js'

describe('soundKey', () => {
  it('gives one key to transliterations of one name in characters of one sound', () => {
    expect(soundKey('休斯顿')).toBe(soundKey('休斯敦'))
    expect(soundKey('休士顿')).toBe(soundKey('休斯敦'))
  })
  it('keeps different names apart, and two-character names as they are', () => {
    expect(soundKey('休斯敦')).not.toBe(soundKey('达拉斯'))
    expect(soundKey('成都')).toBe('成都')
    expect(soundKey('李华')).toBe('李华')
  })
})

describe('shortForms', () => {
  it('maps a term written short to the one longer term it shortens', () => {
    expect(shortForms(['总领馆', '总领事馆', '关闭']).get('总领馆')).toBe('总领事馆')
    expect(shortForms(['国安法', '国家安全法']).get('国安法')).toBe('国家安全法')
  })
  it('leaves alone a word with no longer form, two-character words, and a short form of two terms', () => {
    expect(shortForms(['总领馆', '关闭']).size).toBe(0)
    expect(shortForms(['领馆', '领事馆']).size).toBe(0)
    expect(shortForms(['国安法', '国家安全法', '国土安全法']).has('国安法')).toBe(false)
  })
  it('needs the first and last characters kept and at most two dropped', () => {
    expect(shortForms(['领事馆', '总领事馆']).size).toBe(0)
    expect(shortForms(['中国人', '中华人民共和国人']).size).toBe(0)
  })
  it('takes a word common in general text for a word of its own (电影院 is no short 电影学院)', () => {
    expect(shortForms(['电影院', '电影学院']).size).toBe(0)
  })
})

describe('billForms', () => {
  it('reads a bill as its subject when the event names the subject too (预算案 / 预算)', () => {
    expect(billForms(['预算案', '预算', '欧元']).get('预算案')).toBe('预算')
    expect(billForms(['预算案', '欧元']).size).toBe(0)
  })
  it('leaves alone words of one character before 案 (方案, 草案)', () => {
    expect(billForms(['方案', '方', '草案', '草']).size).toBe(0)
  })
})
