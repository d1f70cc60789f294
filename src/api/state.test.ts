import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleArchive } from '../../test/support/store.js'
import { testServer } from '../../test/support/web.js'
import { ServerState } from './state.js'

describe('the server state on a second start', () => {
  let s: Awaited<ReturnType<typeof testServer>>
  beforeAll(async () => {
    s = await testServer([exampleArchive])
  })
  afterAll(() => s.close())

  it('reads events from the store’s cache and articles without their text, the same view as the first start', async () => {
    const first = await s.state.view()
    expect(first.snapshot.fromCache).toBe(false)
    const again = await new ServerState(s.store, s.config).view()
    expect(again.snapshot.fromCache).toBe(true)
    expect(again.events).toEqual(first.events)
    expect(again.snapshot.stories).toEqual(first.snapshot.stories)
    expect(again.articlesByDate).toEqual(first.articlesByDate)
    for (const a of again.snapshot.articles) expect(a).not.toHaveProperty('text')
  })
})
