import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { Tally } from './tally.js'

/** A Tally after a v8 round trip, as a saved clustering restores it. */
const cloned = (t: Tally): Tally => Object.assign(Object.create(Tally.prototype) as Tally, deserialize(serialize({ ...t })))

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
      for (const k of [...map.keys(), 'absent', '美国总统']) expect(t.get(k)).toBe(map.get(k))
    }
    expect(t.size).toBe(map.size)
  })

  it('keeps only flat values once packed: what a saved state holds', () => {
    const t = new Tally()
    for (const k of ['b', 'a', 'c', 'a']) t.increment(k)
    expect(t.get('missing')).toBeUndefined()
    t.pack()
    const fields = Object.values({ ...t })
    expect(fields.filter((v) => v instanceof Map).every((m) => (m as Map<string, number>).size === 0)).toBe(true)
    expect(fields.some((v) => Array.isArray(v))).toBe(false)
    expect(t.get('a')).toBe(2)
    expect(t.size).toBe(3)
  })
})
