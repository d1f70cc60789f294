import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPairs, scorePairs } from '../../../bench/compare-pairs.js'
import type { Article } from '../../../src/article.js'
import { foldText } from '../../../src/normalize/fold.js'
import { compareEvent } from '../../../src/compare/compare.js'

// The hand-checked pairs of test/data/compare without the corpus: each labelled article is
// stood in for by its excerpts (one paragraph each), and each event's stand-ins are compared.
// The full articles are scored by `npm run eval`; this keeps the excerpts' figure from slipping.
const dir = import.meta.dirname
const pairs = readPairs(join(dir, 'pairs.tsv'))
const excerpts = new Map<string, Map<string, Set<string>>>() // event → path → excerpts
for (const p of pairs) {
  const byPath = excerpts.get(p.event) ?? new Map<string, Set<string>>()
  excerpts.set(p.event, byPath)
  for (const [path, text] of [[p.pathA, p.excerptA], [p.pathB, p.excerptB]]) byPath.set(path, (byPath.get(path) ?? new Set()).add(text.endsWith('。') ? text : `${text}。`))
}
const articles = new Map<string, Article[]>()
for (const [event, byPath] of excerpts) {
  articles.set(
    event,
    [...byPath].map(([path, texts], k) => {
      const text = [...texts].join('\n\n')
      // Outlets are what consensus counts; here each article is its own, as the events are small.
      return { id: `${event}${k}`, outletId: `o${k}`, title: '', text, folded: foldText(text), publishedAt: '2021-06-17T00:00:00Z', provenance: { locator: path } } as unknown as Article
    }),
  )
}
const comparisons = new Map([...articles].map(([event, list]) => [event, compareEvent({ id: event, title: event }, list, (id) => ({ id, name: id }))]))

describe('alignment on hand-checked pairs of real sentences (excerpts only)', () => {
  it('keeps its precision and recall', () => {
    const { overall, missing } = scorePairs(pairs, (e) => comparisons.get(e), (e, path) => articles.get(e)!.find((a) => a.provenance.locator === path))
    expect(missing).toEqual([])
    const precision = overall.tp / (overall.tp + overall.fp)
    const recall = overall.tp / (overall.tp + overall.fn)
    // Measured on the 233 pairs (29 of blinkenyang added): precision 0.894, recall 0.307, the
    // same before and after the words of a quoted term counted as one piece.
    // Measured on the 204 pairs: precision 0.878, recall 0.300 once counts in Chinese numerals met
    // counts in digits (五名 / 5名, 七年 / 7年): one clipped arrest pair (拘捕壹傳媒五名公司高層 / …共5名
    // 公司董事) fell out of the claim it had chained into; on the whole articles recall rose.
    // Measured on the 204 pairs: precision 0.881, recall 0.308 once a run shared word for word
    // had to be half a wording outside names (0.844, 0.317 before): two false pairs and one true
    // pair of clipped excerpts that share only 壹传媒行政总裁张剑虹 or 中国外交部发言人汪文斌 went.
    // Measured on the 204 pairs (66 of appledaily, paracel and chengdu added, labelled from the
    // aligner's false claims there): precision 0.843, recall 0.358 before the aligner counted
    // shared content in pieces (a noun phrase cut in two is one; a role before a name and a verb
    // of demand are none); 0.844, 0.317 after (5 true pairs of excerpts fewer, a noun phrase, a
    // role or 呼吁 being all that two clipped excerpts share; on the whole articles recall moved
    // from 0.667 to 0.650). The precision floor was 0.85 until those pairs were added, 0.84 since.
    // Measured on the 138 pairs (the 107 of the first six events and 31 of adiz): precision
    // 0.903, recall 0.329 with counts keyed by their number (0.900, 0.318 before; on the 107 alone
    // 0.870, 0.308 both ways). Recall floor raised from 0.27 then.
    // Measured on the 107 pairs: precision 0.900, recall 0.277 (the excerpts are parts of
    // sentences, so recall is lower than on the whole articles, which `npm run eval` scores).
    // The recall floor was 0.28 (0.292 measured) until grammar words (此次, 各州, 那里) stopped
    // counting as shared content: that removed a false pair (各州…确认) and lost one true pair
    // whose second shared word was 那里; precision rose from 0.792, and its floor with it.
    // The precision floor went down to 0.84 while the 66 pairs of appledaily, paracel and chengdu
    // measured 0.843, and is back at 0.85 now that they measure 0.878.
    expect(precision).toBeGreaterThanOrEqual(0.85)
    expect(recall).toBeGreaterThanOrEqual(0.3)
  })
})
