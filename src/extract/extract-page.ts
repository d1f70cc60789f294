// Placeholder until the extraction module lands (helper is writing it).
import { fail, type Outcome } from '../article.js'
export interface ExtractOptions { readonly url?: string; readonly contentType?: string; readonly locator: string }
export interface ExtractedPage { readonly title: string; readonly byline?: string; readonly excerpt?: string; readonly text: string; readonly publishedAt?: string; readonly html: string; readonly siteName?: string; readonly lang?: string; readonly encoding: string }
export function extractPage(_bytes: Uint8Array, opts: ExtractOptions): Outcome<ExtractedPage> {
  return fail('format/no-body', 'extract', 'not implemented yet', opts.locator)
}
