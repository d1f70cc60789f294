import { ZodError } from 'zod'
import { JiantingError } from '../errors.js'

export class UnauthorizedError extends JiantingError {
  readonly httpStatus = 401
  readonly exitCode = 2
}

/** Writes are off until a token is configured: say how to turn them on. */
export class WritesDisabledError extends JiantingError {
  readonly httpStatus = 403
  readonly exitCode = 2
  constructor() {
    super('write endpoints are disabled: start the server with JIANTING_TOKEN (or JIANTING_TOKEN_FILE / --token-file) set, then send Authorization: Bearer TOKEN')
  }
}

export class BadRequestError extends JiantingError {
  readonly httpStatus = 400
  readonly exitCode = 2
}

/** The one place an error becomes a status and a message a user can act on. */
export function errorResponse(e: unknown): { status: number; message: string } {
  if (e instanceof ZodError) return { status: 400, message: zodMessage(e) }
  if (e instanceof JiantingError) return { status: e.httpStatus, message: e.message }
  return { status: 500, message: `internal error: ${e instanceof Error ? e.message : String(e)} (see the server log)` }
}

export function zodMessage(e: ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')
}
