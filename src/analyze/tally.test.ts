import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { SortedKeys, Tally } from './tally.js'

/** A Tally after a v8 round trip, its classes put back as a saved clustering restores them (cluster/persist.ts). */
function cloned(t: Tally): Tally {
  const fields = deserialize(serialize({ ...t, keys: { ...(t as unknown as { keys: SortedKeys }).keys } })) as Record<string, unknown>
  return Object.assign(Object.create(Tally.prototype) as Tally, { ...fields, keys: Object.assign(Object.create(SortedKeys.prototype) as SortedKeys, fields.keys) })
}

describe('Tally', () => {
  it('counts as a Map does, across packs and saving, whatever the order of keys', () => {
    const tally = new Tally()
    const map = new Map<string, number>()
    // Keys of several scripts and lengths, one a prefix of another, counted unevenly.
    const keys = ['美国', '美', '美国人', 'nato', '\u0001峰会', '拜登', 'a', 'ab', '北约', '😀', '']
    let t = tally
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 7; i++) {
        const k = keys[(round * 7 + i * i) % keys.length] + (round % 3 === 0 ? String(round % 5) : '')
        t.increment(k)
        map.set(k, (map.get(k) ?? 0) + 1)
      }
      if (round % 9 === 4) {
        t.pack()
        t = cloned(t)
      }
      for (const k of [...map.keys(), 'absent', '美国总统']) expect(t.peek(k)).toBe(map.get(k))
      for (const k of [...map.keys(), 'absent', '美国总统']) expect(t.get(k)).toBe(map.get(k))
    }
    expect(t.size).toBe(map.size)
  })

  it('answers peek without remembering the look-up', () => {
    const t = new Tally()
    t.increment('a')
    t.pack()
    for (const k of ['a', 'b', 'c']) t.peek(k)
    const recent = (t as unknown as { recent: Map<string, number> }).recent
    expect(recent.size).toBe(0)
    expect(t.peek('a')).toBe(1)
    expect(t.peek('b')).toBeUndefined()
  })

  it('keeps only flat values once packed: what a saved state holds', () => {
    const t = new Tally()
    for (const k of ['b', 'a', 'c', 'a']) t.increment(k)
    expect(t.get('missing')).toBeUndefined()
    t.pack()
    const keys = (t as unknown as { keys: SortedKeys }).keys
    const fields = [...Object.values({ ...t }), ...Object.values({ ...keys })]
    expect(fields.filter((v) => v instanceof Map).every((m) => (m as Map<string, number>).size === 0)).toBe(true)
    expect(fields.some((v) => Array.isArray(v))).toBe(false)
    expect(keys.joined).toBe('abc')
    expect(t.get('a')).toBe(2)
    expect(t.size).toBe(3)
  })
})

describe('SortedKeys', () => {
  it('finds each key by binary search, and no other', () => {
    const sorted = ['', 'a', 'ab', 'b', '北', '北约', '\u{1F600}']
    const keys = SortedKeys.of(sorted)
    sorted.forEach((k, i) => expect(keys.find(k)).toBe(i))
    for (const k of ['aa', '北京', 'c', '约']) expect(keys.find(k)).toBe(-1)
    expect(keys.strings()).toEqual(sorted)
  })

  it('puts keys in where they go: the same keys as packed from scratch', () => {
    let seed = 3
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    const word = () => Array.from({ length: Math.floor(next() * 4) }, () => '美国北约ab\u{1F600}'[Math.floor(next() * 5)] ?? 'z').join('')
    let all = new Set<string>()
    let keys = SortedKeys.of([])
    for (let round = 0; round < 30; round++) {
      // Sometimes none, sometimes keys before, between and after all the others.
      const fresh = [...new Set(Array.from({ length: Math.floor(next() * 6) }, word))].filter((k) => !all.has(k)).sort((a, b) => (a < b ? -1 : 1))
      keys = keys.inserted(fresh, fresh.map((k) => keys.lowerBound(k)))
      all = new Set([...all, ...fresh])
      const sorted = [...all].sort((a, b) => (a < b ? -1 : 1))
      expect({ joined: keys.joined, ends: [...keys.ends] }).toEqual({ joined: sorted.join(''), ends: [...SortedKeys.of(sorted).ends] })
      sorted.forEach((k, i) => expect(keys.lowerBound(k)).toBe(i))
    }
    expect(all.size).toBeGreaterThan(20)
  })
})
