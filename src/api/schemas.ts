import { z } from 'zod'
import { OUTLET_TYPES, type OutletType } from '../outlets/registry.js'
import { pageQuery } from './paginate.js'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2021-06-16')
const flag = z.enum(['1', '0', 'true', 'false'], { error: 'expected 1 or 0' }).transform((v) => v === '1' || v === 'true')
const outletType = z.enum(OUTLET_TYPES as [OutletType, ...OutletType[]], { error: `expected one of ${OUTLET_TYPES.join(', ')}` })
const outletId = z.string().min(1).max(100)

export const eventsQuery = pageQuery.extend({
  since: isoDate.optional().describe('events still running on or after this date'),
  until: isoDate.optional().describe('events begun on or before this date'),
  outlet: outletId.optional().describe('events this outlet reported'),
  type: outletType.optional().describe('events at least one outlet of this type reported'),
  blindspot: flag.optional().describe('only events reported by outlets of a single type'),
  missing: outletType.optional().describe('events two or more outlets reported, none of this type'),
  min: z.coerce.number().int().min(1).max(100_000).optional().describe('at least this many articles'),
})

export const articlesQuery = pageQuery.extend({
  outlet: outletId.optional(),
  since: isoDate.optional().describe('published on or after'),
  until: isoDate.optional().describe('published on or before'),
  all: flag.optional().describe('include copies of other articles'),
})

export const searchQuery = pageQuery.extend({
  q: z.string().trim().min(1, 'give a query: ?q=普京').max(200),
})

export const ingestBody = z
  .object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100).describe('files or folders on the server') })
  .strict()

export const idParam = z.string().regex(/^[\p{L}\p{N}._-]{1,100}$/u, 'expected an id of letters, digits, ., _ or -')
