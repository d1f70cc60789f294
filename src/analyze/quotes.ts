import { foldText } from '../normalize/fold.js'
import { findEntities, loadEntityTable, type EntityMention, type EntityTable } from './entities.js'
import type { Sentence } from './sentences.js'
import { SURNAMES } from '../extract/byline.js'
import { idfOf } from './keywords.js'
import { tagWords, type TaggedWord } from './tag.js'

export interface Speaker {
  /** Entity id when the speaker is a known or rule-found entity, else the folded phrase. */
  readonly id: string
  readonly name: string
}

export interface Quote {
  readonly text: string // as published, without the quotation marks
  readonly speaker?: Speaker
  /** Ordinal of the sentence carrying the quote. */
  readonly sentence: number
  /** 'direct' when the speaker is named next to the quote; 'context' when taken from the sentence before. */
  readonly attribution: 'direct' | 'context' | 'none'
  /** 'quoted' for words in quotation marks; 'reported' for `X表示，…` without them. */
  readonly kind: 'quoted' | 'reported'
}

const PAIRS: Array<[string, string]> = [['“', '”'], ['「', '」'], ['『', '』'], ['"', '"']]
// Speech verbs (folded forms): the quote's speaker is the subject of the last one before it.
// 说 in 来说, 就是说, 比如说 is not speech, nor in 据说 or 听说 (reportedly, heard); in 细说,
// 诉说 it is, and the whole verb is the verb (阿馨细说 is 阿馨 speaking, not 阿馨细).
// 指 (Hong Kong and Taiwan papers' "said": 韓世同指：「…」) and verbs of criticism (任正非批評，「…」)
// are speech only right before a quotation: elsewhere 指 refers (是指, 所指, 直指) and 批评 takes an object.
const VERB = /(?<!被)(说道|细说|诉说|述说|解说|(?<![来是如么话据听])说(?!唱)|表示|(?<![声宣号堪])称|指出|强调|写道|认为|回应|坦言|透露|宣布|警告|补充|提到|提及|解释|告诉记者|直言|呼吁|重申|声称|形容|谈到|问道|答道|(?:(?<![是所暗意手直剑遥泛特专])指|批评|抨击|质疑|反驳)(?=[，,：:]?\s*(?:[“「『"]|$))|告诉[^，,。！？“”「」：:]{1,12}?(?=[：:，,]\s*(?:[“「『"]|$)))/gu
// A speaker the entity rules do not know is still a speaker when named by role or kind:
// 消息人士, 美方官员, 外交部发言人, 联合声明.
const SPEAKER_NOUN = /(人士|官员|发言人|专家|学者|分析师|声明|报告|公报|记者|总统|总理|首相|部长|外长|大使|政府|外交部|委员会|公司|集团|组织|媒体|官方|当局|警方|法院|议员|主席|领导人|团队|律师)$/u
const HAS_VERB = new RegExp(VERB.source, 'u')
// (…and 告诉 with whom it told, ending the sentence: “…，”他告诉路透社。)
const VERB_AFTER = /^[，,]?\s*([^，,。！？“”「」]{0,40}?)(?:如此)?(说道|说|表示|称|指出|强调|写道|补充说|告诉记者|直言|坦言|回应|告诉[^，,。！？“”「」]{1,12}?(?=\s*(?:[。！？!?]|$)))/u
const PRONOUN = /(他|她)(们)?$|(他|她)(们)?(?=说|表示|称|指出|强调|补充|认为|坦言|透露|警告|解释)/u
// A quotation shorter than this with no punctuation inside is a scare quote (“普拜会”, “杀手”),
// not someone's words.
const MIN_QUOTE_CHARS = 8
// How many sentences back a pronoun's antecedent may have been named or have spoken.
const PRONOUN_REACH = 2
// How many sentences back the last quotation's speaker may still be speaking a quotation alone.
const QUIET_REACH = 3

/**
 * Direct quotations and who said them. The speaker is the person or organisation that is the
 * subject of the speech verb nearest the quotation (`X说：“…”`, `“…”，X说`), a pronoun resolved
 * to the last person named before it, or — for a quotation standing alone — the speaker of the
 * sentence before when that sentence reports speech. `known`, when the caller has them, are
 * each sentence's entities (`findEntities` of its folded text with this table).
 */
export function findQuotes(sentences: readonly Sentence[], table: EntityTable = loadEntityTable(), known?: ReadonlyArray<readonly EntityMention[]>): Quote[] {
  const out: Quote[] = []
  let lastPerson: Speaker | undefined
  // Whether the sentence that named lastPerson named no one else: one of a list (被捕高层包括
  // 张剑虹、周达权…) or of several people is no safe antecedent for a 他 that opens a paragraph.
  let lastPersonAlone = false
  // The last person who was a sentence's subject or speaker: whom such a 他 means instead.
  let lastSubject: Speaker | undefined
  // The sentences (their index) where lastPerson was named and lastSubject was a subject.
  let lastPersonAt = -1
  let lastSubjectAt = -1
  let lastSpeaker: Speaker | undefined
  // Who spoke the last quotation given a speaker, and where; and of each sentence whether it says
  // nothing (no quotation, no verb of saying) and whom it names.
  let lastQuoted: { speaker: Speaker; at: number } | undefined
  const quietAt: boolean[] = []
  const peopleAt: string[][] = []
  let previous: { paragraph: number; subject?: Speaker } | undefined
  // People the rules found earlier in the article (研究员张弘), recognised when named bare later (张弘称).
  const learned = new Map<string, EntityMention>()
  // Titles the article has given a person (美国总统乔·拜登): the bare title (美国总统表示) is them.
  const titles = new Map<string, Speaker>()
  const link = (sp: Speaker | undefined) => (sp && sp.id === sp.name ? (titledPerson(sp.name, titles) ?? sp) : sp)
  const roles: Roles = { table, byNoun: new Map(), orgs: [] }
  sentences.forEach((s, k) => {
    const spans = quoteSpans(s.text)
    const mentions = withLearned(s.folded, known?.[k] ?? findEntities(s.folded, table), learned)
    for (const m of mentions) if (m.type === 'person' && m.id === m.name) learned.set(m.name, m)
    learnTitles(s.folded, mentions, titles)
    learnRoles(s.folded, mentions, roles)
    let sentenceSpeaker: Speaker | undefined
    // Who 他 is: the subject of this sentence, else of the sentence before in the paragraph,
    // else the last person named. The last person named is often an object (与普京会面时),
    // not who keeps speaking (美国总统表示，…。他表示，…).
    const subjectFound = sentenceSubject(s.folded, mentions, roles)
    const found = subjectFound === 'pronoun' ? subjectFound : link(subjectFound)
    const subject = found === 'pronoun' ? undefined : found
    // A subject as late as the last person named wins over that person, alone in their sentence
    // or not: 张剑虹等人被押走。国安处高级警司李桂华表示，…。他表示，… (new paragraph): 他 is
    // 李桂华, whom the rules know only as a subject; 他说蔡英文上台1年多…。(new paragraph) 他说 is
    // still the one speaking, not 蔡英文.
    const [fallback, fallbackAt] = lastSubject && lastSubjectAt >= lastPersonAt ? [lastSubject, lastSubjectAt] : lastPersonAlone || !lastSubject ? [lastPerson, lastPersonAt] : [lastSubject, lastSubjectAt]
    // …and only one named or speaking in the last PRONOUN_REACH sentences: further back, sentences
    // about others stand between (叶刘淑仪告诉路透社…。她说 is not 史密斯, two sentences up).
    const reachable = fallbackAt >= k - PRONOUN_REACH ? fallback : undefined
    const antecedent = subject ?? (previous?.paragraph === s.paragraph ? previous.subject : undefined) ?? reachable
    for (const [start, end] of spans) {
      const inner = s.text.slice(start + 1, end)
      if (!isRealQuote(inner)) continue
      const before = foldText(s.text.slice(0, start))
      const after = foldText(s.text.slice(end + 1))
      // What someone was asked (在被记者问及会晤中“从拜登的眼中看到什么”时，普京说): a question put to
      // the speaker, not their words; who asked it is seldom named. It is kept without a speaker.
      const asked = ASKED_ABOUT.test(before)
      const opens = before.replace(/[\s：:，,]/g, '').length === 0
      // Words that close a sentence, a verb of saying before them and a new clause right after
      // (…發言人表示，「…。」英國駐港領事館發言人表示不予評論): what follows is the next sentence, its
      // subject not the speaker of these words, even when the one before them goes unnamed.
      const saidBefore = HAS_VERB.test(before.slice(Math.max(...['。', '”', '」', '』'].map((c) => before.lastIndexOf(c))) + 1))
      const nextSentence = saidBefore && /[。！？!?]\s*$/u.test(inner) && !/^\s*[，,：:]/u.test(after)
      let speaker = asked ? undefined : link((opens ? dashAttribution(after, table, learned, roles) : undefined) ?? speakerBefore(before, mentions, antecedent, roles) ?? (nextSentence ? undefined : speakerAfter(after, table, antecedent, learned, roles)))
      let attribution: Quote['attribution'] = speaker ? 'direct' : 'none'
      const standsAlone = opens && !speaker
      if (!speaker && standsAlone && lastSpeaker && !asked) {
        speaker = lastSpeaker
        attribution = 'context'
      } else if (!speaker && standsAlone && !asked && lastQuoted && k - lastQuoted.at <= QUIET_REACH && /^[\s。！？!?，,]*$/u.test(after)) {
        // …or, for words that are all their sentence holds, with only sentences between that say
        // nothing and name no one else (「…」鍾師傅說。單是安裝一架新車就需時兩天。「…」), the speaker
        // of the last quotation: still speaking.
        const { speaker: last, at } = lastQuoted
        const between = quietAt.slice(at + 1, k).map((quiet, j) => quiet && peopleAt[at + 1 + j].every((id) => id === last.id))
        if (between.every(Boolean)) [speaker, attribution] = [last, 'context']
      }
      if (speaker) sentenceSpeaker = speaker
      if (speaker) lastQuoted = { speaker, at: k }
      // (A comma the sentence goes on after is the sentence's, not the words': “…第二任期，”他说道.)
      out.push({ text: inner.trim().replace(/[，,、；;]+$/u, ''), speaker, sentence: s.n, attribution, kind: 'quoted' })
    }
    if (!spans.length) {
      const said = reportedSpeech(s, mentions, antecedent, roles)
      const reported = said && { ...said, speaker: link(said.speaker) }
      if (reported) {
        out.push(reported)
        sentenceSpeaker = reported.speaker
      }
    }
    const people = mentions.filter((m) => m.type === 'person')
    // (A heading, with no full stop, ends what the quotations before it said.)
    // (Nor does one that tells someone or opens words with a colon: 一名官员告诉笔者：…)
    quietAt[k] = !spans.length && !HAS_VERB.test(s.folded) && !/告诉|[：:]/u.test(s.folded) && /[。！？!?]\s*$/u.test(s.folded)
    peopleAt[k] = people.map((m) => asSpeaker(m).id)
    if (people.length) {
      lastPerson = asSpeaker(people[people.length - 1])
      lastPersonAt = k
      lastPersonAlone = new Set(people.map((m) => m.id)).size === 1
    }
    // A person the rules named, or a name of a Chinese length that jieba told (李桂华).
    const isPerson = (sp: Speaker | undefined): sp is Speaker => !!sp && (people.some((m) => asSpeaker(m).id === sp.id) || (sp.id === sp.name && /^\p{Script=Han}{2,4}$/u.test(sp.name) && !SPEAKER_NOUN.test(sp.name)))
    if (isPerson(sentenceSpeaker)) [lastSubject, lastSubjectAt] = [sentenceSpeaker, k]
    else if (isPerson(subject)) [lastSubject, lastSubjectAt] = [subject, k]
    // A sentence whose subject is 他 names again whom 他 means (凯莱赫…。他经常提到…。“…”。他说).
    else if (found === 'pronoun' && isPerson(antecedent)) [lastSubject, lastSubjectAt] = [antecedent, k]
    // A sentence that reports speech lends its speaker to a quotation paragraph that follows.
    lastSpeaker = sentenceSpeaker ?? (HAS_VERB.test(s.folded) ? link(speakerBefore(s.folded, mentions, antecedent, roles)) : undefined)
    // Only the sentence just before lends its subject: a sentence between (警方…; 国安处高级警司
    // 李桂华表示，…) has a subject of its own, known to the rules or not.
    // (A sentence whose subject is 他 passes on whom 他 was resolved to.)
    previous = { paragraph: s.paragraph, subject: found === 'pronoun' ? antecedent : subject }
    // (Not one the sentence holds as an object: 在接受CNN采访时, 对路透社表示 — 该公司 is the company
    // interviewed, not the broadcaster.)
    // A company the entity table does not know, named with its kind (“法马通”公司) is one too.
    // The one named last first, as roles.orgs holds them.
    const orgs = [...mentions.filter((m) => m.type === 'org'), ...namedCompanies(s.folded)].filter((m) => !isObject(clauseLead(s.folded, m.at))).sort((a, b) => b.at - a.at)
    roles.orgs = orgs.map(asSpeaker).concat(roles.orgs).slice(0, MAX_ORGS)
  })
  // A name in Latin letters as the article writes it (Gabriel Lim), not as folding lower-cased it.
  const written = sentences.map((s) => s.text).join('\n')
  return out.map((q) => (q.speaker && /[a-z]/.test(q.speaker.name) ? { ...q, speaker: asWritten(q.speaker, written) } : q))
}

// A verb of asking right before the quotation, a few characters of what it is about between (问及会晤中“…”).
// Not when the speaker answers before the quotation (普京被问及此事时说“…”, 在回答记者询问时表示“…”):
// then the quotation is the answer.
const ASKED_ABOUT = /(问及|问到|问起|询问|提问|追问|被问)(?:(?!说|表示|称|答|回应|指出|强调|坦言|直言)[^，,。！？：:“”「」]){0,8}$/u

// Titles that name one person in a country or organisation: 美国总统, 俄罗斯外长.
const ONE_PERSON_TITLE = /(总统|副总统|总理|副总理|首相|主席|国务卿|外长|外交部长|外交大臣|总书记|秘书长|防长|国防部长)$/u

/**
 * Learns title → person where the article names a person after a place and a title
 * (俄罗斯总统弗拉基米尔·普京 teaches 俄罗斯总统 → 普京). A title without its place (总统) is
 * not learned: an article about a meeting has two presidents.
 */
function learnTitles(folded: string, mentions: readonly EntityMention[], titles: Map<string, Speaker>): void {
  for (const m of mentions) {
    if (m.type !== 'person') continue
    const title = ONE_PERSON_TITLE.exec(folded.slice(Math.max(0, m.at - 5), m.at))
    if (!title) continue
    const titleAt = m.at - title[0].length
    const place = mentions.find((p) => (p.type === 'place' || p.type === 'org') && p.at + p.surface.length === titleAt)
    if (place) titles.set(place.surface + title[0], asSpeaker(m))
  }
}

/** The person a speaker phrase ending in a learned title names (美国总统, 这位美国总统). */
function titledPerson(phrase: string, titles: ReadonlyMap<string, Speaker>): Speaker | undefined {
  let best: [string, Speaker] | undefined
  for (const [title, person] of titles) if (phrase.endsWith(title) && (!best || title.length > best[0].length)) best = [title, person]
  return best?.[1]
}

function quoteSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (const [open, close] of PAIRS) {
    let from = 0
    for (;;) {
      const start = text.indexOf(open, from)
      if (start < 0) break
      let end = text.indexOf(close, start + 1)
      // Words opened after a verb of saying and never closed (警方声明称，“为维护校园秩序……送往医院
      // 救治。（…）): the quotation runs to the sentence's last full stop, a note after it left out.
      if (end < 0 && open !== '"' && !text.includes(open, start + 1) && SAID_OPEN.test(foldText(text.slice(0, start)))) {
        const stop = Math.max(...['。', '！', '？'].map((c) => text.lastIndexOf(c)))
        end = stop > start ? stop + 1 : text.trimEnd().length
      }
      if (end < 0) break
      spans.push([start, end])
      from = end + 1
    }
  }
  return spans.sort((a, b) => a[0] - b[0])
}

const SAID_OPEN = new RegExp(`(?:${VERB.source})[，,：:]?\\s*$`, 'u')

const isRealQuote = (inner: string) => {
  const letters = inner.replace(/[^\p{L}\p{N}]/gu, '').length
  // The name of a charge, a law or a meeting in quotation marks (“组织他人偷越国边境罪”,
  // 「2023医药创新和科技前沿论坛」) is a name, not anyone's words.
  if (!/[，,。！？；]/.test(inner) && NAMED_THING.test(inner.trim())) return false
  // …so is a treaty's or charter's, where no verb says something of it (“美方的做法严重违反了
  // 维也纳领事关系公约” is someone's words; “维也纳领事关系公约” a name).
  if (!/[，,。！？；]/.test(inner) && TREATY.test(inner.trim()) && !tagWords(inner).some((w) => w.tag === 'v')) return false
  // A short one counts for its punctuation inside only, not a full stop it ends with: a term
  // quoted with the sentence's stop inside the marks (把新冠病毒称为“中国病毒。”) is no one's words;
  // a short sentence said (“我们同意。”) holds more than nouns.
  const body = inner.trim().replace(/[。！？!?]+$/u, '')
  return letters >= MIN_QUOTE_CHARS || (letters >= 4 && (/[，,。！？；]/.test(body) || (body !== inner.trim() && !tagWords(body).every((w) => /^n/.test(w.tag)))))
}
const NAMED_THING = /(罪|论坛|論壇|峰会|峰會|大会|大會|条例|條例|法案|协定|協定|倡议|倡議)$/u
const TREATY = /(公约|公約|条约|條約|宪章|憲章|宣言)$/u

const asSpeaker = (m: EntityMention): Speaker => ({ id: m.id, name: m.name })

/**
 * A speaker named in Latin letters as `text` writes the name (Gabriel Lim), not as folding
 * lower-cased it (gabriel lim); its id stays folded, so that one person's quotes group whatever
 * the case.
 */
function asWritten(speaker: Speaker, text: string): Speaker {
  const written = text.normalize('NFKC')
  const at = written.toLowerCase().indexOf(speaker.name)
  const name = at < 0 ? '' : written.slice(at, at + speaker.name.length)
  return name.toLowerCase() === speaker.name ? { ...speaker, name } : speaker
}

const CONNECTIVE = /^(并且|同时|此外|另外|并|还|也|又|则|亦|而|但|且|补充)+/u
const TURN = /^(但是|但|可是|然而|不过|而)/u

/**
 * The named subject of a sentence: who the first speech verb with a subject in its clause
 * belongs to (美国总统表示，…), else a person who opens the sentence or its first clause.
 * 'pronoun' when it is 他/她: resolved, not a new subject.
 */
function sentenceSubject(folded: string, mentions: readonly EntityMention[], roles: Roles): Speaker | 'pronoun' | undefined {
  for (const m of folded.matchAll(VERB)) {
    const verbAt = m.index!
    const clauseStart = Math.max(...[...'，,。：:；;”'].map((c) => folded.lastIndexOf(c, verbAt - 1))) + 1
    const clause = folded.slice(clauseStart, verbAt).trim()
    // 他说 has a subject, a pronoun one, not a later verb's (他说：“…”。议员在信中说，…): the
    // person who opens the sentence (里尔克迷恋…，他写道), else whom 他 means.
    if (/^(他|她)们?/.test(clause)) {
      const opener = mentions.find((e) => e.type === 'person' && e.at < clauseStart && opensSentence(folded, e.at))
      return opener ? asSpeaker(opener) : 'pronoun'
    }
    // 并补充说, 还说: a verb without its own subject; the subject is further on, or none.
    if (clause.replace(CONNECTIVE, '').length < 2) continue
    // People before organisations: 字节跳动创办人张一鸣 is 张一鸣.
    const named = subjectNames(folded, clauseStart, verbAt, mentions)
    const person = named.filter((e) => e.type === 'person')
    const last = (person.length ? person : named)[(person.length ? person : named).length - 1]
    // (An organisation's titled person named in Latin letters speaks, not it: 欧盟外交政策负责人 Josep Borrell.)
    const titled = last?.type === 'org' ? titledName(folded.slice(last.at + last.surface.length, verbAt)) : undefined
    if (titled && LATIN_LEADING.test(titled.name)) return titled
    if (last) return asSpeaker(last)
    // A subject the rules do not know (国安处高级警司李桂华): it is still the subject, so no
    // later verb's is taken instead; when it ends in a name jieba tells (李桂华), that is who
    // speaks, and whom a 他 in the next sentence means.
    return speakerPhrase(withoutAddressee(clause), roles, folded.slice(verbAt, verbAt + VERB_CONTEXT))
  }
  const firstClauseEnd = folded.search(/[，,。]/)
  // The second clause's opener after a turn (…已经好几天了，但特朗普还没有承认失败) is its subject too.
  const second = firstClauseEnd + 1 + (TURN.exec(folded.slice(firstClauseEnd + 1))?.[0].length ?? 0)
  const opener = mentions.find((e) => e.type === 'person' && (e.at === 0 || e.at === firstClauseEnd + 1 || e.at === second))
  return opener ? asSpeaker(opener) : unknownOpener(folded, firstClauseEnd, mentions)
}

/**
 * Does the name at `at` open its sentence as its subject: at its start, or after a title
 * (美国副总统迈克·彭斯), in the first clause or the one after a clause of time or place (在周五的
 * 简报会上，美国副总统迈克·彭斯…)?
 */
function opensSentence(folded: string, at: number): boolean {
  if (at === 0) return true
  const clauseStart = Math.max(folded.lastIndexOf('，', at - 1), folded.lastIndexOf(',', at - 1)) + 1
  const lead = folded.slice(clauseStart, at)
  // (Not a name inside a quotation: “特朗普政府将…，”他说道; nor one inside a phrase of time or
  // place, or the object of a preposition: 在与普京会面后，拜登…)
  if (lead.length > OPENER_REACH + 4 || /[“”「」『』"]/u.test(folded.slice(0, at)) || hasVerb(lead) || ADJUNCT_OPENER.test(lead) || isObject(lead)) return false
  if (clauseStart === 0) return true
  const first = folded.slice(0, clauseStart - 1)
  return !/[，,]/u.test(first) && (ADJUNCT_END.test(first) || /^(在|当|於|于)[^，,]*(上|中|里|内|时|後|后|前)$/u.test(first))
}

const ADJUNCT_OPENER = /^(在|当|於|于|与|和|同|跟|对|向|随着|自从|据|根据)/u

/**
 * A name the rules do not know that opens a sentence, or its second clause after a short time
 * phrase, as its subject ((德国之声中文网)蒂布林-耶德在自己的脸书上赞扬特朗普…; 前几天，波布林斯基
 * 发表公开声明): whom a 他 in the next sentence means, rather than a person the sentence names
 * later as an object. A word jieba tags a name, or does not know and is three characters or
 * more, followed by a preposition, adverb or verb.
 */
function unknownOpener(folded: string, firstClauseEnd: number, mentions: readonly EntityMention[]): Speaker | undefined {
  const source = /^\s*[(（【][^)）】]{1,16}[)）】]\s*/u.exec(folded)?.[0].length ?? 0
  // (The second clause only after a time phrase: 我告诉他，照君原是… is not 照君原 speaking.)
  const timePhrase = firstClauseEnd > source && firstClauseEnd <= source + 6 && tagWords(folded.slice(source, firstClauseEnd)).every((w) => /^(t|m|f|q)/.test(w.tag))
  const starts = [source, ...(timePhrase ? [firstClauseEnd + 1] : [])]
  for (const at of starts) {
    if (mentions.some((m) => m.at === at)) return undefined
    const words = tagWords(folded.slice(at, at + 16))
    const name = leadingName(folded.slice(at, at + 16))
    if (!name) continue
    const first = words[0]
    // (Past the rest of a hyphenated name: 蒂布林-耶德在.)
    const next = words.find((w, k) => k > 0 && !name.name.includes(w.word) && !/^(x|nr)/.test(w.tag))
    if ((/^nr/.test(first.tag) || name.name.length >= 3) && next && /^(p|d|v)/.test(next.tag)) return name
  }
  return undefined
}

/**
 * The people and organisations in `folded[from, to)` that can be the subject of the speech verb
 * at `to`. Not one that is the object of a preposition or verb right before it (李桂华在苹果日报
 * 大楼外见记者…表示, 张云涛对路透表示, 郭荣铿在接受路透社采访时表示, 他们跟习主席说), nor one
 * that is only the possessor of the subject (拜登的竞选团队表示: the campaign speaks, not 拜登; an
 * organisation's spokesperson or statement is still its voice), nor one that cites another
 * (路透社援引分析师的话说: the analyst speaks), nor a news agency's dateline before the sentence's
 * subject (路透新德里6月30日 - 中国周二表示).
 */
function subjectNames(folded: string, from: number, to: number, mentions: readonly EntityMention[]): EntityMention[] {
  const start = Math.max(from, datelineEnd(folded))
  const cite = CITES.exec(folded.slice(start, to))
  const citeAt = cite ? start + cite.index : -1
  return mentions.filter((m) => {
    if (m.at < start || m.at >= to || (m.type !== 'person' && m.type !== 'org')) return false
    if (m.at < citeAt) return false
    const lead = clauseLead(folded, m.at, start)
    if (isObject(lead)) return false
    const owned = folded.slice(m.at + m.surface.length, to)
    // Inside 在…时 before the verb (约翰逊在谈到拜登时说): when it was said, not who said it.
    if (ADJUNCT_OPEN.test(lead) && ADJUNCT_END.test(owned)) return false
    // A person's aide, campaign or family (一个前特朗普顾问说): they speak, not the person. (Not
    // 律师: 克朗普律师 is the lawyer Crump.) Nor a building or body named after them (特朗普大厦).
    if (m.type === 'person' && (ENTOURAGE.test(owned) || NAMED_AFTER.test(owned))) return false
    // A former official of a body (一名前白宫官员称) does not speak for it.
    if (m.type === 'org' && lead.endsWith('前') && FORMER_STAFF.test(owned)) return false
    if (!owned.startsWith('的') || owned.length < 2) return true
    // 引述科尔比的话: the one cited; 外交部的发言人, 罗伊的新闻稿: their own voice.
    return (citeAt >= 0 && owned.startsWith('的话')) || OWN_VOICE.test(owned.slice(1)) || (m.type === 'org' && ORG_VOICE.test(owned.slice(1)))
  })
}

/** Companies named by their name and kind (法马通公司, “法马通”公司, 中广核集团), as mentions. */
function namedCompanies(folded: string): EntityMention[] {
  const out: EntityMention[] = []
  for (const m of folded.matchAll(COMPANY)) {
    const at = m.index!
    // A name in quotation marks (“法马通”公司), else the one word before the kind, a noun or a name
    // jieba tags (华为公司, 中广核集团): not the verb or the count before it (制裁华为, 多家公司).
    const quoted = /[“「]([\p{Script=Han}a-z]{2,10})[”」]$/u.exec(folded.slice(Math.max(0, at - 12), at))
    if (quoted) {
      out.push({ id: quoted[1], name: quoted[1], surface: quoted[1], type: 'org', at: at - quoted[0].length + 1 })
      continue
    }
    const before = folded.slice(Math.max(0, at - 10), at)
    const last = tagWords(before).at(-1)
    if (!last || !before.endsWith(last.word) || !/^(n|x|eng|j)/.test(last.tag) || !/^[\p{Script=Han}a-z]{2,8}$/u.test(last.word) || DEMONSTRATIVE.test(last.word) || POINTING_END.test(last.word)) continue
    out.push({ id: last.word, name: last.word, surface: last.word, type: 'org', at: at - last.word.length })
  }
  return out
}
const COMPANY = /(?:公司|集团)/gu
// (…nor a word jieba joined to the demonstrative that ends it: 即该|公司 is 即 该公司.)
const POINTING_END = /(该|这|那|此|其)$/u
const DEMONSTRATIVE = /^(这|那|该|一|本|此|其|各|两|多|某|每|哪|子|母|分|总|大|小|新|老|前|原|科技|上市|跨国|私营|国营|国有|外国|美国|中国|航空|能源|电力)/u

/** The few characters before position `at` in its clause, from `from` on (what `isObject` reads). */
function clauseLead(folded: string, at: number, from = 0): string {
  const start = Math.max(from, at - OBJECT_WINDOW, ...[...'，,：:；;。'].map((c) => folded.lastIndexOf(c, at - 1) + 1))
  return folded.slice(start, at)
}

/**
 * Whether a name right after `lead` (the few characters before it in its clause) is the object of
 * a preposition or of 接受: 在苹果日报大楼外, 对路透, 跟习主席, 在接受福克斯商业频道的主持人…, with
 * no 的 between (正在…访问的蓬佩奥 is the subject) and the adjunct not closed before the name
 * (在这个时候金正恩说) or by a verb (在集会中批评特朗普). jieba tells the preposition from the same character in a word (反对党,
 * 现在, 对此).
 */
function isObject(lead: string): boolean {
  let at = 0
  let mark = -1
  for (const w of tagWords(lead)) {
    const k = lead.indexOf(w.word, at)
    if (k < 0) break
    at = k + w.word.length
    if ((w.tag === 'p' && OBJECT_PREPOSITION.has(w.word)) || OBJECT_VERB.has(w.word)) mark = at
    // A verb after it closes the phrase (于随后刊登任正非谈话, 在集会中批评特朗普).
    else if (mark >= 0 && /^v/.test(w.tag)) mark = -1
  }
  if (mark < 0) return false
  const between = lead.slice(mark)
  return !/的/u.test(between) && !ADJUNCT_CLOSED.test(between)
}
const NAMED_AFTER = /^(?:大厦|大樓|大楼|酒店|机场|號|号|中心|大学|学院|基金会|庄园|图书馆|纪念馆|广场)/u
const FORMER_STAFF = /^(?:的)?(?:高级)?(?:官员|助理|助手|顾问|雇员|员工|幕僚|发言人|工作人员)/u
const ENTOURAGE = /^(?:的)?(?:一位|一名|前|现任|首席)?(?:顾问|助手|助理|幕僚|发言人|团队|阵营|竞选团队|支持者|家人|女儿|儿子|妻子|丈夫|手下|同事|盟友|(?:政府|内阁|白宫)?(?:的)?(?:一位|一名)?(?:高级)?(?:官员|高官))/u
// The part of a clause searched for a preposition before a name.
const OBJECT_WINDOW = 10
const OBJECT_PREPOSITION = new Set(['在', '于', '对', '对于', '向', '跟', '给', '替', '同', '关于', '透过', '通过'])
const OBJECT_VERB = new Set(['接受', '透过', '通过', '告诉', '回应', '回复', '答复'])
const ADJUNCT_CLOSED = /(时|时候|后|之后|以后|前|之前|以来|期间|之际|当中)$/u
const ADJUNCT_OPEN = /(在|于|當|当)[^，,：:；;]*$/u
const ADJUNCT_END = /^[^，,：:；;]{0,16}(时|時|之际|之際|期间|期間)\s*$/u
const CITES = /援引|引述|引用/u
// What a speaker's own voice is called after 的 (罗伊的新闻稿, 白宫的声明), and an organisation's
// spokesperson, officials or report (外交部的发言人, 国防部的一名官员, CNN的报道).
const OWN_VOICE = /^(一份|一则|一篇|最新)?(声明|新闻稿|公报|推文|文章|社论|来信|信中|信里)/u
const ORG_VOICE = /^(一位|一名)?(发言人|官员|报告|报道|网站|官网)/u

/** Where a news agency's dateline ends (路透新德里6月30日 - , 新华社北京6月30日电), else 0. */
function datelineEnd(folded: string): number {
  const m = DATELINE.exec(folded)
  return m ? m[0].length : 0
}
const DATELINE = /^[^。，,：:“”]{0,24}?\d{1,2}日(?:电|讯)?\s*[-–—－]+\s*|^[^。，,：:“”]{0,24}?\d{1,2}日电\s*/u

/** The subject of the last speech verb in the folded text before a quotation. */
function speakerBefore(before: string, mentions: readonly EntityMention[], lastPerson: Speaker | undefined, roles: Roles): Speaker | undefined {
  const verbs = [...before.matchAll(VERB)].map((m) => m.index!)
  // The last speech verb's subject, unless it is nobody in particular (有报告指出, 有人说): then
  // the verb before it, whose subject is still speaking (他…称，有报告指出…，这“…”).
  for (let v = verbs.length - 1; v >= 0; v--) {
    const verbAt = verbs[v]
    // Closing quotation marks of any kind end what came before (…称「…」，冯德莱恩则说「…」).
    const clauseStart = Math.max(...['。', '”', '」', '』'].map((c) => before.lastIndexOf(c, verbAt))) + 1
    const subject = before.slice(clauseStart, verbAt)
    const phrase = subject.split(/[，,：:；]/).pop()!.trim()
    if (INDEFINITE.test(phrase)) continue
    let candidates = subjectNames(before, clauseStart, verbAt, mentions)
    // A clause with a speaking noun of its own for subject (另外，公报也提及，…): not a name an
    // earlier clause holds as an object (支持台湾参与世界卫生组织论坛).
    // (Not a phrase of whom it was said to: 对着人家记者说.)
    const phraseAt = verbAt - phrase.length
    const own = withoutWhen(phrase.replace(LEADING_CONNECTIVE, ''))
    if (SPEAKER_NOUN.test(own) && !GRAMMAR_START.test(own) && withoutAddressee(own) === own && !candidates.some((m) => m.at >= phraseAt)) candidates = []
    // A verb with no subject of its own (…，形容「…」) shares that of the nearest clause before it
    // that opens with one (駱惠寧說，推進…中共領導，形容「…」: 駱惠寧; 江澤民在大會上…，並強調:
    // 江澤民), not the last name an earlier clause holds.
    if (own.length === 0 && /[，,]/u.test(subject)) {
      const opener = clauseOpener(before, clauseStart, verbAt - phrase.length - 1, candidates)
      if (opener) return opener
      // …else the subject of the verb before it, still speaking (鄺俊宇指出…，質疑「…」; 公署表示「…」，
      // 批評「…」), not a name an earlier clause holds as an object (澳洲终止与中共合作…媒体爆料，指“…”).
      continue
    }
    const pronoun = PRONOUN.exec(subject)
    // The nearest named subject wins, unless a pronoun stands closer to the verb than any name.
    const named = candidates[candidates.length - 1]
    // Whom it means: the sentence's own subject before it, else whom the sentences before named.
    // A sentence opened by someone the rules cannot name (前述那位不愿具名的中国学者认为，特朗普政府…，
    // 但他不认为…): 他 is that person, not a name further on.
    const whomItMeans = () => (v > 0 && unnamedOpener(before, verbs[0], mentions) ? undefined : (pronounInSentence(candidates, before, verbAt) ?? lastPerson))
    if (pronoun && (!named || clauseStart + pronoun.index > named.at)) return whomItMeans()
    // 他 opening the subject phrase (他对BBC节目称, 但他不认为) is its subject too, whatever names
    // earlier clauses hold (参议员罗姆尼…痛批川普，他今天推文说: 罗姆尼).
    if (/^(他|她)(?!们)/u.test(phrase.replace(LEADING_CONNECTIVE, '')) && !candidates.some((m) => m.at >= phraseAt)) return whomItMeans()
    // An organisation followed by a title and a name the rules do not know (欧盟委员会主席冯德莱恩):
    // the person speaks, not the organisation.
    if (named?.type === 'org') {
      // (…and the day it spoke left off the name: 白宫国家安全顾问沙利文17日表示.)
      const rest = withoutWhen(before.slice(named.at + named.surface.length, verbAt))
      const person = titledUnknown(rest) ?? titledName(rest)
      if (person) return person
    }
    if (named) return asSpeaker(named)
    return speakerPhrase(withoutAddressee(phrase), roles, before.slice(verbAt, verbAt + VERB_CONTEXT))
  }
  return undefined
}

/**
 * Whom a 他/她 before a speech verb means, as far as its own sentence tells: the first person
 * the sentence named before it, its subject more often than a later name (川普总统打算除名克里斯
 * 托弗·雷，他说; 参议员罗姆尼…痛批川普，他今天推文说), else the person an organisation's title
 * introduces (外交部发言人耿爽被问到…，他表示). Never an organisation or a place: a pronoun is a
 * person, and a newspaper bought or cited earlier in the sentence is not who speaks (被问到会否
 * 担心买《苹果》触犯国安法，他表示). Undefined when the sentence names no one: then whom the
 * sentences before named.
 */
/** Is the subject of the sentence's first speech verb, at `verbAt`, someone named by role only (一位学者, 该官员)? */
function unnamedOpener(before: string, verbAt: number, mentions: readonly EntityMention[]): boolean {
  const start = Math.max(...['。', '”', '」', '』'].map((c) => before.lastIndexOf(c, verbAt))) + 1
  const phrase = before.slice(start, verbAt).split(/[，,：:；]/).pop()!.replace(LEADING_CONNECTIVE, '').replace(TRAILING_ADVERB, '').trim()
  return ONE_UNNAMED.test(phrase) && !/^(他|她)/u.test(phrase) && !subjectNames(before, start, verbAt, mentions).length
}
// One person by role (一位学者, 那位不愿具名的中国学者, 该名官员): 他 can mean them. Not a group or a
// body (分析人士, 专家们, 声明, 政府), which 他 cannot.
const ONE_UNNAMED = /(一位|一名|那位|这位|该名|该位|某位|前述|上述)[^，,]{0,14}(学者|官员|发言人|律师|专家|人士|教授|研究员|议员|外交官|消息人士)$/u

function pronounInSentence(candidates: readonly EntityMention[], before: string, verbAt: number): Speaker | undefined {
  const person = candidates.find((m) => m.type === 'person')
  if (person) return asSpeaker(person)
  for (const org of candidates) {
    const person = titledName(before.slice(org.at + org.surface.length, verbAt))
    if (person) return person
  }
  return undefined
}

/**
 * The subject of the nearest clause of `before[from, to)` that opens with one, walking back from
 * `to`: a person or organisation at its start (an organisation's titled person rather than the
 * organisation: 联合国…特别报告员汤姆·安德鲁斯), or a name right after a title there (人大常委
 * 譚耀宗). A clause that is a time adjunct (凯莱赫卸任总裁时) opens with no subject of the verb.
 */
function clauseOpener(before: string, from: number, to: number, candidates: readonly EntityMention[]): Speaker | undefined {
  let end = to
  while (end > from) {
    const start = Math.max(from, before.lastIndexOf(',', end - 1) + 1, before.lastIndexOf('，', end - 1) + 1)
    const clause = before.slice(start, end)
    if (!ADJUNCT_END.test(clause)) {
      const inClause = candidates.filter((m) => m.at >= start && m.at < end)
      const first = inClause[0]
      // (Not a name a verb before it makes an object: 批评前总统唐纳德·川普.)
      const opens = first && first.at <= start + OPENER_REACH && !hasVerb(before.slice(start, first.at))
      const person = inClause.find((m) => m.type === 'person' && m.at <= start + OPENER_REACH + 16)
      const title = OPENER_TITLE.exec(clause)
      const titled = title && title.index <= OPENER_REACH && !hasVerb(clause.slice(0, title.index)) ? leadingName(clause.slice(title.index + title[0].length)) : undefined
      if (titled && (!opens || start + title!.index < first.at)) return titled
      if (opens) return asSpeaker(first.type === 'org' && person ? person : first)
    }
    end = start - 1
  }
  return undefined
}
const hasVerb = (text: string) => tagWords(text).some((w) => /^v/.test(w.tag))
// How far into a clause its subject may start (港区人大常委, 民主党主席).
const OPENER_REACH = 8
const OPENER_TITLE = /(总统|总理|首相|主席|部长|外长|国务卿|发言人|秘书长|大使|主任|局长|署长|处长|司长|总裁|董事长|社长|总编辑|主编|院长|校长|会长|负责人|召集人|创办人|议员|常委|委员|教授|学者|律师|主持人|记者)/u

/** The name right after a title that follows an organisation (《苹果》|副社长陈沛敏周二…表示). */
function titledName(rest: string): Speaker | undefined {
  const title = ORG_TITLE.exec(rest)
  return title ? leadingName(rest.slice(title[0].length)) : undefined
}

/**
 * The name that opens a phrase right after a title (耿爽|被问到…): the words jieba tags a name or
 * does not know, joined (冯德|莱恩). After a title a two-character unknown word is a name.
 */
function leadingName(phrase: string): Speaker | undefined {
  let name = ''
  const words = tagWords(phrase.slice(0, 16))
  for (const [k, w] of words.entries()) {
    // A name's last character that jieba leaves alone as a morpheme (赵家|贤, 黎氏秋|姮) ends it.
    if (isNameEnd(w, name, words[k + 1]) && phrase.startsWith(name + w.word)) {
      name += w.word
      break
    }
    if (!/^(nr|x$)/.test(w.tag) || !/^\p{Script=Han}+$/u.test(w.word)) break
    // (A double-barrelled transliteration goes on past its hyphen: 泰布林-吉鹤德.)
    const joined = [name + w.word, ...(name ? [...'-－‐·・'].map((h) => name + h + w.word) : [])].find((n) => phrase.startsWith(n))
    if (!joined) break
    name = joined
  }
  if (/^\p{Script=Han}{2,6}$|^\p{Script=Han}{2,4}[-－‐·・]\p{Script=Han}{2,4}$/u.test(name)) return { id: name, name }
  // A name in Latin letters, which jieba does not tag (负责人 josep borrell 谈到).
  const latin = LATIN_LEADING.exec(phrase)?.[1]
  return latin ? { id: latin, name: latin } : undefined
}
// A name of one to four words in Latin letters (folded text is lower-case), opening or ending a phrase.
const LATIN_LEADING = /^\s*([a-z][a-z'’.-]{1,}(?:\s[a-z][a-z'’.-]*){0,3})(?![a-z0-9])/u
const LATIN_ENDING = /(?:^|[^a-z0-9'’.\s-])\s*([a-z][a-z'’.-]{1,}(?:\s[a-z][a-z'’.-]*){0,3})\s*$/u
const latinName = (phrase: string): Speaker | undefined => {
  const name = LATIN_ENDING.exec(phrase)?.[1]
  return name ? { id: name, name } : undefined
}

/** A person the rules do not know, right after an organisation and a title (欧盟委员会|主席冯德莱恩). */
function titledUnknown(rest: string): Speaker | undefined {
  const title = ORG_TITLE.exec(rest)
  return title ? unknownPerson(rest.slice(title[0].length)) : undefined
}
const ORG_TITLE = /^[^，,：:；]{0,8}?(总统|总理|首相|主席|部长|外长|国务卿|发言人|秘书长|大使|顾问|特使|主任|局长|署长|处长|司长|总裁|行政总裁|首席执行官|执行长|董事长|社长|总编辑|主编|总监|院长|校长|会长|理事长|负责人|召集人|创办人|创始人|议员)/u

/**
 * A speaker phrase no entity rule named: a role (外交部发言人, 该公司) or a name jieba tells.
 * `verb`: the speech verb and what follows it, when the phrase ends right before it.
 */
function speakerPhrase(phrase: string, roles: Roles, verb = ''): Speaker | undefined {
  // …but a phrase that opens with a pronoun (他们在报告) is not the name of a speaker.
  // (Nor is the day or time it was said part of it: 国防部新闻发言人星期五宣布, 外交部发言人今天(3日)说.)
  const role = withoutWhen(phrase)
  if (role.length >= 2 && role.length <= 12 && SPEAKER_NOUN.test(role) && !/^(他|她|它|我|你)/u.test(role)) return rolePhrase(role, roles)
  // A longer one whose role is someone's (英国首相约翰逊的一位发言人): the spokesperson speaks, not
  // the person the title before names.
  if (role.length <= POSSESSED_ROLE_MAX && POSSESSED_ROLE.test(role) && !/^(他|她|它|我|你)/u.test(role)) return rolePhrase(role, roles)
  // A name after a body's title, read apart from the title (美国商会会长史墨客: jieba reads 会|长史|墨客).
  return titledName(phrase) ?? unknownPerson(phrase, verb, roles.table) ?? latinName(phrase)
}
const POSSESSED_ROLE = /的(?:一位|一名)?(?:高级)?(?:发言人|顾问|助手|助理|幕僚|官员|律师)$/u
const POSSESSED_ROLE_MAX = 24
// Enough of the verb to see a word across its start (回|答道, 供|称).
const VERB_CONTEXT = 3
// A word of saying ends in one of these (回答, 供称, 所说, 坦言); 写 is left out (默写, 改写).
const SAYING = /[答称说言讲谈问告述道]$/u

/**
 * A subject phrase without whom the words were said to (钟南山对记者说, 一位发言人向法新社记者表示,
 * 他跟朋友说): 记者 there is the listener, not a speaker by role.
 */
function withoutAddressee(phrase: string): string {
  const m = ADDRESSEE.exec(phrase)
  // (…and the 在 that opened 在接受记者采访时, 在接受路透社采访时.)
  const said = m && m.index >= 2 ? phrase.slice(0, m.index).replace(/(?<=.{2})在$/u, '') : phrase
  // …and without where or when they were said (鲍彤在推特上表示, 王毅在记者会上说, 他在接受采访时说):
  // the subject is before 在.
  const where = ADJUNCT.exec(said)
  return where && where.index >= 1 ? said.slice(0, where.index) : withoutWhenDoing(said)
}

/**
 * A subject phrase without a clause of when that opens with a verb and no 在 (美國駐港總領事館發言人
 * 回覆查詢時表示, 发言人出席记者会时说): the subject is before the verb.
 */
function withoutWhenDoing(phrase: string): string {
  if (!WHEN_END.test(phrase)) return phrase
  let at = 0
  for (const w of tagWords(phrase)) {
    const k = phrase.indexOf(w.word, at)
    if (k < 0) break
    at = k + w.word.length
    if (k >= 2 && phrase.length - k <= WHEN_REACH && /^v/.test(w.tag) && w.word.length >= 2) return phrase.slice(0, k)
  }
  return phrase
}
const WHEN_END = /(时|时候|之际|期间)$/u
// How long a clause of when may be (回复查询时, 回应香港记者查询张浚生逝世时).
const WHEN_REACH = 16
const ADDRESSEE = /(?:对|向|跟|给|告诉|接受)[^对向跟给]{1,10}$/u
// (…and 在 a name in Latin letters: 戴耀廷在Facebook表示, 張忠順女兒在Twitter稱.)
const ADJUNCT = /在[^在，,：:；;]{1,12}?(?:上|中|里|内|时|期间|之际)$|在\s*[a-z][a-z0-9 .'’-]*$/u

// A subject that names nobody in particular: 有报告, 有人, 一些分析人士, 外界.
const INDEFINITE = /^(有(?!关)|一些|某些|部分|不少|许多|很多|外界|坊间)/u

/**
 * A person the entity rules do not know, as the end of a subject phrase: jieba tags the last
 * word a person's name, or does not know it and found it by its model (李桂华 in 国安处高级警司李桂华).
 */
const GRAMMAR_START = /^[并和与及也就而但又还则且即便已曾将在对向于被把让]/u

/**
 * A subject phrase without the adverb of manner that ends it (切斯特顿曾明智地, 拜登公开地, 特朗普再次
 * 明确地) and the adverbs before that (曾, 再次): jieba tags some such words a name (明智地). A word
 * ending in 地 that is a noun or a place (基地, 当地) stays.
 */
function withoutManner(phrase: string): string {
  const words = tagWords(phrase)
  const last = words[words.length - 1]
  if (!last || !last.word.endsWith('地') || /^(n(?!r)|s|f)/.test(last.tag) || !phrase.endsWith(last.word)) return phrase
  words.pop()
  // (地 on its own: the adjective or adverb it makes an adverb of goes too.)
  if (last.word === '地' && words.length && /^(a|d|v|z|i|l)/.test(words[words.length - 1].tag)) words.pop()
  while (words.length && words[words.length - 1].tag === 'd') words.pop()
  return words.map((w) => w.word).join('')
}

function unknownPerson(phrase: string, verb = '', table?: EntityTable): Speaker | undefined {
  // An adverb between the subject and the verb is not part of the name (冯德莱恩则说, 他也说;
  // 練乙錚續說: 续, continued).
  const trimmed = phrase.trim()
  let bare = withoutManner(trimmed).replace(TRAILING_ADVERB, '')
  // A verb jieba reads as starting before the one matched (王庆华回|答道 is 回答道, 潘伟山供|称 is
  // 供称): its first character is no part of the name.
  if (verb && bare === trimmed) bare = bare.slice(0, verbStart(bare, verb))
  if (bare.length < 2 || bare.length > 20) return undefined
  const tagged = tagWords(bare)
  // (A name's last character jieba left alone as a morpheme, 赵家|贤, is the name's, as in `leadingName`.)
  const end = tagged.length >= 2 && /^(nr|x$)/.test(tagged[tagged.length - 2].tag) && isNameEnd(tagged[tagged.length - 1], tagged[tagged.length - 2].word) ? tagged.pop()!.word : ''
  const cut = tagged.pop()
  const last = cut && end ? { ...cut, word: cut.word + end } : cut
  if (!last || !bare.endsWith(last.word) || !/^\p{Script=Han}{1,4}$/u.test(last.word) || GRAMMAR_START.test(last.word)) return undefined
  if (last.tag === 'ns') return personTaggedPlace(bare, last.word, tagged, table)
  // A transliterated name jieba cut in two (冯德 | 莱恩): the pieces it does not know before the
  // last name-tagged one belong to the name.
  let name = last.word
  // (…and a transliteration's pieces that jieba tags names, 斯特凡 | 尼克.)
  while (/^nr/.test(last.tag) && tagged.length && (tagged[tagged.length - 1].tag === 'x' || (last.tag === 'nrt' && /^nr/.test(tagged[tagged.length - 1].tag) && tagged[tagged.length - 1].word.length >= 2)) && /^\p{Script=Han}+$/u.test(tagged[tagged.length - 1].word) && name.length < 6) name = tagged.pop()!.word + name
  // …and a surname jieba cut off a two-character given name it knows as a word (史|墨客).
  if (/^nr/.test(last.tag) && name.length === 2 && tagged.length && SURNAMES.has(tagged[tagged.length - 1].word) && /^nr/.test(tagged[tagged.length - 1].tag)) name = tagged.pop()!.word + name
  if (!/^\p{Script=Han}{2,6}$/u.test(name)) return undefined
  // A word jieba found by its model is a name when it is long enough not to be a verb's
  // fragment (并坚 of 并坚称).
  if (!(/^nr/.test(last.tag) || (last.tag === 'x' && name.length >= 3))) return undefined
  // …with the rest of a double-barrelled transliteration (泰布林-吉鹤德).
  const barrel = HYPHENATED.exec(bare.slice(0, bare.length - name.length))?.[0] ?? ''
  return { id: barrel + name, name: barrel + name }
}
/**
 * Is `w`, after the name read so far, the name's last character that jieba left alone as a morpheme
 * (语素: 赵家|贤, 单仲|偕, 黎氏秋|姮)? A single character tagged so, after two characters of a name (or
 * three with 氏, a Vietnamese name), that is not an adverb (张剑虹|较早前) nor the first character of
 * a noun jieba read after it (斯特凡尼克|众|议员 is 众议员).
 */
function isNameEnd(w: TaggedWord, name: string, next?: TaggedWord): boolean {
  if (w.word.length !== 1 || !/^\p{Script=Han}$/u.test(w.word) || !/^[a-z]g$/.test(w.tag) || GRAMMAR_CHAR.test(w.word)) return false
  if (!(name.length === 2 || (name.length === 3 && name.includes('氏')))) return false
  return !next || !/^n/.test(next.tag)
}
const GRAMMAR_CHAR = /[较曾已亦则又再均皆仍乃便即遂并也还都就却才将在对向于与和及之其所]/u
const HYPHENATED = /\p{Script=Han}{2,4}[-－‐·・]$/u

/**
 * Where a speech verb starts when jieba, given the words around it, reads a verb of saying across
 * the end of the subject phrase (回答 in 王庆华回答道, 供称 in 潘伟山供称, 所说 in 付来友所说):
 * that word's start, if it leaves a name of two characters or more; else the phrase's end. Only a
 * word of saying: 默写 in 克兰默写道 is the name's end read with the verb.
 */
function verbStart(phrase: string, verb: string): number {
  const text = phrase + verb
  let at = 0
  for (const w of tagWords(text)) {
    const k = text.indexOf(w.word, at)
    if (k < 0 || k >= phrase.length) break
    at = k + w.word.length
    if (at > phrase.length && k >= 2 && SAYING.test(w.word) && !/^(n[rstz]|x|eng|m)/.test(w.tag)) return k
  }
  return phrase.length
}

/**
 * A subject jieba tags a place that is a person (钟南山对记者说, 时评人长平认为, 宋庆春强调): jieba's
 * dictionary lists some names as places, and cuts some names as a surname and a place (宋|庆春).
 * Taken as a person where the name opens the subject or follows a noun (a role), is not a place
 * the entity table knows, and is either a surname with a two-character given name or rare in
 * jieba's corpus (IDF at least RARE_PLACE_IDF): the countries and cities that "say" things
 * (日本表示, 华盛顿认为) speak for their governments and are common words.
 */
function personTaggedPlace(bare: string, word: string, before: TaggedWord[], table: EntityTable = loadEntityTable()): Speaker | undefined {
  const surname = before[before.length - 1]
  const joined = word.length === 2 && surname?.word.length === 1 && SURNAMES.has(surname.word) && bare.endsWith(surname.word + word)
  const name = joined ? surname.word + word : word
  if (!/^\p{Script=Han}{2,3}$/u.test(name) || (!joined && idfOf(name) < RARE_PLACE_IDF)) return undefined
  if (table.resolve(name)?.type === 'place') return undefined
  const rest = joined ? before.slice(0, -1) : before
  const role = rest[rest.length - 1]
  if (role && !(role.word.length >= 2 && /^n(?![rstz])/.test(role.tag))) return undefined
  return { id: name, name }
}
const RARE_PLACE_IDF = 9.3

function speakerAfter(after: string, table: EntityTable, lastPerson: Speaker | undefined, learned: ReadonlyMap<string, EntityMention>, roles: Roles): Speaker | undefined {
  const m = VERB_AFTER.exec(after)
  if (!m) return undefined
  const subject = m[1].trim()
  if (/^(他|她)们?$/.test(subject) || subject === '') return subject ? lastPerson : undefined
  const named = subjectNames(subject, 0, subject.length, withLearned(subject, findEntities(subject, table), learned))
  if (named.length) return asSpeaker(named[named.length - 1])
  const phrase = withoutWhen(withoutAddressee(subject))
  if (phrase.length <= 12 && SPEAKER_NOUN.test(phrase) && !/^(他|她|它|我|你)/u.test(phrase)) return rolePhrase(phrase, roles)
  // A name in Latin letters ending the subject (马来亚银行分析师Chua Hak Bin称, …Gabriel Lim在记者会上说).
  return latinName(phrase)
}

/**
 * The speaker a dash names after a quotation that opens its sentence (“…。” ——参议院多数党领袖
 * 麦康奈尔（Mitch McConnell）; “…。” ——巴尔在司法部备忘录中写道): in the words before its first
 * preposition or verb, the last person named (else organisation), or the name they end with.
 * Glosses in brackets are left out.
 */
function dashAttribution(after: string, table: EntityTable, learned: ReadonlyMap<string, EntityMention>, roles: Roles): Speaker | undefined {
  const dash = DASH.exec(after)
  if (!dash) return undefined
  const phrase = after.slice(dash[0].length).replace(/[（(][^（()）]*[)）]/gu, '').replace(/[\s。！？!?]+$/u, '')
  if (!phrase || phrase.length > DASH_REACH || /[，,；;“”「」]/u.test(phrase)) return undefined
  // The subject: the nouns and names it opens with, up to the first word of another kind
  // (巴尔|在司法部备忘录中写道, 普京|如此评价拜登; 竞选 of 拜登竞选团队 is a noun here).
  let end = 0
  for (const w of tagWords(phrase)) {
    const k = phrase.indexOf(w.word, end)
    if (k < 0 || !(/^(n|x|eng|vn|j)/.test(w.tag) || /^(的|·|・)$/u.test(w.word))) break
    end = k + w.word.length
  }
  const subject = phrase.slice(0, end)
  // (Not a person whose supporters, aide or building speaks: 特朗普支持者, 特朗普大厦.)
  const named = withLearned(subject, findEntities(subject, table), learned).filter((m) => {
    const owned = phrase.slice(m.at + m.surface.length)
    return m.type === 'org' || (m.type === 'person' && !ENTOURAGE.test(owned) && !NAMED_AFTER.test(owned))
  })
  // The name comes last in it, after whom the speaker works for (特朗普法律顾问珍娜·埃利斯), and a
  // person after an organisation and a title is that person (欧盟委员会主席冯德莱恩).
  const people = named.filter((m) => m.type === 'person')
  const last = people[people.length - 1] ?? named[named.length - 1]
  if (last?.type === 'org') {
    const rest = subject.slice(last.at + last.surface.length)
    const person = titledUnknown(rest) ?? titledName(rest)
    if (person) return person
  }
  if (last) return asSpeaker(last)
  return subject.length >= 2 ? speakerPhrase(subject, roles) : undefined
}
const DASH = /^\s*(?:——|—|──|－－|--)\s*/u
// An attribution longer than this is a sentence of its own, not a name with a title.
const DASH_REACH = 40

/**
 * What an article has said about who is who, for the speaker phrases that name no one
 * (该公司, 这位发言人, EDF的一位发言人): the people and bodies it named by role (外交部发言人汪文斌:
 * 发言人 → 汪文斌), and the organisations it named last, most recent first.
 */
interface Roles {
  readonly table: EntityTable
  readonly byNoun: Map<string, Speaker>
  orgs: Speaker[]
}
const MAX_ORGS = 8

/** Learns role → person where a role noun stands right before a person's name (发言人汪文斌). */
function learnRoles(folded: string, mentions: readonly EntityMention[], roles: Roles): void {
  const seen: Array<[number, string, Speaker | undefined]> = []
  for (const m of mentions) {
    if (m.type !== 'person') continue
    const role = SPEAKER_NOUN.exec(folded.slice(Math.max(0, m.at - 6), m.at))
    if (role) seen.push([m.at, role[1], asSpeaker(m)])
  }
  // A spokesperson or official left unnamed (EDF能源公司的一位不愿透露姓名的发言人表示) is whom a
  // later 该发言人 means: no longer the one named before (外交部发言人赵立坚).
  for (const r of folded.matchAll(UNNAMED_ROLE)) {
    const end = r.index! + r[0].length
    // Not one named right after it (发言人赵立坚), one pointed back to (该名发言人, 这位白宫发言人),
    // a group (发言人中, 官员们), nor the role of someone the sentence names before it (赵立坚是外交部发言人).
    if (mentions.some((m) => m.type === 'person' && m.at >= end && m.at <= end + 1) || ANAPHOR_BEFORE.test(folded.slice(Math.max(0, r.index! - 8), r.index!)) || /^[中们]/u.test(folded.slice(end)) || mentions.some((m) => m.type === 'person' && m.at < r.index!)) continue
    seen.push([r.index!, r[0], undefined])
  }
  // Who issued a statement (阿富汗总统加尼发表声明, 香港民主派今天(31日)发表联合声明): what a later
  // bare 声明说 speaks for.
  for (const r of folded.matchAll(ISSUED)) {
    const verbAt = r.index!
    const start = Math.max(...[...'，,。：:；;'].map((c) => folded.lastIndexOf(c, verbAt - 1))) + 1
    const named = subjectNames(folded, start, verbAt, mentions)
    // Issued by one (not 他与拜登签署了一份联合声明, 白宫和克里姆林宫发表…: no one of them speaks for it).
    // …and one that is the clause's subject: not whom someone asks or watches for it (抗议者要求政府
    // 发表声明, 外界关注特朗普何时发表声明).
    const clause = folded.slice(start, verbAt).replace(/\([^()]*\)/gu, '')
    const joint = named.length > 1 || /[与和同及跟、]/u.test(clause) || tagWords(clause).some((w) => w.tag === 'v' && w.word.length >= 2) || /何时|是否|要求|呼吁|促请|敦促/u.test(clause)
    const who = !joint && named.length === 1 ? named[0] : undefined
    const phrase = folded.slice(start, verbAt).replace(/\([^()]*\)/gu, '').replace(WHEN_SAID, '').trim()
    const body = !named.length && /^\p{Script=Han}{2,10}$/u.test(phrase) && !GRAMMAR_START.test(phrase) && !/^(他|她|它|我|你|该|这|那|此|上述|其)/u.test(phrase)
    const speaker = joint ? undefined : who ? asSpeaker(who) : body ? (titledName(phrase) ?? unknownPerson(phrase) ?? (ISSUER_END.test(phrase) ? { id: phrase, name: phrase } : undefined)) : undefined
    seen.push([verbAt, r[4], speaker])
  }
  for (const [, noun, speaker] of seen.sort((a, b) => a[0] - b[0])) {
    if (speaker) roles.byNoun.set(noun, speaker)
    else roles.byNoun.delete(noun)
  }
}
const UNNAMED_ROLE = /(发言人|官员|人士|专家|学者|律师)/gu
// A body by its kind (香港民主派, 泛民阵营, 律师公会), when no rule names it.
const ISSUER_END = /(派|党|阵营|政府|组织|团体|联盟|协会|公会|工会|学会|委员会|公司|集团|机构|大学|学院|法院|当局|部|局|署|院|社|办)$/u
const ISSUED = /(发表|发布|发出|签署)(了)?((?:一份|一项|联合|书面|正式)*)(声明|公报)/gu
// Words of when between a subject and its verb (今天(31日), 周三, 当天).
const WHEN_SAID = /((今天|昨天|今日|昨日|当天|当日|周.|星期.|\(\d{1,2}日\)|\d{1,2}日|上午|下午|晚间|早些时候|稍早))+$/u
/** A subject phrase without the words of when it spoke that end it (发言人星期五, 该官员周三也): not part of who spoke. */
function withoutWhen(phrase: string): string {
  const bare = phrase.replace(TRAILING_ADVERB, '').replace(WHEN_SAID, '').replace(TRAILING_ADVERB, '')
  return bare.length >= 2 ? bare : phrase.replace(TRAILING_ADVERB, '')
}
const ANAPHOR_BEFORE = /(该|这|那|此|上述)(名|位)?[^，,。]{0,4}$/u

/**
 * The speaker a role phrase names: the phrase itself (消息人士, 美方官员, 联合声明), the body
 * whose voice it is (EDF的一位发言人, 港府的声明, 国务院声明 → EDF, 港府, 国务院), or — for a
 * phrase that points back (该公司, 这位发言人, 该厂周日发表声明) — whom the article named so
 * before; nobody when it named no one so (a quotation is better unattributed than credited to
 * 该公司). Connectives and adverbs around it are not part of it (但分析师, 据美国官员, 这位专家还).
 */
function rolePhrase(raw: string, roles: Roles): Speaker | undefined {
  const phrase = raw.trim().replace(LEADING_CONNECTIVE, '').replace(TRAILING_ADVERB, '').trim()
  if (phrase.length < 2 || INDEFINITE.test(phrase)) return undefined
  const noun = SPEAKER_NOUN.exec(phrase)?.[1]
  // A statement named bare (声明说) is the one the article said someone issued (加尼发表声明).
  if (noun && phrase === noun && roles.byNoun.has(noun)) return roles.byNoun.get(noun)
  if (ANAPHOR.test(phrase)) {
    const known = noun && roles.byNoun.get(noun)
    if (known) return known
    // …and the spokesperson of a body pointed back to (该公司发言人) speaks for it.
    const body = VOICE.exec(phrase)?.[1] ?? phrase
    return INSTITUTION.test(body) ? roles.orgs[0] : undefined
  }
  const voice = VOICE.exec(phrase)
  const body = voice?.[1].trim()
  if (body && (ORG_ENDING.test(body) || /^[a-z][a-z0-9&.\- ]{1,20}$/u.test(body))) {
    const whole = findEntities(body, roles.table).find((m) => m.surface === body && (m.type === 'org' || m.type === 'person'))
    const speaker = whole ? asSpeaker(whole) : { id: body, name: body }
    roles.byNoun.set(voice![2], speaker)
    return speaker
  }
  return roleNoun(phrase)
}

/**
 * A role phrase as a speaker: the noun phrase that ends it, without the verb or clause before
 * it (威胁当地官员 → 当地官员, 文章引用行内分析人士 → 行内分析人士, 一位评论该应用程序的记者 → 记者); a name before a
 * title is the person (莫里森总理 → 莫里森).
 */
function roleNoun(phrase: string): Speaker | undefined {
  const words = tagWords(phrase)
  let start = 0
  let at = 0
  let verb = false
  for (const [i, w] of words.entries()) {
    const k = phrase.indexOf(w.word, at)
    if (k < 0) break
    at = k + w.word.length
    if (i === words.length - 1) break
    // A verb of two characters or more (one-character ones are as often a noun's part to jieba:
    // 宣传|部), a preposition (对, 向, 被, 按), and 的 after a verb (a relative clause; 国防部的
    // 一名官员 keeps its body).
    const isVerb = w.tag === 'v' && w.word.length >= 2
    // …but not a verb right before the noun: it describes it (批评人士, 匿名人士).
    if ((isVerb && i < words.length - 2) || /^p/.test(w.tag) || (/^u/.test(w.tag) && verb)) start = at
    verb ||= isVerb
  }
  const tail = phrase.slice(start).replace(/^[\p{P}\s]+/u, '')
  if (tail.length < 2) return undefined
  const title = PERSON_TITLE.exec(tail)
  const person = title && title.index >= 2 ? unknownPerson(tail.slice(0, title.index)) : undefined
  return person ?? { id: tail, name: tail }
}
const PERSON_TITLE = /(总统|副总统|总理|首相|部长|外长|大使|众议员|参议员|议员|主席|州长|市长|教授|博士)$/u
const LEADING_CONNECTIVE = /^(但是|但|而|据|根据|另据|并且|并|且|不过|然而)/u
const TRAILING_ADVERB = /(则|也|亦|还|又|更|就|便|却|都|再|继续|续|随后|此前|同时|当时|今天|昨天)+$/u
// A phrase that points back to someone named before: 该公司, 这位发言人, 这名消息人士, 此间官员.
const ANAPHOR = /^(该|这|那|此|上述)/u
// What a phrase pointing back to a body rather than a person ends with: 该声明 and 该厂 are the
// voice of the body named last.
const INSTITUTION = /(声明|报告|公报|政府|外交部|委员会|公司|组织|机构|集团|厂|大学|媒体|官方|当局|警方|法院)$/u
// A body's voice: its spokesperson or its statement (X的一位发言人, X的声明, X声明).
const VOICE = /^(.{2,16}?)(?:的)?(?:一位|一名|一份|一则)?(?:新闻)?(发言人|声明|公报)$/u
// What the name of a body ends with (国务院, 港府, 峰会, 北京语言大学, 国防部).
const ORG_ENDING = /(部|院|府|局|会|署|厅|委|办|处|馆|厂|司|社|台|团|党|军|队|大学|学院|组织|集团|公司|机构|政府|当局|中心)$/u

// Reported speech: a named subject, a speech verb, then what was said (普京表示，俄美立场不同).
// (说 in 对…来说, 据说, 听说 is no one's saying: 对于追求民主的中共国人来说，…)
// (An opening clause of when may stand before the subject: 在克拉奇次卿访台期间，台湾官员说，….)
const REPORTED = /^((?:(?:在|当|於|于)[^，,。：:“”]{1,24}(?:时|时候|期间|之际|后|之后|以后)[，,]\s*)?)([^，,。：:“”]{1,30}?)(表示|指出|强调|称|(?<![来据听])说|认为|坦言|透露|警告|重申)[，,：:]\s*(.{10,})$/u

/**
 * `X表示，…` with the speaker named as the subject: the outlet's paraphrase of what X said.
 * Only when the subject holds a person or organisation (or a pronoun for the last one named):
 * `外界认为，…` and `据报道称，…` are not anyone's words.
 */
function reportedSpeech(s: Sentence, mentions: readonly EntityMention[], lastPerson: Speaker | undefined, roles: Roles): Quote | undefined {
  const m = REPORTED.exec(s.folded)
  if (!m) return undefined
  const subjectStart = m[1].length
  const subjectEnd = subjectStart + m[2].length
  const named = subjectNames(s.folded, subjectStart, subjectEnd, mentions)
  const last = named[named.length - 1]
  // An organisation, a title and a name the rules do not know (白宫国家安全顾问沙利文17日表示): the
  // person speaks, as in `speakerBefore`.
  const rest = last?.type === 'org' ? withoutWhen(s.folded.slice(last.at + last.surface.length, subjectEnd)) : ''
  const titled = rest ? (titledUnknown(rest) ?? titledName(rest)) : undefined
  // …else a subject that is a place's people by role, where the place is all the rules find
  // (台湾官员说, 法国卫生官员表示, 台湾的专家认为): as before a quotation (`speakerPhrase`), the
  // officials speak, the place does not. (A role alone — 专家认为, 报告指出 — stays unread, as before.)
  const subject = m[2].trim()
  const role = () => {
    const phrase = withoutWhen(subject.replace(LEADING_CONNECTIVE, ''))
    const at = subjectStart + subject.indexOf(phrase)
    const place = mentions.find((x) => x.type === 'place' && x.at === at)
    if (!place || phrase.length > 12 || phrase.length <= place.surface.length + 1 || !PLACE_ROLE.test(phrase)) return undefined
    return rolePhrase(phrase, roles)
  }
  const speaker = titled ?? (last ? asSpeaker(last) : /^(他|她)$/.test(subject.replace(CONNECTIVE, '')) ? lastPerson : role())
  if (!speaker) return undefined
  const at = m[0].length - m[4].length
  const text = s.folded.length === s.text.length ? s.text.slice(at) : m[4]
  return { text: text.trim(), speaker, sentence: s.n, attribution: 'direct', kind: 'reported' }
}

const PLACE_ROLE = /(官员|发言人|专家|学者|人士|当局|警方|政府)$/u

/** Mentions plus bare occurrences of names learned earlier in the article, in text order. */
function withLearned(folded: string, mentions: readonly EntityMention[], learned: ReadonlyMap<string, EntityMention>): EntityMention[] {
  const out = [...mentions]
  for (const [name, m] of learned) {
    for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + name.length)) {
      if (!out.some((x) => at < x.at + x.surface.length && x.at < at + name.length)) out.push({ ...m, surface: name, at })
    }
  }
  return out.sort((a, b) => a.at - b.at)
}
