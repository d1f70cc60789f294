import { join } from 'node:path'
import type { Article } from '../../src/article.js'
import type { Store } from '../../src/store/store.js'

/** The example archive that ships in the repo (the five seed articles). */
export const exampleArchive = join(import.meta.dirname, '..', '..', 'examples', 'archive')

/** Every stored article, copies included, in the store's order. */
export async function allArticles(store: Store): Promise<Article[]> {
  const out: Article[] = []
  for await (const a of store.articles({ includeDuplicates: true })) out.push(a)
  return out
}
