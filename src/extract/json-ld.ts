type JsonObject = Record<string, unknown>

/** Every object in the JSON-LD blocks: top level, arrays, @graph, nested values (bounded). */
export function jsonLdNodes(blocks: readonly string[]): JsonObject[] {
  const nodes: JsonObject[] = []
  for (const block of blocks) {
    let data: unknown
    try {
      data = JSON.parse(block)
    } catch (e) {
      // Pages ship broken JSON-LD (trailing commas, raw newlines); other evidence follows.
      if (e instanceof SyntaxError) continue
      throw e
    }
    const queue: unknown[] = [data]
    for (let i = 0; i < queue.length && i < 2000; i++) {
      const v = queue[i]
      if (Array.isArray(v)) queue.push(...v)
      else if (v && typeof v === 'object') {
        nodes.push(v as JsonObject)
        if ((v as JsonObject)['@graph']) queue.push((v as JsonObject)['@graph'])
      }
    }
  }
  return nodes
}

const ARTICLE_TYPE = /Article|Posting|Report|WebPage/i

/** `author` names of article-like nodes: a string, a Person, or a list of them. */
export function jsonLdAuthors(blocks: readonly string[]): string[] {
  const names: string[] = []
  for (const node of jsonLdNodes(blocks)) {
    if (node['@type'] !== undefined && !ARTICLE_TYPE.test(String(node['@type']))) continue
    const authors = Array.isArray(node.author) ? node.author : [node.author]
    const found = authors
      .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as JsonObject).name : undefined))
      .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    if (found.length > 0) names.push(found.join('、'))
  }
  return names
}

/** The `url` (or `mainEntityOfPage`) of the first article-like node that states one. */
export function jsonLdUrl(blocks: readonly string[]): string | undefined {
  for (const node of jsonLdNodes(blocks)) {
    if (node['@type'] === undefined || !ARTICLE_TYPE.test(String(node['@type']))) continue
    const page = node.mainEntityOfPage
    const url = [node.url, page, page && typeof page === 'object' ? (page as JsonObject)['@id'] : undefined].find((u) => typeof u === 'string')
    if (url) return url as string
  }
  return undefined
}

export function jsonLdDatePublished(blocks: readonly string[]): string | undefined {
  for (const node of jsonLdNodes(blocks)) if (typeof node.datePublished === 'string') return node.datePublished
  return undefined
}
