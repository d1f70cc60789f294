import type { Draft, FormatName, Outcome } from '../../article.js'

export interface FormatInput {
  readonly text: string // decoded
  readonly locator: string // path or URL; formats read outlet and date evidence from it
  readonly contentType?: string
  readonly bytes?: Uint8Array // for formats that decode themselves (saved HTML pages)
}

export interface Format {
  readonly name: FormatName
  /** Cheap: looks at the head of the text only. */
  detect(input: FormatInput): boolean
  parse(input: FormatInput): Outcome<Draft>
}
