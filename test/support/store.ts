import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Article } from '../../src/article.js'
import type { Store } from '../../src/store/store.js'
import { loadRegistry } from '../../src/outlets/registry.js'
import { rawInput, runStages } from '../../src/pipeline.js'

/** The example archive that ships in the repo (the five seed articles). */
export const exampleArchive = join(import.meta.dirname, '..', '..', 'examples', 'archive')

const DAY_MS = 86_400_000

/** The article again, under a new id (and its original's, for a copy), `days` later: a later week's report. */
export const shifted = (a: Article, days: number, suffix: string): Article => ({
  ...a,
  id: `${a.id}${suffix}` as Article['id'],
  ...(a.publishedAt ? { publishedAt: new Date(Date.parse(a.publishedAt) + days * DAY_MS).toISOString() } : {}),
  ...(a.duplicateOf ? { duplicateOf: `${a.duplicateOf}${suffix}` as Article['id'] } : {}),
})

/** Every stored article, copies included, in the store's order. */
export async function allArticles(store: Store): Promise<Article[]> {
  const out: Article[] = []
  for await (const a of store.articles({ includeDuplicates: true })) out.push(a)
  return out
}

/** The example archive's articles straight from the pipeline (no store), in file order. */
export function exampleArticles(): Article[] {
  const registry = loadRegistry()
  return readdirSync(exampleArchive)
    .sort()
    .map((f) => {
      const r = runStages(rawInput(new Uint8Array(readFileSync(join(exampleArchive, f))), `examples/archive/${f}`, 'file'), { registry })
      if (!r.ok) throw new Error(r.problem.detail)
      return r.value
    })
}
