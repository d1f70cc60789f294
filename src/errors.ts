export abstract class JiantingError extends Error {
  abstract readonly httpStatus: number
  abstract readonly exitCode: number
}

export class NotFoundError extends JiantingError {
  readonly httpStatus = 404
  readonly exitCode = 4
  constructor(readonly what: string, readonly id: string) {
    super(`${what} ${id} not found`)
  }
}

/** A request by a method the path does not take (the server's 405). */
export class MethodNotAllowedError extends JiantingError {
  readonly httpStatus = 405
  readonly exitCode = 2
  constructor(readonly method: string, readonly path: string, readonly allowed: readonly string[]) {
    super(`${method} is not taken at ${path}; it takes ${allowed.join(', ')}`)
  }
}

export class ConfigError extends JiantingError {
  readonly httpStatus = 500
  readonly exitCode = 2
  constructor(readonly setting: string, message: string) {
    super(`${setting}: ${message}`)
  }
}

export class UsageError extends JiantingError {
  readonly httpStatus = 400
  readonly exitCode = 2
}
