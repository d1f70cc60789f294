export interface Merge {
  readonly score: number
  readonly a: number
  readonly b: number
  readonly sizeA: number
  readonly sizeB: number
}

// A binary heap by hand: forty lines with the total order claims need (ties broken by the claims'
// first units, so alignment does not depend on input order). A heap package such as tinyqueue
// would take the same comparator; not worth a dependency for this.
/** A binary max-heap of candidate merges: best average first, ties by the claims' first units. */
export class MergeQueue {
  private readonly heap: Merge[] = []
  private static before(x: Merge, y: Merge): boolean {
    return x.score > y.score || (x.score === y.score && (x.a < y.a || (x.a === y.a && x.b < y.b)))
  }
  push(score: number, a: number, b: number, sizeA: number, sizeB: number): void {
    const h = this.heap
    h.push({ score, a, b, sizeA, sizeB })
    for (let k = h.length - 1; k > 0; ) {
      const parent = (k - 1) >> 1
      if (!MergeQueue.before(h[k], h[parent])) break
      ;[h[k], h[parent]] = [h[parent], h[k]]
      k = parent
    }
  }
  pop(): Merge | undefined {
    const h = this.heap
    const top = h[0]
    const last = h.pop()
    if (h.length && last) {
      h[0] = last
      for (let k = 0; ; ) {
        const l = 2 * k + 1
        const r = l + 1
        let best = k
        if (l < h.length && MergeQueue.before(h[l], h[best])) best = l
        if (r < h.length && MergeQueue.before(h[r], h[best])) best = r
        if (best === k) break
        ;[h[k], h[best]] = [h[best], h[k]]
        k = best
      }
    }
    return top
  }
}
