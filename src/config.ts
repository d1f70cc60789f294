import { ConfigError } from './errors.js'

export interface Config {
  readonly dbPath: string
}

/** `--db` wins over JIANTING_DB; both take a path or `sqlite:PATH`. */
export function loadConfig(env: NodeJS.ProcessEnv, flags: { db?: string } = {}): Config {
  const raw = flags.db ?? env.JIANTING_DB ?? './jianting.db'
  if (/^postgres(ql)?:/.test(raw)) throw new ConfigError('JIANTING_DB', 'PostgreSQL is not supported yet; use a SQLite path such as ./jianting.db')
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) && !raw.startsWith('sqlite:'))
    throw new ConfigError('JIANTING_DB', `expected a file path or sqlite:PATH, got ${raw}`)
  const dbPath = raw.replace(/^sqlite:(\/\/)?/, '')
  if (!dbPath) throw new ConfigError('JIANTING_DB', 'empty database path')
  return Object.freeze({ dbPath })
}
