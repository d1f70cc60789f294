import { describe, expect, it } from 'vitest'
import { loadRegistry } from '../outlets/registry.js'
import { resolveOutlet } from './outlet.js'

const registry = loadRegistry()

describe('resolveOutlet, a site that mirrors other outlets (nei.st)', () => {
  it('takes the outlet its mirror path names, with the site as the mirror', () => {
    const url = 'https://nei.st/medium/nytimes/china-orders-u-s-to-shut-consulate-in-chengdu'
    const r = resolveOutlet([{ kind: 'url', value: url }], registry)
    expect(r.id).toBe('nyt-chinese')
    expect(r.mirror).toEqual({ outlet: 'nei.st', url })
    expect(resolveOutlet([{ kind: 'url', value: 'https://nei.st/medium/caixin/cw868b' }], registry).id).toBe('caixin')
  })
  it('keeps the site itself outside its mirror path, or where the path names an outlet it does not know', () => {
    const travel = resolveOutlet([{ kind: 'url', value: 'https://nei.st/travel/che-su' }], registry)
    expect(travel.id).toBe('nei-st')
    expect(travel.mirror).toBeUndefined()
    expect(resolveOutlet([{ kind: 'url', value: 'https://nei.st/medium/comparative/some-essay' }], registry).id).toBe('nei-st')
  })
  it("does not read another site's path the same way", () => {
    expect(resolveOutlet([{ kind: 'url', value: 'https://www.voachinese.com/medium/nytimes/x' }], registry).id).toBe('voa-chinese')
  })
})
