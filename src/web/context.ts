import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import * as OpenCC from 'opencc-js'
import { hkToSimplified } from '../normalize/to-simplified.js'
import type { DateSource } from '../article.js'
import type { OutletType } from '../outlets/registry.js'
import { dateSourceLabel, problemLabel, translate, typeLabel, type StringKey, type Ui } from './i18n.js'

export type ScriptChoice = 'orig' | 'hans' | 'hant'

// The same conversion as folding (opencc-js's hk→cn, by the faster exact converter).
const toHans = hkToSimplified
const toHant = OpenCC.Converter({ from: 'cn', to: 'tw' })

// The interface's strings are few: converted once each.
const hantUi = new Map<string, string>()
const toHantUi = (text: string): string => {
  const known = hantUi.get(text)
  if (known !== undefined) return known
  const out = toHant(text)
  hantUi.set(text, out)
  return out
}

/** What every page needs to know about its reader: interface language and script of article text. */
export interface PageContext {
  readonly ui: Ui
  readonly script: ScriptChoice
  readonly path: string
  readonly t: (key: StringKey) => string
  /** Article text as the reader chose to see it: as published, Simplified or Traditional. */
  readonly shown: (text: string) => string
  /** An outlet's name in the reader's language and script (its English name in English). */
  readonly outletName: (names: OutletNames) => string
  /** An outlet type, and where a date came from, in the reader's language and script. */
  readonly typeLabel: (type: OutletType) => string
  readonly dateSourceLabel: (source: DateSource) => string
  /** Why an input was quarantined, in the reader's language and script. */
  readonly problemLabel: (code: string) => string
}

/** An outlet's names as the registry (with the user's edits) gives them. */
export interface OutletNames {
  readonly 'zh-Hans': string
  readonly 'zh-Hant'?: string
  readonly en?: string
}

export const UI_COOKIE = 'jt_ui'
export const SCRIPT_COOKIE = 'jt_script'

export function pageContext(c: Context): PageContext {
  const ui: Ui = (c.req.query('ui') ?? getCookie(c, UI_COOKIE)) === 'en' ? 'en' : 'zh'
  const s = c.req.query('script') ?? getCookie(c, SCRIPT_COOKIE)
  const script: ScriptChoice = s === 'hans' || s === 'hant' ? s : 'orig'
  const convert = script === 'hans' ? toHans : script === 'hant' ? toHant : undefined
  const url = new URL(c.req.url)
  const inScript = ui === 'zh' && script === 'hant' ? toHantUi : (text: string) => text
  return {
    ui,
    script,
    path: url.pathname + url.search,
    // A reader who chose Traditional text reads the Chinese interface in Traditional too.
    t: (key) => inScript(translate(ui, key)),
    typeLabel: (type) => inScript(typeLabel(ui, type)),
    dateSourceLabel: (source) => inScript(dateSourceLabel(ui, source)),
    problemLabel: (code) => inScript(problemLabel(ui, code)),
    shown: convert ? (text) => convert(text) : (text) => text,
    outletName: (names) => (ui === 'en' ? names.en : undefined) ?? (script === 'hant' ? (names['zh-Hant'] ?? toHantUi(names['zh-Hans'])) : names['zh-Hans']),
  }
}

/** Only a path on this server is a place to go back to (never //host or a scheme). */
export const safeBack = (back: string | undefined) => (back && /^\/(?![/\\])/.test(back) ? back : '/')
