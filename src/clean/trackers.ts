// Links and image sources that wrap the real target: tracking redirects (?url=, ?q=, ?target=)
// and image or CORS proxies (images.weserv.nl?url=host/path, https://proxy/https://target).
const TARGET_PARAMS = ['url', 'u', 'q', 'target', 'to', 'dest', 'destination', 'redirect', 'redirect_url', 'link', 'href']

function asAbsolute(candidate: string): string | undefined {
  const s = candidate.trim()
  if (/^https?:\/\//i.test(s)) return s
  // Proxies like weserv take the target without a scheme: images.weserv.nl?url=gdb.voanews.com/x.jpg
  if (/^(\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(s)) return `https://${s.replace(/^\/\//, '')}`
  return undefined
}

/** The URL a redirect or proxy URL points at, unwrapped repeatedly; otherwise the input. */
export function unwrapUrl(href: string): string {
  let current = href.trim()
  for (let hop = 0; hop < 4; hop++) {
    const next = unwrapOnce(current)
    if (!next || next === current) break
    current = next
  }
  return current
}

function unwrapOnce(href: string): string | undefined {
  let url: URL
  try {
    url = new URL(href)
  } catch (e) {
    if (e instanceof TypeError) return undefined
    throw e
  }
  const embedded = (url.pathname + url.search).match(/\/(https?:\/\/.+)$/i) ?? (url.pathname + url.search).match(/\/(https?:\/)([^/].*)$/i)
  if (embedded) return embedded[2] ? `${embedded[1]}/${embedded[2]}` : embedded[1]
  for (const p of TARGET_PARAMS) {
    const v = url.searchParams.get(p)
    const target = v ? asAbsolute(v) : undefined
    if (target && target !== href) return target
  }
  return undefined
}
