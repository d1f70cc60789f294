import { fileURLToPath } from 'node:url'
import { compileEntityTable } from '../analyze/entities.js'
import { compileIdf } from '../analyze/keywords.js'
import { compileNameTags } from '../analyze/segment.js'
import { compileRegistry } from '../outlets/registry.js'
import { COMPILED_DIR } from './compiled.js'

/**
 * Derives, once, the tables every process would otherwise derive from the shipped files (see
 * `compiled.ts`): the registry's and the entity table's data (validated: a table that does not
 * validate fails the build), jieba's IDF index, and the tags of its dictionaries with the user
 * dictionary made of both tables. Run by `npm run build` after tsc; `dir` for tests.
 */
export function compileShipped(dir = COMPILED_DIR): string[] {
  compileRegistry(dir)
  compileEntityTable(dir)
  compileIdf(dir)
  compileNameTags(dir)
  return ['outlets.yaml', 'entities.yaml', 'idf', 'name-tags']
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now()
  const made = compileShipped()
  console.log(`compiled ${made.join(', ')} into ${COMPILED_DIR} in ${Math.round(performance.now() - started)} ms`)
}
