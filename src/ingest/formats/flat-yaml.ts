// Archive front matter is almost always flat: `key: value` lines, quoted or plain strings,
// booleans, and `- item` lists. The YAML library reads that at ≈ 0.2–0.4 ms a file (a third
// of the parse cost of an article in the bench); this reads only that flat subset, and says
// "not mine" for anything else, so the library still decides every other case (and its
// errors still send the file to the lenient reader).

// Core-schema resolution of plain scalars (yaml/dist/schema/core and common/null).
const NULL = /^(?:~|[Nn]ull|NULL)?$/
const TRUE = /^(?:[Tt]rue|TRUE)$/
const FALSE = /^(?:[Ff]alse|FALSE)$/
// Numbers (ints, floats, octal, hex, .inf, .nan): rare in front matter, left to the library.
const NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/
// A plain scalar may not start with an indicator; `-`, `?` and `:` may in YAML, but are refused
// here so that every accepted value is a plain string without doubt.
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/
// Control characters, BOM, tabs, CR: the library's rules for them are subtle, let it judge.
const AWKWARD = /[\u0000-\u0008\u0009\u000b-\u001f\u007f\ufeff\r]/

const KEY_LINE = /^([A-Za-z_][\w-]*):(?: (.*))?$/
const ITEM_LINE = /^( *)- (.*)$/
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/
const DOUBLE_QUOTED = /^"([^"\\]*)"$/

const NOT_FLAT = Symbol('not flat')

// `[ a, b ]` of plain words (Jekyll tags): no quotes, nesting, mappings or comments inside.
const FLOW_LIST = /^\[([^[\]{}'"#:]*)\]$/

function flowList(inner: string): unknown {
  if (inner.trim() === '') return []
  const items = inner.split(',').map((s) => s.replace(/^ +| +$/g, ''))
  // A trailing comma is allowed in YAML and ends nothing; an empty item anywhere else is odd.
  if (items[items.length - 1] === '') items.pop()
  const values = items.map((s) => (s === '' ? NOT_FLAT : scalar(s)))
  return values.every((v) => typeof v === 'string') ? values : NOT_FLAT
}

/** One scalar value as the YAML core schema reads it, or NOT_FLAT when unsure. */
function scalar(source: string): unknown {
  const v = source.replace(/^ +| +$/g, '')
  if (v.startsWith("'")) {
    const m = SINGLE_QUOTED.exec(v)
    return m ? m[1].replace(/''/g, "'") : NOT_FLAT
  }
  if (v.startsWith('"')) {
    const m = DOUBLE_QUOTED.exec(v)
    return m ? m[1] : NOT_FLAT
  }
  if (v.startsWith('[')) {
    const m = FLOW_LIST.exec(v)
    return m ? flowList(m[1]) : NOT_FLAT
  }
  if (NULL.test(v)) return null
  if (TRUE.test(v)) return true
  if (FALSE.test(v)) return false
  if (INDICATOR_START.test(v) || NUMBER.test(v) || v.includes(': ') || v.includes(' #') || v.endsWith(':')) return NOT_FLAT
  return v
}

/**
 * The mapping of a flat front matter, exactly as `yaml.parse(text, { schema: 'core' })` gives
 * it; undefined when the text uses anything else (nesting, flow collections, multi-line or
 * escaped strings, comments, numbers, anchors, duplicate keys), for the library to read.
 */
export function readFlatYaml(text: string): Record<string, unknown> | undefined {
  if (AWKWARD.test(text)) return undefined
  const data: Record<string, unknown> = {}
  let listKey: string | undefined // a key whose value is empty so far: items may follow
  let list: unknown[] | undefined
  let itemIndent = -1
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const item = ITEM_LINE.exec(line)
    if (item) {
      if (!listKey) return undefined
      if (list === undefined) ((list = []), (itemIndent = item[1].length), (data[listKey] = list))
      else if (item[1].length !== itemIndent) return undefined
      const value = scalar(item[2])
      if (value === NOT_FLAT || (typeof value === 'string' && value.trim() === '') || value === null) return undefined
      list.push(value)
      continue
    }
    const kv = KEY_LINE.exec(line)
    if (!kv || kv[1] === '__proto__' || Object.hasOwn(data, kv[1])) return undefined
    const value = scalar(kv[2] ?? '')
    if (value === NOT_FLAT) return undefined
    data[kv[1]] = value
    listKey = value === null && (kv[2] ?? '').trim() === '' ? kv[1] : undefined
    list = undefined
  }
  return Object.keys(data).length ? data : undefined
}
