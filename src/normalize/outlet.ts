import type { Draft, OutletHint } from '../article.js'
import type { Outlet, Registry } from '../outlets/registry.js'
import { canonicalUrl, hostOf } from './canonical-url.js'
import { foldKey } from './fold.js'

export interface ResolvedOutlet {
  readonly id: string
  readonly name: string
  readonly known: boolean // in the registry; otherwise created from the evidence
  readonly evidence: string // which hint decided, for `show`
  /** The site the article was read on when that site only mirrors the outlet's article (`Outlet.mirrors`). */
  readonly mirror?: { readonly outlet: string; readonly url: string }
}

// Which evidence names the publisher most directly. A repost's `轉載自X` names the original
// publisher; categories and `from:` URLs come from the archiver's feed configuration; a
// hexo/jekyll author field is usually the outlet; folder names are circumstantial.
const ORDER: readonly OutletHint['kind'][] = ['jsonl', 'repost', 'category', 'from-url', 'url', 'meta', 'author', 'path']
// Words that archives use as buckets, never as publishers.
const GENERIC = new Set(['新媒体', '新媒體', '分类', '分類', '首页', '首頁', '新闻', '新聞', 'news', 'posts', '_posts', 'content', 'articles', 'archive', 'archived', 'docs', 'gnews', 'uncategorized', '未分类'].map(foldKey))

const isUrlHint = (h: OutletHint) => h.kind === 'from-url' || h.kind === 'url' || /^https?:\/\//i.test(h.value)

function lookup(h: OutletHint, registry: Registry): Outlet | undefined {
  if (isUrlHint(h)) return registry.byDomain(canonicalUrl(h.value) ?? h.value)
  return registry.byName(h.value)
}

export const outletName = (o: Outlet): string => o.names['zh-Hans']

/** The publisher from all the evidence; an unknown publisher is named from evidence, not dropped. */
export function resolveOutlet(hints: readonly OutletHint[], registry: Registry): ResolvedOutlet {
  const ordered = ORDER.flatMap((kind) => hints.filter((h) => h.kind === kind))
  for (const h of ordered) {
    const o = lookup(h, registry)
    if (o) return mirrored(o, hints, registry) ?? { id: o.id, name: outletName(o), known: true, evidence: `${h.kind}: ${h.value}` }
  }
  for (const h of ordered) {
    if (h.kind === 'path') continue // folder names are too often not publishers
    const name = isUrlHint(h) ? hostOf(h.value) : h.value.trim()
    if (!name || GENERIC.has(foldKey(name)) || isPersonLike(name, h.kind)) continue
    return { id: unknownOutletId(name), name, known: false, evidence: `${h.kind}: ${h.value}` }
  }
  return { id: 'unknown', name: 'unknown', known: false, evidence: 'no outlet evidence' }
}

/**
 * The outlet whose article a mirror site keeps (nei.st/medium/nytimes/… is The New York Times',
 * read on nei.st), when a URL of the article on that site names one the registry knows under
 * the site's mirror path; else undefined, and the site is the outlet.
 */
function mirrored(site: Outlet, hints: readonly OutletHint[], registry: Registry): ResolvedOutlet | undefined {
  if (!site.mirrors) return undefined
  const [before, after] = site.mirrors.split('{outlet}')
  for (const h of hints) {
    if (!isUrlHint(h)) continue
    const url = canonicalUrl(h.value)
    if (!url || registry.byDomain(url)?.id !== site.id) continue
    const path = new URL(url).pathname
    if (!path.startsWith(before)) continue
    const segment = path.slice(before.length).split('/')[0]
    const original = segment && path.slice(before.length + segment.length).startsWith(after) ? registry.byName(decodeURIComponent(segment)) : undefined
    if (original && original.id !== site.id) return { id: original.id, name: outletName(original), known: true, evidence: `mirror: ${h.value}`, mirror: { outlet: hostOf(url) ?? site.id, url: h.value } }
  }
  return undefined
}

/** An author field holding a reporter's name ("實習記者胡尚佑", "记者 张三") is not a publisher. */
function isPersonLike(name: string, kind: OutletHint['kind']): boolean {
  return kind === 'author' && /记者|記者|编辑|編輯|作者|撰稿|通讯员|通訊員|实习|實習|[,，、]/.test(name)
}

export const unknownOutletId = (name: string): string => `x-${foldKey(name).slice(0, 40) || 'unnamed'}`

/** A repost names the archive that copied it: the GitHub repository or the archive's host. */
export function viaOf(draft: Draft): { outlet: string; url?: string } | undefined {
  const archive = draft.repost?.archive
  if (!archive) return undefined
  const gh = archive.match(/github\.com\/([^/\s]+\/[^/\s#?]+)/i)
  return { outlet: gh ? gh[1] : hostOf(archive) ?? archive, url: archive }
}
