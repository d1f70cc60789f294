// npm run eval: duplicate detection and robustness on the real development corpus
// (../shared/corpus). Prints figures; asserts nothing (floors for CI live in test/quality).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runIngest } from '../src/cli/commands/ingest.js'
import { openSqlite } from '../src/store/sqlite/store.js'
import type { Article } from '../src/article.js'
import { evaluateEvents } from './eval-events.js'

const corpus = resolve(process.env.JIANTING_CORPUS ?? '../shared/corpus')
if (!existsSync(join(corpus, 'files'))) {
  console.log(`eval: skipped — no corpus at ${corpus} (set JIANTING_CORPUS)`)
  process.exit(0)
}

const dir = mkdtempSync(join(tmpdir(), 'jianting-eval-'))
const store = openSqlite(join(dir, 'eval.db'))
const files = join(corpus, 'files')
const summary = await runIngest(store, [files], { jobs: 1, quiet: true })
console.log(`ingest: ${summary.files} files in ${summary.seconds.toFixed(1)} s (${(summary.files / summary.seconds).toFixed(0)} files/s): ${summary.articles} articles, ${summary.duplicates} copies, ${summary.quarantined} quarantined`)

const rootOf = new Map<string, string>()
const all: Article[] = []
for await (const a of store.articles({ includeDuplicates: true })) {
  rootOf.set(resolve(a.provenance.locator), a.duplicateOf ?? a.id)
  all.push(a)
}
const codes = new Map<string, number>()
const quarantined = new Set<string>()
for await (const q of store.quarantined()) {
  codes.set(q.code, (codes.get(q.code) ?? 0) + 1)
  quarantined.add(resolve(q.locator))
}
console.log(`quarantine by code: ${[...codes].map(([c, n]) => `${c}=${n}`).join(', ') || 'none'}`)
const bugs = codes.get('internal/bug') ?? 0
console.log(`crashes (internal/bug): ${bugs}`)

function pairs(name: string, dir = corpus): Array<[string, string, string]> {
  return readFileSync(resolve(dir, name), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t') as [string, string, string])
}
const state = (p: string) => rootOf.get(resolve(files, p)) ?? (quarantined.has(resolve(files, p)) ? 'Q' : undefined)
const missed: string[] = []
/** Labelled copies linked to one root (or both recognised as the same non-article), of those listed. */
function linkedOf(list: Array<[string, string, string]>): { linked: number; total: number } {
  let linked = 0
  for (const [a, b, ev] of list) {
    const ra = state(a)
    const rb = state(b)
    if (ra && ra !== 'Q' && ra === rb) linked++
    else if (ra === 'Q' && rb === 'Q') linked++ // both recognised as the same non-article
    else missed.push(`  missed (${ra === 'Q' ? 'A quarantined' : ''}${rb === 'Q' ? 'B quarantined' : ''}): ${a}\n          ${b}\n          ${ev.slice(0, 140)}`)
  }
  return { linked, total: list.length }
}
const { linked, total: dupTotal } = linkedOf(pairs('dup-pairs.tsv'))
const wrong: string[] = []
/** Hard-negative pairs kept apart (not linked to one root), of those listed. */
function keptApart(list: Array<[string, string, string]>): { apart: number; total: number } {
  let apart = 0
  for (const [a, b, ev] of list) {
    const ra = state(a)
    const rb = state(b)
    if (!ra || !rb || ra !== rb) apart++
    else wrong.push(`  wrongly linked: ${a}\n                  ${b}\n                  ${ev.slice(0, 120)}`)
  }
  return { apart, total: list.length }
}
const { apart, total: nonTotal } = keptApart(pairs('nondup-pairs.tsv'))
// The repo's own hard negatives (test/data/dedupe/README.md), paths relative to the corpus's files/.
const extraNonDupPath = resolve(process.env.JIANTING_EXTRA_NONDUP ?? 'test/data/dedupe/nondup-extra.tsv')
const extraNonDup = existsSync(extraNonDupPath) ? keptApart(pairs(extraNonDupPath)) : undefined
// The repo's audit of the linker's output (test/data/dedupe/README.md): copies and non-copies
// judged by reading both texts, paths relative to the corpus's files/.
const auditDupPath = resolve(process.env.JIANTING_AUDIT_DUP ?? 'test/data/dedupe/dup-audit.tsv')
const auditDup = existsSync(auditDupPath) ? linkedOf(pairs(auditDupPath)) : undefined
const auditNonDupPath = resolve(process.env.JIANTING_AUDIT_NONDUP ?? 'test/data/dedupe/nondup-audit.tsv')
const auditNonDup = existsSync(auditNonDupPath) ? keptApart(pairs(auditNonDupPath)) : undefined
console.log(`duplicates: recall ${(linked / dupTotal).toFixed(3)} (${linked}/${dupTotal} labelled pairs linked; goal ≥ 0.95)`)
console.log(`non-duplicates: precision ${(apart / nonTotal).toFixed(3)} (${apart}/${nonTotal} hard-negative pairs kept apart; goal ≥ 0.97)`)
if (extraNonDup) console.log(`non-duplicates (repo's extra pairs): precision ${(extraNonDup.apart / extraNonDup.total).toFixed(3)} (${extraNonDup.apart}/${extraNonDup.total} kept apart; goal ≥ 0.97)`)
if (auditDup) console.log(`duplicates (repo's audit pairs): recall ${(auditDup.linked / auditDup.total).toFixed(3)} (${auditDup.linked}/${auditDup.total} linked; goal ≥ 0.95)`)
if (auditNonDup) console.log(`non-duplicates (repo's audit pairs): precision ${(auditNonDup.apart / auditNonDup.total).toFixed(3)} (${auditNonDup.apart}/${auditNonDup.total} kept apart; goal ≥ 0.97)`)
if (process.argv.includes('--verbose')) console.log([...missed, ...wrong].join('\n'))
// The pinned floors (test/quality/floors.json): a regression below one fails the run.
const floors = JSON.parse(readFileSync(resolve('test/quality/floors.json'), 'utf8')).corpus as { crashes: number; duplicateRecall: number; nonDuplicatePrecision: number }
const breaches = [
  bugs > floors.crashes ? `crashes ${bugs} > ${floors.crashes}` : '',
  linked / dupTotal < floors.duplicateRecall ? `duplicate recall ${(linked / dupTotal).toFixed(3)} < ${floors.duplicateRecall}` : '',
  apart / nonTotal < floors.nonDuplicatePrecision ? `non-duplicate precision ${(apart / nonTotal).toFixed(3)} < ${floors.nonDuplicatePrecision}` : '',
  extraNonDup && extraNonDup.apart / extraNonDup.total < floors.nonDuplicatePrecision ? `extra non-duplicate precision ${(extraNonDup.apart / extraNonDup.total).toFixed(3)} < ${floors.nonDuplicatePrecision}` : '',
  auditDup && auditDup.linked / auditDup.total < floors.duplicateRecall ? `audit duplicate recall ${(auditDup.linked / auditDup.total).toFixed(3)} < ${floors.duplicateRecall}` : '',
  auditNonDup && auditNonDup.apart / auditNonDup.total < floors.nonDuplicatePrecision ? `audit non-duplicate precision ${(auditNonDup.apart / auditNonDup.total).toFixed(3)} < ${floors.nonDuplicatePrecision}` : '',
].filter(Boolean)
console.log(breaches.length ? `floors: BELOW ${breaches.join('; ')}` : 'floors: corpus floors met (test/quality/floors.json)')
if (breaches.length) process.exitCode = 1
// Event labels: the corpus's own, and the same extended with the repo's (test/data/events/README.md).
const shipped = pairs('events.tsv')
const extraPath = resolve(process.env.JIANTING_EXTRA_LABELS ?? 'test/data/events/events-extra.tsv')
const extra = existsSync(extraPath) ? readFileSync(extraPath, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t') as [string, string, string]) : []
if (!extra.length) console.log(`events: no extra labels at ${extraPath}; scoring the shipped labels only`)
const events = evaluateEvents(all, [{ name: 'shipped', labels: shipped }, ...(extra.length ? [{ name: 'shipped+extra', labels: [...shipped, ...extra] }] : [])], files)
const eventFloors = JSON.parse(readFileSync(resolve('test/quality/floors.json'), 'utf8')).events as Record<string, number>
const eventBreaches: string[] = []
for (const [name, floor] of Object.entries(eventFloors)) {
  const f1 = events.online.get(name)?.f1
  if (f1 === undefined) continue
  if (f1 < floor) eventBreaches.push(`${name} F1 ${f1.toFixed(3)} < ${floor}`)
  // And above the plain baseline's best threshold, or the method is not earning its keep.
  const base = events.baselineBest.get(name) ?? 0
  if (f1 <= base) eventBreaches.push(`${name} F1 ${f1.toFixed(3)} not above the baseline's best ${base.toFixed(3)}`)
}
console.log(eventBreaches.length ? `floors: BELOW ${eventBreaches.join('; ')}` : `floors: event floors met at the default threshold (${[...events.online].map(([n, s]) => `${n} F1 ${s.f1.toFixed(3)} vs baseline best ${(events.baselineBest.get(n) ?? 0).toFixed(3)}`).join('; ')})`)
if (eventBreaches.length) process.exitCode = 1
await store.close()
rmSync(dir, { recursive: true, force: true })
