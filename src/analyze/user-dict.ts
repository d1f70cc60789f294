import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { shippedYaml } from '../shipped/yaml.js'
import { foldText } from '../normalize/fold.js'
import { loadRegistry } from '../outlets/registry.js'

// jieba part-of-speech tags given to dictionary names, so name-sensitive code (nameWords) sees them.
const TAG_OF_TYPE: Record<string, string> = { person: 'nr', place: 'ns', org: 'nt', work: 'nz', event: 'nz', other: 'nz' }
const OUTLET_TAG = 'nt'
// A frequency in jieba's units (its dictionary totals ~60 million): enough for a listed name to
// win over the pieces it would otherwise be cut into (斯托尔/滕/贝格), too little to swallow a
// neighbouring common word (王毅/然后, not 王毅然/后).
const NAME_FREQ = 2000
// Only names of Han characters and digits can be dictionary words: jieba cuts Latin runs by
// itself, and a dotted name (弗拉基米尔·普京) is cut at the dot, so its parts are listed instead.
const WORDLIKE = /^[\p{Script=Han}0-9]{2,16}$/u

const ENTITY_TABLE = [new URL('./entities.yaml', import.meta.url), new URL('../../../src/analyze/entities.yaml', import.meta.url)]

/**
 * jieba's user dictionary (`word freq tag` lines): every outlet name and alias in the registry
 * and every name in the editable entity table, folded as segmentation sees text, so 斯托尔滕贝格,
 * 泽连斯基 and 观察者网 come out as one word each.
 */
export function userDictionary(entityTablePath?: string): string {
  const words = new Map<string, string>()
  const add = (name: string, tag: string) => {
    for (const part of foldText(name).split(/[·•・‧∙]/)) if (WORDLIKE.test(part) && !words.has(part)) words.set(part, tag)
  }
  for (const [name, type] of entityNames(entityTablePath)) add(name, TAG_OF_TYPE[type] ?? 'nz')
  for (const o of loadRegistry().outlets) for (const name of [o.names['zh-Hans'], o.names['zh-Hant'], ...o.aliases]) if (name) add(name, OUTLET_TAG)
  return [...words].map(([w, tag]) => `${w} ${NAME_FREQ} ${tag}`).join('\n')
}

let canonical: Map<string, string> | undefined

/**
 * Every spelling the entity table lists, folded, mapped to its entry's folded name: 普丁 → 普京,
 * 川普 → 特朗普, g7 → 七国集团, putin → 普京. Short Latin acronyms (who, un, us) are left out: in
 * folded (lower-case) text they are also English words.
 */
export function canonicalNames(): ReadonlyMap<string, string> {
  if (!canonical) {
    canonical = new Map()
    for (const { name, aliases } of entityEntries()) {
      const to = foldText(name)
      for (const alias of aliases) {
        const from = foldText(alias)
        if (from === to || canonical.has(from) || /\s/.test(from)) continue
        if (/^[a-z.\-']+$/.test(from) && from.length < 4) continue
        canonical.set(from, to)
      }
    }
  }
  return canonical
}

let aliasPattern: RegExp | undefined

/** Folded text with every spelling the entity table lists replaced by its entry's name (普丁 → 普京, g7 → 七国集团). */
export function withCanonicalNames(folded: string): string {
  if (!aliasPattern) {
    const escape = (a: string) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    // Latin spellings match as whole words only (g7, putin; not the g7 of g77).
    // Entry names too, so that a name holding a shorter alias (七国集团 holds 七国) is left whole.
    const alternatives = [...new Set([...canonicalNames().keys(), ...canonicalNames().values()])].sort((a, b) => b.length - a.length).map((a) => (/\p{Script=Han}/u.test(a) ? escape(a) : `(?<![a-z0-9])${escape(a)}(?![a-z0-9])`))
    aliasPattern = new RegExp(alternatives.join('|'), 'gu')
  }
  return folded.replace(aliasPattern, (m) => canonicalNames().get(m) ?? m)
}

/** (name, type) for every name and alias of the entity table (src/analyze/entities.yaml). */
function entityNames(path?: string): Array<[string, string]> {
  return entityEntries(path).flatMap(({ name, aliases, type }) => [name, ...aliases].map((n): [string, string] => [n, type]))
}

function entityEntries(path?: string): Array<{ name: string; aliases: string[]; type: string }> {
  const url = path ?? ENTITY_TABLE.map((u) => fileURLToPath(u)).find((p) => existsSync(p))
  if (!url) throw new Error(`entities.yaml not found; looked in ${ENTITY_TABLE.map((u) => fileURLToPath(u)).join(' and ')}`)
  // The shipped table is parsed once a process (its entities and these names read the same data).
  const text = readFileSync(url, 'utf8')
  const data = path === undefined ? shippedYaml('entities', text) : parse(text)
  if (!Array.isArray(data)) throw new Error(`${url}: expected a list of entities`)
  return (data as Array<Record<string, unknown>>)
    .filter((e) => typeof e?.name === 'string')
    .map((e) => ({ name: String(e.name).replace(/[《》]/g, ''), aliases: Array.isArray(e.aliases) ? e.aliases.map((a) => String(a).replace(/[《》]/g, '')) : [], type: String(e.type ?? 'other') }))
}
