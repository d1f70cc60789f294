import { readFileSync } from 'node:fs'

/** jianting's version, from its package.json (`jianting --version`, the API's openapi.json). */
export const jiantingVersion: string = (() => {
  for (const u of [new URL('../package.json', import.meta.url), new URL('../../package.json', import.meta.url)]) {
    try {
      return (JSON.parse(readFileSync(u, 'utf8')) as { name: string; version: string }).version
    } catch {
      continue // built (dist/src) and source (src) layouts differ by one level
    }
  }
  return '0.0.0'
})()
