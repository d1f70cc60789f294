import { findQuotes } from './dist/src/analyze/quotes.js'
import { splitSentences } from './dist/src/analyze/sentences.js'
const t = process.argv[2]
const ss = splitSentences(t)
console.log(findQuotes(ss).map(q => [q.speaker?.name, q.kind, q.attribution, q.text.slice(0, 40)]))
