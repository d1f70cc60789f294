import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ConfigError } from '../errors.js'

export interface ServeConfig {
  readonly dbPath: string
  readonly host: string
  readonly port: number
  /** Bearer token for write endpoints; absent: writes are disabled. */
  readonly token?: string
  /** A folder of images named by the sha256 of their URL; absent: remote images are never shown. */
  readonly imageCacheDir?: string
  /** Outlet metadata edited through the API, kept beside the database. */
  readonly outletEditsPath: string
  /** Where uploaded files are kept so their provenance stays readable. */
  readonly uploadDir: string
}

const MIN_TOKEN_CHARS = 16

/**
 * `--token-file` or JIANTING_TOKEN_FILE (a file holding the token) or JIANTING_TOKEN. A short
 * token is refused rather than accepted: it would guard the write endpoints in name only.
 */
export function loadServeConfig(
  env: NodeJS.ProcessEnv,
  base: { dbPath: string },
  flags: { host?: string; port?: number; tokenFile?: string; imageCache?: string } = {},
): ServeConfig {
  const tokenFile = flags.tokenFile ?? env.JIANTING_TOKEN_FILE
  let token = env.JIANTING_TOKEN?.trim() || undefined
  if (tokenFile) {
    try {
      token = readFileSync(tokenFile, 'utf8').trim()
    } catch (e) {
      throw new ConfigError('JIANTING_TOKEN_FILE', `cannot read ${tokenFile}: ${(e as Error).message}`)
    }
  }
  if (token !== undefined && token.length < MIN_TOKEN_CHARS)
    throw new ConfigError('JIANTING_TOKEN', `the token must be at least ${MIN_TOKEN_CHARS} characters (try: openssl rand -hex 24)`)
  const port = flags.port ?? (env.JIANTING_PORT ? Number(env.JIANTING_PORT) : 8417)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('JIANTING_PORT', `expected a port number 0–65535, got ${env.JIANTING_PORT}`)
  const dir = base.dbPath === ':memory:' ? process.cwd() : dirname(base.dbPath)
  return Object.freeze({
    dbPath: base.dbPath,
    host: flags.host ?? env.JIANTING_HOST ?? '127.0.0.1',
    port,
    token,
    imageCacheDir: flags.imageCache ?? env.JIANTING_IMAGE_CACHE ?? undefined,
    outletEditsPath: `${base.dbPath === ':memory:' ? join(dir, 'jianting') : base.dbPath}.outlets.json`,
    uploadDir: join(dir, 'jianting-uploads'),
  })
}
