import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { countProgress, startProgress } from './progress.js'

// stderr under vitest is not a terminal: progress is written as log lines, every few seconds.
describe('progress in a log', () => {
  let lines: string[]
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 })
    lines = []
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (lines.push(String(s)), true))
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true })
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('writes an ingest line at most every five seconds, with the rate so far', () => {
    const p = startProgress(100, false)
    p.update({ files: 10, articles: 8, duplicates: 1, quarantined: 1, unchanged: 0 })
    expect(lines).toEqual([])
    vi.setSystemTime(10_000)
    p.update({ files: 50, articles: 40, duplicates: 5, quarantined: 5, unchanged: 0 })
    p.update({ files: 51, articles: 41, duplicates: 5, quarantined: 5, unchanged: 0 })
    expect(lines).toEqual(['ingest: 50/100 files, 5 files/s, 40 articles, 5 copies, 5 quarantined\n'])
  })

  it('says nothing when quiet, or when the work is short', () => {
    vi.setSystemTime(10_000)
    startProgress(100, true).update({ files: 50, articles: 40, duplicates: 5, quarantined: 5, unchanged: 0 })
    countProgress('clustering', 100).update(50)
    expect(lines).toEqual([])
  })

  it('counts long work', () => {
    const p = countProgress('clustering articles', 5000)
    vi.setSystemTime(6_000)
    p.update(3000)
    expect(lines).toEqual(['clustering articles: 3000/5000, 500/s\n'])
  })
})
