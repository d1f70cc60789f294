import { createRequire } from 'node:module'
import { Jieba } from '@node-rs/jieba'

const require = createRequire(import.meta.url)

let jieba: Jieba | undefined
// Loading the dictionary takes ~200 ms; only commands that segment pay for it.
function instance(): Jieba {
  if (!jieba) {
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array }
    jieba = Jieba.withDict(dict)
  }
  return jieba
}

const WORD = /[\p{L}\p{N}]/u

/** Words of folded text, in order, punctuation and spaces dropped. */
export function segment(folded: string): string[] {
  return instance().cut(folded, true).filter((t) => WORD.test(t)).map((t) => t.trim()).filter(Boolean)
}

/** Sub-words of long words (日内瓦峰会 → 日内瓦, 峰会) so a search for a part still finds it. */
export function subwords(words: readonly string[]): string[] {
  const out: string[] = []
  for (const w of words) {
    if ([...w].length <= 2) continue
    for (const s of instance().cutForSearch(w, true)) if (s !== w && WORD.test(s)) out.push(s)
  }
  return out
}
