import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'

export interface JsonlLine {
  readonly locator: string // FILE#L<line>
  readonly bytes: Uint8Array
}

/** Lines of a JSONL file (the `articles --json` interchange shape), blank lines skipped. */
export async function* readJsonl(path: string, locator: string): AsyncGenerator<JsonlLine> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
  let n = 0
  for await (const line of lines) {
    n++
    if (line.trim()) yield { locator: `${locator}#L${n}`, bytes: new TextEncoder().encode(line) }
  }
}

export const isJsonlPath = (path: string): boolean => /\.(jsonl|ndjson)$/i.test(path)
