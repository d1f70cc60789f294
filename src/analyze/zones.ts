import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { foldText } from '../normalize/fold.js'
import { shippedYaml } from '../shipped/yaml.js'
import type { EntityMention } from './entities.js'

/**
 * Where an incident happened, as far as its time zone goes. The places are the entity table's
 * (src/analyze/entities.yaml): a place entry with a `zone` (an IANA name, so that summer time
 * is kept: Geneva is UTC+1 in winter, +2 in summer) gives it to its name, aliases and metonyms
 * (北京 for 中国, 华盛顿 for 美国), and to the places listed `within` it (上海, 广州, 台北…), which
 * are not entities of their own: named, they say where, nothing more.
 *
 * Tiers: a country with places listed within it spans too much of the map, or is named as an
 * actor too often (美国宣布, 中方回应), to say where as much as a city does; it weighs half.
 */
export interface ZoneTable {
  /** The zone of an entity the table holds (its id), if it has one. */
  readonly ofEntity: ReadonlyMap<string, ZonePlace>
  /** Names read as plain text (metonyms, places within): folded, longest first. */
  readonly names: ReadonlyArray<readonly [name: string, place: ZonePlace]>
  /** Any name (entity names and aliases too), folded: for a zone a time is told in (北京时间). */
  readonly byName: ReadonlyMap<string, ZonePlace>
}

export interface ZonePlace {
  readonly zone: string
  /**
   * How much naming it says of where, before its context is read: a country that has places listed
   * within it, and a metonym (华盛顿, 北京 for the governments), are named as actors as often as
   * places: 0.5; a city or region: 1.
   */
  readonly weight: number
}

/** A place a text names, weighed: a venue (在日内瓦举行) or a dateline (伦敦——, 路透北京7月21日) says where: 2. */
export interface NamedPlace {
  readonly zone: string
  readonly weight: number
}

// Zones named by words that are not places: 美东时间, 美国西部时间, 格林尼治时间.
const ZONE_WORDS: Record<string, string> = {
  美东: 'America/New_York',
  美国东部: 'America/New_York',
  美西: 'America/Los_Angeles',
  美国西部: 'America/Los_Angeles',
  美国太平洋: 'America/Los_Angeles',
  太平洋: 'America/Los_Angeles',
  格林尼治: 'UTC',
  格林威治: 'UTC',
  格林尼治标准: 'UTC',
  格林威治标准: 'UTC',
  世界标准: 'UTC',
  协调世界: 'UTC',
}

const SHIPPED = [new URL('./entities.yaml', import.meta.url), new URL('../../../src/analyze/entities.yaml', import.meta.url)]
let shipped: ZoneTable | undefined

/**
 * The zones of the shipped entity table's places (its data read once a process, as the entity
 * table's, `shippedYaml`), or of the table in `yamlText`.
 */
export function loadZoneTable(yamlText?: string): ZoneTable {
  if (yamlText !== undefined) return zoneTableOf(parse(yamlText))
  if (!shipped) {
    const url = SHIPPED.find((u) => existsSync(fileURLToPath(u)))
    if (!url) throw new Error(`entities.yaml not found; looked in ${SHIPPED.map((u) => fileURLToPath(u)).join(' and ')}`)
    shipped = zoneTableOf(shippedYaml('entities', readFileSync(url, 'utf8')))
  }
  return shipped
}

/** The zone table of the entity table's plain data; throws on a zone that is not one (the build validates it: `compileEntityTable`). */
export function zoneTableOf(data: unknown): ZoneTable {
  const ofEntity = new Map<string, ZonePlace>()
  const names = new Map<string, ZonePlace>()
  const byName = new Map<string, ZonePlace>()
  for (const [word, zone] of Object.entries(ZONE_WORDS)) byName.set(word, { zone, weight: 1 })
  for (const e of Array.isArray(data) ? (data as Array<Record<string, unknown>>) : []) {
    if (e?.type !== 'place' || typeof e.zone !== 'string' || typeof e.id !== 'string') continue
    if (!isZone(e.zone)) throw new Error(`entities.yaml (${e.id}): zone ${e.zone} is not a time zone (an IANA name such as Asia/Shanghai)`)
    // A place within is its name, or `{ name: zone }` where its zone is not the entry's (休斯敦 in 美国).
    const within: Array<[string, string]> = (Array.isArray(e.within) ? (e.within as unknown[]) : []).flatMap((w): Array<[string, string]> =>
      w && typeof w === 'object' ? Object.entries(w as Record<string, unknown>).map(([n, z]) => [n, String(z)]) : [[String(w), e.zone as string]],
    )
    for (const [n, z] of within) if (!isZone(z)) throw new Error(`entities.yaml (${e.id}, ${n}): zone ${z} is not a time zone (an IANA name such as Asia/Shanghai)`)
    const own: ZonePlace = { zone: e.zone, weight: within.length > 0 ? 0.5 : 1 }
    ofEntity.set(e.id, own)
    for (const n of [e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])].map((x) => foldText(String(x)))) if (!byName.has(n)) byName.set(n, own)
    const others: Array<[string, ZonePlace]> = [
      ...(Array.isArray(e.metonyms) ? e.metonyms.map((m): [string, ZonePlace] => [String(m), { zone: e.zone as string, weight: 0.5 }]) : []),
      ...within.map(([n, zone]): [string, ZonePlace] => [n, { zone, weight: 1 }]),
    ]
    for (const [name, place] of others) {
      const n = foldText(name)
      if (!names.has(n)) names.set(n, place)
      if (!byName.has(n)) byName.set(n, place)
    }
  }
  return { ofEntity, names: [...names].sort((a, b) => b[0].length - a[0].length), byName }
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

// A place's name that is part of another name: 华盛顿邮报, 纽约时报, 北京大学 is in Beijing but
// 《华盛顿邮报》 reports from anywhere.
const NAME_GOES_ON = /^(?:邮报|时报|日报|晚报|晨报|早报|论坛报|新闻|电视|之音|州)/u

/**
 * The places a folded text names that have a zone (a venue weighs more only where `venues`: in the
 * sentence that tells the incident, not in one that recalls 10年前…在莫斯科): the entity mentions of zoned places, then
 * the table's other names (metonyms, places within) in what is left once every entity mention
 * and every 《title》 is blanked (今日俄罗斯, 武汉肺炎 and 《华盛顿邮报》 say nothing of where).
 */
export function placesNamed(folded: string, mentions: readonly EntityMention[], venues = true, table: ZoneTable = loadZoneTable()): NamedPlace[] {
  const out: NamedPlace[] = []
  const named = (place: ZonePlace, at: number, length: number) => {
    if (NAME_GOES_ON.test(folded.slice(at + length))) return
    // (在美国西部时间7月23日 is when, not where.)
    const when = TIME_AFTER.test(folded.slice(at + length))
    const where = !when && ((venues && VENUE_BEFORE.test(folded.slice(Math.max(0, at - 3), at))) || (DATELINE_BEFORE.test(folded.slice(0, at)) && DATELINE_AFTER.test(folded.slice(at + length))))
    out.push({ zone: place.zone, weight: where ? 2 : place.weight })
  }
  let rest = folded.replace(/《[^》]{0,40}》/gu, (t) => ' '.repeat(t.length))
  for (const m of mentions) {
    const place = m.type === 'place' ? table.ofEntity.get(m.id) : undefined
    if (place) named(place, m.at, m.surface.length)
    rest = rest.slice(0, m.at) + ' '.repeat(m.surface.length) + rest.slice(m.at + m.surface.length)
  }
  for (const [name, place] of table.names) {
    for (let at = rest.indexOf(name); at >= 0; at = rest.indexOf(name, at + name.length)) {
      named(place, at, name.length)
      rest = rest.slice(0, at) + ' '.repeat(name.length) + rest.slice(at + name.length)
    }
  }
  return out
}

// Where it happened: 在日内瓦举行, 于北京, 抵达莫斯科.
// (Not 关于, 对于, 由于…, nor 现在, 正在, 存在.)
const VENUE_BEFORE = /(?:(?<![现正实存所好自])在|(?<![关对由至等属基出归终鉴善过用限忠利敢勇急易在])于|赴|抵达|抵|前往|飞往|来到|到访|造访|访问)$/u
const TIME_AFTER = /^\p{Script=Han}{0,4}时间/u
// A dateline opens the lead: the place first, or after a wire's name (路透北京7月21日, 新华社日内瓦6月16日电,
// 【大纪元…】 is the outlet's own), then a dash or the date.
const DATELINE_BEFORE = /^[\s【\[（(]*(?:\p{Script=Han}{0,4}(?:社|路透|彭博|中央社|本报|本台)(?:记者\p{Script=Han}{0,4})?)?$/u
const DATELINE_AFTER = /^\s*(?:——|—|-|－|\d|[一二三四五六七八九十]{1,3}月|[，,]?\s*\d{1,2}月)/u

// 北京时间, 美东时间, 日内瓦当地时间, 伦敦时间：right before a date or an hour.
const QUALIFIER = /(\p{Script=Han}{0,8}?)(?:当地)?时间[\s:：]*$/u

/** The zone a time is told in, by the words right before it (`before`: folded text): 北京时间 → Asia/Shanghai. */
export function zoneQualifier(before: string, table: ZoneTable = loadZoneTable()): string | undefined {
  const run = before.match(QUALIFIER)?.[1]
  if (!run) return undefined
  // The longest place name the words end with (美国西部 before 西部).
  for (let k = 0; k + 2 <= run.length; k++) {
    const place = table.byName.get(run.slice(k))
    if (place) return place.zone
  }
  return undefined
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** The calendar day (YYYY-MM-DD) it is in `zone` at instant `ms`. */
export function dayIn(ms: number, zone: string): string {
  let f = dayFormats.get(zone)
  if (!f) dayFormats.set(zone, (f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })))
  return f.format(new Date(ms))
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>()

/** `zone`'s offset from UTC at instant `ms`, in minutes (Europe/Zurich in June: 120). */
export function offsetMinutes(zone: string, ms: number): number {
  let f = offsetFormats.get(zone)
  if (!f) offsetFormats.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })))
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]))
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute))
  return Math.round((local - Math.floor(ms / 60_000) * 60_000) / 60_000)
}
