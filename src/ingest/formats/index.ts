import { fail, type Draft, type FormatName, type Outcome } from '../../article.js'
import type { Format, FormatInput } from './format.js'
import { ghMarkdown } from './gh-markdown.js'
import { hexo } from './hexo.js'
import { html } from './html.js'
import { jekyll } from './jekyll.js'
import { markdown } from './markdown.js'

// Order matters: most specific first; markdown is the catch-all for text files.
export const formats: readonly Format[] = [jekyll, hexo, ghMarkdown, html, markdown]

// The CLI lists article.ts's fileFormatNames without loading the parsers; index.test.ts keeps the two alike.
export const formatNames = formats.map((f) => f.name)

export function detectFormat(input: FormatInput): Format | undefined {
  return formats.find((f) => f.detect(input))
}

/** Parse with the detected format, or the forced one (`--format`). */
export function parseAny(input: FormatInput, forced?: FormatName): Outcome<Draft> {
  const format = forced ? formats.find((f) => f.name === forced) : detectFormat(input)
  if (!format)
    return fail('format/unknown', 'format', `no format recognises this file (tried ${formatNames.join(', ')}); use --format to force one`, input.locator)
  return format.parse(input)
}
