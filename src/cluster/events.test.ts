import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../article.js'
import { loadRegistry } from '../outlets/registry.js'
import { rawInput, runStages } from '../pipeline.js'
import { clusterArticles } from './cluster-articles.js'

const dir = join(import.meta.dirname, '..', '..', 'examples', 'archive')
const registry = loadRegistry()
const seeds: Article[] = readdirSync(dir)
  .sort()
  .map((f) => {
    const r = runStages(rawInput(new Uint8Array(readFileSync(join(dir, f))), `examples/archive/${f}`, 'file'), { registry })
    if (!r.ok) throw new Error(r.problem.detail)
    return r.value
  })
const outletsOf = (ids: readonly string[]) => ids.map((id) => seeds.find((a) => a.id === id)!.outletId).sort()

describe('event clustering of the seed articles', () => {
  it('puts the four Geneva summit reports in one event and the January call in another', () => {
    const { events } = clusterArticles(seeds)
    expect(events).toHaveLength(2)
    const summit = events.find((e) => e.articleIds.length === 4)!
    expect(outletsOf(summit.articleIds)).toEqual(['al-jazeera', 'gnews', 'guancha', 'mitbbs'])
    const call = events.find((e) => e.articleIds.length === 1)!
    expect(outletsOf(call.articleIds)).toEqual(['voa-chinese'])
    expect(summit.start! > call.end!).toBe(true)
  })

  it('does not depend on the order articles are given in', () => {
    const a = clusterArticles(seeds).events.map((e) => [...e.articleIds].sort())
    const b = clusterArticles([...seeds].reverse()).events.map((e) => [...e.articleIds].sort())
    expect(b).toEqual(a)
  })

  it('explains each decision with a score and the shared keywords', () => {
    const { assignments } = clusterArticles(seeds)
    const joined = [...assignments.values()].filter((a) => a.reason === 'joined')
    expect(joined).toHaveLength(3)
    for (const j of joined) {
      expect(j.score).toBeGreaterThanOrEqual(0.1)
      expect(j.sharedTerms).toEqual(expect.arrayContaining(['普京']))
    }
  })
})
