import type { Article } from '../article.js'
import { findEntities, loadEntityTable, type EntityMention, type EntityTable } from '../analyze/entities.js'
import { findFigures, type Figure } from '../analyze/figures.js'
import { parseNumber } from '../analyze/numbers.js'
import { idfOf } from '../analyze/keywords.js'
import { findQuotes, type Quote } from '../analyze/quotes.js'
import { segment } from '../analyze/segment.js'
import { soundKey } from '../analyze/variants.js'
import { tagWords } from '../analyze/tag.js'
import { splitSentences, type Sentence } from '../analyze/sentences.js'
import { gluedCredit, isFurniture, isPromotion } from './furniture.js'
import { tagOf } from './function-words.js'
import { LEAD_SENTENCES, findTimeExprs, incidentDate, type TimeExpr } from '../analyze/time-expr.js'
import { offsetMinutes, placesNamed, type NamedPlace } from '../analyze/zones.js'
import { foldText } from '../normalize/fold.js'

/** A piece of a sentence that states one thing: what claims are aligned from. */
export interface Unit {
  readonly articleId: string
  readonly sentence: Sentence
  readonly text: string // folded
  readonly words: ReadonlyMap<string, number> // content word → idf weight
  readonly entities: ReadonlySet<string>
  /** The people it names (entity ids): two units about different people make different claims. */
  readonly people: ReadonlySet<string>
  /** …and the people it names that the entity rules do not know, as jieba tells them (张剑虹, 李桂华). */
  readonly named: ReadonlySet<string>
  /**
   * Words that say what happened rather than who or where: not names (jieba's person, place,
   * organisation tags, words it does not know, Latin words) and not titles (总理, 主席). Two
   * units that share only names and titles name the same people, they do not make one claim.
   */
  readonly content: ReadonlySet<string>
  /**
   * Where each content word stands among the unit's content words (a word may stand in several
   * places), a clause break counting as a gap: two shared words that stand next to each other in
   * both units are one phrase the segmenter cut in two (社交|网站, 沉重|代价), one piece of content.
   */
  readonly slots: ReadonlyMap<string, readonly number[]>
  /**
   * The place named just before a content noun, where that thing is (成都的总领事馆, 休斯敦总领事馆),
   * as a key of `words` (a name word, or an entity's @id): the same noun with another place before
   * it is another thing (closing the consulate in Houston is not closing the one in Chengdu).
   */
  readonly owners: ReadonlyMap<string, string>
  /**
   * The quoted term each content word stands in (「串谋勾结外国或境外势力危害国家安全罪」, “战狼外交”):
   * a span in quotation marks with no clause break inside. Two units that quote one term name one
   * thing, however many words the segmenter cut it into (sharedPieces).
   */
  readonly quoted: ReadonlyMap<string, string>
  /**
   * The country or person the unit names first (entity id): in a Chinese sentence, mostly who
   * acts. 澳大利亚和加拿大已经宣布中止与香港的引渡条约 and 英国周一暂停了与香港的引渡条约 are two acts.
   */
  readonly lead?: string
  readonly norm: number
}

export interface PreparedArticle {
  readonly article: Article
  readonly sentences: readonly Sentence[]
  /** Each sentence's words (`segment` of its folded text). */
  readonly words: ReadonlyArray<readonly string[]>
  readonly units: readonly Unit[]
  readonly quotes: readonly Quote[]
  readonly figures: readonly Figure[]
  readonly times: readonly TimeExpr[]
  readonly incident?: TimeExpr
  /** The places with a time zone its headline and lead name (`eventZone`). */
  readonly places: readonly NamedPlace[]
}

// Units shorter than this say too little to align on their own; they are joined to a neighbour.
const MIN_UNIT_CHARS = 14
// A sentence long enough for two units is cut at its clauses, so that each clause can align on
// its own (英国…暂停…引渡条约，以回应…，并对香港实施武器禁运: two facts); pieces that align with
// nothing are given back as one claim (align.ts rejoinPieces), so cutting costs no readability.
const SPLIT_ABOVE_CHARS = 2 * MIN_UNIT_CHARS
// Words this common in Chinese text do not make two sentences say the same thing.
const MIN_WORD_IDF = 5
const CHAR_WEIGHT = 0.5

export function prepareArticle(article: Article, table: EntityTable = loadEntityTable()): PreparedArticle {
  const sentences = withoutCredits(splitSentences(article.text), table)
  // Each sentence's entities, found once for dates, quotes and claim units alike.
  const mentions = sentences.map((s) => findEntities(s.folded, table))
  const times = findTimeExprs(sentences, article.publishedAt, mentions)
  // …and its words, segmented once for units and the outlet's vocabulary. jieba cuts text into
  // runs at punctuation before it segments, so a clause's words are the sentence's words that
  // fall inside it.
  const words = sentences.map((s) => segment(s.folded))
  // A gallery's captions are not the report's, nor a channel's promotion. (A teaser's cut-off end,
  // …......more, is furniture on its own: the sentences before it are an archived listing's only
  // text, the report's lead.)
  const gallery = galleryParagraphs(sentences)
  for (const p of promotionParagraphs(sentences)) gallery.add(p)
  for (const p of subheadings(sentences)) gallery.add(p)
  for (const p of captionsBeforeDateline(sentences)) gallery.add(p)
  const figures = findFigures(sentences).filter((f) => !gallery.has(sentences[f.sentence].paragraph))
  const units: Unit[] = []
  sentences.forEach((s, k) => {
    if (gallery.has(s.paragraph) || isFurniture(s.folded) || han(s.folded) < 8) return
    let at = 0
    let w = 0
    let cursor = 0
    for (const piece of unitsOf(s.folded)) {
      const end = at + piece.length
      const inPiece = mentions[k].filter((m) => m.at >= at && m.at + m.surface.length <= end).map((m) => ({ ...m, at: m.at - at }))
      const pieceWords: string[] = []
      for (; w < words[k].length; w++) {
        const found = s.folded.indexOf(words[k][w], cursor)
        if (found < 0) continue // never: jieba's words are pieces of the text it was given
        if (found >= end) break
        pieceWords.push(words[k][w])
        cursor = found + words[k][w].length
      }
      // A figure's text is cut from the folded sentence, as the piece is.
      const inFigures = figures.filter((f) => f.sentence === s.n && piece.includes(f.text))
      if (!TIME_ONLY.test(piece)) units.push(makeUnit(article.id, s, piece, inPiece, pieceWords, inFigures, table))
      at = end
    }
  })
  const quotes = findQuotes(sentences, table, mentions).filter((q) => !gallery.has(sentences[q.sentence].paragraph))
  const incident = incidentDate(times, LEAD_SENTENCES, article.publishedAt)
  const title = foldText(article.title)
  const places = [
    ...placesNamed(title, findEntities(title, table)),
    ...sentences.slice(0, LEAD_SENTENCES).flatMap((s, k) => placesNamed(s.folded, mentions[k], s.n === (incident?.sentence ?? sentences[0].n))),
  ]
  return { article, sentences, words, units, quotes, figures, times, incident, places }
}

/**
 * Photo captions above a news agency's dateline: 中央社 opens a report with its photo's caption,
 * ending with the picture's source in brackets (…反對政府禁令。（圖取自Pixabay圖庫）, …布魯塞爾街頭。
 * （安納杜魯新聞社）), then the lead under its dateline (（中央社舊金山4日綜合外電報導）…). The caption
 * retells the lead in other words: listed as a claim, it is one only that outlet reports.
 */
function captionsBeforeDateline(sentences: readonly Sentence[]): number[] {
  const out: number[] = []
  sentences.forEach((s, k) => {
    const next = sentences[k + 1]
    if (!next || next.paragraph === s.paragraph || !AGENCY_DATELINE.test(next.folded)) return
    if (PICTURE_SOURCE_END.test(s.folded)) out.push(s.paragraph)
  })
  return out
}
const AGENCY_DATELINE = /^\(中央社[^()]{0,30}(电|报导|报道)\)/u
const PICTURE_SOURCE_END = /(^|[。！？!?]\s*)\([^()]{2,40}\)\s*$/u

/**
 * The sentences with a picture credit glued before a report's sentence (图片来源：台湾国防部七国集团
 * 发布公报…, `gluedCredit`) left out of it: the sentence keeps its place and number (citations
 * and the reader's view count sentences of the text as published) and is compared and cited
 * without the credit.
 */
function withoutCredits(sentences: Sentence[], table: EntityTable): Sentence[] {
  const namesAt = (rest: string): number => {
    const folded = foldText(rest)
    if (folded.length !== rest.length) return 0
    const mentions = findEntities(folded, table)
    // Names the table knows that open it, ending with an organisation (路透社|法国总统…).
    let end = 0
    let org = false
    for (const m of mentions) {
      if (m.at !== end) break
      if (m.type !== 'org' && m.type !== 'place') break
      end = m.at + m.surface.length
      org = m.type === 'org'
    }
    if (org) return end
    // …else nouns only (台湾国防部, 界面, 第一财经) up to the next name, the report's first (七国集团…).
    const next = mentions.find((m) => m.at >= 2)
    if (!next || next.at > 10) return 0
    const credit = tagWords(folded.slice(0, next.at))
    return credit.every((w) => /^(n|m$)/.test(w.tag)) && /^n/.test(credit[credit.length - 1].tag) ? next.at : 0
  }
  return sentences.map((s) => {
    if (!/(图|圖)(片|表)|照片/u.test(s.text)) return s
    const span = gluedCredit(s.text, namesAt)
    if (!span) return s
    const text = (s.text.slice(0, span[0]) + s.text.slice(span[1])).trim()
    return { ...s, text, folded: foldText(text) }
  })
}

/**
 * The paragraphs of a picture gallery set into a report (Deutsche Welle: 相关图集：南中国海周边国家
 * 军力大PK, then one paragraph per picture, "中国海军之花：中国第一艘航空母舰…"): its heading and
 * each picture's caption, a short title and a colon, up to the first paragraph that is not one.
 * Captions are not the report's claims.
 */
function galleryParagraphs(sentences: readonly Sentence[]): Set<number> {
  const out = new Set<number>()
  const firstOf = new Map<number, string>()
  for (const s of sentences) if (!firstOf.has(s.paragraph)) firstOf.set(s.paragraph, s.folded)
  let inGallery = false
  for (const [p, first] of [...firstOf].sort((a, b) => a[0] - b[0])) {
    if (GALLERY_HEAD.test(first)) inGallery = true
    else if (!inGallery || !(CAPTION_ITEM.test(first) || YEAR_CAPTION.test(first)) || SPEAKS.test(first.slice(0, first.search(/[:：]/u)))) {
      inGallery = false
      continue
    }
    out.add(p)
  }
  return out
}
/**
 * Paragraphs that are a subheading or a link to another report set into the text (对中国观感 东西有别,
 * 研究发现：中国高考配额造成公众不满, 180度转变 取消怀柔政策为哪般？): one short line that does not end
 * as a statement does. They title what follows; listed as what only this outlet reports, they read
 * as claims. Only in a report that tells in statements: a post of short lines alone is its text.
 */
function subheadings(sentences: readonly Sentence[]): Set<number> {
  const perParagraph = new Map<number, Sentence[]>()
  for (const s of sentences) perParagraph.set(s.paragraph, [...(perParagraph.get(s.paragraph) ?? []), s])
  if (sentences.filter((s) => STATEMENT_END.test(s.folded.trim())).length < MIN_STATEMENTS) return new Set()
  return new Set(
    [...perParagraph]
      .filter(([, list]) => list.length === 1 || (list.length === 2 && /^[?？]$/u.test(list[1].folded.trim())))
      .filter(([, list]) => {
        const line = list.map((s) => s.folded).join('').trim()
        return han(line) <= SUBHEADING_MAX_HAN && !STATEMENT_END.test(line) && !/[“「"]/u.test(line)
      })
      .map(([p]) => p),
  )
}
const STATEMENT_END = /[。.！!”」"』)）]$/u
const SUBHEADING_MAX_HAN = 20
const MIN_STATEMENTS = 3

/** Paragraphs that are a channel's promotion as a whole (`isPromotion`), whatever their sentences say alone. */
function promotionParagraphs(sentences: readonly Sentence[]): Set<number> {
  const text = new Map<number, string>()
  for (const s of sentences) text.set(s.paragraph, (text.get(s.paragraph) ?? '') + s.folded)
  return new Set([...text].filter(([, t]) => isPromotion(t)).map(([p]) => p))
}

const GALLERY_HEAD = /^(相关图集|图集|组图)\s*[:：]\s*\S/u
// A picture's title of a dozen characters or so and a colon, not someone speaking (发言人表示：“…”,
// 普京：“…”)…
const CAPTION_ITEM = /^[^。！？!?:：]{1,16}[:：](?!\s*[“「"])/u
// …or a year's label, whatever follows it (2017年：“国际废除核武器运动”：…, a laureates gallery).
const YEAR_CAPTION = /^\d{4}年[:：]/u
const SPEAKS = /(说|表示|称|指出|强调|宣布|认为|写道)[:：]?\s*$/u

const HAN = /\p{Script=Han}/u
/** Han characters in a string; the common block without a regular expression (this runs on every clause). */
function han(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x4e00 && c <= 0x9fff) n++
    else if (c >= 0x2e80 && HAN.test(String.fromCodePoint(s.codePointAt(i)!))) n++
    if (c >= 0xd800 && c <= 0xdbff) i++ // the rest of a character outside the BMP
  }
  return n
}

// A clause that only introduces the next one — who speaks (中国外交部发言人汪文斌周二表示，,
// 媒体人刘先生也形容，) or when (普京和拜登的日内瓦峰会结束后，) — states nothing alone: it stays
// with what follows. (Alone, two reports' introductions of one commentator made a consensus
// claim of who spoke, with nothing said.)
const LEADS_IN = /(说|说道|表示|称|指出|强调|认为|透露|写道|宣布|警告|回应|坦言|补充|告诉记者|形容|直言|解释|重申|声称|提到|提及|谈到|表明|承认|证实|披露|相信|分析|批评|质疑|坦承|抨击|报道|报导|问道|答道|(?<![最然])后|之后|之前|期间|之际|时)[，,]$/u

// …and so does a clause that is a prepositional phrase (在继俄罗斯总统之后举行的新闻发布会上，).
const ADVERBIAL = /^(在|当|随着|针对|对于|关于|至于|就|据|根据|为了)[^，,]{0,40}[，,]$/u
// A piece that is only a time, after a byline or dateline in brackets if any (【文/观察者网 熊超然】
// 当地时间6月16日，): the byline made it long enough to be cut as a piece, but it says nothing
// happened, so it is no claim. (Kept with the clause after it, the byline's words kept that
// clause from its twin in another report.)
const TIME_ONLY = /^(?:[【(][^】)]{0,30}[】)]\s*)?(?:当地时间|北京时间|美东时间|香港时间|台北时间)?(?:[\d〇零一二三四五六七八九十]+(?:年|月|日|号|时|点|分)|[周礼拜星期]+[一二三四五六日天末]|[今昨明前]天|[今昨]日|今晨|[昨今]晚|[今去明]年|上午|下午|中午|晚间|晚上|早上|凌晨|清晨|傍晚|深夜|稍早|稍后|早些时候|\s)+[，,]$/u

const OPEN_QUOTES = /[“「『]/gu
const CLOSE_QUOTES = /[”」』]/gu
const CLOSE_QUOTE = /[”」』]/u
/** Does a piece open more quotations than it closes? */
const isOpenQuote = (piece: string) => (piece.match(OPEN_QUOTES)?.length ?? 0) > (piece.match(CLOSE_QUOTES)?.length ?? 0)

/**
 * A long sentence split at its commas and semicolons into pieces of at least MIN_UNIT_CHARS,
 * none ending in a clause that leads into the next.
 */
function unitsOf(folded: string): string[] {
  if (han(folded) <= SPLIT_ABOVE_CHARS) return [folded]
  // Inside quotations too: a quoted statement is often several claims.
  // …but not inside a number (7,500亿欧元 is one figure, not the end of a clause).
  const clauses = folded.split(/(?<=[，；;。！？]|(?<!\d),|,(?!\d{3}))/)
  const out: string[] = []
  let cur = ''
  for (const c of clauses) {
    // The short end of a quotation the last piece opened (…重申「台湾事务属中国内政， / 不容外部势力干涉」，)
    // finishes that piece: glued to what follows, it made one unit of two statements.
    if (!cur && out.length && isOpenQuote(out[out.length - 1]) && CLOSE_QUOTE.test(c) && han(c) < MIN_UNIT_CHARS) {
      out[out.length - 1] += c
      continue
    }
    cur += c
    if (han(cur) >= MIN_UNIT_CHARS && !LEADS_IN.test(c) && !ADVERBIAL.test(c)) {
      out.push(cur)
      cur = ''
    }
  }
  if (cur) out.length && han(cur) < MIN_UNIT_CHARS ? (out[out.length - 1] += cur) : out.push(cur)
  return out
}

// jieba's tags of proper names; `x` is a word it does not know, mostly a transliterated name.
const NAME_TAG = /^(nr|ns|nt|nz|eng|x$)/
// People's titles and roles: before a name they say who, not what the person did.
const TITLE = /(总统|总理|首相|主席|部长|外长|国务卿|发言人|领导人|议员|官员|总裁|主任|局长|市长|州长|秘书长|大使|女士|先生)$/u

// Whether a word is a name, by its part of speech out of context: tagging every unit in
// context costs more than the rest of its preparation, and names are names in any context.
const nameMemo = new Map<string, boolean>()
export function isName(word: string): boolean {
  let name = nameMemo.get(word)
  if (name === undefined) {
    name = /^[a-z]/.test(word) || tagWords(word).some((t) => NAME_TAG.test(t.tag))
    if (nameMemo.size > 200_000) nameMemo.clear()
    nameMemo.set(word, name)
  }
  return name
}

// A person as jieba tags one: a name it knows (nr…), or a word of three Chinese characters it does
// not know (x), the length of most Chinese names (张剑虹, 李桂华); shorter unknown words are as often
// pieces of phrases (公众地方行为不检), and Latin words organisations (AD Internet Limited).
// (Names first: isName is asked of every word already, and remembers.)
const isPersonWord = (w: string) => HAN_NAME.test(w) && isName(w) && (tagOf(w).startsWith('nr') || (HAN_FULL_NAME.test(w) && tagOf(w) === 'x'))
const HAN_NAME = /^\p{Script=Han}{2,3}$/u
const HAN_FULL_NAME = /^\p{Script=Han}{3}$/u
// Nouns and noun modifiers (高级, 女), the words of a role: 行政总裁, 高级警司, 动新闻总监.
const ROLE_TAG = /^(n|b)$/
// How many words before a person's name can make their role (保护记者委员会亚洲协调员 is four).
const MAX_ROLE_WORDS = 4

/**
 * The places in `cut` of words that say who a person is, not what happened: the nouns just
 * before a person's name (国安处高级警司李桂华, 壹传媒行政总裁张剑虹, 苹果动新闻总监张志伟), read
 * back to the first word that is not a noun (a verb: 拘捕…总裁张剑虹 keeps 拘捕). Names of places
 * and organisations inside a role (国安处, 亚洲) are passed over. Two reports listing the same
 * people with their titles name them twice; they do not say the same thing for it.
 */
function roleWords(cut: readonly string[], person: readonly boolean[]): Set<number> {
  const roles = new Set<number>()
  for (let p = 0; p < cut.length; p++) {
    if (!person[p]) continue
    let taken = 0
    for (let k = p - 1; k >= 0 && taken < MAX_ROLE_WORDS; k--) {
      const w = cut[k]
      if (person[k]) break
      if (isName(w)) continue
      if (!TITLE.test(w) && !ROLE_TAG.test(tagOf(w))) break
      roles.add(k)
      taken++
    }
  }
  return roles
}

// A figure stated in both units (300万 people, 7500亿欧元, 70%) is as telling as a shared name,
// and unlike a name it says what happened: it counts as a content word of this weight.
const FIGURE_WEIGHT = 8

/**
 * A figure's key: its unit and its value to two significant digits, so 1.8万亿 and 1.82万亿
 * (one rounded, one not) meet. Counts of one to three are too common to say anything.
 */
export function figureKey(f: Pick<Figure, 'value' | 'unit' | 'dimension'>): string | undefined {
  if (f.dimension === 'count' && f.value <= 3) return undefined
  const magnitude = Math.pow(10, Math.floor(Math.log10(Math.abs(f.value) || 1)) - 1)
  return `%${f.unit}:${Math.round(f.value / magnitude) * magnitude}`
}

// A number in the text that no figure with a unit of money, time, distance or weight explains
// (28架 / 28架次军机, 14架歼16 / 14架歼-16机, 300万香港居民 / 大约300万持有英国海外护照的香港公民): as
// telling as a figure with its unit, and as rare by chance. Its measure word is not part of the
// key: wordings count one thing with different ones (架 / 架次, 人 / 名), and a count the figure
// reader does not take (no noun after it) is still the same number. Dates and clock times
// (6月15日, 2027年, 10时) say when, not what.
const NUMBER = /\d+(?:[.,]\d{3})*(?:\.\d+)?(?:万亿|亿|万)?/gu
const DATE_OR_TIME = /^(年|月|日|号|时|点|分|秒|周年|世纪|年代)/u
// …but a number of one or two digits before 年 counts years (未来7年, 过去20年): a year is
// written with four.
const YEARS = /^年(?!代)/u
// A count written in Chinese numerals before a measure word (未来七年 / 未来7年, 五名高层 / 5名高层)
// is the same number. Only before a measure word: 七国集团, 五角大楼 and 十分 are names and words, and
// 星期五, 第五条 and 周五 are days and ordinals; 数十家 and 上千人 are no number.
const HAN_COUNT = /[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?=[年个名人架艘家间位篇部项天宗])/gu
const NOT_A_COUNT = /(第|星期|礼拜|周|初|数|几|上|好|[零〇一二两三四五六七八九十百千万亿\d])$/u

// A sum, a length, a distance, a weight or a share is keyed with its unit, in the unit the figure
// reader converts it to (3小时 and 180分钟 meet); a count or an age is a bare number.
const isMeasured = (f: Figure) => f.dimension !== 'count' && f.dimension !== 'age'

/**
 * The key of a count: a bare number, or a number of years (未来7年, 10年前) keyed as years, so that
 * it does not meet a count of people or aircraft of the same number.
 */
function countKey(number: string, rest: string): string | undefined {
  const value = parseNumber(number)
  return value === undefined ? undefined : figureKey({ value, unit: YEARS.test(rest) ? '年' : '', dimension: 'count' })
}

/** Does an occurrence of `outer` in `text` cover the `length` characters at `at`? */
function within(text: string, outer: string, at: number, length: number): boolean {
  for (let i = text.indexOf(outer); i >= 0; i = text.indexOf(outer, i + 1)) if (i <= at && at + length <= i + outer.length) return true
  return false
}

/** Keys of the numbers in a unit's text that are not a sum, a length or a weight already found. */
function numberKeys(text: string, figures: readonly Figure[]): string[] {
  const out: string[] = []
  const measured = figures.filter(isMeasured).map((f) => f.text)
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index!
    const rest = text.slice(at + m[0].length)
    // 5g, g7: part of a name, not a number (歼-16 is a model number both wordings give); 第5条 is
    // an ordinal, which another wording writes 第五条.
    if (/[\d.a-z第]/i.test(text[at - 1] ?? '') || /^[a-z]/i.test(rest)) continue
    if (DATE_OR_TIME.test(rest) && !(YEARS.test(rest) && /^\d{1,2}$/.test(m[0]))) continue
    // Inside a measured figure where it stands, not anywhere: the 7 of 未来7年 is not the 7 of 7500亿欧元.
    if (measured.some((t) => within(text, t, at, m[0].length))) continue
    // 250多万人, 30余万: about 250万, as 250万例 says it.
    const over = /^[多余]([万亿])/u.exec(rest)
    const key = over && !/[万亿]$/u.test(m[0]) ? countKey(m[0] + over[1], rest.slice(2)) : countKey(m[0], rest)
    if (key && !out.includes(key)) out.push(key)
  }
  for (const m of text.matchAll(HAN_COUNT)) {
    if (NOT_A_COUNT.test(text.slice(0, m.index))) continue
    const key = countKey(m[0], text.slice(m.index! + m[0].length))
    if (key && !out.includes(key)) out.push(key)
  }
  return out
}

// Punctuation that ends a clause: two words on either side of it are not one phrase.
const CLAUSE_BREAK = /[，,；;。！？!?：:]/u

// Verbs that report or frame rather than say what happened (举行 a meeting, 表示 that…): two
// units sharing one of them and one more word share a topic, not a claim
// (“普拜会”持续了约3小时 / 这是促使“普拜会”举行的主要原因). Verbs of demand are among them: what
// is demanded is the claim, and two demands of different things by different people share only
// the asking (无国界记者组织…促请立即释放5人 / 工会…促请警方尽快完成搜查离开大楼).
const LIGHT_VERB = /^(举行|进行|开展|作出|做出|给予|加以|表示|指出|强调|认为|称|声称|宣称|透露|说道|呼吁|促请|敦促|吁请)$/u

function makeUnit(articleId: string, sentence: Sentence, text: string, mentions: readonly EntityMention[], cut: readonly string[], figures: readonly Figure[], table: EntityTable): Unit {
  const words = new Map<string, number>()
  const content = new Set<string>()
  // Which words are people: names jieba tags as people, or that a person's mention covers.
  const person = cut.map((w) => w.length >= 2 && isName(w) && (isPersonWord(w) || mentions.some((m) => m.type === 'person' && m.surface.includes(w))))
  const roles = roleWords(cut, person)
  cut.forEach((w, k) => {
    if (w.length < 2 || /^[\d.]+$/.test(w)) return
    const idf = idfOf(w)
    if (idf < MIN_WORD_IDF) return
    words.set(w, idf)
    // A title before a name is part of the name (总理孔特); alone it can be what the claim is
    // about (两国大使返回).
    const next = cut[k + 1]
    const titleOfName = TITLE.test(w) && !!next && (isName(next) || mentions.some((m) => m.surface.startsWith(next)))
    if (!isName(w) && !titleOfName && !roles.has(k) && !LIGHT_VERB.test(w)) content.add(w)
  })
  // Characters of content words, weakly: paraphrases share them (返回 ~ 重返, 延期 ~ 延长).
  for (const [w, idf] of [...words]) {
    for (const ch of w) if (HAN.test(ch)) words.set(`#${ch}`, Math.max(words.get(`#${ch}`) ?? 0, idf * CHAR_WEIGHT))
  }
  // Entities count as words under their canonical id, so 普丁 and 普京 meet.
  const entities = new Set(mentions.filter((m) => m.type !== 'place').map((m) => m.id))
  const people = new Set(mentions.filter((m) => m.type === 'person').map((m) => m.id))
  const peopleNamed = new Set(people)
  cut.forEach((w, k) => {
    if (person[k] && !mentions.some((m) => m.surface.includes(w))) peopleNamed.add(soundKey(w))
  })
  // …and the words an entity's name was cut into (阿纳托利, 安东诺夫) do not count twice.
  for (const w of [...words.keys()]) {
    if (mentions.some((m) => m.surface.includes(w))) {
      words.delete(w)
      content.delete(w)
    }
  }
  // A name the entity table does not know meets its other transliterations (休斯顿, 休斯敦, 休士顿)
  // under one key. Names are not content, so only the similarity and the people named see it.
  for (const [w, idf] of [...words]) {
    if (content.has(w) || w.startsWith('#') || !isName(w)) continue
    const key = soundKey(w)
    if (key === w) continue
    words.delete(w)
    words.set(key, Math.max(words.get(key) ?? 0, idf))
  }
  for (const m of mentions) {
    words.set(`@${m.id}`, m.type === 'place' ? 4 : 8)
    // A treaty, a law or an event by name (《新削减战略武器条约》) is what a claim is about, not who
    // is in it: it counts as content where names of people and places do not.
    if (m.type === 'work' || m.type === 'event') content.add(`@${m.id}`)
  }
  // A capital standing for its government (伦敦方面为许多香港居民提供… / 英国已经承诺向…) names the
  // country as much as its name would: weighted as a place.
  const standing = cut.flatMap((w) => {
    const def = table.standsFor(w)
    return def ? [{ at: text.indexOf(w), id: def.id }] : []
  })
  for (const { id } of standing) if (!words.has(`@${id}`)) words.set(`@${id}`, 4)
  for (const f of figures) {
    // Counts and ages are keyed by their number alone, below.
    const key = isMeasured(f) ? figureKey(f) : undefined
    if (!key) continue
    words.set(key, FIGURE_WEIGHT)
    content.add(key)
  }
  for (const key of numberKeys(text, figures)) {
    words.set(key, FIGURE_WEIGHT)
    content.add(key)
  }
  // Each content word's place among the content words, in the order the words were cut: titles
  // and grammar between two content words (沉重的代价, 保安局局长已冻结) leave them next to each
  // other; a name (侵犯了越南主权: what was done, to whom) or a clause break does not.
  const slots = new Map<string, number[]>()
  let slot = 0
  // …and the name each content noun follows, with nothing between them but one-character words
  // (的, 驻, 在): a word of two characters or more between them ends the name's reach.
  const owners = new Map<string, string>()
  let owner: string | undefined
  for (const w of cut) {
    if (w.length === 1 && CLAUSE_BREAK.test(w)) {
      slot += 2
      owner = undefined
    } else if (content.has(w)) {
      const list = slots.get(w)
      if (list) list.push(slot)
      else slots.set(w, [slot])
      slot++
      if (owner && tagOf(w).startsWith('n') && !owners.has(w)) owners.set(w, owner)
      owner = undefined
    } else if (w.length >= 2 && (isName(w) || mentions.some((m) => m.surface.includes(w)))) {
      slot++
      // Places only: where a thing is names it (成都的总领事馆); a person's or a ship's name before
      // a noun is spelled too many ways (希洛号 / 夏洛号) to tell two things by.
      const m = mentions.find((x) => x.surface.includes(w))
      owner = m ? (m.type === 'place' ? `@${m.id}` : undefined) : /^(ns|nrt)$/.test(tagOf(w)) ? soundKey(w) : undefined
    } else if (w.length >= 2) owner = undefined
  }
  const quoted = quotedTerms(text, cut, content)
  // Capitals and 美方-style short forms stand for their country here too (美方曾指责俄罗斯…).
  const named = [...mentions.filter((m) => m.type === 'place' || m.type === 'person').map((m) => ({ at: m.at, id: m.id })), ...standing]
  const first = named.sort((a, b) => a.at - b.at)[0]
  let sq = 0
  for (const v of words.values()) sq += v * v
  return { articleId, sentence, text, words, entities, people, named: peopleNamed, content, slots, owners, quoted, ...(first ? { lead: first.id } : {}), norm: Math.sqrt(sq) }
}

// A term in quotation marks: no clause break inside, short enough to be a name rather than a
// quoted statement (the longest charge of the national-security law is 18 characters), and ending
// in what ends a name: not a verb, a pronoun or a particle (a quoted statement, 我想让整个欧洲都知道
// 美国在那里, 不认同我们的价值观, is what someone said, not a name) and with no pronoun inside.
const QUOTED_SPAN = /[“「『"]([^“”「」『』"，,。；;：:！？!?]{2,24})[”」』"]/gu
const NOT_A_NAME_END = /^(v|r|u|d|y|e|p|c|i|l|ul|uj|uz|ug|uv|ud)/

/**
 * The quoted terms of a text (QUOTED_SPAN, judged by the parts of speech of `cut`, its words
 * in order): where each stands and what it says.
 */
function findQuotedTerms(text: string, cut: readonly string[]): { from: number; to: number; term: string }[] {
  const spans = [...text.matchAll(QUOTED_SPAN)].map((m) => ({ from: m.index! + 1, to: m.index! + 1 + m[1].length, term: m[1] }))
  if (!spans.length) return spans
  const inside = spans.map(() => [] as string[])
  for (const [w, at] of wordsAt(text, cut)) {
    const k = spans.findIndex((x) => x.from <= at && at + w.length <= x.to)
    if (k >= 0) inside[k].push(w)
  }
  return spans.filter((_, k) => {
    const words = inside[k]
    return words.length > 0 && !NOT_A_NAME_END.test(tagOf(words[words.length - 1])) && !words.some((w) => tagOf(w).startsWith('r'))
  })
}

/** Each content word of `cut` that stands inside a quoted term of `text`, mapped to the term. */
function quotedTerms(text: string, cut: readonly string[], content: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>()
  const spans = findQuotedTerms(text, cut)
  if (!spans.length) return out
  for (const [w, at] of wordsAt(text, cut)) {
    const span = spans.find((x) => x.from <= at && at + w.length <= x.to)
    if (span && content.has(w) && !out.has(w)) out.set(w, span.term)
  }
  return out
}

/** Each word of `cut` (the words of `text` in order) with where it stands in `text`. */
function* wordsAt(text: string, cut: readonly string[]): Generator<[string, number]> {
  let cursor = 0
  for (const w of cut) {
    const at = text.indexOf(w, cursor)
    if (at < 0) continue
    cursor = at + w.length
    yield [w, at]
  }
}

/**
 * How many pieces of content the shared words are: two words that stand one after the other in
 * both units and end in a noun (沉重的代价 / 沉重代价, 编采人员, 社交网站) are one noun phrase the
 * segmenter cut in two, one thing named, not two things said; ending in a verb they are a clause
 * (大使返回, 武器禁运) and count as two. Three words or more in a row are a wording shared
 * (双重标准政治操作), as telling as two words apart. A word without a place (a figure, a treaty
 * by name) is a piece of its own.
 */
export function sharedPieces(a: Unit, b: Unit, shared: readonly string[]): number {
  if (shared.length < 2) return shared.length
  const follows = (u: Unit, x: string, y: string) => {
    const sx = u.slots.get(x)
    const sy = u.slots.get(y)
    return !!sx && !!sy && sx.some((i) => sy.includes(i + 1))
  }
  const phrase = (x: string, y: string) => follows(a, x, y) && follows(b, x, y) && tagOf(y).startsWith('n')
  // Words that one unit quotes as one term name one thing in both (「串谋…危害国家安全罪」 /
  // 串谋“勾结…危害国家安全罪”), however the other marked the quotation or worded its small words.
  const oneTerm = (x: string, y: string) => [a, b].some((u) => u.quoted.has(x) && u.quoted.get(x) === u.quoted.get(y))
  const term = (w: string) => a.quoted.has(w) || b.quoted.has(w)
  // Joined pieces, by union of the words that make one phrase in both units.
  const root = shared.map((_, i) => i)
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i])))
  for (let i = 0; i < shared.length; i++)
    for (let j = i + 1; j < shared.length; j++) {
      if (phrase(shared[i], shared[j]) || phrase(shared[j], shared[i]) || oneTerm(shared[i], shared[j])) root[find(i)] = find(j)
    }
  const size = new Map<number, number>()
  for (let i = 0; i < shared.length; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1)
  let pieces = 0
  for (const [r, n] of size) pieces += n >= 3 && !term(shared[r]) ? 2 : 1
  return pieces
}

/** Cosine of the units' weighted words, with credit for words that share a character (返回 ~ 重返). */
export function unitSimilarity(a: Unit, b: Unit): number {
  if (!a.norm || !b.norm) return 0
  let dot = 0
  const [small, large] = a.words.size <= b.words.size ? [a, b] : [b, a]
  for (const [w, x] of small.words) {
    const y = large.words.get(w)
    if (y !== undefined) dot += x * y
  }
  return dot / (a.norm * b.norm)
}

/**
 * When the incident happened: the date most articles' leads give (ties: the earliest).
 * Articles whose lead dates nothing do not vote.
 */
export function eventIncident(prepared: readonly PreparedArticle[]): string | undefined {
  const votes = new Map<string, number>()
  for (const p of prepared) if (p.incident) votes.set(p.incident.date, (votes.get(p.incident.date) ?? 0) + 1)
  // A day after every report was written is not when what they report happened: a day they
  // all name as planned or given up (原訂9月6日舉行的選舉), or a date read wrong.
  const written = prepared.map((p) => p.article.publishedAt?.slice(0, 10)).filter((d): d is string => !!d)
  // (Dates are UTC: a report of the next morning east of Greenwich names the next day: a day's slack.)
  const last = written.length === prepared.length && written.length ? nextDay(written.sort().at(-1)!) : undefined
  return [...votes].filter(([day]) => !last || day <= last).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0]
}

/**
 * The time zone the incident's day (`incident`, YYYY-MM-DD) is a day of, as far as the articles
 * tell: the zone the articles that give that day tell it in (北京时间6月17日), when they say and
 * agree; else the zone of the places their headlines and leads name, each article counting once
 * for a zone, by the most telling place it names there (`placesNamed`: a venue or a dateline 2, a
 * city or region 1, a country or a metonym 0.5). Only a clear lead decides (twice the next zone's
 * count, and a city's or two countries' worth): an event between Washington and Beijing, or one
 * whose leads name no place, has none.
 * Zones are compared by their offset on the incident's day (Hong Kong's and Beijing's are one).
 */
export function eventZone(prepared: readonly PreparedArticle[], incident: string | undefined): string | undefined {
  if (!incident) return undefined
  const noon = Date.parse(`${incident}T12:00:00Z`)
  if (Number.isNaN(noon)) return undefined
  const stated = prepared.flatMap((p) => (p.incident?.date === incident && p.incident.zone ? [p.incident.zone] : []))
  if (stated.length && new Set(stated.map((z) => offsetMinutes(z, noon))).size === 1) return mostCommon(stated)
  const score = new Map<number, number>()
  const zones = new Map<number, string[]>()
  for (const p of prepared) {
    const weight = new Map<number, number>()
    for (const place of p.places) {
      const offset = offsetMinutes(place.zone, noon)
      weight.set(offset, Math.max(weight.get(offset) ?? 0, place.weight))
      zones.set(offset, [...(zones.get(offset) ?? []), place.zone])
    }
    for (const [offset, w] of weight) score.set(offset, (score.get(offset) ?? 0) + w)
  }
  const [first, second] = [...score].sort((a, b) => b[1] - a[1])
  if (!first || first[1] < 1 || (second && first[1] < 2 * second[1])) return undefined
  return mostCommon(zones.get(first[0])!)
}

function mostCommon(values: readonly string[]): string {
  const n = new Map<string, number>()
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1)
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
