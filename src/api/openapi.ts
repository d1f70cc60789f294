import { z } from 'zod'
import { outletEdit } from './outlet-edits.js'
import { articlesFields, eventsFields, ingestBody, searchQuery } from './schemas.js'

const toSchema = (s: z.ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

/** Query parameters from the same zod schema that validates them: the document cannot drift. */
function queryParams(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, s]) => {
    const js = toSchema(s as z.ZodType)
    const { description, ...rest } = js as { description?: string }
    return { name, in: 'query', required: !(s as z.ZodType).safeParse(undefined).success, ...(description ? { description } : {}), schema: rest }
  })
}

const pathId = (what: string) => ({ name: 'id', in: 'path', required: true, description: `${what} id`, schema: { type: 'string' } })
const ok = (description: string, schema: object) => ({ 200: { description, content: { 'application/json': { schema } } }, default: { $ref: '#/components/responses/Error' } })
const page = (item: string) => ({ type: 'object', required: ['items', 'total', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }, total: { type: ['integer', 'null'] }, nextCursor: { type: ['string', 'null'] } } })
const pageQ = eventsFields.pick({ limit: true, cursor: true })
const any = { type: 'object' }
const eventProperties = {
  id: { type: 'string' },
  title: { type: 'string' },
  start: { type: ['string', 'null'] },
  end: { type: ['string', 'null'] },
  outlets: { type: 'array', items: { type: 'string' } },
  storyId: { type: ['string', 'null'] },
  keywords: { type: 'array', items: { type: 'string' } },
  articleCount: { type: 'integer', description: 'reports, copies counted once' },
  copyCount: { type: 'integer', description: 'copies besides, listed among the articles' },
  coverage: { type: 'object', additionalProperties: { type: 'integer' } },
}
const storyProperties = { id: { type: 'string' }, title: { type: 'string' }, start: { type: ['string', 'null'] }, end: { type: ['string', 'null'] }, eventIds: { type: 'array', items: { type: 'string' } }, entities: { type: 'array', items: { type: 'string' } } }

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'jianting (兼听) API',
      version,
      description:
        'Read the archive: events, stories, claim-by-claim comparisons, articles with provenance, outlets, search, quarantine. ' +
        'Lists are paginated: pass ?limit= (1–200, default 50) and the nextCursor of one page as ?cursor= for the next. ' +
        'Errors are {status, message}. Write endpoints need Authorization: Bearer TOKEN and are disabled (403) when the server has no token. ' +
        'Events and stories are computed in memory when the server starts (or read from the cache in the database when no article was added since) and again after each ingest through the API. ' +
        'Event lists carry counts, outlets and coverage; GET /api/events/{id} has the articles of one event. Responses are brotli- or gzip-compressed as the client accepts.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      responses: { Error: { description: 'what went wrong, in words a user can act on', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
      schemas: {
        Error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' } } },
        EventListItem: {
          type: 'object',
          description: 'an event in a list: the `events --json` line without its article ids, plus articleCount and coverage (outlets per outlet type); GET /api/events/{id} has the articles',
          properties: eventProperties,
        },
        Event: {
          type: 'object',
          description: 'the `events --json` line plus articleCount, coverage (outlets per outlet type) and its articles (originals and copies)',
          properties: {
            ...eventProperties,
            articleIds: { type: 'array', items: { type: 'string' } },
            articles: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, outlet: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } }, title: { type: 'string' }, publishedAt: { type: ['string', 'null'] }, placedAt: { type: ['string', 'null'], description: 'The day (YYYY-MM-DD) clustering placed the report on: a date its headline or lead gives where the publication date is missing or a reused picture’s' }, duplicateOf: { type: ['string', 'null'] } } } },
          },
        },
        Story: { type: 'object', properties: storyProperties },
        StoryDetail: { type: 'object', properties: { ...storyProperties, events: { type: 'array', items: { $ref: '#/components/schemas/EventListItem' } } } },
        Comparison: { type: 'object', description: 'the `compare --json` contract of DESIGN.md: {event, outlets, articles, relays, claims, consensus, unique, omissions, apart, quotes, figures, framing, summary}' },
        ArticleSummary: { type: 'object', properties: { id: { type: 'string' }, outlet: { type: 'object' }, title: { type: 'string' }, publishedAt: { type: ['string', 'null'] }, url: { type: ['string', 'null'] }, duplicateOf: { type: ['string', 'null'] }, eventId: { type: ['string', 'null'] } } },
        Article: { type: 'object', description: 'the `articles --json` interchange shape plus blocks, copies [{id, outlet, locator, reason}], eventId and storyId' },
        SearchHit: { type: 'object', description: 'a `search --json` line (snippet with hits in [brackets]) plus eventId' },
        Outlet: { type: 'object', description: 'registry facts (names, type, country, owner, funding, sources) with edits applied, known, edited, articles, events' },
        Quarantined: { type: 'object', properties: { locator: { type: 'string' }, code: { type: 'string' }, stage: { type: 'string' }, detail: { type: 'string' }, at: { type: 'string' }, sha256: { type: 'string' } } },
        IngestSummary: { type: 'object', description: 'files, articles, duplicates, quarantined, quarantinedBefore (of them, those quarantined before and retried), unchanged, estimated (undated articles dated by their site numbering), seconds, skipped, events' },
      },
    },
    paths: {
      '/api/events': { get: { summary: 'events, latest first, with filters; blindspot=1: reported by one outlet type only', parameters: queryParams(eventsFields), responses: ok('a page of events', page('EventListItem')) } },
      '/api/events/{id}': { get: { summary: 'one event with its articles', parameters: [pathId('event')], responses: ok('the event', { $ref: '#/components/schemas/Event' }) } },
      '/api/events/{id}/comparison': { get: { summary: 'the claim-by-claim comparison of the event (computed once, then cached)', parameters: [pathId('event')], responses: ok('the comparison', { $ref: '#/components/schemas/Comparison' }) } },
      '/api/stories': { get: { summary: 'stories, latest first', parameters: queryParams(pageQ), responses: ok('a page of stories', page('Story')) } },
      '/api/stories/{id}': { get: { summary: 'one story with its events in time order', parameters: [pathId('story')], responses: ok('the story', { $ref: '#/components/schemas/StoryDetail' }) } },
      '/api/articles': { get: { summary: 'articles, latest first (copies hidden unless all=1)', parameters: queryParams(articlesFields), responses: ok('a page of articles', page('ArticleSummary')) } },
      '/api/articles/{id}': { get: { summary: 'one article with text, images, provenance, copies, event', parameters: [pathId('article')], responses: ok('the article', { $ref: '#/components/schemas/Article' }) } },
      '/api/search': { get: { summary: 'full-text search (BM25; Traditional and Simplified match)', parameters: queryParams(searchQuery), responses: ok('a page of hits', page('SearchHit')) } },
      '/api/outlets': { get: { summary: 'outlets with article and event counts', parameters: queryParams(pageQ), responses: ok('a page of outlets', page('Outlet')) } },
      '/api/outlets/{id}': {
        get: { summary: 'one outlet: facts, monthly volume, event ids', parameters: [pathId('outlet')], responses: ok('the outlet', { $ref: '#/components/schemas/Outlet' }) },
        patch: { summary: 'edit outlet facts (kept beside the database, over the registry)', security: [{ bearer: [] }], parameters: [pathId('outlet')], requestBody: { required: true, content: { 'application/json': { schema: toSchema(outletEdit) } } }, responses: ok('the outlet as now shown', { $ref: '#/components/schemas/Outlet' }) },
      },
      '/api/quarantine': { get: { summary: 'inputs that did not become articles, and why', parameters: queryParams(pageQ), responses: ok('a page of entries', page('Quarantined')) } },
      '/api/ingest': {
        post: {
          summary: 'ingest paths on the server (JSON) or uploaded files (multipart); events are recomputed before the answer',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: toSchema(ingestBody) }, 'multipart/form-data': { schema: { type: 'object', additionalProperties: { type: 'string', format: 'binary' } } } } },
          responses: ok('what the ingest did', { $ref: '#/components/schemas/IngestSummary' }),
        },
      },
      '/api/openapi.json': { get: { summary: 'this document', responses: ok('OpenAPI 3.1', any) } },
    },
  }
}
