import { describe, expect, it } from 'vitest'
import { loadRegistry } from './outlets/registry.js'
import { rawInput, runStages } from './pipeline.js'

const registry = loadRegistry()
const para = '美国总统拜登和俄罗斯总统普京于6月16日在日内瓦举行了美俄峰会，双方同意恢复战略稳定对话。'

function hexoPost(megabytes: number): Uint8Array {
  const count = Math.ceil((megabytes * 1e6) / (para.length * 3 + 12))
  const body = Array.from({ length: count }, (_, i) => `<p>${para}${i}</p>`).join('')
  const head = '---\ntitle: 很大的文件\ncategories:\n - 新媒体\n - 观察者网\nheadimg: x\ncomments: false\ndate: 2021-06-16\n---\n'
  return new TextEncoder().encode(`${head}<div>${body}</div>`)
}

describe('large files', () => {
  it('quarantines a 50 MB file with a reason that says how to proceed', () => {
    const r = runStages(rawInput(hexoPost(50), 'huge.md', 'file'), { registry })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.problem.code).toBe('decode/too-large')
      expect(r.problem.detail).toMatch(/MB limit .*--max-mb/)
    }
  })

  it('reads a saved page over the default limit when --max-mb allows it', () => {
    const count = Math.ceil(21e6 / (para.length * 3 + 7))
    const page = `<html><head><title>很大的网页</title></head><body><article>${`<p>${para}</p>`.repeat(count)}</article></body></html>`
    const r = runStages(rawInput(new TextEncoder().encode(page), 'big.html', 'file'), { registry, maxBytes: 30e6 })
    expect(r.ok ? r.value.provenance.format : r.problem.detail).toBe('html')
  }, 120_000)

  it('reads a 5 MB post into one article without losing the end', () => {
    const r = runStages(rawInput(hexoPost(5), 'big.md', 'file'), { registry })
    expect(r.ok && r.value.text.length).toBeGreaterThan(1_500_000)
    expect(r.ok && r.value.text.trimEnd().endsWith(`${para}${Math.ceil(5e6 / (para.length * 3 + 12)) - 1}`)).toBe(true)
    // About 2 s on an idle machine; speed is the bench's business, not this test's.
  }, 60_000)
})
