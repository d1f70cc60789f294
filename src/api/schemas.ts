import { z } from 'zod'
import { OUTLET_TYPES, type OutletType } from '../outlets/registry.js'
import { pageQuery } from './paginate.js'
import { isCalendarDay } from '../normalize/dates.js'

const isoDate = z.string().refine(isCalendarDay, 'expected a date like 2021-06-16')
// Filters whose window is empty by construction say so instead of answering nothing.
const sinceNotAfterUntil = (q: { since?: string; until?: string }) => !(q.since && q.until && q.since > q.until)
const EMPTY_WINDOW = { message: 'is after until: no article could match', path: ['since'] }
/** An article filter whose since is after its until is refused (an article has one date: nothing could match). */
export const withWindow = <T extends z.ZodType<{ since?: string; until?: string }>>(schema: T) => schema.refine(sinceNotAfterUntil, EMPTY_WINDOW)
const flag = z.enum(['1', '0', 'true', 'false'], { error: 'expected 1 or 0' }).transform((v) => v === '1' || v === 'true')
const outletType = z.enum(OUTLET_TYPES as [OutletType, ...OutletType[]], { error: `expected one of ${OUTLET_TYPES.join(', ')}` })
const outletId = z.string().min(1).max(100)
/** A whole number from 1 to `max`, said so when it is not. */
const count = (max: number) => z.coerce.number({ error: 'expected a whole number' }).int('expected a whole number').min(1, 'expected 1 or more').max(max, `expected at most ${max}`)

/** The event filters without their cross-field check: `pick` and `omit` take fields of it. */
export const eventsFields = pageQuery.extend({
  since: isoDate.optional().describe('events still running on or after this date'),
  until: isoDate.optional().describe('events begun on or before this date'),
  outlet: outletId.optional().describe('events this outlet reported'),
  type: outletType.optional().describe('events at least one outlet of this type reported'),
  blindspot: flag.optional().describe('only events reported by outlets of a single type'),
  missing: outletType.optional().describe('events two or more outlets reported, none of this type'),
  min: count(100_000).optional().describe('at least this many articles (copies counted once)'),
  outlets: count(10_000).optional().describe('at least this many outlets'),
})
// Not refused for events: they are filtered by overlap (running on since, begun by until), so a
// since after until asks for the events running over both days.
export const eventsQuery = eventsFields

export const articlesFields = pageQuery.extend({
  outlet: outletId.optional(),
  since: isoDate.optional().describe('published on or after'),
  until: isoDate.optional().describe('published on or before'),
  all: flag.optional().describe('include copies of other articles'),
})
export const articlesQuery = withWindow(articlesFields)

export const searchQuery = pageQuery.extend({
  q: z.string({ error: 'give a query: ?q=普京' }).trim().min(1, 'give a query: ?q=普京').max(200, 'at most 200 characters'),
})

export const ingestBody = z
  .object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100).describe('files or folders on the server') })
  .strict()

export const idParam = z.string().regex(/^[\p{L}\p{N}._-]{1,100}$/u, 'expected an id of letters, digits, ., _ or -')
