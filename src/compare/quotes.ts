import { foldText } from '../normalize/fold.js'
import { charBigrams } from '../text/char-class.js'
import type { PreparedArticle } from './prepare.js'

export interface QuoteGroup {
  /** 'quoted' when at least one outlet prints the words in quotation marks, else 'reported'. */
  readonly kind: 'quoted' | 'reported'
  readonly speaker: string
  readonly speakerId: string
  readonly text: string
  readonly outlets: readonly string[]
  readonly articleIds: readonly string[]
  /** Other wordings of the same quotation, as each outlet printed it. */
  readonly variants: ReadonlyArray<{ readonly outlet: string; readonly articleId: string; readonly text: string }>
}

// Two wordings are one quotation at this character-bigram overlap (translations of the same
// remark differ in a few characters; different remarks share few bigrams).
const SAME_WORDING = 0.45

/** Attributed quotations grouped by speaker and near-identical wording, with who carries each. */
export function groupQuotes(prepared: readonly PreparedArticle[]): QuoteGroup[] {
  type Item = { speakerId: string; speaker: string; text: string; grams: Set<string>; outlet: string; articleId: string; kind: 'quoted' | 'reported' }
  const items: Item[] = prepared.flatMap((p) =>
    p.quotes
      .filter((q) => q.speaker)
      .map((q) => ({ speakerId: q.speaker!.id, speaker: q.speaker!.name, text: q.text, grams: charBigrams(foldText(q.text)), outlet: p.article.outletId, articleId: p.article.id as string, kind: q.kind })),
  )
  const groups: Item[][] = []
  for (const it of items) {
    const g = groups.find((g) => g[0].speakerId === it.speakerId && g.some((x) => overlap(x.grams, it.grams) >= SAME_WORDING))
    if (g) g.push(it)
    else groups.push([it])
  }
  return groups
    .map((g) => ({
      kind: g.some((x) => x.kind === 'quoted') ? ('quoted' as const) : ('reported' as const),
      speaker: g[0].speaker,
      speakerId: g[0].speakerId,
      text: (g.find((x) => x.kind === 'quoted') ?? g[0]).text,
      outlets: [...new Set(g.map((x) => x.outlet))].sort(),
      articleIds: [...new Set(g.map((x) => x.articleId))],
      variants: g.slice(1).map((x) => ({ outlet: x.outlet, articleId: x.articleId, text: x.text })),
    }))
    .sort((a, b) => b.outlets.length - a.outlets.length || (a.kind === b.kind ? 0 : a.kind === 'quoted' ? -1 : 1) || a.speaker.localeCompare(b.speaker))
}

/** Overlap coefficient: a short quotation inside a longer one counts as the same. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n / Math.min(a.size, b.size)
}
