import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'vitest'
import { articleJson } from './cli/format.js'
import { loadRegistry } from './outlets/registry.js'
import { rawInput, runStages } from './pipeline.js'
import { expectGolden, goldenCases } from '../test/support/golden.js'

const registry = loadRegistry()
const root = join(import.meta.dirname, '..')

/** Everything a reader or a later stage relies on; fingerprints are checked in dedupe tests. */
function stable(bytes: Uint8Array, locator: string) {
  const r = runStages(rawInput(bytes, locator, 'file'), { registry })
  if (!r.ok) return { problem: r.problem }
  const { provenance, ...rest } = articleJson(r.value)
  return { ...rest, provenance: { ...provenance, locator }, blocks: r.value.blocks }
}

describe('seed articles (examples/archive) → articles', () => {
  const dir = join(root, 'examples', 'archive')
  for (const file of readdirSync(dir).sort()) {
    it(file, () => {
      const locator = `examples/archive/${file}`
      expectGolden(join(root, 'test', 'golden', 'seeds', `${file.replace(/\.\w+$/, '')}.json`), stable(new Uint8Array(readFileSync(join(dir, file))), locator))
    })
  }
})

describe('golden pipeline cases', () => {
  for (const c of goldenCases('pipeline')) {
    it(c.name, () => {
      const locator = `test/golden/pipeline/${c.name}/${c.inputPath.split('/').pop()}`
      expectGolden(c.expectedPath, stable(new Uint8Array(readFileSync(c.inputPath)), locator))
    })
  }
})
