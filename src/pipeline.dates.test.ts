import { describe, expect, it } from 'vitest'
import { loadRegistry } from './outlets/registry.js'
import { rawInput, runStages } from './pipeline.js'

const registry = loadRegistry()
const post = (head: string) =>
  new TextEncoder().encode(`${head}\n\n新华社日内瓦2021年6月16日电（记者 张三）美国总统拜登与俄罗斯总统普京周三在日内瓦举行会晤，双方同意恢复战略稳定对话。\n\n分析人士认为，这次会晤虽然没有取得重大突破，但为两国关系设定了底线。\n`)

describe('dates from the body', () => {
  it('dates an otherwise undated article by its wire dateline, saying so', () => {
    const r = runStages(rawInput(post('# 拜登普京会晤'), 'a.md', 'file'), { registry })
    expect(r.ok && [r.value.publishedAt, r.value.dateSource]).toEqual(['2021-06-16', 'body'])
  })

  it('lets any other evidence win over the dateline', () => {
    const r = runStages(rawInput(post('---\ntitle: 拜登普京会晤\ndate: 2021-06-17 08:00:00\n---'), 'a.md', 'file'), { registry })
    expect(r.ok && [r.value.publishedAt, r.value.dateSource]).toEqual(['2021-06-17T08:00:00Z', 'front-matter'])
  })
})
