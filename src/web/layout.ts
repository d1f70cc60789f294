import type { PageContext } from './context.js'
import { html, query, type Markup } from './html.js'
import { STYLE_PATH } from './style.js'

const prefLink = (ctx: PageContext, key: 'ui' | 'script', value: string, label: string, on: boolean) =>
  html`<a class="${on ? 'on' : ''}" href="${`/prefs${query({ [key]: value, back: ctx.path })}`}" rel="nofollow">${label}</a>`

/** The page shell: navigation, search, language and script switches. No script tag, ever. */
export function page(ctx: PageContext, title: string, body: Markup): string {
  const t = ctx.t
  return html`<!doctype html>
<html lang="${ctx.ui === 'zh' ? (ctx.script === 'hant' ? 'zh-Hant' : 'zh-Hans') : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml">
<meta name="referrer" content="no-referrer">
<title>${title} · ${t('appName')}</title>
<link rel="stylesheet" href="${STYLE_PATH}">
</head>
<body>
<header class="top">
  <a class="brand" href="/">兼听 <span class="muted">jianting</span></a>
  <nav><a href="/">${t('events')}</a><a href="/stories">${t('stories')}</a><a href="/outlets">${t('outlets')}</a><a href="/quarantine">${t('quarantine')}</a><a href="/api/openapi.json">${t('api')}</a></nav>
  <form action="/search" method="get" role="search"><input type="search" name="q" aria-label="${t('search')}" placeholder="${t('searchPlaceholder')}" size="24"><button>${t('search')}</button></form>
  <div class="prefs">
    <span>${t('language')}: ${prefLink(ctx, 'ui', 'zh', '中文', ctx.ui === 'zh')} · ${prefLink(ctx, 'ui', 'en', 'English', ctx.ui === 'en')}</span>
    <span>${t('script')}: ${prefLink(ctx, 'script', 'orig', t('asPublished'), ctx.script === 'orig')} · ${prefLink(ctx, 'script', 'hans', '简体', ctx.script === 'hans')} · ${prefLink(ctx, 'script', 'hant', '繁體', ctx.script === 'hant')}</span>
  </div>
</header>
<main>
${body}
</main>
</body></html>`.value
}
