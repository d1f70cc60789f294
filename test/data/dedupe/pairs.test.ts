// The repo's pair labels are test data: check they are well-formed here, and that their files
// exist when the corpus is present (it is not in the repo).
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const here = import.meta.dirname
const files = resolve(here, '..', '..', '..', process.env.JIANTING_CORPUS ?? '../shared/corpus', 'files')
if (!existsSync(files)) console.log(`pairs.test: corpus check skipped — no corpus files at ${files} (set JIANTING_CORPUS)`)

describe.each([
  ['nondup-extra.tsv', /verdict=NOT-DUP/],
  ['nondup-audit.tsv', /verdict=NOT-DUP/],
  ['dup-audit.tsv', /verdict=DUP/],
] as const)('%s (repo only)', (name, verdict) => {
  const [header, ...lines] = readFileSync(join(here, name), 'utf8').replace(/\n$/, '').split('\n')
  const rows = lines.map((l) => l.split('\t'))

  it('has the columns of the corpus pair labels, paths inside files/ and a stated verdict', () => {
    expect(header).toBe('pathA\tpathB\tevidence')
    expect(rows.length).toBeGreaterThan(0)
    for (const [i, r] of rows.entries()) {
      expect(r, `line ${i + 2}`).toHaveLength(3)
      const [a, b, evidence] = r
      for (const p of [a, b]) {
        expect(p.startsWith('/') || p.split('/').includes('..'), `line ${i + 2}`).toBe(false)
        expect(p, `line ${i + 2}`).toMatch(/^[a-z-]+\/[^/]+\/.+/)
      }
      expect(a, `line ${i + 2}`).not.toBe(b)
      expect(evidence, `line ${i + 2}`).toMatch(verdict)
    }
  })

  it('lists each pair once', () => {
    const keys = rows.map(([a, b]) => [a, b].sort().join('\t'))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it.skipIf(!existsSync(files))('names files of the corpus', () => {
    for (const [a, b] of rows) for (const p of [a, b]) expect(existsSync(join(files, p)), p).toBe(true)
  })
})

describe('the repo pair labels', () => {
  it('never call one pair both a copy and not a copy', () => {
    const keysOf = (name: string) =>
      readFileSync(join(here, name), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t').slice(0, 2).sort().join('\t'))
    const copies = new Set(keysOf('dup-audit.tsv'))
    for (const k of [...keysOf('nondup-extra.tsv'), ...keysOf('nondup-audit.tsv')]) expect(copies.has(k), k).toBe(false)
  })
})
