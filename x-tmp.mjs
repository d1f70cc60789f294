import { openSqlite } from './dist/src/store/sqlite/store.js'
import { prepareArticle } from './dist/src/compare/prepare.js'
import { explainPair } from './dist/src/compare/align.js'
import { cachedClusters } from './dist/src/cluster/snapshot.js'
const [eventId, needle] = process.argv.slice(2)
const store = openSqlite('/tmp/corpus.db')
const { events } = await cachedClusters(store)
const e = events.find((x) => x.id === eventId)
const arts = []
for (const id of e.articleIds) { const x = await store.article(id); if (!x.duplicateOf) arts.push(x) }
const all = arts.flatMap((x) => prepareArticle(x).units)
const hits = all.filter((u) => u.text.includes(needle))
for (let i = 0; i < hits.length; i++) for (let j = i + 1; j < hits.length; j++) if (hits[i].articleId !== hits[j].articleId) { const r = explainPair(all, hits[i], hits[j]); console.log(r.similarity.toFixed(2), r.counted.join(' '), '|', r.shared.join(' '), r.candidate, '\n  ', hits[i].text.slice(0, 50), '\n  ', hits[j].text.slice(0, 50)) }
