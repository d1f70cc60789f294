// The hand-checked quote speakers (speakers.tsv) are test data for `npm run eval`: check here
// that the file is well-formed, since the corpus it points into is not in the repo.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const [header, ...lines] = readFileSync(join(import.meta.dirname, 'speakers.tsv'), 'utf8').replace(/\n$/, '').split('\n')
const rows = lines.map((l) => l.split('\t'))

describe('speakers.tsv (repo only)', () => {
  it('has a header and three columns on every line', () => {
    expect(header).toBe('path\texcerpt\tspeaker')
    rows.forEach((r, i) => expect(r, `line ${i + 2}`).toHaveLength(3))
  })
  it('names an archive file, an excerpt long enough to find one quote, and who may be named', () => {
    for (const [path, excerpt, speakers] of rows) {
      expect(path).toMatch(/\.(md|txt|html?|json)$/)
      expect(excerpt.length, excerpt).toBeGreaterThanOrEqual(4)
      for (const s of speakers.split('|')) expect(s.trim(), `${excerpt}: ${speakers}`).not.toBe('')
    }
  })
  it('labels each quote once', () => {
    const keys = rows.map(([path, excerpt]) => `${path}\t${excerpt}`)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
