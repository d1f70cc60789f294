import { parse as parseYaml, YAMLParseError } from 'yaml'
import { readFlatYaml } from './flat-yaml.js'

export interface FrontMatter {
  readonly data: Record<string, unknown>
  readonly body: string
  /** Set when the YAML was broken and the lenient line reader recovered what it could. */
  readonly yamlError?: string
}

export type SplitResult =
  | { kind: 'none' }
  | { kind: 'unclosed'; openLine: number }
  | { kind: 'ok'; fm: FrontMatter }

// Archives put blank lines or a BOM before the opening fence (Hexo exports start with '\n---').
const OPEN = /^(?:\ufeff)?(?:[ \t]*\r?\n)*---[ \t]*\r?\n/

/** Cheap: does the text start with a front-matter fence? */
export const hasFrontMatter = (text: string): boolean => OPEN.test(text.slice(0, 200))

export function splitFrontMatter(text: string): SplitResult {
  const open = text.match(OPEN)
  if (!open) return { kind: 'none' }
  const rest = text.slice(open[0].length)
  const close = rest.match(/^(?:---|\.\.\.)[ \t]*$/m)
  if (!close || close.index === undefined) {
    const openLine = open[0].split('\n').length - 1
    return { kind: 'unclosed', openLine }
  }
  const yamlText = rest.slice(0, close.index)
  const body = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '')
  const flat = readFlatYaml(yamlText)
  if (flat) return { kind: 'ok', fm: { data: flat, body } }
  try {
    const data = parseYaml(yamlText, { schema: 'core' }) as unknown
    if (data === null || data === undefined) return { kind: 'ok', fm: { data: {}, body } }
    if (typeof data !== 'object' || Array.isArray(data))
      return { kind: 'ok', fm: { data: lenientYaml(yamlText), body, yamlError: 'front matter is not a key: value mapping' } }
    return { kind: 'ok', fm: { data: data as Record<string, unknown>, body } }
  } catch (e) {
    if (!(e instanceof YAMLParseError)) throw e
    return { kind: 'ok', fm: { data: lenientYaml(yamlText), body, yamlError: e.message.split('\n')[0] } }
  }
}

/**
 * Hand-written on purpose: archive front matter is often broken YAML (unquoted colons and
 * quotes in titles, stray indentation). A YAML library rightly refuses it; this reads
 * `key: value` lines and `- item` lists so the article is not lost. Only used after the real
 * parser failed.
 */
export function lenientYaml(text: string): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  let listKey: string | undefined
  for (const raw of text.split(/\r?\n/)) {
    const item = raw.match(/^\s*-\s+(.*)$/)
    if (item && listKey) {
      const list = Array.isArray(data[listKey]) ? (data[listKey] as unknown[]) : []
      data[listKey] = [...list, unquote(item[1])]
      continue
    }
    const kv = raw.match(/^\s*([A-Za-z_][\w-]*)\s*:\s?(.*)$/)
    if (!kv) continue
    const [, key, value] = kv
    listKey = value.trim() === '' ? key : undefined
    const inline = value.trim().match(/^\[(.*)\]$/)
    data[key] = inline ? inline[1].split(',').map(unquote).filter(Boolean) : value.trim() === '' ? '' : unquote(value)
  }
  return data
}

const unquote = (s: string) => s.trim().replace(/^(['"])(.*)\1$/, '$2')

/** A front-matter field as a trimmed string, whatever YAML made of it. */
export function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString()
  if (Array.isArray(v)) return v.length ? str(v[0]) : undefined
  const s = String(v).trim()
  return s === '' ? undefined : s
}

/** A front-matter list field (`[a, b]`, `- a`, or a single value) as strings. */
export function list(v: unknown): string[] {
  if (v === undefined || v === null) return []
  const items = Array.isArray(v) ? v : [v]
  return items.map((x) => str(x)).filter((x): x is string => x !== undefined)
}
