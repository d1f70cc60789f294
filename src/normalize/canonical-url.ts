// Query parameters that identify a visit, not a page.
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|spm|share_token|from|src|ref|ref_src|source|s_cid|cmpid|ncid|rss|feature|amp|_ga|yclid|wt\.mc_id)$/i

/** Wayback captures name the original after the timestamp: web.archive.org/web/2021…/https://… */
const WAYBACK = /^https?:\/\/web\.archive\.org\/web\/\d{1,14}(?:[a-z]{2}_)?\/(.+)$/i

/**
 * One spelling per page: archive captures unwrapped, scheme https, host lower-case without
 * `www.`, tracking parameters and fragments dropped, trailing slash removed. Undefined when the
 * input is not an http(s) URL.
 */
export function canonicalUrl(input: string | undefined): string | undefined {
  if (!input) return undefined
  // The same URL is asked for twice per article (outlet lookup, then the article's own field),
  // and the WHATWG setters below reparse it each time: the last answer is kept.
  if (input === last.input) return last.output
  const output = canonicalize(input)
  last.input = input
  last.output = output
  return output
}

const last: { input: string | undefined; output: string | undefined } = { input: undefined, output: undefined }

function canonicalize(input: string): string | undefined {
  let s = input.trim()
  const wb = s.match(WAYBACK)
  if (wb) s = /^https?:\/\//i.test(wb[1]) ? wb[1] : `http://${wb[1]}`
  let url: URL
  try {
    url = new URL(s)
  } catch (e) {
    if (e instanceof TypeError) return undefined
    throw e
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  url.protocol = 'https:'
  url.hostname = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '')
  url.hash = ''
  url.port = ''
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key)
  url.searchParams.sort()
  return url.toString().replace(/\/(\?|$)/, '$1')
}

export function hostOf(input: string): string | undefined {
  const c = canonicalUrl(input)
  return c ? new URL(c).hostname : undefined
}
