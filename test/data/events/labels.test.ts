// The extra event labels (events-extra.tsv) are test data: check they are well-formed here, and
// against the corpus's own labels and manifest when the corpus is present (it is not in the repo).
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const here = import.meta.dirname
const repoRoot = join(here, '..', '..', '..')
const HEADER = 'path\tevent_id\tevent_name'
// New ids live in their own namespace; E##/S### ids are shipped events the file adds articles to.
const NEW_EVENT = /^X\d{2}$/
const NEW_SINGLETON = /^XS\d{3}$/
const SHIPPED_ID = /^(E\d{2}|S\d{3})$/

interface Row { readonly path: string; readonly id: string; readonly name: string; readonly line: number }

function readLabels(file: string): { header: string; rows: Row[] } {
  const [header, ...lines] = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n')
  const rows = lines.map((l, i) => {
    const [path, id, name, ...rest] = l.split('\t')
    if (rest.length || name === undefined) throw new Error(`${file}:${i + 2}: expected 3 tab-separated columns, got ${l.split('\t').length}`)
    return { path, id, name, line: i + 2 }
  })
  return { header, rows }
}

const sizes = (rows: readonly Row[]) => {
  const n = new Map<string, number>()
  for (const r of rows) n.set(r.id, (n.get(r.id) ?? 0) + 1)
  return n
}

const extra = readLabels(join(here, 'events-extra.tsv'))

describe('events-extra.tsv (repo only)', () => {
  it('has the columns of the corpus labels', () => {
    expect(extra.header).toBe(HEADER)
    for (const r of extra.rows) {
      expect(r.path, `line ${r.line}`).not.toBe('')
      expect(r.name.trim(), `line ${r.line}`).not.toBe('')
      expect(r.id, `line ${r.line}`).toBe(r.id.trim())
    }
  })

  it('paths are relative to the corpus files/ folder and never leave it', () => {
    for (const r of extra.rows) {
      expect(r.path.startsWith('/'), `line ${r.line}`).toBe(false)
      expect(r.path.split('/'), `line ${r.line}`).not.toContain('..')
      expect(r.path, `line ${r.line}`).toMatch(/^[a-z-]+\/[^/]+\/.+/)
    }
  })

  it('labels each path once', () => {
    const seen = new Set<string>()
    const twice = extra.rows.filter((r) => seen.size === seen.add(r.path).size).map((r) => r.path)
    expect(twice).toEqual([])
  })

  it('uses X## / XS### ids for what it adds, and the shipped id format only to extend shipped events', () => {
    const bad = extra.rows.filter((r) => !NEW_EVENT.test(r.id) && !NEW_SINGLETON.test(r.id) && !SHIPPED_ID.test(r.id))
    expect(bad.map((r) => `${r.line}: ${r.id}`)).toEqual([])
  })

  it('gives every id one name, and every XS id exactly one article', () => {
    const names = new Map<string, Set<string>>()
    for (const r of extra.rows) names.set(r.id, (names.get(r.id) ?? new Set()).add(r.name))
    expect([...names].filter(([, n]) => n.size > 1).map(([id]) => id)).toEqual([])
    expect([...sizes(extra.rows)].filter(([id, n]) => NEW_SINGLETON.test(id) && n !== 1)).toEqual([])
    expect([...sizes(extra.rows)].filter(([id, n]) => NEW_EVENT.test(id) && n < 2)).toEqual([])
  })

  it('has at least 30 events with 2 or more articles on its own', () => {
    const events = [...sizes(extra.rows)].filter(([id, n]) => !NEW_SINGLETON.test(id) && n >= 2)
    expect(events.length).toBeGreaterThanOrEqual(30)
  })
})

const corpus = resolve(repoRoot, process.env.JIANTING_CORPUS ?? '../shared/corpus')
const hasCorpus = existsSync(join(corpus, 'events.tsv')) && existsSync(join(corpus, 'manifest.tsv'))
if (!hasCorpus) console.log(`labels.test: corpus checks skipped — no corpus at ${corpus} (set JIANTING_CORPUS)`)

describe.skipIf(!hasCorpus)(`events-extra.tsv with the corpus (skipped without ${corpus})`, () => {
  const shipped = hasCorpus ? readLabels(join(corpus, 'events.tsv')) : { header: '', rows: [] }
  const manifest = new Map<string, string>()
  if (hasCorpus) {
    const [head, ...lines] = readFileSync(join(corpus, 'manifest.tsv'), 'utf8').replace(/\n$/, '').split('\n')
    const col = head.split('\t')
    for (const l of lines) {
      const f = l.split('\t')
      manifest.set(f[col.indexOf('path')], f[col.indexOf('note')])
    }
  }

  it('labels only files of the week that the corpus holds', () => {
    const outside = extra.rows.filter((r) => !(manifest.get(r.path) ?? '').split(/[ ,;]+/).includes('window'))
    expect(outside.map((r) => r.path)).toEqual([])
    const missing = extra.rows.filter((r) => !existsSync(join(corpus, 'files', r.path)))
    expect(missing.map((r) => r.path)).toEqual([])
  })

  it('does not relabel a shipped path, and reuses shipped ids with their shipped names', () => {
    const shippedPaths = new Set(shipped.rows.map((r) => r.path))
    expect(extra.rows.filter((r) => shippedPaths.has(r.path)).map((r) => r.path)).toEqual([])
    const shippedName = new Map(shipped.rows.map((r) => [r.id, r.name]))
    for (const r of extra.rows.filter((x) => SHIPPED_ID.test(x.id))) expect(r.name, `line ${r.line}`).toBe(shippedName.get(r.id))
  })

  it('combined with the shipped labels: at least 300 articles and 30 events with 2 or more articles', () => {
    const all = [...shipped.rows, ...extra.rows]
    expect(new Set(all.map((r) => r.path)).size).toBeGreaterThanOrEqual(300)
    const events = [...sizes(all)].filter(([, n]) => n >= 2)
    expect(events.length).toBeGreaterThanOrEqual(30)
  })
})
