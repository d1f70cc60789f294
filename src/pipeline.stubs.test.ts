import { describe, expect, it } from 'vitest'
import { isHeadlineOnly } from './article.js'
import { loadRegistry } from './outlets/registry.js'
import { rawInput, runStages } from './pipeline.js'

const registry = loadRegistry()
// The shape of a video archive's Jekyll post: front matter, the epoch comment, a link to the
// video under its title, and an empty description.
const videoPost = (title: string) =>
  new TextEncoder().encode(
    `---\nlayout: post\ntitle: "${title}"\ndate: 2021-06-11T10:40:24.000Z\nauthor: 某频道\nfrom: https://www.youtube.com/watch?v=abc\ntags: [ 某频道 ]\ncategories: [ 某频道 ]\n---\n<!--1623408024000-->\n[${title}](https://www.youtube.com/watch?v=abc)\n------\n\n<div>\n\n</div>\n`,
  )

describe('posts without prose', () => {
  it('keep a headline that says enough as a headline-only report, the headline as its text', () => {
    const title = '廣州芳村已封鎖14天，每天靠50元物資包維生'
    const r = runStages(rawInput(videoPost(title), 'v.md', 'file'), { registry })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.title).toBe(title)
    expect(r.value.text).toBe(title)
    expect(isHeadlineOnly(r.value)).toBe(true)
    expect(r.value.publishedAt?.slice(0, 10)).toBe('2021-06-11')
    expect(r.value.folded).toContain('广州芳村已封锁14天')
  })

  it('quarantine one whose headline is too short to stand for a report, saying why', () => {
    const r = runStages(rawInput(videoPost('新年快樂！'), 'v.md', 'file'), { registry })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problem.code).toBe('content/too-short')
    expect(r.problem.detail).toMatch(/headline is too short/)
  })

  it('leave articles with prose alone', () => {
    const post = new TextDecoder().decode(videoPost('美俄峰会在日内瓦举行，双方同意恢复战略稳定对话')).replace('<div>\n\n</div>', '<div><p>美国总统拜登和俄罗斯总统普京于6月16日在日内瓦举行了美俄峰会，双方同意恢复战略稳定对话。</p></div>')
    const r = runStages(rawInput(new TextEncoder().encode(post), 'p.md', 'file'), { registry })
    expect(r.ok && isHeadlineOnly(r.value)).toBe(false)
    expect(r.ok && r.value.text).toMatch(/^美国总统拜登/)
  })
})
