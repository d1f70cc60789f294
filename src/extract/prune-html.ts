import { parseHTML } from 'linkedom'
import type { TextBlock } from './html-blocks.js'

const compact = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '')

/** Lines of `raw` that did not survive into `kept`, in order (a multiset difference). */
export function droppedLines(raw: readonly TextBlock[], kept: readonly TextBlock[]): string[] {
  const left = new Map<string, number>()
  for (const line of kept.flatMap((b) => b.lines)) left.set(line, (left.get(line) ?? 0) + 1)
  const dropped: string[] = []
  for (const line of raw.flatMap((b) => b.lines)) {
    const n = left.get(line) ?? 0
    if (n > 0) left.set(line, n - 1)
    else dropped.push(line)
  }
  return dropped
}

/**
 * Removes from Readability's content the elements and text nodes whose whole text is a line
 * the boilerplate filter dropped, so `html` (which the clean stage reads) says what `text`
 * says. A dropped line that shares an element with kept text stays in the HTML: the filter
 * works on lines, the markup on elements, and guessing the cut would risk article text.
 */
export function pruneHtml(html: string, dropped: readonly string[]): string {
  const keys = new Set(dropped.map(compact).filter((k) => k.length > 0))
  if (keys.size === 0) return html
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as { document: Document }
  // Reverse document order visits descendants before their ancestors.
  for (const el of [...document.body.querySelectorAll('*')].reverse()) {
    if (keys.has(compact(el.textContent ?? ''))) {
      el.remove()
      continue
    }
    for (const node of [...el.childNodes])
      if (node.nodeType === 3 && keys.has(compact(node.textContent ?? ''))) node.parentNode?.removeChild(node)
  }
  return document.body.innerHTML
}
