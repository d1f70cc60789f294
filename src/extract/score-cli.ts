// Scoring harness until `jianting extract` exists:
//   node dist/src/extract/score-cli.js FILE [--url URL] [--content-type TYPE]
// prints the fields /work/shared/tools/extraction-score.py reads. A failed extraction prints
// the problem on stderr and exits 1, which the scorer counts as a failed page.
import { readFileSync } from 'node:fs'
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
  console.error('usage: score-cli FILE [--url URL] [--content-type TYPE]')
  process.exit(2)
}
const result = extractPage(new Uint8Array(readFileSync(file)), {
  locator: file,
  url: flag(args, '--url'),
  contentType: flag(args, '--content-type'),
})
if (!result.ok) {
  console.error(`${result.problem.code}: ${result.problem.detail} (${result.problem.locator})`)
  process.exit(1)
}
const { title, byline, excerpt, text, publishedAt } = result.value
console.log(JSON.stringify({ title, byline, excerpt, text, publishedAt }))
