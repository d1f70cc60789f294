// Scoring harness until `jianting extract` exists:
//   node dist/src/extract/score-cli.js FILE [--url URL] [--content-type TYPE] [--readability-only]
// prints the fields /work/shared/tools/extraction-score.py reads. A failed extraction prints
// the problem on stderr and exits 1, which the scorer counts as a failed page.
// --readability-only is the baseline: the same decoding, then plain Mozilla Readability on the
// raw page (linkedom DOM, default options), nothing of ours.
import { readFileSync } from 'node:fs'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { decodeBytes } from '../ingest/decode.js'
import { extractPage } from './extract-page.js'

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name)
  const value = i >= 0 ? args[i + 1] : undefined
  // The scorer substitutes empty strings for unknown placeholders; treat them as absent.
  return value === undefined || value === '' ? undefined : value
}

const args = process.argv.slice(2)
const file = args[0]
if (!file) {
  console.error('usage: score-cli FILE [--url URL] [--content-type TYPE] [--readability-only]')
  process.exit(2)
}
const bytes = new Uint8Array(readFileSync(file))
const opts = { locator: file, url: flag(args, '--url'), contentType: flag(args, '--content-type') }

if (args.includes('--readability-only')) {
  const decoded = decodeBytes(bytes, opts)
  if (!decoded.ok) {
    console.error(`${decoded.problem.code}: ${decoded.problem.detail}`)
    process.exit(1)
  }
  const { document } = parseHTML(decoded.value.text) as unknown as { document: Document }
  const a = new Readability(document).parse()
  console.log(JSON.stringify({ title: a?.title, byline: a?.byline, excerpt: a?.excerpt, text: a?.textContent ?? '', publishedAt: a?.publishedTime }))
} else {
  const result = extractPage(bytes, opts)
  if (!result.ok) {
    console.error(`${result.problem.code}: ${result.problem.detail} (${result.problem.locator})`)
    process.exit(1)
  }
  const { title, byline, excerpt, text, publishedAt } = result.value
  console.log(JSON.stringify({ title, byline, excerpt, text, publishedAt }))
}
