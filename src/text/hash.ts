// Two independent 32-bit hashes (FNV-1a, and a multiplicative one with murmur's constant),
// stepped one value (a code unit, point or byte) at a time, so that hot loops hash what they
// read without first making it a string: the keys of repeated lines, the words of jieba's
// dictionaries. Written here because a library's string hash needs the string.
export const FNV_OFFSET = 0x811c9dc5 | 0
export const SECOND_SEED = 0x9747b28c | 0
export const fnvStep = (h: number, c: number): number => Math.imul(h ^ c, FNV_PRIME)
export const secondStep = (h: number, c: number): number => Math.imul(h + c, SECOND_PRIME) ^ (h >>> 15)
const FNV_PRIME = 0x01000193
const SECOND_PRIME = 0x5bd1e995

/** This module, for keys of tables saved with its hashes (`shipped/compiled.ts`): other hashes, another key. */
export const HASH_MODULE = import.meta.url
