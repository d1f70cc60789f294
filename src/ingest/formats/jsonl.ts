import { fail, ok, type DateSource, type Draft, type Image, type Lang, type Outcome } from '../../article.js'
import type { FormatInput } from './format.js'

const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en', 'other']
const ARTICLE_ID = /^[0-9a-f]{16}$/
const ROUGH_DATES: ReadonlySet<unknown> = new Set<DateSource>(['image-path', 'sequence'])

/**
 * One line of `jianting articles --json` (the interchange shape) → a draft whose text is
 * already clean. Validates the fields the contract requires and says which one is wrong.
 */
export function parseJsonlArticle({ text, locator }: FormatInput): Outcome<Draft> {
  let obj: Record<string, any>
  try {
    obj = JSON.parse(text)
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e
    return fail('format/bad-json', 'format', `jsonl: not valid JSON (${e.message})`, locator)
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return fail('format/bad-json', 'format', 'jsonl: line is not a JSON object', locator)
  if (typeof obj.title !== 'string' || !obj.title.trim()) return fail('format/missing-title', 'format', 'jsonl: "title" is missing or not a string', locator)
  if (typeof obj.text !== 'string') return fail('format/no-body', 'format', 'jsonl: "text" is missing or not a string', locator)
  const outlet = typeof obj.outlet === 'object' && obj.outlet ? obj.outlet : { id: obj.outlet, name: obj.outlet }
  const images: Image[] = Array.isArray(obj.images)
    ? obj.images.filter((i: any) => i && typeof i.src === 'string').map((i: any) => (typeof i.caption === 'string' ? { src: i.src, caption: i.caption } : { src: i.src }))
    : []
  return ok({
    format: 'jsonl',
    title: obj.title.trim(),
    html: '',
    // A date the exporting archive had only roughly (a picture's upload folder, or estimated from
    // the site's numbering) stays rough: it may be moved, and it makes no article a preview.
    dateHints: typeof obj.publishedAt === 'string' ? [{ value: obj.publishedAt, source: ROUGH_DATES.has(obj.dateSource) ? obj.dateSource : 'jsonl' }] : [],
    outletHints: typeof outlet.name === 'string' ? [{ kind: 'jsonl', value: outlet.name }] : [],
    author: typeof obj.author === 'string' ? obj.author : undefined,
    url: typeof obj.url === 'string' ? obj.url : undefined,
    section: typeof obj.section === 'string' ? obj.section : undefined,
    repost: obj.via?.outlet ? { archive: obj.via.url ?? obj.via.outlet } : undefined,
    preset: {
      text: obj.text,
      images,
      outletId: typeof outlet.id === 'string' ? outlet.id : undefined,
      outletName: typeof outlet.name === 'string' ? outlet.name : undefined,
      lang: LANGS.includes(obj.lang) ? obj.lang : undefined,
      // The id jianting gave it (16 hex digits): ids cited from an export stay valid after a re-import.
      id: typeof obj.id === 'string' && ARTICLE_ID.test(obj.id) ? obj.id : undefined,
    },
  })
}
