import { parseDocument } from 'htmlparser2'
import { Element, Text, isTag, isText, type AnyNode, type Document, type ParentNode } from 'domhandler'

export type { AnyNode, Document, Element }
export { isTag, isText }

export const parseHtml = (html: string): Document => parseDocument(html, { decodeEntities: true, lowerCaseTags: true })

/**
 * Depth-first walk without recursion: archived pages can nest tens of thousands of elements
 * deep, which would overflow the call stack. `visit` returns false to skip an element's children.
 */
export function walk(root: ParentNode, visit: (node: AnyNode, depth: number) => boolean | void): void {
  // Two parallel stacks, not a [node, depth] pair per node: cleaning walks every article's
  // tree several times, and the pairs were garbage made for nothing.
  const nodes: AnyNode[] = []
  const depths: number[] = []
  for (let i = root.children.length - 1; i >= 0; i--) (nodes.push(root.children[i]), depths.push(0))
  while (nodes.length) {
    const node = nodes.pop()!
    const depth = depths.pop()!
    if (visit(node, depth) === false) continue
    if ('children' in node && node.children)
      for (let i = node.children.length - 1; i >= 0; i--) (nodes.push(node.children[i]), depths.push(depth + 1))
  }
}

export function removeNode(node: AnyNode): void {
  const parent = node.parent
  if (!parent) return
  const i = parent.children.indexOf(node)
  if (i >= 0) parent.children.splice(i, 1)
  if (node.prev) node.prev.next = node.next
  if (node.next) node.next.prev = node.prev
  node.parent = null
}

/** All text below a node, iteratively. */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data
  let out = ''
  if ('children' in node) walk(node as ParentNode, (n) => void (isText(n) && (out += n.data)))
  return out
}

/** Inline style declarations, lower-cased: `display:none; color:#F8F8F8` → {display:'none', color:'#f8f8f8'}. */
export function styleOf(el: Pick<Element, 'attribs'>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const decl of (el.attribs.style ?? '').split(';')) {
    const i = decl.indexOf(':')
    if (i > 0) out[decl.slice(0, i).trim().toLowerCase()] = decl.slice(i + 1).trim().toLowerCase()
  }
  return out
}

/**
 * Libraries that recurse (selector engines, serializers) overflow on pathologically deep
 * documents. Below `maxDepth` an element's subtree is replaced by its text, so nothing
 * readable is lost and every later step sees a tree of bounded depth.
 */
export function capDepth(doc: Document, maxDepth: number): number {
  let flattened = 0
  walk(doc, (node, depth) => {
    if (depth < maxDepth || !isTag(node)) return true
    const text = textOf(node)
    for (const child of node.children) child.parent = null
    const t = new Text(text)
    t.parent = node
    node.children = [t]
    flattened++
    return false
  })
  return flattened
}

/** Plain text with its HTML character references decoded (&#8220; → “, &amp; → &); tags are not parsed. */
export function decodeEntities(text: string): string {
  // htmlparser2's own decoder, through a text node: the text is escaped first so `<` stays text.
  return textOf(parseHtml(text.replace(/</g, '&lt;')))
}
