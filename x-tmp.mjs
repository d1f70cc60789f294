import { openSqlite } from './dist/src/store/sqlite/store.js'
import { prepareArticle } from './dist/src/compare/prepare.js'
import { explainPair } from './dist/src/compare/align.js'
import { cachedClusters } from './dist/src/cluster/snapshot.js'
const [eventId, a, b] = process.argv.slice(2)
const store = openSqlite('/tmp/corpus.db')
const { events } = await cachedClusters(store)
const e = events.find((x) => x.id === eventId)
const arts = []
for (const id of e.articleIds) { const x = await store.article(id); if (!x.duplicateOf) arts.push(x) }
const all = arts.flatMap((x) => prepareArticle(x).units)
const ua = all.filter((u) => u.text.includes(a)), ub = all.filter((u) => u.text.includes(b))
for (const x of ua) for (const y of ub) { const r = explainPair(all, x, y); console.log(JSON.stringify({ ...r, x: x.text.slice(0, 60), y: y.text.slice(0, 60), n: all.length })) }
