// npm run eval (and `node dist/bench/eval-compare.js` alone): how well `compare` aligns
// sentences of different real articles into claims, on hand-checked pairs
// (test/data/compare/README.md). Each labelled event's articles are read from the development
// corpus and compared as one event; a pair counts as aligned when one claim cites both
// sentences. Prints precision, recall and F1 of "same claim"; asserts nothing.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Article } from '../src/article.js'
import { explainPair } from '../src/compare/align.js'
import { compareEvent, type Comparison } from '../src/compare/compare.js'
import { prepareArticle } from '../src/compare/prepare.js'
import { loadRegistry } from '../src/outlets/registry.js'
import { rawInput, runStages } from '../src/pipeline.js'
import { readPairs, readRows, scorePairs, sentenceOf } from './compare-pairs.js'

const corpus = resolve(process.env.JIANTING_CORPUS ?? '../shared/corpus')
const data = resolve(process.env.JIANTING_COMPARE_PAIRS ?? 'test/data/compare')
if (!existsSync(join(corpus, 'files')) || !existsSync(join(data, 'pairs.tsv'))) {
  console.log(`eval-compare: skipped — no corpus at ${corpus} (set JIANTING_CORPUS) or no pairs at ${data}`)
  process.exit(0)
}
const registry = loadRegistry()
const files = join(corpus, 'files')
const members = new Map<string, Article[]>()
for (const [event, path] of readRows(join(data, 'events.tsv'))) {
  const r = runStages(rawInput(new Uint8Array(readFileSync(join(files, path))), join(files, path), 'file'), { registry })
  if (!r.ok) continue
  const list = members.get(event) ?? []
  list.push(r.value)
  members.set(event, list)
}
const pairs = readPairs(join(data, 'pairs.tsv'))
const meta = (id: string) => ({ id, name: registry.byId(id)?.names['zh-Hans'] ?? id })
const comparisons = new Map<string, { c: Comparison; articles: readonly Article[] }>()
for (const [event, list] of members) comparisons.set(event, { c: compareEvent({ id: event, title: event }, list, meta), articles: list })
const locate = (event: string, path: string) => comparisons.get(event)!.articles.find((a) => resolve(a.provenance.locator) === resolve(files, path))
const { overall, byEvent, missing, errors } = scorePairs(pairs, (event) => comparisons.get(event)?.c, locate)
const fmt = (s: { tp: number; fp: number; fn: number; tn: number }) => {
  const p = s.tp / (s.tp + s.fp || 1)
  const r = s.tp / (s.tp + s.fn || 1)
  return `precision ${p.toFixed(3)} recall ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn})`
}
console.log(`compare alignment: ${pairs.length} hand-checked sentence pairs in ${new Set(pairs.map((p) => p.event)).size} real events: ${fmt(overall)}`)
for (const [event, s] of byEvent) console.log(`  ${event}: ${fmt(s)}`)
if (missing.length) console.log(`  ${missing.length} pairs not scored (sentence not found): ${missing.slice(0, 3).join('; ')}`)
if (process.argv.includes('--verbose')) for (const line of errors) console.log(line)
// Each missed or false pair's closest units, with what alignClaims sees in them: their
// similarity (a pair joins a claim at CLAIM_THRESHOLD), the content words they share (and those
// counted as content in the event, each with how rare it is there, 0–1), how many
// pieces of content those are (a candidate pair needs two), whether they are a candidate pair,
// and whether they are taken for different actors.
if (process.argv.includes('--scores')) {
  const unitsOf = new Map([...members].map(([event, list]) => [event, list.flatMap((a) => prepareArticle(a).units)]))
  for (const line of errors) {
    const p = pairs.find((q) => line.endsWith(`${q.event}: ${q.excerptA} / ${q.excerptB}`))!
    const a = locate(p.event, p.pathA)!
    const b = locate(p.event, p.pathB)!
    const [na, nb] = [sentenceOf(a, p.excerptA), sentenceOf(b, p.excerptB)]
    const all = unitsOf.get(p.event)!
    const ua = all.filter((u) => u.articleId === a.id && u.sentence.n === na)
    const ub = all.filter((u) => u.articleId === b.id && u.sentence.n === nb)
    const scored = ua.flatMap((x) => ub.map((y) => ({ x, y, ...explainPair(all, x, y) }))).sort((m, n) => n.similarity - m.similarity)
    console.log(line)
    for (const s of scored.slice(0, 2))
      console.log(
        `     ${s.similarity.toFixed(2)} shared [${s.shared.join(' ')}] counted [${s.counted.map((w, k) => `${w}:${s.local[k].toFixed(2)}`).join(' ')}] ${s.pieces} pieces${s.candidate ? ' candidate' : ''}${s.differentActors ? ' different actors' : ''}\n       ${s.x.text}\n       ${s.y.text}`,
      )
  }
}
if (process.argv.includes('--claims')) {
  for (const p of pairs) {
    const c = comparisons.get(p.event)?.c
    const a = locate(p.event, p.pathA)
    const b = locate(p.event, p.pathB)
    if (!c || !a || !b || !p.same) continue
    const na = sentenceOf(a, p.excerptA)
    const nb = sentenceOf(b, p.excerptB)
    const of = (id: string, n: number | undefined) => c.claims.filter((x) => x.sentences.some((s) => s.articleId === id && s.sentence === n))
    const ca = of(a.id, na)
    const cb = of(b.id, nb)
    if (ca.some((x) => cb.includes(x))) continue
    console.log(`FN ${p.excerptA} / ${p.excerptB}`)
    for (const x of [...ca, ...cb]) console.log(`   ${x.id} [${x.sentences.length} sentences, ${x.outlets.join(',')}] ${x.text.slice(0, 60)}`)
  }
}
