import { accessSync, constants, existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Config } from '../../config.js'
import { loadRegistry } from '../../outlets/registry.js'
import { segment } from '../../analyze/segment.js'
import { foldText } from '../../normalize/fold.js'
import { openSqlite } from '../../store/sqlite/store.js'

/** Each check prints ok or what is wrong; the exit code is the number of failures. */
export async function runDoctor(config: Config): Promise<void> {
  let failures = 0
  const check = async (name: string, fn: () => Promise<string> | string) => {
    try {
      process.stdout.write(`ok    ${name}: ${await fn()}\n`)
    } catch (e) {
      failures++
      process.stdout.write(`FAIL  ${name}: ${e instanceof Error ? e.message : String(e)}\n`)
    }
  }
  await check('node', () => {
    const major = Number(process.versions.node.split('.')[0])
    if (major < 20) throw new Error(`Node ${process.versions.node}; jianting needs Node 20 or newer`)
    return process.versions.node
  })
  await check('outlet registry', () => `${loadRegistry().outlets.length} outlets`)
  await check('segmentation (jieba)', () => segment('普京和拜登在日内瓦会晤').join(' '))
  await check('T/S folding (opencc)', () => `頁 → ${foldText('頁')}`)
  await check('database', async () => {
    // Only ingest creates a database: a check must not leave one behind.
    if (!existsSync(config.dbPath)) {
      const folder = dirname(resolve(config.dbPath))
      try {
        accessSync(folder, constants.W_OK)
      } catch {
        throw new Error(`none at ${config.dbPath}, and ${folder} cannot be written: ingest could not create it there (point --db or JIANTING_DB elsewhere)`)
      }
      return `none yet at ${config.dbPath} (jianting ingest FOLDER creates it)`
    }
    const store = openSqlite(config.dbPath)
    try {
      const s = await store.stats()
      return `${config.dbPath}: ${s.articles} articles, ${s.duplicates} copies, ${s.quarantined} quarantined, ${s.raw} raw inputs`
    } finally {
      await store.close()
    }
  })
  if (failures) process.exitCode = 1
}
