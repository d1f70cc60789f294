import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { compileYaml, shippedYaml } from '../shipped/yaml.js'
import { foldText } from '../normalize/fold.js'
import { idfOf } from './keywords.js'
import { tagWords } from './tag.js'
import { zoneTableOf } from './zones.js'

export type EntityType = 'person' | 'place' | 'org' | 'work' | 'event' | 'other'

export interface EntityDef {
  readonly id: string
  readonly type: EntityType
  readonly name: string
  readonly aliases: readonly string[]
  /** Names that stand for the entity in reporting without being it (伦敦 for the British government). */
  readonly metonyms?: readonly string[]
}

export interface EntityMention {
  /** Canonical key: the table id, or for entities found by rules their folded short name. */
  readonly id: string
  readonly name: string
  readonly type: EntityType
  readonly surface: string
  /** Offset of the mention in the folded text it was found in. */
  readonly at: number
}

const TYPES = new Set<EntityType>(['person', 'place', 'org', 'work', 'event', 'other'])
const HAN = /\p{Script=Han}/u

/**
 * The editable alias table plus what rules learn: names are keyed by their folded form, so a
 * Traditional spelling meets its Simplified entry, and 普丁 / Putin / 弗拉基米尔·普京 meet 普京.
 */
export class EntityTable {
  private readonly byName = new Map<string, EntityDef>()
  // Names grouped by their first code unit, longest first, for a left-to-right longest match.
  // Keyed by code rather than by one-character string: reading folded[i] of Chinese text
  // makes a new string at every position, which was most of the cost of the scan.
  private readonly byFirst = new Map<number, string[]>()
  // 1 where a code unit starts some name: most positions of a text are passed by this alone.
  private readonly starts = new Uint8Array(0x10000)
  // 1 where a code unit is a name by itself, and at a hash of the first two code units of each
  // longer name: a start of a name (a Latin letter above all) is most often passed by these
  // rather than by comparing the names that start with it. A hash shared by two pairs only
  // sends a position on to those comparisons.
  private readonly singles = new Uint8Array(0x10000)
  private readonly pairs = new Uint8Array(PAIR_SLOTS)

  // Kept apart from names: 伦敦 is a city wherever it is found, and only a claim's wording
  // treats it as the government it stands for.
  private readonly byMetonym = new Map<string, EntityDef>()

  constructor(defs: readonly EntityDef[]) {
    for (const d of defs) for (const n of [d.name, ...d.aliases]) this.addName(n, d)
    for (const d of defs) for (const n of d.metonyms ?? []) if (!this.byMetonym.has(keyOf(n))) this.byMetonym.set(keyOf(n), d)
  }

  /** The entity a word of folded text stands for by metonymy (伦敦 → 英国), if the table says so. */
  standsFor(foldedWord: string): EntityDef | undefined {
    // Looked up as it is: it comes from folded text, and folding every word of an event again
    // cost more than the rest of preparing its claim units.
    return this.byMetonym.get(foldedWord)
  }

  private addName(name: string, def: EntityDef): void {
    const key = keyOf(name)
    if (!key || this.byName.has(key)) return
    this.byName.set(key, def)
    const first = key.charCodeAt(0)
    const list = this.byFirst.get(first) ?? []
    list.push(key)
    list.sort((a, b) => b.length - a.length)
    this.byFirst.set(first, list)
    this.starts[first] = 1
    if (key.length === 1) this.singles[first] = 1
    else this.pairs[pairSlot(first, key.charCodeAt(1))] = 1
  }

  resolve(surface: string): EntityDef | undefined {
    // Memoised: the same surfaces recur in every text, and keying one folds it.
    let def = this.resolved.get(surface)
    if (def === undefined && !this.resolved.has(surface)) {
      def = this.byName.get(keyOf(surface))
      if (this.resolved.size >= RESOLVED_MEMO_MAX) this.resolved.clear()
      this.resolved.set(surface, def)
    }
    return def
  }
  private readonly resolved = new Map<string, EntityDef | undefined>()

  /** Longest table name starting at `i` of folded text, respecting word edges for Latin names. */
  matchAt(folded: string, i: number): string | undefined {
    const code = folded.charCodeAt(i)
    if (!this.starts[code]) return undefined
    const next = folded.charCodeAt(i + 1) // NaN past the end: no pair, a single may still match
    if (!this.singles[code] && !this.pairs[pairSlot(code, next)]) return undefined
    const list = this.byFirst.get(code)
    if (!list) return undefined
    for (const name of list) {
      if ((name.length > 1 && name.charCodeAt(1) !== next) || !folded.startsWith(name, i)) continue
      if (/[A-Za-z]/.test(name[0]) && (/[A-Za-z]/.test(folded[i - 1] ?? '') || /[A-Za-z]/.test(folded[i + name.length] ?? ''))) continue
      return name
    }
    return undefined
  }

  get size(): number {
    return this.byName.size
  }
}

const RESOLVED_MEMO_MAX = 50_000
const PAIR_SLOTS = 1 << 16
const pairSlot = (first: number, second: number) => ((first * 31) ^ second) & (PAIR_SLOTS - 1)
// A work's name is matched with or without its title marks (《新削减战略武器条约》 is often
// written bare), except a short one: 《蘋果》 is Apple Daily, 苹果 is the fruit or the company.
const SHORT_TITLE = /^《[^《》]{1,3}》$/u
const keyOf = (name: string) => {
  const folded = foldText(name).trim()
  return SHORT_TITLE.test(folded) ? folded : folded.replace(/[《》\s]/g, (c) => (c.trim() ? '' : ' ')).trim()
}

/** `data`: the text's plain data when already known (`shippedYaml`). */
export function parseEntityTable(yamlText: string, sourceName: string, data: unknown = parse(yamlText)): EntityTable {
  if (!Array.isArray(data)) throw new Error(`${sourceName}: expected a list of entities`)
  const defs = data.map((e: Record<string, unknown>, i): EntityDef => {
    const where = `${sourceName}: entry ${i + 1}`
    if (typeof e?.id !== 'string' || typeof e.name !== 'string') throw new Error(`${where}: needs an id and a name`)
    if (!TYPES.has(e.type as EntityType)) throw new Error(`${where} (${e.id}): type must be one of ${[...TYPES].join(', ')}`)
    const aliases = Array.isArray(e.aliases) ? e.aliases.map(String) : []
    const metonyms = Array.isArray(e.metonyms) ? e.metonyms.map(String) : []
    return { id: e.id, type: e.type as EntityType, name: e.name.replace(/[《》]/g, ''), aliases, ...(metonyms.length ? { metonyms } : {}) }
  })
  return new EntityTable(defs)
}

const SHIPPED = [new URL('./entities.yaml', import.meta.url), new URL('../../../src/analyze/entities.yaml', import.meta.url)]
let shipped: EntityTable | undefined

/** The shipped entity table (parsed once), or the one at `path`. */
export function loadEntityTable(path?: string): EntityTable {
  if (path) return parseEntityTable(readFileSync(path, 'utf8'), path)
  if (!shipped) {
    const text = shippedText()
    shipped = parseEntityTable(text, 'entities.yaml', shippedYaml('entities', text))
  }
  return shipped
}

function shippedText(): string {
  const url = SHIPPED.find((u) => existsSync(fileURLToPath(u)))
  if (!url) throw new Error(`entities.yaml not found; looked in ${SHIPPED.map((u) => fileURLToPath(u)).join(' and ')}`)
  return readFileSync(url, 'utf8')
}

/** Validates the shipped entities.yaml and saves its data for every later process (`npm run build`). */
export function compileEntityTable(dir?: string): void {
  const text = shippedText()
  const data = parse(text) as unknown
  parseEntityTable(text, 'entities.yaml', data) // a table that does not validate fails the build
  zoneTableOf(data) // …nor one whose places name a zone that is not one
  compileYaml('entities', text, data, dir)
}

// Rules for names the table does not know.
// The middle dots that join the parts of a transliterated name (one class for every rule below).
const DOT_CLASS = '[·•・‧∙]'
const DOT = new RegExp(DOT_CLASS, 'u')
/**
 * A transliterated foreign name: Han (or initial) segments joined by a middle dot. The pattern's
 * source, not a shared global regex whose lastIndex would leak between callers.
 */
export const DOTTED_SOURCE = `(?:[\\p{Script=Han}]{1,6}|[A-Z]\\.?)(?:${DOT_CLASS}(?:[\\p{Script=Han}]{1,8}|[A-Z]\\.?))+`
// A run's first dot is at most 6 Han characters (12 code units, outside the BMP) in.
const MAX_BEFORE_DOT = 12

/**
 * The matches of DOTTED_SOURCE run over the whole text, but the regex is started only near a
 * dot: tried at every position of a text (most of which hold no dot), it cost as much as the
 * rest of finding entities. A match's first dot is within MAX_BEFORE_DOT of its start, so no match
 * begins earlier than that before the next dot.
 */
export function* dottedRuns(folded: string): Generator<RegExpExecArray> {
  const re = new RegExp(DOTTED_SOURCE, 'gu')
  const dots = new RegExp(DOT_CLASS, 'gu')
  for (let from = 0; ; ) {
    dots.lastIndex = from
    const dot = dots.exec(folded)
    if (!dot) return
    re.lastIndex = Math.max(from, dot.index - MAX_BEFORE_DOT)
    const m = re.exec(folded)
    if (!m) return
    yield m
    from = m.index + m[0].length
  }
}
// A title or role, then a 2–3 character Chinese name. The name must end before a word that
// usually follows a name in reporting (说, 表示, 在, 的…) so 研究员张弘在接受 gives 张弘.
const ROLE =
  '总统|副总统|总理|首相|主席|外长|外交部长|外交大臣|大臣|国务卿|部长|副部长|秘书长|发言人|大使|议员|参议员|众议员|州长|市长|研究员|教授|学者|记者|主任|主编|助理|顾问|总书记|委员|法官|律师|将军|司令|特使|主持人|董事长|总裁|局长|厅长|书记|院长|校长|社长|总编辑'
const AFTER_NAME = '说|表示|称|指出|强调|认为|介绍|透露|告诉|解释|提到|提及|在|的|等|也|则|还|就|对|向|与|和|及|曾|已|于|接受|发表|回应|坦言|[，,。：:（(“\\s]'
const ROLE_NAME = new RegExp(`(?:${ROLE})([\\p{Script=Han}]{2,3}?)(?=${AFTER_NAME})`, 'gu')
// A Chinese name directly followed by its English form in brackets: 安东诺夫（Anatoly Antonov）.
const WITH_ENGLISH = /([\p{Script=Han}·]{2,12})[（(]([A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3})[）)]/gu
const WORK = /《([^《》\n]{1,40})》/g
// Words a role pattern can capture that are not names.
const NOT_NAMES = new Set(['先生', '女士', '本人', '他们', '我们', '一行', '一职'])
// Characters a name does not start with: the rules' captures that begin so are grammar.
// 们 makes the role plural (议员们还在敦促): no name follows it.
const NOT_NAME_START = new Set([...'的在和与是将也就对向于被为以及等已曾从把让会上下中前后时们还则又并再便却都亦更仍才给跟'])
// A capture that holds a reporting verb, a pronoun or an adverb at its end is the end of a
// title and what follows it (总统还说, 大使馆表示, 大使馆还指出, 大律师力称, 秘书长给他说; 局长雷说
// holds a one-character name the rule cannot take), not a name.
const SPEECH_IN_NAME = /说|表示|补充|提到|指出|强调|透露|认为|写道|告诉|[称指]$|[他她我你您它]|[还则又也就都亦再才却便仍]$/u
// Transliterated names end before reporting verbs and grammar: 里亚布科夫说 → 里亚布科夫.
const NAME_END = /(说|表示|称|指出|强调|认为|介绍|透露|告诉|解释|回应|坦言|写道|将|在|的|于|和|与|及|也|则|还|就|对|向|是|为|被|曾|已|等|周[一二三四五六日天]|星期|同意|返回|表|发|[,，。：:])/u

/**
 * Is a captured run of 2–3 characters plausibly a name the dictionary does not know? Common
 * words (采访, 以来, 会上) have a low IDF in jieba's table; names are absent from it.
 */
function plausibleName(s: string): boolean {
  if (NOT_NAMES.has(s) || NOT_NAME_START.has(s[0]) || SPEECH_IN_NAME.test(s)) return false
  // Memoised: the same few thousand captures recur, and tagging one is a native call.
  let plausible = plausibleMemo.get(s)
  if (plausible === undefined) {
    plausible = plausibleUnknown(s)
    if (plausibleMemo.size >= PLAUSIBLE_MEMO_MAX) plausibleMemo.clear()
    plausibleMemo.set(s, plausible)
  }
  return plausible
}
const PLAUSIBLE_MEMO_MAX = 100_000
const plausibleMemo = new Map<string, boolean>()

function plausibleUnknown(s: string): boolean {
  if (idfOf(s) >= 11 && idfOf(s.slice(0, 2)) >= 11) return true
  // A name whose first two characters are a word (刘晓明: 刘晓) passes if jieba knows it as a
  // person's name, whole.
  const tagged = tagWords(s)
  return tagged.length === 1 && tagged[0].tag === 'nr'
}

/** Is the title run with the next character one dictionary word that is not a name (大使馆, 记者会)? */
function extendsTitle(s: string): boolean {
  const words = tagWords(s)
  return words.length === 1 && words[0].word === s && !/^(n[rstz]|x)/.test(words[0].tag)
}

// What ends the text before a name: a title or role (总统), or grammar (和, 的).
const BEFORE_NAME = new RegExp(`(?:${ROLE}|[和与及的在是将对向为被同跟了、，,])$`, 'u')

/**
 * The dotted names in a run the DOTTED rule matched. A run can hold two names and the words
 * between them (俄罗斯总统弗拉基米尔·普京和美国总统乔·拜登 matches from 统弗拉基米尔 to 拜登): a
 * middle segment that goes on after a name (普京和美国总统乔) ends one name and starts the next,
 * and the first segment loses what belongs to the words before it (统 of 总统).
 */
function dottedNames(folded: string, at: number, run: string): Array<{ at: number; surface: string; last: string }> {
  const segments = run.split(DOT)
  const dots = [...run.matchAll(new RegExp(DOT_CLASS, 'gu'))].map((d) => d[0])
  const out: Array<{ at: number; surface: string; last: string }> = []
  // The first segment of the current name: trimmed after the last title or grammar word in it.
  const opening = (segStart: number, seg: string) => {
    for (let k = seg.length - 1; k >= 1; k--) if (BEFORE_NAME.test(folded.slice(Math.max(0, segStart - 6), segStart + k))) return trimmedStart(segStart + k, seg.slice(k))
    return trimmedStart(segStart, seg)
  }
  const trimmedStart = (start: number, text: string) => {
    const k = nameStart(text)
    return { start: start + k, text: text.slice(k) }
  }
  let pos = at
  let name = opening(pos, segments[0])
  let surface = name.text
  let start = name.start
  pos += segments[0].length
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i]
    pos += dots[i - 1].length
    const cut = NAME_END.exec(seg.slice(1))
    if (i === segments.length - 1 || !cut) {
      if (i < segments.length - 1) {
        surface += dots[i - 1] + seg
        pos += seg.length
        continue
      }
      const last = lastSegment(seg, folded.slice(pos + seg.length, pos + seg.length + GLUE_CONTEXT))
      out.push({ at: start, surface: surface + dots[i - 1] + last, last })
      break
    }
    // The name ends inside this segment; the rest of it opens the next name.
    const cutAt = cut.index + 1
    const last = withoutGluedWord(seg.slice(0, cutAt), seg.slice(cutAt))
    out.push({ at: start, surface: surface + dots[i - 1] + last, last })
    const restStart = pos + cutAt
    name = opening(restStart, seg.slice(cutAt))
    surface = name.text
    start = name.start
    pos += seg.length
  }
  return out
}

/**
 * The last segment of a dotted name, cut where the sentence goes on after the name. `after`:
 * the text that follows the segment (a word of the sentence may start inside the segment and
 * end past it: 林德尔|声称).
 */
function lastSegment(dotted: string, after = ''): string {
  const last = dotted.split(DOT).pop()!
  const cut = NAME_END.exec(last.slice(1))
  const name = nameEnd(cut ? last.slice(0, cut.index + 1) : last)
  return withoutGluedWord(name, last.slice(name.length) + after).replace(TRAILING_GRAMMAR, (g, k: number) => (k >= 2 ? '' : g))
}
// Enough of what follows a name for the longest common word that can start inside it (不容分说).
const GLUE_CONTEXT = 3
// 都 and 时 after a name are grammar (彭培奥都表示, 滕伯格时), never its end; only at the end of
// the segment (阿不都热衣木 keeps its 都).
const TRAILING_GRAMMAR = /[都时]$/u

/**
 * A transliterated name without the common word the sentence goes on with, which jieba's model
 * glued to it or which starts inside it: 博勒证实, 斯托尔滕贝格警告, 约翰逊自豪(地说), 弗利特出现,
 * 林德尔声(称), 格林以(及). The name is cut where jieba, given the words after it, starts a
 * dictionary word of two characters or more that is not a name (no person, place or
 * organisation tag, not an unknown word) and is common (IDF below COMMON_WORD_IDF): the verbs
 * and conjunctions of reporting. The transliterations' own pieces are names or rarer (贝格,
 * 马丁, 卡尔 are tagged names). (A dotted name's last part may be one character: 克里斯托弗·雷|回答.)
 */
function withoutGluedWord(segment: string, after: string): string {
  if (segment.length < 2) return segment
  const text = segment + after
  // A word the name's end was first cut before (认为 of 卢默认为) is not cut through: 默认 there
  // is the name's last character read with the verb's first.
  const verbEnd = segment.length + (NAME_END_AT_START.exec(after)?.[0].length ?? 0)
  let at = 0
  for (const w of tagWords(text)) {
    const k = text.indexOf(w.word, at)
    if (k < 0 || k >= segment.length) break
    at = k + w.word.length
    // A word across the name's end that is an adverb is the name's last character read with the
    // grammar after it (弗利特|在 as 特在, 拜登|时 as 登时), not a word glued to the name.
    // 盖茨|基金会, 科赫|研究所, 迪士尼|公司: a body named after a person, not the person.
    if (k >= 1 && BODY_NOUN.test(w.word)) return segment
    const across = at > segment.length
    if (k >= 1 && isCommonWord(w) && !(across && (w.tag.startsWith('d') || at < verbEnd))) return segment.slice(0, k)
  }
  return segment
}
const COMMON_WORD_IDF = 11
const BODY_NOUN = /^(公司|基金会|基金|研究所|研究院|研究中心|协会|学会|酒店|医院|大学|学院|中心|集团|事务所|律师事务|号)$/u
const NAME_END_AT_START = new RegExp(`^(?:${NAME_END.source})`, 'u')
const isCommonWord = (w: { word: string; tag: string }) => w.word.length >= 2 && /^\p{Script=Han}+$/u.test(w.word) && !/^(n[rstz]|x|eng|m)/.test(w.tag) && idfOf(w.word) < COMMON_WORD_IDF

/**
 * A name's last segment without what follows it in the sentence that NAME_END does not list:
 * a title (福奇博士, 史密斯爵士), or the sentence going on (斯诺登出逃香港, 奥威尔没有到过中,
 * 林德尔宣布召开重), told by jieba's parts of speech. Only past the first word, and only at a verb,
 * adverb, numeral and the like of two characters or more, or a one-character preposition,
 * conjunction, particle or pronoun (给, 并, 之, 她): a transliteration's own characters are often
 * one-character verbs to jieba (斯诺|登, 塞|林). (Written here: no library trims a Chinese name.)
 */
function nameEnd(segment: string): string {
  if (segment.length < 4) return segment
  let at = 0
  for (const [i, w] of tagWords(segment).entries()) {
    const k = segment.indexOf(w.word, at)
    if (k < 0) return segment
    if (i > 0 && (TITLE_AFTER_NAME.test(w.word) || notName(w))) return segment.slice(0, k)
    at = k + w.word.length
  }
  return segment
}

/**
 * The first segment of a dotted name without the words before it that BEFORE_NAME does not
 * list (所以说南希, 这个让南希, 高级雇员乔治, 于于罗伯特): what follows the last word that is no part of a
 * name, as in `nameEnd`, or a noun (a role: 雇员, 党魁) that jieba does not tag as a name, or a
 * one-character verb or adverb before a name jieba knows.
 */
function nameStart(segment: string): number {
  if (segment.length < 3) return 0
  let at = 0
  let start = 0
  let before: { word: string; tag: string } | undefined
  for (const w of tagWords(segment)) {
    const k = segment.indexOf(w.word, at)
    if (k < 0) return 0
    at = k + w.word.length
    if (at < segment.length && (notName(w) || (w.word.length >= 2 && /^(n(?![rsz])|vn|j)/.test(w.tag)))) start = at
    // A one-character verb or adverb right before a name jieba knows (说南希, 让南希).
    else if (before && before.word.length === 1 && /^[vd]/.test(before.tag) && /^nr/.test(w.tag) && w.word.length >= 2) start = k
    before = w
  }
  return start
}

const notName = (w: { word: string; tag: string }) => (w.word.length >= 2 && /^(v|d|p|c|u|r|f|m|q|t|a|y|e|o|z)/.test(w.tag)) || /^(p|c|u|r)/.test(w.tag)
const TITLE_AFTER_NAME = new RegExp(`^(?:${ROLE}|博士|先生|女士|小姐|夫人|爵士|阁下|牧师|神父|医生|法官|律师|领导|下属)$`, 'u')

/**
 * Entities in folded text: table names first (longest match), then what the rules find.
 * Rule-found people are keyed by their last dotted segment (弗拉基米尔·普京 → 普京), which is
 * how Chinese reporting names them after the first mention.
 */
export function findEntities(folded: string, table: EntityTable = loadEntityTable()): EntityMention[] {
  const found: EntityMention[] = []
  const taken = new Uint8Array(folded.length)
  const take = (at: number, len: number) => taken.fill(1, at, at + len)
  const free = (at: number, len: number) => {
    for (let k = at; k < at + len; k++) if (taken[k]) return false
    return true
  }
  const push = (def: EntityDef | undefined, surface: string, at: number, type: EntityType, key?: string) => {
    if (!free(at, surface.length)) return
    take(at, surface.length)
    found.push(def ? { id: def.id, name: def.name, type: def.type, surface, at } : { id: key ?? surface, name: key ?? surface, type, surface, at })
  }
  // Titles first: a dotted name inside 《》 names a work (《安德鲁·马尔秀》, a programme), not a person.
  for (const m of folded.matchAll(WORK)) {
    const def = table.resolve(m[0]) ?? table.resolve(m[1])
    push(def, m[0], m.index!, 'work', m[1])
  }
  for (const m of dottedRuns(folded)) {
    for (const { at, surface, last } of dottedNames(folded, m.index!, m[0])) {
      if (!HAN.test(surface)) continue
      const def = resolveDotted(surface, table) ?? (last.length >= 2 ? table.resolve(last) : undefined)
      push(def, surface, at, 'person', last.length >= 2 ? last : surface)
    }
  }
  for (let i = 0; i < folded.length; i++) {
    if (taken[i]) continue
    const name = table.matchAt(folded, i)
    if (!name) continue
    push(table.resolve(name), name, i, 'other')
    i += name.length - 1
  }
  for (const m of folded.matchAll(ROLE_NAME)) {
    const name = m[1]
    if (!plausibleName(name)) continue
    const at = m.index! + m[0].length - name.length
    // The title and the capture's first character make one word (大使|馆, 记者|会, 主席|团):
    // no title stands there, so no name follows one.
    if (extendsTitle(folded.slice(m.index!, at + 1))) continue
    push(table.resolve(name), name, at, 'person', name)
  }
  // A person the rules found once (研究员张弘) is the same person where the text names them
  // again without the title (张弘称).
  const learned = new Map<string, EntityMention>()
  for (const m of found) if (m.type === 'person' && m.id === m.name && m.name.length >= 2 && HAN.test(m.name)) learned.set(m.name, m)
  for (const [name, m] of learned) {
    for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + name.length)) {
      if (free(at, name.length)) push(undefined, name, at, m.type, m.id)
    }
  }
  return found.sort((a, b) => a.at - b.at)
}

/** A dotted name the table knows, allowing for words glued before it (驻俄大使约翰·沙利文). */
function resolveDotted(surface: string, table: EntityTable): EntityDef | undefined {
  const dot = surface.search(DOT)
  for (let k = dot; k >= 1; k--) {
    const def = table.resolve(surface.slice(dot - k))
    if (def) return def
  }
  return undefined
}

/**
 * Aliases an article teaches: a name followed by its English form (安东诺夫（Anatoly Antonov）)
 * and a dotted full name standing for its last part. Used to merge mentions across outlets
 * that wrote the name differently.
 */
export function learnAliases(folded: string): Array<[alias: string, name: string]> {
  const pairs: Array<[string, string]> = []
  for (const m of folded.matchAll(WITH_ENGLISH)) {
    const zh = m[1].split(DOT).pop()!
    if (zh.length >= 2) pairs.push([m[2], zh])
  }
  return pairs
}

/** Entities counted over a text, by canonical id, with one display name each. */
export function entityCounts(mentions: readonly EntityMention[]): Map<string, { name: string; type: EntityType; count: number }> {
  const out = new Map<string, { name: string; type: EntityType; count: number }>()
  for (const m of mentions) {
    const e = out.get(m.id)
    if (e) e.count++
    else out.set(m.id, { name: m.name, type: m.type, count: 1 })
  }
  return out
}
