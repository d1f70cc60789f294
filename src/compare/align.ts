import { segment } from '../analyze/segment.js'
import { isGrammarWord } from './function-words.js'
import { MergeQueue } from './merge-queue.js'
import { findEntities } from '../analyze/entities.js'
import { billForms, shortForms } from '../analyze/variants.js'
import { isName, sharedPieces, unitSimilarity, type Unit } from './prepare.js'

export interface AlignedClaim {
  readonly units: readonly Unit[]
  /** The unit most similar to the others: the claim's wording. */
  readonly central: Unit
}

// Two units from different articles state the same claim at this similarity or above. Chosen
// on the example event by reading the pairs around it (0.25–0.35 all give the same consensus): below ~0.3 pairs share a topic
// (大使, 网络安全) but say different things.
export const CLAIM_THRESHOLD = 0.3
// Two claims join only if their articles' closest wordings are this similar on average: single
// links alone chain a long event into one claim.
const AVERAGE_LINK = 0.2
// Two units make the same claim only if they share this many words that say what happened
// (not names, not titles, not grammar such as 此次 or 各州; characters alone do not count): one shared word is a topic, and
// 意大利总理孔特(Giuseppe Conte)指责… / 意大利总理孔蒂(Giuseppe Conte)称… share only who.
const MIN_SHARED_CONTENT = 2
// A word in more units than this is the event's topic, not a claim's content: not indexed.
const MAX_POSTINGS = 0.3
// …and one in more than this share of units still finds candidates, but is not counted as
// shared content: 峰会 and 领导人 in a summit's reports, 引渡 and 条约 in a treaty's. Two short
// sentences that share two such words shared only the topic (这场…俄美领导人峰会共分为两个阶段 /
// 俄美领导人峰会将正式开始). Between 0.07 and 0.15 the development pairs score the same; 0.05
// loses true pairs.
const MAX_CONTENT_POSTINGS = 0.1
// In a small event a word that a few units share is the claim they share, not the topic: a topic
// word is in at least this many units too (the hand-checked excerpts, events of a few dozen units,
// lost true pairs to the share alone).
const MIN_TOPIC_POSTINGS = 8

/** In an event of `n` units: how many may hold a word for it to find pairs, and to count as content. */
const postingLimits = (n: number) => ({ maxPostings: Math.max(4, Math.floor(n * MAX_POSTINGS)), maxContentPostings: Math.max(MIN_TOPIC_POSTINGS, Math.floor(n * MAX_CONTENT_POSTINGS)) })
// Two units that share this many Chinese characters in a row word the same thing the same way —
// one speech quoted in two translations (我想让整个欧洲都知道美国在那里 / 我希望整个欧洲都知道美国在那里),
// wire copy — even when the words they share are all grammar and names (整个, 那里, 欧洲): they
// are candidates like a pair sharing content words. A run in more units than a topic word is
// (中华人民共和国香港特别行政区) is taken for a name, not a wording: a statement that many outlets
// quote word for word is skipped here too, and aligns through its content words as before.
const VERBATIM_RUN = 10
// …and the run is at least this share of the shorter unit's Chinese characters: a run that is a
// small part of both is a title and a name (俄罗斯驻美国大使阿纳托利), not one wording.
const VERBATIM_SHARE = 0.5
// Runs of Chinese characters only, broken by anything else: a name in Latin letters (Dominic
// Raab) says who, not what, and a transliterated name's · or a comma ends a run
// (北约秘书长延斯·斯托尔滕贝格 is two short runs, not one long one).
const HAN_RUN = /\p{Script=Han}+/gu

/**
 * Aligns units of different articles into claims: candidate pairs come from shared distinctive
 * words (an inverted index, so an event of 50 articles is not compared all-pairs); claims are
 * then grown by average linkage, always joining the two claims that are most alike on average
 * (linked by at least one strong pair), so the result does not depend on the order the
 * articles came in.
 */
export function alignClaims(all: readonly Unit[]): AlignedClaim[] {
  // Word-for-word the same units (wire copy carried by many outlets) are one claim already:
  // align one of each and bring the others along. They are taken in the order of their text,
  // so that ties are broken the same way whatever order the articles came in.
  const copies = new Map<string, Unit[]>()
  for (const u of all) copies.set(u.text, [...(copies.get(u.text) ?? []), u])
  const input = [...copies.keys()].sort().map((text) => copies.get(text)![0])
  const long = withLongForms(input)
  const units = localWeights(long)
  const n = units.length
  const pairs = candidatePairs(units) // i * n + j → similarity, for pairs that may align
  sentencePairs(long, units, pairs)
  // The average link compares every pair of the two claims, and most were never candidates (they
  // share no distinctive word): their similarity is computed when first needed, not taken as 0.
  // Counting them as 0 kept a fact told by many reports (each pair of wordings shares a little)
  // out of a claim as soon as it held a few of them.
  const linked = (i: number, j: number) => {
    if (i === j) return 1
    const key = Math.min(i, j) * n + Math.max(i, j)
    let s = pairs.get(key)
    if (s === undefined) {
      s = keptApart(units[i], units[j]) ? 0 : unitSimilarity(units[i], units[j])
      pairs.set(key, s)
    }
    return s
  }
  // Claims are known by their first unit; two claims may join only where a strong pair links them.
  const members = new Map<number, number[]>(units.map((_, i) => [i, [i]]))
  const neighbours = new Map<number, Set<number>>(units.map((_, i) => [i, new Set<number>()]))
  for (const [key, s] of pairs) {
    if (s < CLAIM_THRESHOLD) continue
    const i = Math.floor(key / n)
    const j = key % n
    neighbours.get(i)!.add(j)
    neighbours.get(j)!.add(i)
  }
  // How alike two claims are: for each pair of articles, one in each claim, their closest
  // wordings; averaged over the pairs of articles. Articles make claims, not units: a report
  // that states a fact twice (its words, then a quotation) or in two clauses is not less like
  // another report for its second wording, and counting every pair of units kept a fact that
  // several reports each tell twice out of the claim it belongs to. Two sentences of one report
  // are never compared.
  const articleOf = articleNumbers(units)
  const articles = Math.max(1, ...articleOf) + 1
  /** For each pair of articles (one of `a`, one of `b`: key a's × articles + b's), their closest wordings. */
  const closest = (a: readonly number[], b: readonly number[]) => {
    const out = new Map<number, number>()
    for (const i of a) {
      for (const j of b) {
        if (articleOf[i] === articleOf[j]) continue
        const key = articleOf[i] * articles + articleOf[j]
        out.set(key, Math.max(out.get(key) ?? 0, linked(i, j)))
      }
    }
    return out
  }
  const average = (closest: ReadonlyMap<number, number>) => {
    let total = 0
    for (const s of closest.values()) total += s
    return closest.size ? total / closest.size : 0
  }
  // The closest wordings of each pair of neighbouring claims, kept (the lower-numbered claim's
  // articles first): when two claims join, those of the joined claim with a third are the larger
  // of each of theirs, so a claim that has grown to hundreds of units (a transcript's refrain) is
  // not compared unit by unit with every neighbour again at each join. Two transcripts of 400,000
  // characters took minutes; the result is the same.
  const claimPair = (x: number, y: number) => (x < y ? x * n + y : y * n + x)
  const kept = new Map<number, Map<number, number>>()
  const transposed = (m: ReadonlyMap<number, number>) => new Map([...m].map(([k, v]) => [(k % articles) * articles + Math.floor(k / articles), v]))
  const queue = new MergeQueue()
  for (const [a, list] of neighbours)
    for (const b of list) {
      if (a >= b) continue
      const c = closest([a], [b])
      kept.set(claimPair(a, b), c)
      queue.push(average(c), a, b, 1, 1)
    }
  for (let m = queue.pop(); m; m = queue.pop()) {
    const ma = members.get(m.a)
    const mb = members.get(m.b)
    // Stale: one of the claims has joined another, or grown, since this pair was scored.
    if (!ma || !mb || ma.length !== m.sizeA || mb.length !== m.sizeB) continue
    if (m.score < AVERAGE_LINK) break
    // The joined claim's closest wordings with each neighbour of either, as kept for the pair
    // (or computed, for a neighbour of one only), the lower-numbered claim's articles first.
    const joined = new Map<number, Map<number, number>>()
    for (const c of new Set([...neighbours.get(m.a)!, ...neighbours.get(m.b)!])) {
      if (c === m.a || c === m.b) continue
      const mc = members.get(c)!
      const withA = new Map(kept.get(claimPair(m.a, c)) ?? (m.a < c ? closest(ma, mc) : closest(mc, ma)))
      const withB = kept.get(claimPair(m.b, c)) ?? (m.b < c ? closest(mb, mc) : closest(mc, mb))
      // m.a < m.b: only a claim numbered between them is ordered differently against each.
      for (const [k, v] of m.a < c && c < m.b ? transposed(withB) : withB) if (v > (withA.get(k) ?? -1)) withA.set(k, v)
      joined.set(c, withA)
    }
    ma.push(...mb)
    members.delete(m.b)
    const near = neighbours.get(m.a)!
    for (const c of neighbours.get(m.b)!) {
      neighbours.get(c)!.delete(m.b)
      kept.delete(claimPair(m.b, c))
      if (c !== m.a) {
        near.add(c)
        neighbours.get(c)!.add(m.a)
      }
    }
    near.delete(m.b)
    neighbours.delete(m.b)
    for (const c of near) {
      const [x, y] = m.a < c ? [m.a, c] : [c, m.a]
      const wordings = joined.get(c)!
      kept.set(claimPair(x, y), wordings)
      queue.push(average(wordings), x, y, members.get(x)!.length, members.get(y)!.length)
    }
  }
  const claims = [...members.values()].map((idx) => {
    // The central unit is the one most like the rest of its claim, every pair counted; between
    // equals (the two units of a pair always are), one that is a whole sentence reads better
    // than a clause cut from one, and a short one better than a long one.
    const rank = (i: number) => [-closeness(i, idx, linked), units[i].text === units[i].sentence.folded ? 0 : 1, units[i].text.length, i]
    const central = idx.map((i) => ({ i, key: rank(i) })).sort((a, b) => compareKeys(a.key, b.key))[0].i
    return { units: idx.flatMap((i) => copies.get(input[i].text)!), central: input[central] }
  })
  return rejoinPieces(claims)
}

// Two whole sentences make one claim at this similarity: a little above CLAIM_THRESHOLD, since a
// sentence has more words than a clause to share by chance (0.30 and 0.35 align the same
// hand-checked pairs; 0.40 loses one).
const SENTENCE_THRESHOLD = CLAIM_THRESHOLD + 0.05

/**
 * Adds to `pairs` the sentences cut into clauses that make one claim as wholes: two sentences
 * (one of them cut) that are a candidate pair as sentences link their two closest units, at
 * the sentences' similarity. A report that tells in two clauses what another tells in one
 * (遭起诉的分别是…张剑虹,及…罗伟光 / 涉案被捕的…张剑虹及…罗伟光, / 今午被国安处正式落案起诉…) has no
 * clause that matches the other's sentence alone. `plain` are the units before local weights,
 * `units` after.
 */
function sentencePairs(plain: readonly Unit[], units: readonly Unit[], pairs: Map<number, number>): void {
  const n = units.length
  const bySentence = new Map<string, number[]>()
  plain.forEach((u, i) => {
    const key = `${u.articleId}|${u.sentence.n}`
    const list = bySentence.get(key)
    if (list) list.push(i)
    else bySentence.set(key, [i])
  })
  // In the order the sentence gives them (the units came sorted by their text).
  const at = (i: number) => plain[i].sentence.folded.indexOf(plain[i].text)
  const groups = [...bySentence.values()].map((g) => g.sort((i, j) => at(i) - at(j)))
  if (!groups.some((g) => g.length > 1)) return
  const whole = localWeights(groups.map((g) => (g.length === 1 ? plain[g[0]] : mergeUnits(g.map((i) => plain[i])))))
  const m = whole.length
  // Two sentences that are one unit each were compared as units already.
  for (const [key, s] of candidatePairs(whole, (i, j) => groups[i].length > 1 || groups[j].length > 1)) {
    if (s < SENTENCE_THRESHOLD) continue
    const [a, b] = [groups[Math.floor(key / m)], groups[key % m]]
    // The clauses that carry what the sentences share: most content words in common, then most alike.
    // Clauses taken for different actors are not linked, whatever their sentences share.
    let best: number[] = [-1, -1]
    let bestKey = -1
    for (const i of a)
      for (const j of b) {
        if (keptApart(units[i], units[j])) continue
        const k = Math.min(i, j) * n + Math.max(i, j)
        const rank = [sharedCount(units[i], units[j]), pairs.get(k) ?? unitSimilarity(units[i], units[j])]
        if (compareKeys(rank, best) > 0) [best, bestKey] = [rank, k]
      }
    // Only where the clauses alone would not align: a pair that does keeps its own similarity,
    // and claims that form from clauses form as before.
    if (bestKey >= 0 && best[1] < CLAIM_THRESHOLD) pairs.set(bestKey, s)
  }
}

/** How many content words two units share (grammar aside). */
const sharedCount = (a: Unit, b: Unit) => {
  let k = 0
  for (const w of a.content) if (b.content.has(w) && !isGrammarWord(w)) k++
  return k
}

/**
 * Units of one sentence, in its order, as one unit: their text, words and names together, and
 * their content words' places (Unit.slots) kept apart as by a clause break.
 */
function mergeUnits(list: readonly Unit[]): Unit {
  const words = new Map<string, number>()
  const slots = new Map<string, number[]>()
  const owners = new Map<string, string>()
  const quoted = new Map<string, string>()
  let offset = 0
  for (const u of list) {
    for (const [w, v] of u.words) words.set(w, Math.max(words.get(w) ?? 0, v))
    let top = 0
    for (const [w, at] of u.slots) {
      slots.set(w, [...(slots.get(w) ?? []), ...at.map((x) => x + offset)])
      top = Math.max(top, ...at)
    }
    offset += top + 2
    for (const [w, o] of u.owners) if (!owners.has(w)) owners.set(w, o)
    for (const [w, t] of u.quoted) if (!quoted.has(w)) quoted.set(w, t)
  }
  let sq = 0
  for (const v of words.values()) sq += v * v
  return {
    ...list[0],
    text: list.map((u) => u.text).join(''),
    words,
    norm: Math.sqrt(sq),
    entities: new Set(list.flatMap((u) => [...u.entities])),
    people: new Set(list.flatMap((u) => [...u.people])),
    named: new Set(list.flatMap((u) => [...u.named])),
    content: new Set(list.flatMap((u) => [...u.content])),
    slots,
    owners,
    quoted,
  }
}

/**
 * Pairs of units of different articles that share enough distinctive words to be the same
 * claim, with their similarity: for each unit, the later units that share words with it,
 * counted in flat arrays (no pair objects). Only pairs that `wanted` takes are judged.
 */
function candidatePairs(units: readonly Unit[], wanted: (i: number, j: number) => boolean = () => true): Map<number, number> {
  const n = units.length
  const index = new Map<string, number[]>()
  units.forEach((u, i) => {
    for (const w of u.words.keys()) {
      const list = index.get(w)
      if (list) list.push(i)
      else index.set(w, [i])
    }
  })
  const { maxPostings, maxContentPostings } = postingLimits(n)
  const pairs = new Map<number, number>()
  const shared = new Int32Array(n)
  const content = new Int32Array(n)
  const topic = new Int32Array(n)
  const touched: number[] = []
  // Characters (#) only refine the similarity of pairs found through words: they are too
  // common to find candidates with.
  const byWord = new Map([...index.entries()].filter(([w, list]) => !w.startsWith('#') && list.length >= 2 && list.length <= maxPostings))
  for (let i = 0; i < n; i++) {
    const ui = units[i]
    for (const w of ui.words.keys()) {
      const list = byWord.get(w)
      if (!list) continue
      const isContent = ui.content.has(w) && list.length <= maxContentPostings && !isGrammarWord(w)
      const isTopic = ui.content.has(w) && list.length > maxContentPostings && !isGrammarWord(w)
      for (const j of list) {
        if (j <= i || units[j].articleId === ui.articleId || !wanted(i, j)) continue
        if (shared[j] === 0) touched.push(j)
        shared[j]++
        if (isContent && units[j].content.has(w)) content[j]++
        if (isTopic && units[j].content.has(w)) topic[j]++
      }
    }
    for (const j of touched) {
      if (content[j] + (sharesGroup(ui, units[j]) ? 1 : 0) >= MIN_SHARED_CONTENT && sayOneThing(ui, units[j], index, Math.min(maxPostings, maxContentPostings)))
        pairs.set(i * n + j, unitSimilarity(ui, units[j]))
      else if (content[j] + topic[j] >= MIN_SHARED_CONTENT && sharesName(ui, units[j]) && !keptApart(ui, units[j]) && sharedPieces(ui, units[j], sharedContent(ui, units[j], index, maxPostings)) >= MIN_SHARED_CONTENT) {
        const s = unitSimilarity(ui, units[j])
        if (s >= TOPIC_CLAIM_THRESHOLD) pairs.set(i * n + j, s)
      }
      shared[j] = 0
      content[j] = 0
      topic[j] = 0
    }
    touched.length = 0
  }
  verbatimPairs(units, maxContentPostings, pairs, wanted)
  return pairs
}

/**
 * Do two units share enough of what happened to be one claim (the test of a candidate pair,
 * after the index has found them)? Naming the same people is not saying the same thing: the pair
 * must share content words, and not only one phrase cut into two words (社交网站, 沉重代价: a
 * topic, not a claim); and what one person did is not what another did (安东诺夫离开美国返回俄罗斯
 * / 沙利文离开俄罗斯返回美国). The same few people named in both (the five arrested, by name) are
 * one piece too: who, not what, so a pair still needs a word of what happened.
 */
function sayOneThing(a: Unit, b: Unit, index: ReadonlyMap<string, readonly number[]>, maxPostings: number): boolean {
  const group = sharesGroup(a, b) ? 1 : 0
  const words = sharedContent(a, b, index, maxPostings)
  return !differentActors(a, b) && !oppositeOn(a, b, words) && group + sharedPieces(a, b, words) >= MIN_SHARED_CONTENT
}

/** Two units that never make one claim, whatever they share: different actors, or one denying the other. */
const keptApart = (a: Unit, b: Unit) => differentActors(a, b) || oppositeOn(a, b)

/**
 * Does one unit deny what the other states, on a word both use (不会有泄漏 / 确实有气体泄漏,
 * 没有发现异常 / 发现异常)? A negation right before the word in one only.
 */
function oppositeOn(a: Unit, b: Unit, words: Iterable<string> = bothContent(a, b)): boolean {
  for (const w of words) if (!w.startsWith('%') && !w.startsWith('@') && isNegated(a.text, w) !== isNegated(b.text, w)) return true
  return false
}
const bothContent = (a: Unit, b: Unit) => [...a.content].filter((w) => b.content.has(w))
const isNegated = (text: string, word: string) => {
  const at = text.indexOf(word)
  const before = text.slice(Math.max(0, at - 4), at)
  return at > 0 && NEGATION_BEFORE.test(before) && !AFFIRMING.test(before)
}
// 不, 没, 未, 无, 非, alone or with a modal or 有 (不会, 没有, 并未, 不能再), right before the word.
// Not 不得不, 不能不, 无不 (they affirm), 分别, 特别, 南非, 除非.
const NEGATION_BEFORE = /(?<!不得|不能|无)(不|没|未|无|(?<![南除是])非|勿|(?<![分特区个告级类性])别)(会|能|是|有|再|曾|得|准|要|可|必){0,2}$/u
const AFFIRMING = /(不得不|不能不|无不|不可不)$/u

// The event's own topic words (关闭 and 总领事馆 in the reports of a consulate's closing) make one
// claim of two units that also name the same place or person, when the units are this alike.
const TOPIC_CLAIM_THRESHOLD = 0.4

/** Do two units name one place, person or thing (a table entity, or a name by its sound)? */
function sharesName(a: Unit, b: Unit): boolean {
  for (const w of a.words.keys()) if ((w.startsWith('@') || isName(w)) && b.words.has(w)) return true
  return false
}

/** Do two units name the same two people or more? */
function sharesGroup(a: Unit, b: Unit): boolean {
  let both = 0
  for (const p of a.named) if (b.named.has(p) && ++both >= 2) return true
  return false
}

/** The content words two units share that count as content in this event (as candidatePairs counts them). */
function sharedContent(a: Unit, b: Unit, index: ReadonlyMap<string, readonly number[]>, maxPostings: number): string[] {
  const out: string[] = []
  for (const w of a.content) if (b.content.has(w) && a.words.has(w) && (index.get(w)?.length ?? 0) <= maxPostings && !isGrammarWord(w)) out.push(w)
  return out
}

/** Adds to `pairs` the units of different articles that word one thing the same way (VERBATIM_RUN, VERBATIM_SHARE). */
function verbatimPairs(units: readonly Unit[], maxPostings: number, pairs: Map<number, number>, wanted: (i: number, j: number) => boolean): void {
  const n = units.length
  const han = units.map(hanRuns)
  const runs = new Map<string, number[]>()
  han.forEach((list, i) => {
    const seen = new Set<string>()
    for (const chars of list)
      for (let k = 0; k + VERBATIM_RUN <= chars.length; k++) {
        const run = chars.slice(k, k + VERBATIM_RUN).join('')
        if (seen.has(run)) continue
        seen.add(run)
        const at = runs.get(run)
        if (at) at.push(i)
        else runs.set(run, [i])
      }
  })
  // Two units sharing a long run share many windows of it: each pair is judged once.
  const judged = new Set<number>()
  for (const list of runs.values()) {
    if (list.length < 2 || list.length > maxPostings) continue
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x], list[y]]
        const key = i * n + j
        if (judged.has(key) || pairs.has(key) || !wanted(i, j)) continue
        judged.add(key)
        if (units[i].articleId === units[j].articleId || keptApart(units[i], units[j]) || !wordedAlike(units[i], units[j], han[i], han[j])) continue
        pairs.set(key, unitSimilarity(units[i], units[j]))
      }
  }
}

/**
 * Do two units word one thing the same way: the longest run of characters they share is
 * VERBATIM_SHARE of the shorter one's characters, and also of its characters outside names (a
 * run that is mostly a long name is no wording: wordedChars)? `hanA` and `hanB` are their runs of
 * Chinese characters, found once by the caller.
 */
export function wordedAlike(a: Unit, b: Unit, hanA = hanRuns(a), hanB = hanRuns(b)): boolean {
  const run = longestRun(hanA, hanB)
  const count = (runs: readonly (readonly string[])[]) => runs.reduce((t, chars) => t + chars.length, 0)
  if (run.length < VERBATIM_RUN || run.length < VERBATIM_SHARE * Math.min(count(hanA), count(hanB))) return false
  // A run inside a term one of them quotes (「串谋勾结外国或境外势力危害国家安全罪」) is a name both
  // give, not one wording: the charge, and not what each says of it.
  const text = run.join('')
  for (const u of [a, b]) for (const term of u.quoted.values()) if (term.includes(text)) return false
  return wordedChars(run.join('')) >= VERBATIM_SHARE * Math.min(wordedChars(a.text), wordedChars(b.text))
}

/** A unit's runs of Chinese characters as arrays of characters (not UTF-16 halves: 𠮷 is one). */
const hanRuns = (u: Unit) => [...u.text.matchAll(HAN_RUN)].map(([run]) => Array.from(run))

/** The longest run of characters two lists of runs share (dynamic programming over each pair of runs; units are short). */
function longestRun(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): string[] {
  let best: string[] = []
  for (const x of a)
    for (const y of b) {
      let prev = new Int32Array(y.length + 1)
      let row = new Int32Array(y.length + 1)
      for (let i = 1; i <= x.length; i++) {
        for (let j = 1; j <= y.length; j++) {
          row[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : 0
          if (row[j] > best.length) best = x.slice(i - row[j], i)
        }
        ;[prev, row] = [row, prev]
      }
    }
  return best
}

/**
 * The Chinese characters of a text that are not in a name (an entity of the table, or a word
 * jieba tags a name): what its wording of the claim is made of. Two units that name one thing at
 * length (中国驻休斯敦总领事馆的, 据美国有线电视新闻网) share a long run, but not a wording of
 * what happened.
 */
function wordedChars(text: string): number {
  const inName = new Uint8Array(text.length)
  for (const m of findEntities(text)) inName.fill(1, m.at, m.at + m.surface.length)
  let at = 0
  for (const w of segment(text)) {
    const found = text.indexOf(w, at)
    if (found < 0) continue
    if (isName(w)) inName.fill(1, found, found + w.length)
    at = found + w.length
  }
  let n = 0
  for (let i = 0; i < text.length; i++) if (!inName[i] && HAN_CHAR.test(text[i])) n++
  return n
}
const HAN_CHAR = /\p{Script=Han}/u

/** Each unit's article as a small number, for keys that are cheap to build. */
function articleNumbers(units: readonly Unit[]): number[] {
  const numbers = new Map<string, number>()
  return units.map((u) => {
    let k = numbers.get(u.articleId)
    if (k === undefined) numbers.set(u.articleId, (k = numbers.size))
    return k
  })
}

/**
 * A long sentence is cut into pieces so that each can align on its own; pieces next to each
 * other that aligned with nothing are one sentence's worth of what only this report says, and
 * are given back as one claim (并敦促英方放弃…的幻想 alone reads as a fragment, not a claim).
 */
function rejoinPieces(claims: AlignedClaim[]): AlignedClaim[] {
  const alone = new Map<string, AlignedClaim[]>()
  const out: AlignedClaim[] = []
  for (const c of claims) {
    if (c.units.length !== 1 || c.units[0].text === c.units[0].sentence.folded) {
      out.push(c)
      continue
    }
    const key = `${c.units[0].articleId}|${c.units[0].sentence.n}`
    alone.set(key, [...(alone.get(key) ?? []), c])
  }
  for (const pieces of alone.values()) {
    const folded = pieces[0].units[0].sentence.folded
    const at = (c: AlignedClaim) => folded.indexOf(c.units[0].text)
    pieces.sort((a, b) => at(a) - at(b))
    let run: AlignedClaim[] = []
    const flush = () => {
      if (run.length === 1) out.push(run[0])
      else if (run.length > 1) out.push(joined(run))
      run = []
    }
    for (const p of pieces) {
      const last = run[run.length - 1]
      if (last && at(last) + last.units[0].text.length !== at(p)) flush()
      run.push(p)
    }
    flush()
  }
  return out
}

/** Adjacent pieces of one sentence as one unit: their text and their words together. */
function joined(run: readonly AlignedClaim[]): AlignedClaim {
  const unit = mergeUnits(run.map((c) => c.units[0]))
  return { units: [unit], central: unit }
}

/**
 * Both units name people, and none of them the same; or each opens with a country or person the
 * other does not name at all (different actors doing the same thing); or a thing both name is
 * in a different place in each (Unit.owners).
 */
function differentActors(a: Unit, b: Unit): boolean {
  if (a.lead && b.lead && a.lead !== b.lead && !b.words.has(`@${a.lead}`) && !a.words.has(`@${b.lead}`)) return true
  // The same thing of two different places (关闭休斯敦总领事馆的命令 / 命令美国关闭其在…成都的总领事馆)
  // is two things, unless one unit names the other's place too.
  for (const [w, owner] of a.owners) {
    const other = b.owners.get(w)
    if (other && !sameName(owner, other) && !b.words.has(owner) && !a.words.has(other)) return true
  }
  if (!a.people.size || !b.people.size) return false
  for (const p of a.people) if (b.people.has(p)) return false
  return true
}

/** Two keys of names that may be one name: one is the other or a part of it (@里根号航空母舰 / 里根). */
const sameName = (a: string, b: string) => a.replace('@', '').includes(b.replace('@', '')) || b.replace('@', '').includes(a.replace('@', ''))

/**
 * Why two units of one event align or not, for the evaluation's `--scores`: their similarity
 * with the event's weights (as alignClaims computes it), the content words they share, how many
 * pieces those make, whether they are taken for different actors, and whether the shared words
 * make them a candidate pair (a verbatim run and whole sentences, the other ways in, are not
 * looked at). `all` is every unit of the event.
 */
export function explainPair(
  all: readonly Unit[],
  a: Unit,
  b: Unit,
): { similarity: number; shared: string[]; counted: string[]; local: number[]; pieces: number; differentActors: boolean; candidate: boolean } {
  const copies = new Map<string, Unit>()
  for (const u of all) if (!copies.has(u.text)) copies.set(u.text, u)
  const input = [...copies.values()]
  const weighted = localWeights(withLongForms(input))
  const x = weighted[input.indexOf(copies.get(a.text)!)]
  const y = weighted[input.indexOf(copies.get(b.text)!)]
  const index = new Map<string, number[]>()
  weighted.forEach((u, i) => {
    for (const w of u.words.keys()) index.set(w, [...(index.get(w) ?? []), i])
  })
  const n = weighted.length
  const limits = postingLimits(n)
  const maxPostings = Math.min(limits.maxPostings, limits.maxContentPostings)
  const counted = sharedContent(x, y, index, maxPostings).filter((w) => (index.get(w)?.length ?? 0) >= 2)
  const shared = [...x.content].filter((w) => y.content.has(w) && !isGrammarWord(w))
  const candidate = counted.length + (sharesGroup(x, y) ? 1 : 0) >= MIN_SHARED_CONTENT && sayOneThing(x, y, index, maxPostings)
  const local = counted.map((w) => localIdf(index.get(w)!.length, n))
  return { similarity: unitSimilarity(x, y), shared, counted, local, pieces: sharedPieces(x, y, counted), differentActors: differentActors(x, y), candidate }
}

/** Keys compared element by element; closeness within a rounding error counts as equal. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if (Math.abs(a[k] - b[k]) > 1e-9) return a[k] - b[k]
  return 0
}

const closeness = (i: number, idx: readonly number[], sim: (i: number, j: number) => number) => idx.reduce((s, j) => s + sim(i, j), 0)

/**
 * Units with each content word that is the short form of a longer one of the event (总领馆 of
 * 总领事馆: shortForms) written as the longer one, so that the two spellings meet as one word.
 * The short form is known only against the event's other words, so this is done here rather
 * than when a unit is made. Units without a short form are given back as they are.
 */
function withLongForms(units: readonly Unit[]): readonly Unit[] {
  const vocabulary = new Set<string>()
  for (const u of units) for (const w of u.content) if (HAN_WORD.test(w)) vocabulary.add(w)
  const long = new Map([...shortForms(vocabulary), ...billForms(vocabulary)])
  if (!long.size) return units
  return units.map((u) => {
    if (![...u.content].some((w) => long.has(w))) return u
    const rename = (w: string) => long.get(w) ?? w
    const words = new Map<string, number>()
    for (const [w, v] of u.words) words.set(rename(w), Math.max(words.get(rename(w)) ?? 0, v))
    const slots = new Map<string, number[]>()
    for (const [w, at] of u.slots) slots.set(rename(w), [...(slots.get(rename(w)) ?? []), ...at])
    const owners = new Map([...u.owners].map(([w, name]) => [rename(w), name]))
    const quoted = new Map([...u.quoted].map(([w, term]) => [rename(w), term]))
    return { ...u, words, content: new Set([...u.content].map(rename)), slots, owners, quoted }
  })
}
const HAN_WORD = /^\p{Script=Han}+$/u

/**
 * Words weighted by how rare they are within this event too: 普京 and 峰会 are in every
 * report of the summit and say nothing about which claim a sentence makes.
 */
function localWeights(units: readonly Unit[]): Unit[] {
  const df = new Map<string, number>()
  for (const u of units) for (const w of u.words.keys()) df.set(w, (df.get(w) ?? 0) + 1)
  const n = units.length
  return units.map((u) => {
    const words = new Map<string, number>()
    let sq = 0
    for (const [w, idf] of u.words) {
      const local = localIdf(df.get(w)!, n)
      const weight = idf * Math.max(local, 0.05)
      words.set(w, weight)
      sq += weight * weight
    }
    return { ...u, words, norm: Math.sqrt(sq) }
  })
}

/** How rare a word is within an event of `n` units, `df` of which hold it: 1 for a word of one unit, near 0 for one of all. */
const localIdf = (df: number, n: number) => Math.log((n + 1) / (df + 0.5)) / Math.log(n + 1)
