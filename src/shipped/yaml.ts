import { createRequire } from 'node:module'
import { parse } from 'yaml'
import { COMPILED_DIR, keyOf, loadCompiled, saveCompiled } from './compiled.js'

// The same text parsed by another version of the library is another table.
const YAML_VERSION = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version

const keyFor = (text: string) => keyOf([`yaml@${YAML_VERSION}`, text])
const memo = new Map<string, unknown>()

/**
 * The plain data of a YAML file jianting ships (the entity table, the outlet registry): from the
 * build's compiled copy when it was made from this very text, else parsed, once a process.
 * `name` names the compiled copy (`compileYaml`). The data is shared: callers must not change it.
 */
export function shippedYaml(name: string, text: string, dir = COMPILED_DIR): unknown {
  const key = keyFor(text)
  if (memo.has(key)) return memo.get(key)
  const data = compiledYaml(name, text, dir) ?? parse(text)
  memo.set(key, data)
  return data
}

/** The data the build compiled from this very text, or undefined (none, or made from another text). */
export function compiledYaml(name: string, text: string, dir = COMPILED_DIR): unknown {
  return loadCompiled(`${name}.yaml`, keyFor(text), dir)?.meta
}

/** Saves the plain data of a YAML text for `shippedYaml` and `compiledYaml` (at build time). */
export function compileYaml(name: string, text: string, data: unknown, dir = COMPILED_DIR): void {
  saveCompiled(`${name}.yaml`, keyFor(text), data, [], dir)
}
