import { createHash } from 'node:crypto'

// Served as /static/style-HASH.css (CSP: style-src 'self'; no inline style anywhere).
export const STYLE = `
:root{--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--bg:#fff;--soft:#f6f8fa;--accent:#0b5cad;--warn:#fff1c2;--bad:#ffe3e0;--badline:#cf222e}
*{box-sizing:border-box}
body{margin:0;overflow-wrap:anywhere;font:16px/1.65 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.top{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.2rem;padding:.6rem 1.5rem;border-bottom:1px solid var(--line)}
header.top .brand{font-weight:700;font-size:1.15rem;color:var(--ink)}
header.top nav{display:flex;gap:1rem;flex-wrap:wrap}
header.top form{margin-left:auto;display:flex;gap:.3rem}
.prefs{font-size:.85rem;color:var(--muted);display:flex;gap:.8rem}.prefs a.on{color:var(--ink);font-weight:600}
main{max-width:80rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.6rem;line-height:1.35;margin:.6rem 0}h2{font-size:1.2rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}h3{font-size:1.02rem;margin:.4rem 0}
.muted,.meta{color:var(--muted);font-size:.88rem}
input,select,button{font:inherit;padding:.25rem .45rem;border:1px solid var(--line);border-radius:4px;background:#fff}
button{cursor:pointer;background:var(--soft)}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;background:var(--soft);padding:.7rem 1rem;border-radius:6px;margin:.6rem 0 1rem}
form.filters label{display:flex;flex-direction:column;font-size:.82rem;color:var(--muted)}
.tabs{display:flex;gap:1rem;margin:.4rem 0}.tabs a.on{font-weight:700;color:var(--ink)}
ol.events,ul.plain{list-style:none;padding:0;margin:0}
ol.events li{padding:.7rem 0;border-bottom:1px solid var(--line)}
ol.events .title{font-size:1.05rem;font-weight:600}
.bar{display:block;margin:.3rem 0}
.legend{display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.8rem;color:var(--muted)}
.legend svg{vertical-align:middle}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem;align-items:start}
.col{border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem;background:#fff}
.col h3{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem}
.col h4{margin:.8rem 0 .2rem;font-size:.9rem;color:var(--muted)}
.col ul{padding-left:1.1rem;margin:.2rem 0}
.badge{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:3px;background:var(--soft);border:1px solid var(--line);color:var(--muted);max-width:100%}
.flag{display:inline-block;font-size:.78rem;padding:0 .4rem;border-radius:3px;background:var(--warn);border:1px solid #e5c65a;white-space:nowrap}
.claim{margin:.35rem 0}
.cites{font-size:.82rem;color:var(--muted)}
.cites a{margin-right:.5rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
td.nowrap{white-space:nowrap;overflow-wrap:normal}
div.figure{border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;margin:.5rem 0}
div.figure.conflict{border:2px solid var(--badline)}
tr.conflict td{background:var(--bad);font-weight:600}
tr.conflict td:first-child{box-shadow:inset 4px 0 0 var(--badline)}
div.figure td:first-child{white-space:nowrap}
.conflict-badge{display:inline-block;font-size:.78rem;padding:0 .4rem;border-radius:3px;background:var(--badline);color:#fff}
.quote{margin:.4rem 0;padding-left:.8rem;border-left:3px solid var(--line)}
.terms span{display:inline-block;margin:0 .35rem .2rem 0;padding:0 .35rem;background:var(--soft);border-radius:3px}
article.reader{max-width:46rem}
article.reader p{margin:.8rem 0}
article.reader .s:target{background:#fff3a8;outline:2px solid #e5c65a}
figure{margin:1rem 0}figcaption{font-size:.88rem;color:var(--muted)}
.img-placeholder{border:1px dashed var(--line);background:var(--soft);padding:.6rem .8rem;font-size:.85rem;color:var(--muted);word-break:break-all}
.img-placeholder code{color:var(--ink)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.92rem}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;word-break:break-all}
mark{background:#fff3a8;padding:0 .1em}
.hit{padding:.6rem 0;border-bottom:1px solid var(--line)}
.pager{display:flex;gap:1rem;margin:1rem 0}
svg text{font-family:inherit}
.chart{width:100%;height:auto;display:block}
`

export const STYLE_HASH = createHash('sha256').update(STYLE).digest('hex').slice(0, 12)
export const STYLE_PATH = `/static/style-${STYLE_HASH}.css`
