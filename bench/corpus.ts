// The generated bench corpus: variations of the example articles in their archive shapes.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const repoRoot = join(import.meta.dirname, '..', '..')

/**
 * Writes `total` distinct articles under `corpus` (1,000 per folder) and returns their bytes.
 * Each article keeps one seed's archive shape (front matter, repost header, HTML or Markdown
 * body) but gets a body of sentences drawn at random from all seeds, with numbers changed:
 * distinct texts of realistic size, so dedupe, FTS and storage do full work.
 */
export function generateCorpus(corpus: string, total: number): number {
  const seedDir = join(repoRoot, 'examples', 'archive')
  const seeds = readdirSync(seedDir).map((f) => readFileSync(join(seedDir, f), 'utf8'))
  let seed = 42
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
  const sentences = seeds.flatMap((t) => t.replace(/<[^>]+>/g, '\n').match(/[^。！？\n]{12,}[。！？]/g) ?? [])
  const templates = seeds.map(template)
  let bytes = 0
  for (let i = 0; i < total; i++) {
    const t = templates[i % templates.length]
    const paras: string[] = []
    for (let p = 0; p < 8; p++) {
      const n = 2 + Math.floor(rand() * 3)
      paras.push(Array.from({ length: n }, () => sentences[Math.floor(rand() * sentences.length)]).join('').replace(/\d+/g, (d) => String((Number(d) * 7 + i) % 10_000)))
    }
    const body = t.html ? `<div>\n${paras.map((p) => `<p>${p}</p>`).join('\n')}\n</div>\n` : `${paras.join('\n\n')}\n`
    const head = t.head.replace(/title: (['"]?)/, `title: $1${i} `).replace(/^## /m, `## ${i} `)
    const text = head + '\n' + body
    const sub = join(corpus, String(Math.floor(i / 1000)))
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, `${i}.md`), text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}

function template(text: string): { head: string; html: boolean } {
  const fm = text.match(/^\s*---[\s\S]*?\n---\s*\n/)
  if (fm) return { head: fm[0], html: true }
  const repost = text.match(/^[\s\S]*?轉載自[^\n]*\n/)
  return { head: repost ? repost[0] : '', html: false }
}
