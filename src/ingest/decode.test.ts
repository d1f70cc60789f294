import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from './decode.js'

const at = { locator: 'x.md' }
const enc = (s: string, e: string) => new Uint8Array(iconv.encode(s, e))
const zh = '美国总统拜登和俄罗斯总统普京于6月16日在日内瓦举行了美俄峰会。'
const hant = '香島中學掛橫額賀國安法，關注組學生：不會放棄發聲。'

describe('decodeBytes', () => {
  it.each([
    ['utf-8', new TextEncoder().encode(zh), zh],
    ['utf-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(zh)]), zh],
    ['GBK', enc(zh.repeat(3), 'gbk'), zh.repeat(3)],
    ['GB18030', enc(zh.repeat(3), 'gb18030'), zh.repeat(3)],
    ['Big5', enc(hant.repeat(3), 'big5'), hant.repeat(3)],
  ])('decodes %s', (_name, bytes, text) => {
    const r = decodeBytes(bytes, at)
    expect(r.ok && r.value.text).toBe(text)
  })

  const long = zh.repeat(20)
  const bytes = new TextEncoder().encode(long)
  it.each([
    ['a stray byte', new Uint8Array([...bytes.subarray(0, 30), 0xff, ...bytes.subarray(30)]), `${long.slice(0, 10)}\ufffd${long.slice(10)}`],
    ['a character cut off at the end', bytes.subarray(0, bytes.length - 1), `${long.slice(0, -1)}\ufffd`],
  ])('reads UTF-8 with %s, marking the bad bytes with U+FFFD', (_name, damaged, text) => {
    expect(decodeBytes(damaged, at)).toEqual({ ok: true, value: { text, encoding: 'utf-8' } })
  })

  it('still refuses bytes that are neither UTF-8 nor a Chinese encoding', () => {
    const noise = Uint8Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 37) % 0x7f))
    expect(decodeBytes(noise, at)).toMatchObject({ ok: false, problem: { code: 'decode/unknown-encoding' } })
  })

  it('follows a declared charset in the content type', () => {
    const r = decodeBytes(enc(`<html><body>${zh}</body></html>`, 'gbk'), { ...at, contentType: 'text/html; charset=gb2312' })
    expect(r.ok && r.value.encoding).toBe('gb18030')
  })

  it.each([
    ['empty', new Uint8Array(0), 'decode/empty'],
    ['whitespace only', new TextEncoder().encode('  \n\n '), 'decode/empty'],
    ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'decode/binary'],
    ['PDF', new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj'), 'decode/binary'],
    ['NUL bytes', new Uint8Array([65, 66, 0, 67, 68]), 'decode/binary'],
  ])('rejects %s with a reason', (_name, bytes, code) => {
    const r = decodeBytes(bytes, at)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.problem.code).toBe(code)
      expect(r.problem.locator).toBe('x.md')
    }
  })

  it('refuses files over the size limit', () => {
    const r = decodeBytes(new Uint8Array(2000).fill(65), { ...at, maxBytes: 1000 })
    expect(!r.ok && r.problem.code).toBe('decode/too-large')
  })
})
