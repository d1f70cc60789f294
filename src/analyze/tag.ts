import { instance } from './segment.js'

export interface TaggedWord {
  readonly word: string
  readonly tag: string // jieba's part of speech: n noun, v verb, ns place, nr person, m numeral…
}

/**
 * Words with parts of speech, from the same jieba (and user dictionary) as segmentation. Used
 * where a figure's subject or a phrase's head must be told from the verbs around it.
 */
export function tagWords(folded: string): TaggedWord[] {
  return instance().tag(folded, true).filter((t) => /[\p{L}\p{N}]/u.test(t.word))
}

export const isNounTag = (tag: string) => /^(n|vn|eng|j)/.test(tag)
