import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadEntityTable } from '../analyze/entities.js'
import { IdfTable } from '../analyze/keywords.js'
import { NameTags } from '../analyze/name-tags.js'
import { dictionaryNameTags } from '../analyze/segment.js'
import { loadRegistry, parseRegistry } from '../outlets/registry.js'
import { compileShipped } from './compile.js'
import { keyOf, loadCompiled, saveCompiled } from './compiled.js'
import { compileYaml, compiledYaml, shippedYaml } from './yaml.js'

const dir = mkdtempSync(join(tmpdir(), 'jianting-compiled-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const require = createRequire(import.meta.url)

describe('compiled tables', () => {
  it('come back as saved, each array in its type, under the same key only', () => {
    const ints = Int32Array.from([1, -2, 2 ** 31 - 1])
    const bytes = Uint8Array.from([7, 0, 255, 1, 2]) // an odd length: the next array is still aligned
    const shorts = Uint16Array.from([65535, 3])
    saveCompiled('t', 'k1', { median: 11.5 }, [bytes, ints, shorts], dir)
    const back = loadCompiled('t', 'k1', dir)!
    expect(back.meta).toEqual({ median: 11.5 })
    expect(back.arrays.map((a) => a.constructor.name)).toEqual(['Uint8Array', 'Int32Array', 'Uint16Array'])
    expect(back.arrays.map((a) => [...a])).toEqual([[...bytes], [...ints], [...shorts]])
    expect(loadCompiled('t', 'k2', dir)).toBeUndefined()
    expect(loadCompiled('none', 'k1', dir)).toBeUndefined()
  })

  it('are not read when damaged: the caller derives them again', () => {
    saveCompiled('cut', 'k', null, [new Int32Array(1000)], dir)
    const file = join(dir, 'cut.bin')
    writeFileSync(file, readFileSync(file).subarray(0, 500))
    expect(loadCompiled('cut', 'k', dir)).toBeUndefined()
    writeFileSync(file, 'not a table')
    expect(loadCompiled('cut', 'k', dir)).toBeUndefined()
  })

  it('are keyed by every input, in order, and by the code that derives them', () => {
    const a = keyOf(['ab', 'c'])
    expect(keyOf(['ab', 'c'])).toBe(a)
    expect(keyOf(['a', 'bc'])).not.toBe(a)
    expect(keyOf([new TextEncoder().encode('ab'), 'c'])).not.toBe(a)
    expect(keyOf(['ab', 'c'], [import.meta.url])).not.toBe(a)
  })
})

describe('shipped YAML', () => {
  const text = '- { id: a, name: 甲 }\n'
  it('is read from its compiled copy only when made from the same text', () => {
    compileYaml('sample', text, [{ id: 'a', name: 'from the copy' }], dir)
    expect(compiledYaml('sample', text, dir)).toEqual([{ id: 'a', name: 'from the copy' }])
    expect(compiledYaml('sample', text.replace('甲', '乙'), dir)).toBeUndefined()
    // An edited table is parsed: what the file says now, not what the build saw.
    expect(shippedYaml('sample', text.replace('甲', '乙'), dir)).toEqual([{ id: 'a', name: '乙' }])
  })
})

describe('compileShipped (npm run build)', () => {
  const made = compileShipped(dir)
  const dictionaries = [readFileSync(require.resolve('@node-rs/jieba/dict.txt'))]

  it('saves data that gives the same registry and entity table as parsing', () => {
    expect(made).toEqual(['outlets.yaml', 'entities.yaml', 'idf', 'name-tags'])
    const registryText = readFileSync(new URL('../outlets/outlets.yaml', import.meta.url), 'utf8')
    const compiled = parseRegistry(registryText, 'outlets.yaml', compiledYaml('outlets', registryText, dir))
    expect(compiled.outlets).toEqual(loadRegistry().outlets)
    const entityText = readFileSync(new URL('../analyze/entities.yaml', import.meta.url), 'utf8')
    expect(compiledYaml('entities', entityText, dir)).toBeInstanceOf(Array)
    expect(loadEntityTable().resolve('普丁')?.id).toBe(loadEntityTable().resolve('普京')?.id)
  })

  it('saves the IDF index: the same values and median as indexing the list again', () => {
    const bytes = readFileSync(require.resolve('@node-rs/jieba/idf.txt'))
    const saved = loadCompiled('idf', savedKey('idf'), dir)!
    const fresh = new IdfTable(bytes)
    const back = new IdfTable(bytes, { slots: saved.arrays[0] as Int32Array, median: saved.meta as number })
    expect(back.median).toBe(fresh.median)
    for (const w of ['的', '美国', '普京', '峰会', '不存在的词语组合']) expect(back.get(w)).toBe(fresh.get(w))
  })

  it("saves the tags of the shared jieba's dictionaries as the process derives them", () => {
    const [hashes, kinds] = loadCompiled('name-tags', savedKey('name-tags'), dir)!.arrays
    const shared = dictionaryNameTags()
    expect([...(kinds as Uint8Array)].every((k, i) => k === shared.kinds[i])).toBe(true)
    expect((hashes as Int32Array).length).toBe(shared.hashes.length)
  })
})

describe('NameTags.of', () => {
  const bytes = (s: string) => Buffer.from(s)
  const names = [bytes('拜登 100 nr\n峰会 500 n')]
  it('reads the index saved for the same dictionaries, and indexes others itself', () => {
    NameTags.compile(names, dir)
    // A forged index under the key of `names` (拜登 a verb in it): read, so 拜登 is no name.
    const forged = new NameTags([bytes('拜登 100 v\n峰会 500 n')])
    saveCompiled('name-tags', savedKey('name-tags'), null, [forged.hashes, forged.kinds], dir)
    expect(NameTags.of(names, dir).isName('拜登')).toBe(false)
    // Other dictionaries do not match the key: indexed from their lines.
    expect(NameTags.of([bytes('拜登 100 nr\n峰会 9 n')], dir).isName('拜登')).toBe(true)
    expect(NameTags.of([bytes('拜登 100 nr\n峰会 9 n')], dir).isName('峰会')).toBe(false)
  })
})

/** The key a table was saved under, read from its file's header. */
function savedKey(name: string): string {
  const file = readFileSync(join(dir, `${name}.bin`))
  return (JSON.parse(file.toString('utf8', 4, 4 + file.readUInt32LE(0))) as { key: string }).key
}
