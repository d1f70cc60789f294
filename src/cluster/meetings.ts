import { findEntities, loadEntityTable, type EntityTable } from '../analyze/entities.js'

/**
 * The summits a folded headline names, each by its parties: 美欧峰会 and 欧盟-美国峰会 →
 * `eu+usa`, G7峰会 and 七国首脑峰会 → `g7`, 北约峰会 → `nato`; a summit's joint statement or
 * communiqué names it too (G7联合公报, 北约公报, 美俄联合声明). A week of diplomacy holds several
 * summits whose reports share every word but the parties' names (新冠溯源, 台海, 拜登, 峰会,
 * 联合声明), and a summit is an event of its own: two reports naming different summits, and
 * neither the other's, report different events.
 *
 * Parties are read backwards from the word for the summit, through names of countries and
 * bodies (the entity table's, or a country's one-character form: 美, 欧, 俄) and joining marks
 * (-, 、, 与), past words such as 首脑; the first other word ends them. A summit named by its
 * people (拜登与普京峰会), its venue (日内瓦峰会) or its subject (气候峰会) has no key: only names
 * that say which summit count, so that no report loses its event to a name read wrong.
 */
export function summitKeys(foldedTitle: string, table: EntityTable = loadEntityTable()): string[] {
  const keys = new Set<string>()
  for (const m of foldedTitle.matchAll(SUMMIT)) {
    const key = partiesBefore(foldedTitle.slice(Math.max(0, m.index! - PARTIES_MAX_CHARS), m.index!), table)
    if (key) keys.add(key)
  }
  return [...keys].sort()
}

const SUMMIT = /峰会|首脑会议|领导人会议|联合声明|联合公报|公报/gu
const PARTIES_MAX_CHARS = 16
const HAN = /\p{Script=Han}/u
const JOINING = /[-－—–·・、与和及 ]$/u
const FILLER = /(首脑|领导人|元首|国家|成员国|特别|视频|线上|年度)$/u
// One-character forms of countries and unions as summits' names compound them (美欧, 中欧, 美俄).
const COUNTRY_CHARS: Record<string, string> = { 中: '中国', 美: '美国', 俄: '俄罗斯', 英: '英国', 法: '法国', 德: '德国', 日: '日本', 韩: '韩国', 欧: '欧盟', 印: '印度', 澳: '澳大利亚', 朝: '朝鲜', 加: '加拿大', 意: '意大利' }

let countries: { table: EntityTable; ids: Set<string> } | undefined
function countryIds(table: EntityTable): Set<string> {
  if (countries?.table !== table) countries = { table, ids: new Set(Object.values(COUNTRY_CHARS).map((name) => table.resolve(name)?.id ?? name)) }
  return countries.ids
}

function partiesBefore(text: string, table: EntityTable): string | undefined {
  const parties = new Set<string>()
  let rest = text
  for (;;) {
    const joined = rest.match(JOINING) ?? rest.match(FILLER)
    if (joined) {
      rest = rest.slice(0, rest.length - joined[0].length)
      continue
    }
    const last = findEntities(rest, table).at(-1)
    if (last && last.at + last.surface.length === rest.length) {
      // A summit named by its people has no key; nor one named by where it meets (日内瓦峰会 is
      // the 美俄峰会): a place is a party only when it is a country.
      if (last.type === 'person' || (last.type === 'place' && !countryIds(table).has(last.id))) return undefined
      if (last.type !== 'org' && last.type !== 'place') break
      parties.add(last.id)
      rest = rest.slice(0, last.at)
      continue
    }
    // A run of them (美欧), or one standing alone (英G7), not a word's last character (参加).
    let run = rest.length
    while (run > 0 && COUNTRY_CHARS[rest[run - 1]]) run--
    if (run === rest.length || (rest.length - run === 1 && run > 0 && HAN.test(rest[run - 1]))) break
    for (const ch of rest.slice(run)) parties.add(table.resolve(COUNTRY_CHARS[ch])?.id ?? COUNTRY_CHARS[ch])
    rest = rest.slice(0, run)
  }
  return parties.size ? [...parties].sort().join('+') : undefined
}

/**
 * Do two sets of summit keys name different summits? Yes when neither names a summit of the
 * other, a summit's parties holding the other's or held by them (英G7峰会 is the G7's summit);
 * no when either names none.
 */
export function differentSummits(a: Iterable<string>, b: Iterable<string>): boolean {
  const bs = [...b].map((k) => k.split('+'))
  let any = false
  for (const k of a) {
    any = true
    const parties = k.split('+')
    for (const other of bs) if (parties.every((p) => other.includes(p)) || other.every((p) => parties.includes(p))) return false
  }
  return any && bs.length > 0
}
