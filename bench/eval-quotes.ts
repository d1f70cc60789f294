// npm run eval (and `node dist/bench/eval-quotes.js` alone): who `compare` says spoke each quote,
// against hand-checked speakers (test/data/quotes/README.md). Each labelled article is read from
// the development corpus, prepared as `compare` prepares it, and the quote holding the excerpt
// looked up. Prints precision (right among the quotes given a speaker) and coverage (quotes given
// the right speaker among those whose speaker has a name); asserts nothing. `--verbose` lists
// the wrong and missed ones.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Quote } from '../src/analyze/quotes.js'
import { prepareArticle } from '../src/compare/prepare.js'
import { foldText } from '../src/normalize/fold.js'
import { loadRegistry } from '../src/outlets/registry.js'
import { rawInput, runStages } from '../src/pipeline.js'

const corpus = resolve(process.env.JIANTING_CORPUS ?? '../shared/corpus')
const labels = resolve(process.env.JIANTING_QUOTE_LABELS ?? 'test/data/quotes/speakers.tsv')
if (!existsSync(join(corpus, 'files')) || !existsSync(labels)) {
  console.log(`eval-quotes: skipped — no corpus at ${corpus} (set JIANTING_CORPUS) or no labels at ${labels}`)
  process.exit(0)
}

/** One labelled quote: the article, words the quote opens with, and who may be named as saying it ('-': no one by name). */
interface SpeakerLabel {
  readonly path: string
  readonly excerpt: string
  readonly speakers: readonly string[]
}

function readSpeakerLabels(file: string): SpeakerLabel[] {
  const [, ...lines] = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n')
  return lines.map((l) => {
    const [path, excerpt, speakers] = l.split('\t')
    return { path, excerpt, speakers: speakers.split('|') }
  })
}

const registry = loadRegistry()
const files = join(corpus, 'files')
const quotesOf = new Map<string, readonly Quote[] | undefined>()
const quotes = (path: string) => {
  if (!quotesOf.has(path)) {
    const r = runStages(rawInput(new Uint8Array(readFileSync(join(files, path))), join(files, path), 'file'), { registry })
    quotesOf.set(path, r.ok ? prepareArticle(r.value).quotes : undefined)
  }
  return quotesOf.get(path)
}

let [right, wrong, none, named, missing] = [0, 0, 0, 0, 0]
const lines: string[] = []
for (const label of readSpeakerLabels(labels)) {
  // (A quotation's text leaves out a comma the sentence goes on after: so does the excerpt.)
  const excerpt = foldText(label.excerpt).replace(/[，,、；;]+$/u, '')
  const q = quotes(label.path)?.find((x) => foldText(x.text).includes(excerpt))
  // Reported speech is kept only with a speaker: one that should name no one may rightly be gone.
  if (!q && label.speakers.includes('-')) {
    none++
    continue
  }
  if (!q) {
    missing++
    lines.push(`NOT FOUND ${label.excerpt} in ${label.path}`)
    continue
  }
  const hasName = !label.speakers.includes('-')
  if (hasName) named++
  const said = q.speaker?.name
  if (said === undefined) {
    none++
    if (hasName) lines.push(`MISSED ${label.excerpt} (${label.speakers.join('|')}) in ${label.path}`)
  } else if (label.speakers.some((x) => foldText(x) === foldText(said))) right++ // folded: a Latin name is shown as written (EDF), labelled edf
  else {
    wrong++
    lines.push(`WRONG  ${label.excerpt}: ${said}, not ${label.speakers.join('|')} in ${label.path}`)
  }
}
const given = right + wrong
console.log(
  `quote speakers: ${right + wrong + none} hand-checked quotes: precision ${(right / (given || 1)).toFixed(3)} (${right} right of ${given} given a speaker), coverage ${(right / (named || 1)).toFixed(3)} (${right} of ${named} whose speaker has a name), ${none} without a speaker${missing ? `; ${missing} quotes not found` : ''}`,
)
if (process.argv.includes('--verbose')) for (const l of lines) console.log(`  ${l}`)
