import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Document, LineCounter, isNode, isSeq, parseDocument } from 'yaml'
import { compileYaml, compiledYaml } from '../shipped/yaml.js'
import { foldKey } from '../normalize/fold.js'

export type OutletType =
  | 'state-media'
  | 'public-broadcaster'
  | 'government-funded-international'
  | 'commercial'
  | 'independent'
  | 'political-movement'
  | 'forum'
  | 'aggregator'
  | 'unknown'

export const OUTLET_TYPES: readonly OutletType[] = [
  'state-media',
  'public-broadcaster',
  'government-funded-international',
  'commercial',
  'independent',
  'political-movement',
  'forum',
  'aggregator',
  'unknown',
]

export interface Outlet {
  readonly id: string
  readonly names: { readonly 'zh-Hans': string; readonly 'zh-Hant'?: string; readonly en?: string }
  readonly aliases: readonly string[]
  readonly domains: readonly string[]
  readonly country?: string
  readonly type: OutletType
  readonly owner?: string
  readonly funding?: string
  readonly sources: readonly string[]
  /**
   * For a site that mirrors other outlets' articles: the URL path under which it keeps them, with
   * `{outlet}` where the original outlet's name stands (nei.st: `/medium/{outlet}/`).
   */
  readonly mirrors?: string
}

export interface Registry {
  readonly outlets: readonly Outlet[]
  byId(id: string): Outlet | undefined
  /** Exact match of foldKey(name) against foldKey of every name/alias (so 美國之音, 美国之音, 'Voice of America Chinese', 'voa' all hit). */
  byName(name: string): Outlet | undefined
  /** Hostname (or full URL) → outlet whose domain equals it or is a parent domain (www.voachinese.com, voachinese.com/a/x). Longest domain wins. */
  byDomain(hostOrUrl: string): Outlet | undefined
}

export class RegistryError extends Error {
  override readonly name = 'RegistryError'
}

const FIELDS = new Set(['id', 'names', 'aliases', 'domains', 'country', 'type', 'owner', 'funding', 'sources', 'mirrors'])
const NAME_FIELDS = new Set(['zh-Hans', 'zh-Hant', 'en'])
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/
const COUNTRY = /^[A-Z]{2}$/

type Fail = (message: string) => never

/**
 * Parses and validates registry YAML; every message names the file, the entry and the field.
 * `data`: the text's plain data when already known (the build's compiled copy of the shipped
 * file): it is validated the same, and the text is parsed only to say on which line an entry
 * that fails starts.
 */
export function parseRegistry(yamlText: string, sourceName: string, data?: unknown): Registry {
  let parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined
  const document = () => {
    if (!parsed) {
      const lineCounter = new LineCounter()
      parsed = { doc: parseDocument(yamlText, { lineCounter }), lineCounter }
    }
    return parsed
  }
  if (data === undefined) {
    const { doc } = document()
    if (doc.errors.length > 0) throw new RegistryError(`${sourceName}: ${doc.errors[0].message}`)
    if (!isSeq(doc.contents)) throw new RegistryError(`${sourceName}: expected a list of outlets at the top level`)
    data = doc.toJS()
  }
  if (!Array.isArray(data)) throw new RegistryError(`${sourceName}: expected a list of outlets at the top level`)
  const entries = data as unknown[]
  const lineOf = (i: number) => {
    const { doc, lineCounter } = document()
    const node = isSeq(doc.contents) ? doc.contents.items[i] : undefined
    const offset = isNode(node) ? node.range?.[0] : undefined
    return offset === undefined ? '' : ` (line ${lineCounter.linePos(offset).line})`
  }
  const outlets = entries.map((entry, i) => {
    const idHint = isRecord(entry) && typeof entry.id === 'string' ? ` (${entry.id})` : ''
    return readOutlet(entry, (message) => {
      throw new RegistryError(`${sourceName}: entry ${i + 1}${idHint}: ${message}${lineOf(i)}`)
    })
  })
  claimUnique(outlets, (i, message) => {
    throw new RegistryError(`${sourceName}: entry ${i + 1} (${outlets[i].id}): ${message}${lineOf(i)}`)
  })
  return buildRegistry(outlets)
}

function readOutlet(entry: unknown, fail: Fail): Outlet {
  if (!isRecord(entry)) return fail('expected a mapping with id, names, type and sources')
  for (const key of Object.keys(entry)) if (!FIELDS.has(key)) fail(`unknown field '${key}'`)

  const id = entry.id
  if (typeof id !== 'string' || !ID.test(id)) fail(`id ${show(id)} is not a kebab-case identifier`)

  const names = entry.names
  if (!isRecord(names)) return fail('names must be a mapping with at least zh-Hans')
  for (const key of Object.keys(names)) if (!NAME_FIELDS.has(key)) fail(`unknown name language '${key}'`)

  const type = entry.type
  if (type === undefined) fail(`type is missing; use one of ${OUTLET_TYPES.join(', ')}`)
  if (!OUTLET_TYPES.includes(type as OutletType)) fail(`type ${show(type)} is not one of ${OUTLET_TYPES.join(', ')}`)

  const domains = list(entry.domains, 'domains', fail).map((d) => d.toLowerCase())
  for (const d of domains) if (!DOMAIN.test(d)) fail(`domain '${d}' is not a bare host name (no scheme, path or port)`)

  const sources = list(entry.sources, 'sources', fail)
  if (sources.length === 0) fail('sources must list at least one link backing the facts')
  for (const s of sources) if (!isHttpUrl(s)) fail(`source '${s}' is not an http(s) URL`)

  const country = text(entry.country, 'country', fail)
  if (country !== undefined && !COUNTRY.test(country)) fail(`country '${country}' is not an ISO 3166 alpha-2 code`)

  const mirrors = text(entry.mirrors, 'mirrors', fail)
  if (mirrors !== undefined && !/^\/(?:[^{}\s]*\/)?\{outlet\}\/$/.test(mirrors)) fail(`mirrors '${mirrors}' is not a URL path holding {outlet} as one segment, such as /medium/{outlet}/`)

  const outlet: Outlet = {
    id: id as string,
    names: withoutUndefined({
      'zh-Hans': text(names['zh-Hans'], 'names.zh-Hans', fail, true) as string,
      'zh-Hant': text(names['zh-Hant'], 'names.zh-Hant', fail),
      en: text(names.en, 'names.en', fail),
    }),
    aliases: list(entry.aliases, 'aliases', fail),
    domains,
    country,
    type: type as OutletType,
    owner: text(entry.owner, 'owner', fail),
    funding: text(entry.funding, 'funding', fail),
    sources,
    mirrors,
  }
  return deepFreeze(withoutUndefined(outlet))
}

/** One id, name key and domain per outlet: otherwise lookups would depend on file order. */
function claimUnique(outlets: readonly Outlet[], fail: (index: number, message: string) => never): void {
  const claims = new Map<string, number>()
  const claim = (key: string, what: string, i: number) => {
    const prior = claims.get(key)
    if (prior !== undefined && prior !== i) fail(i, `${what} is already claimed by entry ${prior + 1} (${outlets[prior].id})`)
    claims.set(key, i)
  }
  outlets.forEach((o, i) => {
    claim(`id:${o.id}`, `id '${o.id}'`, i)
    for (const name of namesOf(o)) {
      if (foldKey(name) === '') fail(i, `name or alias '${name}' has no letters or digits`)
      claim(`name:${foldKey(name)}`, `name or alias '${name}'`, i)
    }
    for (const d of o.domains) claim(`domain:${d}`, `domain '${d}'`, i)
  })
}

function buildRegistry(outlets: readonly Outlet[]): Registry {
  const ids = new Map(outlets.map((o) => [o.id, o]))
  const names = new Map(outlets.flatMap((o) => namesOf(o).map((n) => [foldKey(n), o] as const)))
  const domains = new Map(outlets.flatMap((o) => o.domains.map((d) => [d, o] as const)))
  return {
    outlets: Object.freeze([...outlets]),
    byId: (id) => ids.get(id),
    byName(name) {
      const key = foldKey(name)
      return key === '' ? undefined : names.get(key)
    },
    byDomain(hostOrUrl) {
      // Walk from the full host towards its parents: the first hit is the longest domain.
      const labels = hostOf(hostOrUrl)?.split('.') ?? []
      for (let i = 0; i < labels.length - 1; i++) {
        const hit = domains.get(labels.slice(i).join('.'))
        if (hit) return hit
      }
      return undefined
    },
  }
}

function hostOf(hostOrUrl: string): string | undefined {
  const input = hostOrUrl.trim()
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `http://${input}`
  try {
    return new URL(withScheme).hostname.replace(/\.$/, '') || undefined
  } catch {
    return undefined // not a host or URL: nothing to look up
  }
}

const namesOf = (o: Outlet): string[] =>
  [o.names['zh-Hans'], o.names['zh-Hant'], o.names.en, ...o.aliases].filter((n): n is string => n !== undefined)

// Two candidates because the module runs both from src/ (vitest) and from dist/src/ (after tsc).
const SHIPPED = [new URL('./outlets.yaml', import.meta.url), new URL('../../../src/outlets/outlets.yaml', import.meta.url)]
let shipped: Registry | undefined

/** Loads a registry file, or the shipped outlets.yaml (parsed once) when no path is given. */
export function loadRegistry(path?: string): Registry {
  if (path !== undefined) return parseRegistry(readFileSync(path, 'utf8'), path)
  if (shipped) return shipped
  const text = shippedText()
  shipped = parseRegistry(text, 'outlets.yaml', compiledYaml('outlets', text))
  return shipped
}

function shippedText(): string {
  const url = SHIPPED.find((u) => existsSync(u))
  if (!url) throw new RegistryError(`outlets.yaml not found; looked in ${SHIPPED.map((u) => fileURLToPath(u)).join(' and ')}`)
  return readFileSync(url, 'utf8')
}

/** Validates the shipped outlets.yaml and saves its data for every later process (`npm run build`). */
export function compileRegistry(dir?: string): void {
  const text = shippedText()
  parseRegistry(text, 'outlets.yaml') // a registry that does not validate fails the build
  compileYaml('outlets', text, parseDocument(text).toJS(), dir)
}

function text(value: unknown, field: string, fail: Fail, required = false): string | undefined {
  if (value === undefined || value === null) return required ? fail(`${field} is missing`) : undefined
  if (typeof value !== 'string' || value.trim() === '') return fail(`${field} must be a non-empty string, got ${show(value)}`)
  return value.trim()
}

function list(value: unknown, field: string, fail: Fail): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) return fail(`${field} must be a list`)
  return value.map((v, i) => text(v, `${field}[${i}]`, fail, true) as string)
}

function isHttpUrl(s: string): boolean {
  try {
    const { protocol } = new URL(s)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false // unparsable: reported by the caller as "not an http(s) URL"
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const show = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? String(v))

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
