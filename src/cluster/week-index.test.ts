import { describe, expect, it } from 'vitest'
import { IndexWeek, termHash, type PackedWeek } from './week-index.js'

/** A week's postings as plain lists, in the order terms were first written. */
type Model = Map<string, number[]>

function write(week: IndexWeek, model: Model, term: string, idx: number): void {
  week.writable(term, termHash(term)).add(idx)
  const list = model.get(term) ?? []
  if (!list.includes(idx)) list.push(idx)
  model.set(term, list)
}

function read(week: IndexWeek, term: string): number[] {
  const out: number[] = []
  const n = week.each(term, termHash(term), (idx) => out.push(idx))
  expect(n).toBe(out.length)
  return out
}

/** The packed form of a model, as a week written in that order from nothing packs it. */
function packedOf(model: Model): PackedWeek {
  const terms = [...model.keys()]
  let end = 0
  return {
    terms: terms.join(''),
    ends: Int32Array.from(terms, (t) => (end += t.length)),
    sizes: Int32Array.from(terms, (t) => model.get(t)!.length),
    events: Int32Array.from(terms.flatMap((t) => model.get(t)!)),
  }
}

describe('IndexWeek', () => {
  it('packs what was written, terms in the order first written, events in the order added', () => {
    const week = new IndexWeek()
    const model: Model = new Map()
    for (const [term, idx] of [['峰会', 3], ['普京', 3], ['峰会', 1], ['\u0001日内', 7], ['普京', 9]] as const) write(week, model, term, idx)
    expect(week.pack()).toEqual(packedOf(model))
    expect(read(week, '峰会')).toEqual([3, 1])
    expect(read(week, '拜登')).toEqual([])
  })

  it('continues a packed week: unwritten terms are copied, written ones replaced, new ones appended, as one written from the start', () => {
    const model: Model = new Map()
    const scratch = new IndexWeek()
    // Enough terms that the hash table of the packed form grows and probes past collisions.
    for (let i = 0; i < 300; i++) write(scratch, model, `词${i}`, i % 17)
    const loaded = new IndexWeek(scratch.pack())
    const again = new IndexWeek()
    for (const [t, list] of model) for (const idx of list) again.writable(t, termHash(t)).add(idx)
    for (let i = 0; i < 300; i += 7) expect(read(loaded, `词${i}`)).toEqual(model.get(`词${i}`))
    expect(loaded.isWritten).toBe(false)
    // Written: some packed terms (first, middle, last) and some new ones.
    for (const [term, idx] of [['词0', 40], ['词150', 41], ['词299', 42], ['新词', 43], ['词150', 44], ['另一个', 45]] as const) {
      write(loaded, model, term, idx)
      again.writable(term, termHash(term)).add(idx)
    }
    expect(loaded.isWritten).toBe(true)
    expect(read(loaded, '词150')).toEqual(model.get('词150'))
    expect(read(loaded, '新词')).toEqual([43])
    const packed = loaded.pack()
    expect(packed).toEqual(packedOf(model))
    expect(packed).toEqual(again.pack())
    expect(loaded.isWritten).toBe(false)
    // After packing, every term is still found (new ones included), and writing goes on.
    for (const t of model.keys()) expect(read(loaded, t)).toEqual(model.get(t))
    for (let i = 300; i < 700; i++) write(loaded, model, `词${i}`, i)
    write(loaded, model, '新词', 46)
    expect(loaded.pack()).toEqual(packedOf(model))
    for (const t of model.keys()) expect(read(loaded, t)).toEqual(model.get(t))
  })

  it('leaves a week not written as it was loaded', () => {
    const packed: PackedWeek = { terms: 'ab', ends: Int32Array.of(1, 2), sizes: Int32Array.of(2, 1), events: Int32Array.of(5, 6, 7) }
    const week = new IndexWeek(packed)
    expect(read(week, 'a')).toEqual([5, 6])
    expect(read(week, 'b')).toEqual([7])
    expect(week.pack()).toBe(packed)
  })
  it('finds every term of a week whose places outgrow two-byte slots, before and after packing more', () => {
    const model: Model = new Map()
    // Just under the places a two-byte slot holds: the table built first is of two-byte slots.
    for (let i = 0; i < 65_530; i++) model.set(`t${i}`, [i % 101])
    const week = new IndexWeek(packedOf(model))
    expect(read(week, 't0')).toEqual([0])
    // 65,536 terms then: the table still has room for them (half full), but not two-byte places.
    for (let i = 65_530; i < 65_536; i++) write(week, model, `t${i}`, i)
    expect(week.pack()).toEqual(packedOf(model))
    // Past them now: a term placed at 65,535 or later must not wrap around to another's slot.
    for (const i of [0, 1, 65_529, 65_533, 65_534, 65_535]) expect(read(week, `t${i}`)).toEqual(model.get(`t${i}`))
    expect(read(week, 't65536')).toEqual([])
  })
})
