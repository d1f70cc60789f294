import { readFileSync } from 'node:fs'
import type { Dirent } from 'node:fs'
import { lstat, readdir, realpath } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

export interface FoundFile {
  readonly path: string
}

export interface SkippedEntry {
  readonly path: string
  readonly reason: string
}

/**
 * Files under a directory, recursively, in a stable order. Symbolic links are followed only
 * when their target stays inside the tree (an archive must not pull in /etc); hidden folders
 * like .git are skipped.
 */
export async function* walkDir(root: string, onSkip: (s: SkippedEntry) => void, list: (dir: string) => Promise<Dirent[]> = (dir) => readdir(dir, { withFileTypes: true })): AsyncGenerator<FoundFile> {
  const realRoot = await realpath(root)
  const stack = [root]
  const visited = new Set<string>() // symbolic links can make cycles
  while (stack.length) {
    const dir = stack.pop()!
    // A folder that cannot be resolved or listed (no permission, removed meanwhile) is reported
    // and passed over: the rest of the archive is still read.
    let listed: Dirent[]
    try {
      const real = await realpath(dir)
      if (visited.has(real)) continue
      visited.add(real)
      listed = await list(dir)
    } catch (e) {
      onSkip({ path: dir, reason: `folder cannot be read (${errorText(e)})` })
      continue
    }
    const entries = listed.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
    const files: FoundFile[] = []
    for (const e of entries) {
      const path = join(dir, e.name)
      if (e.name.startsWith('.')) continue
      if (e.isSymbolicLink()) {
        const target = await realpath(path).catch((err: NodeJS.ErrnoException) => {
          onSkip({ path, reason: `broken symbolic link (${err.code})` })
          return undefined
        })
        if (!target) continue
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          onSkip({ path, reason: `symbolic link points outside ${root}` })
          continue
        }
        const st = await lstat(target)
        if (st.isDirectory()) stack.push(path)
        else if (st.isFile()) files.push({ path })
        continue
      }
      if (e.isDirectory()) stack.push(path)
      // No stat per file: the directory entry says what it is (a stat each was 4% of ingest).
      else if (e.isFile()) files.push({ path })
    }
    yield* files.reverse()
  }
}

/**
 * Whole-file synchronous read: archive files are small and local, and an async read per file
 * left the single writer thread idle between files (measured: 16% of ingest time).
 */
export function readBytes(path: string): Uint8Array | NodeJS.ErrnoException {
  try {
    return new Uint8Array(readFileSync(path))
  } catch (e) {
    if (e instanceof Error && 'code' in e) return e as NodeJS.ErrnoException
    throw e
  }
}

/** A file system error as one short phrase: Node's message already starts with the code (EACCES: permission denied, scandir '…'). */
export function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e)
  const code = (e as NodeJS.ErrnoException).code
  return code && !e.message.startsWith(code) ? `${code}: ${e.message}` : e.message
}

/** Locators are paths relative to the working directory when inside it, so they read well. */
export function locatorOf(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path)
  return rel.startsWith('..') ? path : rel
}
