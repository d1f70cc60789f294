import { findFigures } from './dist/src/analyze/figures.js'
import { splitSentences } from './dist/src/analyze/sentences.js'
for (const t of process.argv.slice(2)) console.log(t, '→', JSON.stringify(findFigures(splitSentences(t)).map(f => [f.text, f.value, f.unit, f.dimension, f.subject, f.modality])))
