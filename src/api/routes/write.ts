import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { BadRequestError, UnauthorizedError, WritesDisabledError } from '../errors.js'
import { outletEdit } from '../outlet-edits.js'
import { idParam, ingestBody } from '../schemas.js'
import type { ServerState } from '../state.js'

const MAX_UPLOAD_BYTES = 100 * 1024 * 1024

const digest = (s: string) => createHash('sha256').update(s).digest()

/** Writes need `Authorization: Bearer TOKEN`; with no token configured they are off. */
function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) throw new WritesDisabledError()
    const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    if (!given) throw new UnauthorizedError('this endpoint changes the archive: send Authorization: Bearer TOKEN (the token the server was started with)')
    // Compare digests in constant time: the token's length and prefix stay secret.
    if (!timingSafeEqual(digest(given), digest(token))) throw new UnauthorizedError('the bearer token does not match the one the server was started with')
    await next()
  }
}

export function writeRoutes(state: ServerState): Hono {
  const app = new Hono()
  // Per route, not app.use('*'): mounted under /api, a wildcard would guard the reads too.
  const auth = requireToken(state.config.token)
  const limit = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: () => { throw new BadRequestError(`the upload is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; ingest a path on the server instead`) } })

  app.post('/ingest', auth, limit, async (c) => {
    const type = c.req.header('content-type') ?? ''
    if (type.startsWith('application/json')) {
      const body = ingestBody.parse(await c.req.json().catch(() => { throw new BadRequestError('the body is not valid JSON; send {"paths": ["/path/on/server"]}') }))
      return c.json(await state.ingestPaths(body.paths))
    }
    if (type.startsWith('multipart/form-data')) {
      const form = await c.req.parseBody({ all: true })
      const files = Object.values(form).flat().filter((v): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v)
      if (!files.length) throw new BadRequestError('no file in the form: send one or more files as multipart/form-data (any field name)')
      const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))
      return c.json(await state.ingestUploads(uploads))
    }
    throw new BadRequestError('send application/json {"paths": [...]} to ingest files on the server, or multipart/form-data with files to upload')
  })

  app.patch('/outlets/:id', auth, limit, async (c) => {
    const id = idParam.parse(c.req.param('id'))
    const edit = outletEdit.parse(await c.req.json().catch(() => { throw new BadRequestError('the body is not valid JSON; send e.g. {"owner": "…", "type": "commercial"}') }))
    return c.json(await state.editOutlet(id, edit))
  })

  return app
}
