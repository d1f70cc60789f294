// Folding throughput, and exactness of the hand-written Traditional→Simplified converter.
// Usage: node dist/bench/fold.js [dir]  (default /work/shared/corpus/files; every file's text,
// cycled to BENCH_ARTICLES, default 10,000; BENCH_RUNS timed runs each, default 5).
// First checks that src/normalize/to-simplified.ts gives opencc-js's output on every file (raw,
// and as foldText hands it over) and that foldText equals the old opencc-js fold, then times the
// old fold and foldText alternately (A/B in one process), and the conversion alone, and prints
// medians.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import * as OpenCC from 'opencc-js'
import { foldText } from '../src/normalize/fold.js'
import { hkToSimplified } from '../src/normalize/to-simplified.js'

const dir = process.argv[2] ?? '/work/shared/corpus/files'
const total = Number(process.env.BENCH_ARTICLES ?? 10_000)
const runs = Number(process.env.BENCH_RUNS ?? 5)

function filesUnder(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(d, e.name)) : e.name.endsWith('.png') ? [] : [join(d, e.name)])
}

// foldText as it was before the hand-written converter (opencc-js itself), kept as the reference.
const opencc = OpenCC.Converter({ from: 'hk', to: 'cn' })
const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g
const keeps = new Map<number, boolean>()
function hasTraditional(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    if (code < 0x2e80) continue
    let k = keeps.get(code)
    if (k === undefined) {
      const isSurrogate = code >= 0xd800 && code <= 0xdfff
      keeps.set(code, (k = !isSurrogate && opencc(String.fromCharCode(code)) === String.fromCharCode(code)))
    }
    if (!k) return true
  }
  return false
}
function oldFold(text: string): string {
  const nfkc = text.normalize('NFKC').replace(ZERO_WIDTH, '')
  const simplified = hasTraditional(nfkc) ? opencc(nfkc) : nfkc
  return simplified.toLowerCase().replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/ *\n */g, '\n').trim()
}

const unique = filesUnder(dir).map((f) => readFileSync(f, 'utf8'))
const texts = Array.from({ length: total }, (_, i) => unique[i % unique.length])
const chars = texts.reduce((n, t) => n + t.length, 0)

let compared = 0
let differing = 0
for (const t of unique) {
  const nfkc = t.normalize('NFKC').replace(ZERO_WIDTH, '')
  for (const [a, b] of [[opencc(t), hkToSimplified(t)], [opencc(nfkc), hkToSimplified(nfkc)], [oldFold(t), foldText(t)]]) {
    compared++
    if (a !== b) differing++
  }
}
const traditional = unique.filter((t) => hasTraditional(t.normalize('NFKC'))).length
console.log(`exactness: ${unique.length} files (${traditional} with Traditional), ${compared} comparisons, ${differing} differences`)
if (differing > 0) process.exitCode = 1

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
function time(fold: (s: string) => string, xs: readonly string[]): number {
  const t0 = performance.now()
  let n = 0
  for (const t of xs) n += fold(t).length
  if (n < 0) console.log(n)
  return performance.now() - t0
}
// The conversion alone, on what foldText hands it: the NFKC form of the texts with Traditional.
const handed = texts.map((t) => t.normalize('NFKC').replace(ZERO_WIDTH, '')).filter(hasTraditional)
const timings = { before: [] as number[], after: [] as number[], opencc: [] as number[], converter: [] as number[] }
for (let r = 0; r < runs; r++) {
  timings.before.push(time(oldFold, texts))
  timings.after.push(time(foldText, texts))
  timings.opencc.push(time(opencc, handed))
  timings.converter.push(time(hkToSimplified, handed))
}
const show = (name: string, xs: number[], count: number) =>
  console.log(`${name}: median ${median(xs).toFixed(0)} ms, ${(median(xs) / count).toFixed(3)} ms/article (runs: ${xs.map((x) => x.toFixed(0)).join(' ')})`)
console.log(`${total} texts, avg ${Math.round(chars / total)} chars; ${handed.length} of them with Traditional`)
show('fold with opencc-js (before)', timings.before, total)
show('foldText (after)', timings.after, total)
show('T→S alone, opencc-js', timings.opencc, handed.length)
show('T→S alone, hkToSimplified', timings.converter, handed.length)
