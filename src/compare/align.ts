import { unitSimilarity, type Unit } from './prepare.js'

export interface AlignedClaim {
  readonly units: readonly Unit[]
  /** The unit most similar to the others: the claim's wording. */
  readonly central: Unit
}

// Two units from different articles state the same claim at this similarity or above. Chosen
// on the example event by reading the pairs around it (0.25–0.35 all give the same consensus): below ~0.3 pairs share a topic
// (大使, 网络安全) but say different things.
export const CLAIM_THRESHOLD = 0.3
// A unit joins a claim only if it is this similar on average to the claim's units: single
// links alone chain a long event into one claim.
const AVERAGE_LINK = 0.2
// Two units make the same claim only if they share this many words or entities (characters
// alone do not count): one shared word is a topic, not a claim.
const MIN_SHARED_WORDS = 2
// A word in more units than this is the event's topic, not a claim's content: not indexed.
const MAX_POSTINGS = 0.3

/**
 * Aligns units of different articles into claims: candidate pairs come from shared distinctive
 * words (an inverted index, so an event of 50 articles is not compared all-pairs), and are
 * merged strongest first while each merge keeps the claim coherent on average.
 */
export function alignClaims(input: readonly Unit[]): AlignedClaim[] {
  const units = localWeights(input)
  const index = new Map<string, number[]>()
  units.forEach((u, i) => {
    for (const w of u.words.keys()) {
      const list = index.get(w)
      if (list) list.push(i)
      else index.set(w, [i])
    }
  })
  const maxPostings = Math.max(4, Math.floor(units.length * MAX_POSTINGS))
  const pairs = new Map<number, number>() // i * n + j → similarity
  const n = units.length
  for (const list of index.values()) {
    if (list.length < 2 || list.length > maxPostings) continue
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]
        const j = list[y]
        if (units[i].articleId === units[j].articleId) continue
        const key = i * n + j
        if (!pairs.has(key)) pairs.set(key, sharedWords(units[i], units[j]) >= MIN_SHARED_WORDS ? unitSimilarity(units[i], units[j]) : 0)
      }
    }
  }
  const edges = [...pairs].filter(([, s]) => s >= CLAIM_THRESHOLD).sort((a, b) => b[1] - a[1] || a[0] - b[0])
  const sim = (i: number, j: number) => (i === j ? 1 : (pairs.get(Math.min(i, j) * n + Math.max(i, j)) ?? 0))
  const claimOf = units.map((_, i) => i)
  const members = new Map<number, number[]>(units.map((_, i) => [i, [i]]))
  for (const [key] of edges) {
    const a = claimOf[Math.floor(key / n)]
    const b = claimOf[key % n]
    if (a === b) continue
    const ma = members.get(a)!
    const mb = members.get(b)!
    let total = 0
    for (const i of ma) for (const j of mb) total += sim(i, j)
    if (total / (ma.length * mb.length) < AVERAGE_LINK) continue
    for (const j of mb) claimOf[j] = a
    ma.push(...mb)
    members.delete(b)
  }
  return [...members.values()].map((idx) => {
    const central = idx.reduce((best, i) => (score(i, idx, sim) > score(best, idx, sim) ? i : best), idx[0])
    return { units: idx.map((i) => input[i]), central: input[central] }
  })
}

const score = (i: number, idx: readonly number[], sim: (i: number, j: number) => number) => idx.reduce((s, j) => s + sim(i, j), 0)

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
      const local = Math.log((n + 1) / (df.get(w)! + 0.5)) / Math.log(n + 1)
      const weight = idf * Math.max(local, 0.05)
      words.set(w, weight)
      sq += weight * weight
    }
    return { ...u, words, norm: Math.sqrt(sq) }
  })
}

function sharedWords(a: Unit, b: Unit): number {
  let n = 0
  let plain = 0
  for (const w of a.words.keys()) {
    if (w.startsWith('#') || !b.words.has(w)) continue
    n++
    if (!w.startsWith('@')) plain++
  }
  // Naming the same people is not saying the same thing: at least one ordinary word too.
  return plain ? n : 0
}
