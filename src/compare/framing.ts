import { idfOf } from '../analyze/keywords.js'
import { isFunctionWord } from './function-words.js'

/**
 * Whether a word is a person's name: undefined for a word that is none, the entity's id for a
 * name the entity table knows, null for another (a person, a channel's host, or a piece of a
 * name cut by the segmenter): those say who a report is about, never how it words it.
 */
export type NameOf = (word: string) => string | null | undefined

export interface FramingTerm {
  readonly term: string
  /** z-score of the weighted log-odds ratio: this outlet against all the others in the event. */
  readonly score: number
  readonly count: number
}

// Pooled counts as the informative prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"),
// scaled to this share of the event's words: enough to damp words seen once or twice
// without drowning a small event.
const PRIOR_SHARE = 0.1
const MIN_COUNT = 2
const Z_SIGNIFICANT = 1.96
const MAX_TERMS = 12

/**
 * Each outlet's distinctive vocabulary in an event: weighted log-odds with an informative
 * Dirichlet prior, so frequent shared words do not dominate and rare words are not
 * over-trusted. Only terms with |z| ≥ 1.96 and used at least twice are listed. Texts come
 * segmented (`segment` of folded text: a list of words per text), as the comparison has them.
 */
export function framing(
  wordsByOutlet: ReadonlyMap<string, ReadonlyArray<readonly string[]>>,
  nameOf: NameOf = () => undefined,
  selfNames: ReadonlyMap<string, readonly string[]> = new Map(),
): Map<string, FramingTerm[]> {
  const counts = new Map<string, Map<string, number>>()
  const pooled = new Map<string, number>()
  // The surfaces under which each outlet names each entity of the table.
  const namings = new Map<string, Map<string, Set<string>>>()
  for (const [outlet, texts] of wordsByOutlet) {
    const c = new Map<string, number>()
    const named = new Map<string, Set<string>>()
    const own = selfNames.get(outlet) ?? []
    for (const words of texts) {
      for (const w of words) {
        // Latin words in Chinese reports are mostly bylines and names in brackets, not vocabulary.
        if (w.length < 2 || /[%\d]/.test(w) || !/\p{Script=Han}/u.test(w) || idfOf(w) < 4 || isFunctionWord(w)) continue
        // An outlet naming itself (法广记者, 九哥记's 九哥) says who reports, not how.
        if (own.some((name) => isSelfName(w, name))) continue
        const id = nameOf(w)
        if (id === null) continue
        if (id) named.set(id, (named.get(id) ?? new Set()).add(w))
        c.set(w, (c.get(w) ?? 0) + 1)
        pooled.set(w, (pooled.get(w) ?? 0) + 1)
      }
    }
    counts.set(outlet, c)
    namings.set(outlet, named)
  }
  // A name is vocabulary only as one outlet's form of a name another outlet writes otherwise
  // (川普 / 特朗普, 庞皮欧 / 蓬佩奥): who a report names is what it covers, not how it words it.
  for (const [outlet, c] of counts) {
    for (const w of [...c.keys()]) {
      const id = nameOf(w)
      if (!id) continue
      const otherwise = [...namings].some(([o, named]) => o !== outlet && [...(named.get(id) ?? [])].some((x) => x !== w))
      if (otherwise) continue
      pooled.set(w, pooled.get(w)! - c.get(w)!)
      c.delete(w)
    }
  }
  const total = [...pooled.values()].reduce((s, x) => s + x, 0)
  const out = new Map<string, FramingTerm[]>()
  if (counts.size < 2 || total === 0) return out
  const PRIOR_WORDS = Math.max(10, total * PRIOR_SHARE)
  const size = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0)
  for (const [outlet, mine] of counts) {
    const ni = size(mine)
    const nj = total - ni
    const terms: FramingTerm[] = []
    for (const [w, yi] of mine) {
      if (yi < MIN_COUNT) continue
      const yj = pooled.get(w)! - yi
      const alpha = (PRIOR_WORDS * pooled.get(w)!) / total
      const delta = Math.log((yi + alpha) / (ni + PRIOR_WORDS - yi - alpha)) - Math.log((yj + alpha) / (nj + PRIOR_WORDS - yj - alpha))
      const z = delta / Math.sqrt(1 / (yi + alpha) + 1 / (yj + alpha))
      if (z >= Z_SIGNIFICANT) terms.push({ term: w, score: Math.round(z * 100) / 100, count: yi })
    }
    out.set(outlet, terms.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term)).slice(0, MAX_TERMS))
  }
  return out
}

/**
 * Is a word an outlet's own name (`name`, folded): the name or an alias itself (法广), or the
 * name without the kind of outlet it ends with (九哥 of 九哥记, 自由亚洲 of 自由亚洲电台, 纽约时报 of
 * 纽约时报中文网). Not a country the name opens with (美国 of 美国之音).
 */
export function isSelfName(word: string, name: string): boolean {
  return word === name || (name.startsWith(word) && MEDIA_KIND.test(name.slice(word.length)))
}
const MEDIA_KIND = /^(记|网|中文网|电台|广播电台|国际广播电台|新闻|新闻网|电视台|台|社|通讯社|报|日报|时报)$/u
