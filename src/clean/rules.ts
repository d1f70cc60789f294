import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'

export interface CleanRules {
  readonly dropSelectors: readonly string[]
  readonly adCommentOpen: RegExp
  readonly adCommentClose: RegExp
  readonly footerPatterns: readonly RegExp[]
  readonly headerPatterns: readonly RegExp[]
  readonly leadingCreditPatterns: readonly RegExp[]
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
  leading_credit_patterns: string[]
  placeholder_image_hosts: string[]
  error_page_titles: string
  outlets?: Record<string, { drop_selectors?: string[] }>
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
    leadingCreditPatterns: f.leading_credit_patterns.map(re),
    placeholderImageHosts: f.placeholder_image_hosts,
    errorPageTitles: re(f.error_page_titles),
    outletDropSelectors: Object.fromEntries(Object.entries(f.outlets ?? {}).map(([id, o]) => [id, o.drop_selectors ?? []])),
  })
}

let cached: CleanRules | undefined
export const defaultRules = (): CleanRules => (cached ??= parseRules(readFileSync(rulesPath(), 'utf8')))
