import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect } from 'vitest'

/** Compares with the expected file, or rewrites it under UPDATE_GOLDEN=1 (review the diff!). */
export function expectGolden(path: string, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI && !existsSync(path)) throw new Error(`golden file missing: ${path} (run UPDATE_GOLDEN=1 npm test locally)`)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    return
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')))
}

export interface GoldenCase {
  readonly name: string
  readonly inputPath: string
  readonly expectedPath: string
}

/** test/golden/<stage>/<case>/{input.*, expected.json} */
export function goldenCases(stage: string): GoldenCase[] {
  const root = join(import.meta.dirname, '..', 'golden', stage)
  return readdirSync(root).sort().flatMap((name) => {
    const input = readdirSync(join(root, name)).find((f) => f.startsWith('input'))
    return input ? [{ name, inputPath: join(root, name, input), expectedPath: join(root, name, 'expected.json') }] : []
  })
}
