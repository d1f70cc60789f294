import { createRequire } from 'node:module'
import { Jieba } from '@node-rs/jieba'

const require = createRequire(import.meta.url)
let jieba: Jieba | undefined

export interface TaggedWord {
  readonly word: string
  readonly tag: string // jieba's part of speech: n noun, v verb, ns place, nr person, m numeral…
}

/**
 * Words with parts of speech. Used where a figure's subject or a phrase's head must be told
 * from the verbs around it; loaded on first use (the comparison needs it, ingestion does not).
 */
export function tagWords(folded: string): TaggedWord[] {
  if (!jieba) {
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array }
    jieba = Jieba.withDict(dict)
  }
  return jieba.tag(folded, true).filter((t) => /[\p{L}\p{N}]/u.test(t.word))
}

export const isNounTag = (tag: string) => /^(n|vn|eng|j)/.test(tag)
