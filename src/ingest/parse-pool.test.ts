import { describe, expect, it } from 'vitest'
import type { RawInput } from '../article.js'
import { fail } from '../article.js'
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

  it('reports a worker that died to whoever waits for its jobs', async () => {
    const pool = new ParsePool(1, {}, parseHere, fakeWorker)
    const job = pool.submit(raw('crash'))
    await new Promise((resolve) => setImmediate(resolve)) // sent to the worker
    await expect(pool.result(job)).rejects.toThrow('worker crashed')
    await expect(pool.result(pool.submit(raw('after')))).rejects.toThrow('worker crashed')
    await pool.close()
  })
})
