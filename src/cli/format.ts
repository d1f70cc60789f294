import { isHeadlineOnly, type Article } from '../article.js'

/** The `articles --json` contract (DESIGN.md): one object per line, stable field names. */
export function articleJson(a: Article) {
  return {
    id: a.id,
    outlet: { id: a.outletId, name: a.outletName },
    ...(a.via ? { via: a.via } : {}),
    title: a.title,
    ...(a.url ? { url: a.url } : {}),
    ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
    dateSource: a.dateSource,
    ...(a.author ? { author: a.author } : {}),
    ...(a.section ? { section: a.section } : {}),
    lang: a.lang,
    text: a.text,
    ...(isHeadlineOnly(a) ? { headlineOnly: true } : {}),
    images: a.images,
    provenance: a.provenance,
    ...(a.duplicateOf ? { duplicateOf: a.duplicateOf } : {}),
  }
}

export const shortDate = (iso?: string) => (iso ? iso.slice(0, 10) : '----------')

/** Terminal column width: CJK characters take two cells. */
export function cells(s: string): number {
  let n = 0
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return n
}

export function fit(s: string, width: number): string {
  let out = ''
  for (const ch of s) {
    if (cells(out + ch) > width - 1) return `${out}…`
    out += ch
  }
  return out + ' '.repeat(Math.max(0, width - cells(out)))
}
