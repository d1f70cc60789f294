import { describe, expect, it } from 'vitest'
import type { Article, RawInput } from '../article.js'
import { fail, ok } from '../article.js'
import { ParsePool } from './parse-pool.js'

const fakeWorker = new URL('../../test/support/fake-parse-worker.mjs', import.meta.url)
const raw = (locator: string): RawInput => ({ locator, bytes: new Uint8Array(0), sha256: locator, kind: 'file' })
const parseHere = (r: RawInput) => fail('format/unknown', 'here', '', r.locator)

describe('ParsePool', () => {
  it('gives every result in submission order, parsed by the workers and by the caller while it waits', async () => {
    const pool = new ParsePool(1, {}, parseHere, fakeWorker)
    const jobs = Array.from({ length: 300 }, (_, i) => pool.submit(raw(`f${i}`)))
    const results = []
    for (const job of jobs) results.push(await pool.result(job))
    await pool.close()
    expect(results.map((r) => (r.ok ? '' : r.problem.locator))).toEqual(jobs.map((j) => j.raw.locator))
    const stages = new Set(results.map((r) => (r.ok ? '' : r.problem.stage)))
    expect(stages).toEqual(new Set(['worker', 'here']))
  })

  it('has a worker segment the articles the caller parsed without their terms', async () => {
    // The caller parses without terms (no jieba dictionary on the writer thread): every result
    // it parsed comes back with the worker's terms.
    const parseWithoutTerms = (r: RawInput) => ok({ title: `title ${r.locator}`, folded: `text ${r.locator}` } as unknown as Article)
    const pool = new ParsePool(1, {}, parseWithoutTerms, fakeWorker)
    const jobs = Array.from({ length: 300 }, (_, i) => pool.submit(raw(`f${i}`)))
    const results = []
    for (const job of jobs) results.push(await pool.result(job))
    await pool.close()
    const here = results.filter((r) => r.ok)
    expect(here.length).toBeGreaterThan(0)
    for (const r of here) expect(r.ok && r.value.terms).toEqual({ title: `worker:${r.value.title}`, body: r.value.folded, extra: '' })
  })

  it('quarantines an input whose segmentation failed on the worker', async () => {
    const pool = new ParsePool(1, {}, (r) => ok({ title: 'bug', folded: '' } as unknown as Article), fakeWorker)
    const job = pool.submit(raw('f1')) // awaited at once: parsed here, before any worker has it
    expect(await pool.result(job)).toEqual(fail('internal/bug', 'pipeline', 'segmenter failed', 'f1'))
    await pool.close()
  })

  it('reports a worker that died to whoever waits for its jobs', async () => {
    const pool = new ParsePool(1, {}, parseHere, fakeWorker)
    const job = pool.submit(raw('crash'))
    await new Promise((resolve) => setImmediate(resolve)) // sent to the worker
    await expect(pool.result(job)).rejects.toThrow('worker crashed')
    await expect(pool.result(pool.submit(raw('after')))).rejects.toThrow('worker crashed')
    await pool.close()
  })
})
