import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'

export interface CleanRules {
  readonly dropSelectors: readonly string[]
  readonly adCommentOpen: RegExp
  readonly adCommentClose: RegExp
  readonly footerPatterns: readonly RegExp[]
  readonly headerPatterns: readonly RegExp[]
  readonly authorLabels: RegExp
  readonly leadingCreditPatterns: readonly RegExp[]
  readonly counterLines: RegExp
  readonly headAppeals: RegExp
  /** One appeal and its link (or e-mail address) at the start of a text: 訂閱…頻道：https://… */
  readonly leadingAppeal: RegExp
  readonly placeholderImageHosts: readonly string[]
  readonly outletDropSelectors: Readonly<Record<string, readonly string[]>>
  readonly errorPageTitles: RegExp
}

interface RulesFile {
  drop_selectors: string[]
  ad_comment_open: string
  ad_comment_close: string
  footer_patterns: string[]
  header_patterns: string[]
  author_labels: string
  leading_credit_patterns: string[]
  counter_lines: string
  head_appeals: string
  appeal_words: string[]
  placeholder_image_hosts: string[]
  error_page_titles: string
  outlets?: Record<string, { drop_selectors?: string[] }>
}

/** A link or an e-mail address as archived descriptions print them, glued to the next words. */
export const LINK = '(?:https?://[\\x21-\\x7e]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)'

// An appeal (a phrase with one of the words, most often near its start) and its link or e-mail
// address. Lengths are bounded and one appeal is matched at a time: no backtracking across them.
function appealPattern(words: readonly string[]): RegExp {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  return new RegExp(`^\\s*[^。！？!?\\n]{0,30}?(?:${escaped})[^。！？!?\\n]{0,80}?${LINK}`, 'i')
}
function rulesPath(): URL {
  // Runs from src/ under vitest and from dist/src/ after the build; the YAML stays in src/.
  const here = new URL('./rules.yaml', import.meta.url)
  return here.pathname.includes('/dist/') ? new URL('../../../src/clean/rules.yaml', import.meta.url) : here
}

export function parseRules(text: string): CleanRules {
  const f = parseYaml(text) as RulesFile
  const re = (s: string) => new RegExp(s, 'i')
  return Object.freeze({
    dropSelectors: f.drop_selectors,
    adCommentOpen: re(f.ad_comment_open),
    adCommentClose: re(f.ad_comment_close),
    footerPatterns: f.footer_patterns.map(re),
    headerPatterns: f.header_patterns.map(re),
    authorLabels: re(f.author_labels),
    leadingCreditPatterns: f.leading_credit_patterns.map(re),
    counterLines: re(f.counter_lines),
    headAppeals: re(f.head_appeals),
    leadingAppeal: appealPattern(f.appeal_words),
    placeholderImageHosts: f.placeholder_image_hosts,
    errorPageTitles: re(f.error_page_titles),
    outletDropSelectors: Object.fromEntries(Object.entries(f.outlets ?? {}).map(([id, o]) => [id, o.drop_selectors ?? []])),
  })
}

let cached: CleanRules | undefined
export const defaultRules = (): CleanRules => (cached ??= parseRules(readFileSync(rulesPath(), 'utf8')))
