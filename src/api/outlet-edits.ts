import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { ConfigError } from '../errors.js'
import { OUTLET_TYPES, type Outlet, type OutletType } from '../outlets/registry.js'

/** What a user may change about an outlet through the API; every field optional. */
export const outletEdit = z
  .object({
    names: z.object({ 'zh-Hans': z.string().min(1).max(200).optional(), 'zh-Hant': z.string().min(1).max(200).optional(), en: z.string().min(1).max(200).optional() }).strict().optional(),
    type: z.enum(OUTLET_TYPES as [OutletType, ...OutletType[]]).optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code such as HK').optional(),
    owner: z.string().min(1).max(500).optional(),
    funding: z.string().min(1).max(500).optional(),
    sources: z.array(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })).max(20).optional(),
  })
  .strict()

export type OutletEdit = z.infer<typeof outletEdit>

/** Display facts of an outlet: the registry's, with the user's edits on top. */
export interface OutletFacts {
  readonly id: string
  readonly names: { readonly 'zh-Hans': string; readonly 'zh-Hant'?: string; readonly en?: string }
  readonly type: OutletType
  readonly country?: string
  readonly owner?: string
  readonly funding?: string
  readonly sources: readonly string[]
  readonly known: boolean
  readonly edited: boolean
}

/**
 * Edits are kept in a JSON file beside the database rather than in the shipped registry, so
 * an upgrade never overwrites them and the registry stays reviewable data.
 */
export class OutletEdits {
  private edits: Record<string, OutletEdit>

  constructor(private readonly path: string) {
    this.edits = existsSync(path) ? this.read() : {}
  }

  private read(): Record<string, OutletEdit> {
    try {
      return z.record(z.string(), outletEdit).parse(JSON.parse(readFileSync(this.path, 'utf8')))
    } catch (e) {
      throw new ConfigError(this.path, `outlet edits are unreadable (${(e as Error).message}); fix or remove the file`)
    }
  }

  get(id: string): OutletEdit | undefined {
    return this.edits[id]
  }

  save(id: string, edit: OutletEdit): OutletEdit {
    const prior = this.edits[id] ?? {}
    const merged: OutletEdit = { ...prior, ...edit, ...(edit.names || prior.names ? { names: { ...prior.names, ...edit.names } } : {}) }
    this.edits = { ...this.edits, [id]: merged }
    const tmp = `${this.path}.tmp`
    writeFileSync(tmp, `${JSON.stringify(this.edits, null, 2)}\n`)
    renameSync(tmp, this.path)
    return merged
  }

  facts(id: string, registered: Outlet | undefined, storeName: string | undefined): OutletFacts {
    const e = this.edits[id] ?? {}
    const base = registered ?? { names: { 'zh-Hans': storeName ?? id }, type: 'unknown' as OutletType, sources: [] as string[] }
    const names = { ...base.names, ...e.names }
    return {
      id,
      names: names as OutletFacts['names'],
      type: e.type ?? base.type,
      country: e.country ?? registered?.country,
      owner: e.owner ?? registered?.owner,
      funding: e.funding ?? registered?.funding,
      sources: e.sources ?? base.sources,
      known: registered !== undefined,
      edited: this.edits[id] !== undefined,
    }
  }
}
