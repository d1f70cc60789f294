// The ceiling: the same libraries chained with nothing else (no cleaning, dates, outlets or
// dedupe) over the bench corpus. BENCH_ARTICLES (default 11,000); BARE_WORKER=1 parses on
// one worker thread while the main thread writes, like ingest --jobs N.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker, isMainThread, parentPort } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { Jieba } from '@node-rs/jieba'
import MarkdownIt from 'markdown-it'
import { parseDocument } from 'htmlparser2'
import { textContent } from 'domutils'
import * as OpenCC from 'opencc-js'
import { generateCorpus } from './corpus.js'

interface Parsed {
  path: string
  bytes: Uint8Array
  sha256: string
  title: string
  text: string
  words: string
}

function makeParser() {
  // dict.txt only, as src/analyze/segment.ts reads it: '@node-rs/jieba/dict' reads idf.txt too.
  const jieba = Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')))
  const md = new MarkdownIt({ html: true })
  const fold = OpenCC.Converter({ from: 'hk', to: 'cn' })
  const decoder = new TextDecoder()
  return (path: string, bytes: Uint8Array): Parsed => {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const source = decoder.decode(bytes)
    const fm = source.match(/^---\n([\s\S]*?)\n---\n/)
    const title = fm?.[1].match(/title:\s*(.*)/)?.[1] ?? source.slice(0, 40)
    const body = fm ? source.slice(fm[0].length) : source
    const text = textContent(parseDocument(md.render(body))).trim()
    const words = jieba.cut(fold(text), true).filter((w) => w.trim()).join(' ')
    return { path, bytes, sha256, title, text, words }
  }
}

if (!isMainThread) {
  const parse = makeParser()
  parentPort!.on('message', (paths: string[]) => parentPort!.postMessage(paths.map((p) => parse(p, readFileSync(p)))))
} else {
  const total = Number(process.env.BENCH_ARTICLES ?? 11_000)
  const dir = mkdtempSync(join(tmpdir(), 'jianting-bare-'))
  generateCorpus(join(dir, 'corpus'), total)
  const files = readdirSync(join(dir, 'corpus'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
  const db = new Database(join(dir, 'bare.db'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(`CREATE TABLE raw (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL);
    CREATE TABLE articles (rowid INTEGER PRIMARY KEY, locator TEXT NOT NULL UNIQUE, title TEXT NOT NULL, text TEXT NOT NULL);
    CREATE VIRTUAL TABLE fts USING fts5(title, body, content = '', tokenize = 'unicode61 remove_diacritics 0');`)
  const putRaw = db.prepare('INSERT OR IGNORE INTO raw VALUES (?, ?)')
  const putArticle = db.prepare('INSERT INTO articles (locator, title, text) VALUES (?, ?, ?)')
  const putFts = db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)')
  const write = db.transaction((batch: Parsed[]) => {
    for (const p of batch) {
      putRaw.run(p.sha256, p.bytes)
      putFts.run(putArticle.run(p.path, p.title, p.text).lastInsertRowid, p.title, p.words)
    }
  })
  const BATCH = 200
  const started = performance.now()
  if (process.env.BARE_WORKER) {
    const worker = new Worker(import.meta.filename)
    const results: Array<Promise<Parsed[]>> = []
    const next = () => new Promise<Parsed[]>((resolve) => worker.once('message', resolve))
    // Two batches in flight: the worker parses one while this thread writes the other.
    let sent = 0
    const send = () => {
      if (sent >= files.length) return
      worker.postMessage(files.slice(sent, sent + BATCH))
      sent += BATCH
    }
    send()
    send()
    for (let done = 0; done < files.length; done += BATCH) {
      results.push(next())
      const batch = await results[results.length - 1]
      send()
      write(batch)
    }
    await worker.terminate()
  } else {
    const parse = makeParser()
    for (let i = 0; i < files.length; i += BATCH) write(files.slice(i, i + BATCH).map((p) => parse(p, readFileSync(p))))
  }
  const seconds = (performance.now() - started) / 1000
  console.log(`bare chain${process.env.BARE_WORKER ? ' (parse on a worker, main thread writes)' : ' (one thread)'}: ${files.length} files in ${seconds.toFixed(1)} s → ${(files.length / seconds).toFixed(0)} articles/s; peak RSS ${((process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0)} MB`)
  db.close()
  rmSync(dir, { recursive: true, force: true })
}
