// Markup is built only through `html`: every interpolated value is escaped unless it is
// itself markup built here. Article text can never become a tag or an attribute.

export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' }
export const escapeHtml = (s: string) => s.replace(/[&<>"'`]/g, (c) => ESCAPES[c])

type Value = Markup | string | number | boolean | null | undefined | readonly Value[]

function render(v: Value): string {
  if (v === null || v === undefined || v === false || v === true) return ''
  if (v instanceof Markup) return v.value
  if (Array.isArray(v)) return v.map(render).join('')
  return escapeHtml(String(v))
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0]
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]
  return new Markup(out)
}

/** Markup produced elsewhere in this folder (an SVG chart, sanitizer output). Never article text. */
export const trusted = (s: string) => new Markup(s)

/** A path on this server: each segment encoded, so an id cannot leave the path. */
export const href = (...segments: string[]) => `/${segments.map(encodeURIComponent).join('/')}`

export const query = (params: Record<string, string | number | undefined | null>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}
