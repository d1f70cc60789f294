import { compile, selectAll } from 'css-select'
import { isComment } from 'domhandler'
import { type AnyNode, type Document, type Element, isTag, isText, removeNode, walk } from './dom.js'
import type { CleanRules } from './rules.js'

/** Elements matching the drop selectors (scripts, ad slots, share bars), with their contents. */
export function dropSelected(doc: Document, selectors: readonly string[]): number {
  let n = 0
  // One traversal for the whole selector list, not one per selector.
  for (const el of selectAll(compiled(selectors.join(', ')), doc)) (removeNode(el), n++)
  return n
}

// Compiling the selector list cost more than matching it (≈ 0.05 ms an article); the lists
// are the rules' and one per outlet with rules of its own, so the cache stays small.
const compiledSelectors = new Map<string, ReturnType<typeof compile<AnyNode, Element>>>()
function compiled(selector: string) {
  let query = compiledSelectors.get(selector)
  if (!query) compiledSelectors.set(selector, (query = compile<AnyNode, Element>(selector)))
  return query
}

/**
 * An ad slot usually sits in a layout table or box of its own; once the slot is gone, an
 * ancestor holding no text and no image is its frame and goes too.
 */
export function dropEmptyFrames(doc: Document): void {
  const empty: AnyNode[] = []
  walk(doc, (node) => {
    if (!isTag(node) || !['table', 'div', 'tbody', 'td', 'tr', 'center'].includes(node.name)) return true
    if (!hasVisibleText(node) && !hasMedia(node)) {
      empty.push(node)
      return false
    }
    return true
  })
  empty.forEach(removeNode)
}

/**
 * `textOf(el).trim() !== ''`, stopping at the first text node with more than white space: a
 * layout table or div around the whole article was otherwise read in full once per level.
 */
function hasVisibleText(el: Element): boolean {
  let found = false
  walk(el, (n) => {
    if (found) return false
    if (isText(n) && n.data.trim() !== '') found = true
    return !found
  })
  return found
}

function hasMedia(el: Element): boolean {
  let found = false
  walk(el, (n) => void (isTag(n) && (n.name === 'img' || n.name === 'video') && (found = true)))
  return found
}

/** Everything between `<!--广告开始-->` and `<!--广告结束-->` style comments, at any nesting. */
export function dropCommentDelimited(doc: Document, rules: CleanRules): number {
  const ordered: AnyNode[] = []
  walk(doc, (n) => void ordered.push(n))
  let open = -1
  const doomed = new Set<AnyNode>()
  ordered.forEach((n, i) => {
    if (!isComment(n)) return
    if (rules.adCommentOpen.test(n.data)) open = i
    else if (open >= 0 && rules.adCommentClose.test(n.data)) {
      const closeAncestors = new Set<AnyNode>()
      for (let p = n.parent; p; p = p.parent) closeAncestors.add(p)
      for (let k = open + 1; k < i; k++)
        if (!closeAncestors.has(ordered[k]) && !isDescendantOfAny(ordered[k], doomed)) doomed.add(ordered[k])
      open = -1
    }
  })
  for (const n of doomed) removeNode(n)
  return doomed.size
}

function isDescendantOfAny(node: AnyNode, set: Set<AnyNode>): boolean {
  for (let p = node.parent; p; p = p.parent) if (set.has(p)) return true
  return false
}
