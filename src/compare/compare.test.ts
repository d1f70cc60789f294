import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { foldText } from '../normalize/fold.js'
import { expectGolden } from '../../test/support/golden.js'
import { exampleArticles } from '../../test/support/store.js'
import type { Article } from '../article.js'
import { findFigures } from '../analyze/figures.js'
import { segment } from '../analyze/segment.js'
import { splitSentences } from '../analyze/sentences.js'
import { buildStories } from '../cluster/stories.js'
import { loadRegistry } from '../outlets/registry.js'
import { claimHeading, compareEvent, isForecast, isNearCopy, summarize, withoutDateline, type Claim, type Comparison } from './compare.js'
import { agree, groupFigures, type FigureValue, type LocatedFigure } from './figures.js'
import { framing } from './framing.js'
import { comparisonHtml } from './report-html.js'
import { comparisonMarkdown } from './report-md.js'

const registry = loadRegistry()
const seeds: Article[] = exampleArticles()
// The test chooses the event's members itself, so the comparison is tested apart from clustering.
const summit = seeds.filter((a) => a.publishedAt!.startsWith('2021-06'))
const meta = (id: string) => {
  const o = registry.byId(id)!
  return { id, name: o.names['zh-Hans'], type: o.type, country: o.country, owner: o.owner }
}
const c: Comparison = compareEvent({ id: 'e-summit', title: 'Geneva summit', start: '2021-06-15', end: '2021-06-19' }, summit, meta)
const claim = (id: string) => c.claims.find((x) => x.id === id)!
/** A report of `text` by `outletId`, dated by its page's metadata, in the seeds' shape. */
const article = (id: string, outletId: string, publishedAt: string, text: string): Article => ({ ...summit[0], id: id as Article['id'], outletId, title: text.slice(0, 16), text, folded: foldText(text), publishedAt, dateSource: 'html-meta' })
/** A consensus claim of two outlets, a and b, worded by the given sentences (the first outlet's first). */
const claimOf = (texts: string[], id = 'c1'): Claim => ({ id, text: texts[0], outlets: ['a', 'b'], relayedBy: [], sentences: texts.map((text, i) => ({ articleId: `a${i}`, outlet: i ? 'b' : 'a', text, sentence: 0 })) })
const allText = (id: string) => [claim(id).text, ...claim(id).sentences.map((s) => s.text)].join(' ')

describe('comparison of the Geneva summit reports', () => {
  it('finds the ambassadors, the stability dialogue and the nuclear-war principle as consensus', () => {
    const consensus = c.consensus.map(allText)
    expect(consensus.some((t) => /大使/.test(t) && /返回|重返/.test(t))).toBe(true)
    expect(consensus.some((t) => /战略稳定对话/.test(t))).toBe(true)
    expect(consensus.some((t) => /核战争/.test(t) && /赢/.test(t))).toBe(true)
    for (const id of c.consensus) expect(claim(id).outlets.length).toBeGreaterThanOrEqual(2)
  })

  it('lists the session lengths and the Guantánamo retort as unique to Guancha', () => {
    const guancha = c.unique.guancha.map(allText)
    expect(guancha.some((t) => /93分钟/.test(t) && /87分钟/.test(t))).toBe(true)
    expect(guancha.some((t) => /关塔那摩/.test(t))).toBe(true)
    for (const id of c.unique.guancha) expect(claim(id).outlets).toEqual(['guancha'])
  })

  it('reports a conflict on the length of the talks and shows the planned lengths as planned', () => {
    const talks = c.figures.find((g) => g.dimension === 'duration' && g.conflict)!
    expect(talks.conflicting.map((v) => [v.outlet, v.value]).sort()).toEqual([['gnews', 240], ['guancha', 180]])
    const planned = talks.values.filter((v) => v.modality === 'planned').map((v) => [v.outlet, v.value, v.valueMax ?? null])
    expect(planned.sort()).toEqual([['guancha', 240, 300], ['mitbbs', 300, null]])
  })

  it('groups quotations by speaker with the outlets that carry them', () => {
    const quoted = (speaker: string) => c.quotes.filter((q) => q.speakerId === speaker && q.kind === 'quoted')
    expect(quoted('putin').flatMap((q) => q.outlets)).toContain('guancha')
    expect(quoted('biden').flatMap((q) => q.outlets)).toEqual(['al-jazeera', 'al-jazeera'])
    // Reported speech (普京表示，…) is kept apart from quotation, with its speaker.
    expect(c.quotes.some((q) => q.kind === 'reported' && q.speakerId === 'putin')).toBe(true)
  })

  it('marks the piece written before the summit as a preview', () => {
    expect(c.event.incidentDate).toBe('2021-06-16')
    expect(c.articles.filter((a) => a.before).map((a) => a.outlet)).toEqual(['mitbbs'])
    // Published at 20:45 UTC on 15 June: 22:45 in Geneva, where the summit met on the 16th (in
    // Beijing it was the 16th already): a preview by the incident's own clock.
    expect(c.event.incidentZone).toBe('Europe/Zurich')
    expect(comparisonMarkdown(c)).toContain('the incident is dated 2021-06-16 (Europe/Zurich)')
  })

  describe('judges a preview by the day where the incident happened', () => {
    const ev = { id: 'e-bonus', title: 'bonus points' }
    // RFA and The Epoch Times on provinces ending bonus points for minority students (corpus, 10–11 November 2020).
    const rfa = (text: string) => article('rfa0000000000000', 'radio-free-asia', '2020-11-10T20:20:00Z', text)
    const epoch = article('ept0000000000000', 'epoch-times', '2020-11-11T02:45:35Z', '【大纪元2020年11月11日讯】中国少数民族政策开始出现变化，继安徽早前率先宣布取消地方性少数民族高考加分政策后，江西、辽宁等也陆续做出类似调整。\n\n据大陆媒体报导，江西、天津、福建、辽宁近期宣布，将分别于2023年或2026年起，取消少数民族考生加分政策。')
    it('a report filed at 20:20 UTC the day before a policy Beijing dates the next day came out on that day in Beijing: no preview', () => {
      const compared = compareEvent(ev, [rfa('继中国安徽早前率先宣布取消地方性少数民族高考加分政策后，江西、辽宁等也陆续做出类似调整。\n\n据中国媒体报道，江西、天津、福建、辽宁近期宣布，将分别于2023年或2026年起，取消少数民族考生加分政策。'), epoch], meta)
      expect(compared.articles.filter((a) => a.before)).toEqual([])
      expect(compared.event).toMatchObject({ incidentDate: '2020-11-11', incidentZone: 'Asia/Shanghai' })
    })
    it('with no place to go by, the day is UTC\'s, as before', () => {
      const unplaced = [rfa('多个省份近期宣布，将分别于2023年或2026年起取消少数民族考生加分政策。'), article('ept0000000000000', 'epoch-times', '2020-11-11T02:45:35Z', '【大纪元2020年11月11日讯】多个省份近期宣布，将分别于2023年或2026年起取消少数民族考生加分政策。')]
      const compared = compareEvent(ev, unplaced, meta)
      expect(compared.event.incidentZone).toBeUndefined()
      expect(compared.articles.filter((a) => a.before).map((a) => a.outlet)).toEqual(['radio-free-asia'])
    })
    it('where the zone moves a report onto the incident\'s day, its own lead dating the day before keeps it a preview (RFA, 04:44 in Beijing on 24 July 2020, hours before the Chengdu consulate was ordered shut)', () => {
      const chengdu = { id: 'e-chengdu', title: 'Chengdu consulate' }
      const nyt = article('nyt0000000000000', 'nyt-chinese', '2020-07-24T04:44:33Z', '北京——中国周五宣布，已命令美国关闭其在中国西南城市成都的总领事馆。\n\n这是对特朗普政府要求关闭中国驻休斯敦总领事馆的报复。')
      const rtr = article('rtr0000000000000', 'reuters', '2020-07-24T06:00:00Z', '路透北京7月24日 - 中国外交部周五宣布，撤销对美国驻成都总领事馆设立和运行的同意。\n\n中方此举是对美方关闭中国驻休斯敦总领事馆的回应。')
      const preview = article('rfa0000000000000', 'radio-free-asia', '2020-07-23T20:44:06Z', '美国国务卿蓬佩奥将在美国西部时间7月23日下午就对华政策发表重要讲话。\n\n香港《南华早报》透露，中方可能关闭美国驻成都总领事馆作为报复。')
      const compared = compareEvent(chengdu, [preview, nyt, rtr], meta)
      // Without a day of its own, the day it came out in Beijing decides.
      const undated = article('rfa0000000000000', 'radio-free-asia', '2020-07-23T20:44:06Z', '香港《南华早报》透露，中方可能关闭美国驻成都总领事馆作为报复，美中关系再受重创。')
      expect(compareEvent(chengdu, [undated, nyt, rtr], meta).articles.filter((a) => a.before)).toEqual([])
      expect(compared.articles.filter((a) => a.before).map((a) => a.outlet)).toEqual(['radio-free-asia'])
      expect(compared.event).toMatchObject({ incidentDate: '2020-07-24', incidentZone: 'Asia/Shanghai' })
    })
    it('a report filed at 02:00 UTC of an incident Washington dates that day came out the evening before there: a preview', () => {
      const wh = { id: 'e-wh', title: 'Trump speech' }
      const rtr = article('rtr0000000000000', 'reuters', '2020-11-14T02:55:13Z', '路透华盛顿11月13日 - 美国总统特朗普周五在白宫玫瑰园发表讲话，谈及疫苗进展。\n\n这是他自大选以来首次公开讲话。')
      const eve = article('voa0000000000000', 'voa-chinese', '2020-11-13T02:00:00Z', '白宫表示，特朗普将于13日在华盛顿发表讲话。\n\n他自大选以来一直没有公开露面。')
      const compared = compareEvent(wh, [eve, rtr], meta)
      expect(compared.articles.filter((a) => a.before).map((a) => a.outlet)).toEqual(['voa-chinese'])
      expect(compared.event).toMatchObject({ incidentDate: '2020-11-13', incidentZone: 'America/New_York' })
    })
  })

  it.each(['image-path', 'sequence'] as const)('does not call a piece dated only roughly (%s) a preview', (dateSource) => {
    // A picture's upload folder gives a lower bound; the site's numbering, a day or so either way.
    const ev = { id: 'e-summit', title: 'Geneva summit', start: '2021-06-15', end: '2021-06-19' }
    const early = summit.map((a) => (a.outletId === 'mitbbs' ? { ...a, dateSource } : a))
    const compared = compareEvent(ev, early, meta).articles
    expect(compared.filter((a) => a.before)).toEqual([])
    // …and says so: not judged, rather than not a preview.
    expect(compared.filter((a) => a.beforeUnknown).map((a) => a.outlet)).toEqual(['mitbbs'])
    expect(comparisonMarkdown(compareEvent(ev, early, meta))).toContain('(date uncertain: not judged a preview or not)')
  })

  it('takes a same-day report that tells the central claim only as expected for a preview (VOA and BBC before Raab spoke, 20 July 2020)', () => {
    const ev = { id: 'e-raab', title: 'Raab' }
    const reports = [
      article('voa0000000000000', 'voa-chinese', '2020-07-20T04:11:00Z', '英国外交大臣拉布预计会在周一宣布暂停与香港的引渡条约。\n\n中国驻英国大使刘晓明周日警告说，如果英国制裁中国官员，中国必将作出坚决回应。'),
      article('rtr0000000000000', 'reuters', '2020-07-20T16:00:00Z', '英国外交大臣拉布周一宣布暂停与香港的引渡条约。\n\n拉布还宣布将对香港的武器禁运扩大到可能用于镇压的装备。'),
      article('nyt0000000000000', 'nyt-chinese', '2020-07-20T18:00:00Z', '英国外交大臣拉布周一在议会下院宣布，英国将立即无限期暂停与香港的引渡条约。\n\n这是英国对北京在香港实施国安法作出的最新回应。'),
    ]
    const compared = compareEvent(ev, reports, meta)
    expect(compared.event.incidentDate).toBe('2020-07-20')
    expect(compared.articles.filter((a) => a.before).map((a) => a.outlet)).toEqual(['voa-chinese'])
    // A forecast in a short aside after the fact (此举料将激怒北京) does not make the report a preview.
    const aside = article('voa0000000000000', 'voa-chinese', '2020-07-20T16:00:00Z', '英国外交大臣拉布周一宣布暂停与香港的引渡条约，此举料将激怒北京。\n\n中国驻英国大使刘晓明周日警告说，如果英国制裁中国官员，中国必将作出坚决回应。')
    expect(compareEvent(ev, [aside, reports[1], reports[2]], meta).articles.filter((a) => a.before)).toEqual([])
    // Told as done by every report: none is a preview.
    expect(compareEvent(ev, [reports[1], reports[2]], meta).articles.filter((a) => a.before)).toEqual([])
  })

  it('judges a piece whose picture folder is dated on or after the incident day no preview, for certain; one the numbering dates days before it, a preview', () => {
    const ev = { id: 'e-summit', title: 'Geneva summit', start: '2021-06-15', end: '2021-06-19' }
    // The GNews seed is dated 2021-06-19 by its picture's folder, three days after the summit.
    expect(c.articles.find((a) => a.outlet === 'gnews')!.beforeUnknown).toBeUndefined()
    const estimated = summit.map((a) => (a.outletId === 'mitbbs' ? { ...a, dateSource: 'sequence' as const, publishedAt: '2021-06-13' } : a))
    expect(compareEvent(ev, estimated, meta).articles.find((a) => a.outlet === 'mitbbs')).toMatchObject({ before: true })
  })

  it('summarizes from the reports of what happened, not from the preview', () => {
    const preview = summit.find((a) => a.outletId === 'mitbbs')!
    expect(c.summary.length).toBeGreaterThan(0)
    for (const s of c.summary) expect(preview.text).not.toContain(s)
  })

  it('cites every claim with sentences of the articles it names', () => {
    for (const x of c.claims) {
      expect([...new Set(x.sentences.map((s) => s.outlet))].sort()).toEqual(x.outlets)
      for (const s of x.sentences) expect(summit.find((a) => a.id === s.articleId)!.text).toContain(s.text)
    }
  })

  it('shows an outlet that reprints another report as relaying it, counted once', () => {
    const guancha = summit.find((a) => a.outletId === 'guancha')!
    const paragraphs = guancha.text.split('\n\n')
    const text = paragraphs.slice(0, -2).join('\n\n')
    const mirror = { ...guancha, id: 'mirror0000000000' as Article['id'], outletId: 'x-mirror', publishedAt: '2021-06-18T00:00:00Z', text, folded: text }
    const withMirror = compareEvent({ id: 'e', title: 't' }, [...summit, mirror], meta)
    expect(withMirror.relays).toEqual([{ outlet: 'x-mirror', articleId: 'mirror0000000000', of: 'guancha', originalId: guancha.id }])
    expect(withMirror.outlets.map((o) => o.id)).not.toContain('x-mirror')
    expect(withMirror.consensus.length).toBe(c.consensus.length)
  })

  it('has the outlet that published a report first tell it, and a repost stored before it relay it', () => {
    const guancha = summit.find((a) => a.outletId === 'guancha')!
    // The archive stored the repost first, so the duplicate detector made it the original.
    const repost = { ...guancha, id: 'repost0000000000' as Article['id'], outletId: 'gnews', publishedAt: '2021-06-18T09:00:00Z', dateSource: 'byline' as const }
    const copy = { ...guancha, duplicateOf: repost.id, publishedAt: '2021-06-17T02:20:28Z' }
    const event = [...summit.filter((a) => a !== guancha), repost, copy]
    const reposted = compareEvent({ id: 'e', title: 't' }, event, meta)
    expect(reposted.relays).toEqual([{ outlet: 'gnews', articleId: repost.id, of: 'guancha', originalId: guancha.id }])
    expect(reposted.outlets.map((o) => o.id)).toEqual(c.outlets.map((o) => o.id))
    expect(reposted.unique.guancha).toEqual(c.unique.guancha)
    expect(new Set(reposted.claims.flatMap((x) => x.sentences.map((s) => s.articleId)))).not.toContain(repost.id)
    // Dates that cannot say which came first leave the stored original telling it: a day alone
    // on the repost's day, a picture folder's date on the copy.
    for (const undecided of [{ ...copy, publishedAt: '2021-06-18' }, { ...copy, dateSource: 'image-path' as const }]) {
      const kept = compareEvent({ id: 'e', title: 't' }, [...summit.filter((a) => a !== guancha), repost, undecided], meta)
      expect(kept.relays).toEqual([{ outlet: 'guancha', articleId: guancha.id, of: 'gnews', originalId: repost.id }])
    }
  })

  it('shows a headline-only video post as such, and lists nothing as left out by it', () => {
    const title = '拜登普京日内瓦峰会结束，双方同意大使返回岗位'
    const video = { ...summit[0], id: 'video00000000000' as Article['id'], outletId: 'x-video', title, text: title, folded: title, publishedAt: '2021-06-17T00:00:00Z' }
    const withVideo = compareEvent({ id: 'e', title: 't' }, [...summit, video], (id) => (id === 'x-video' ? { id, name: 'video' } : meta(id)))
    expect(withVideo.articles.find((a) => a.id === video.id)?.headlineOnly).toBe(true)
    expect(withVideo.articles.filter((a) => a.headlineOnly)).toHaveLength(1)
    expect(withVideo.omissions['x-video']).toEqual([])
    expect(withVideo.omissions.guancha).toEqual(c.omissions.guancha)
    expect(comparisonMarkdown(withVideo)).toContain('(headline only: a video or picture post)')
  })

  it('lists nothing as left out by a post whose text is only its channel\'s promotion', () => {
    const text = '「政治咖哩飯」主持：任啟邦、劉細良逢星期五 9:00 ~ 10:00 pmFacebook: https://facebook.com/1883701091886989支持城寨Patreonhttps://www.patreon.com/kowloonsingjai'
    const promo = { ...summit[0], id: 'promo00000000000' as Article['id'], outletId: 'x-talk', title: '拜登普京峰会 美俄关系何去何从', text, folded: foldText(text), publishedAt: '2021-06-17T00:00:00Z' }
    const withPromo = compareEvent({ id: 'e', title: 't' }, [...summit, promo], (id) => (id === 'x-talk' ? { id, name: 'talk' } : meta(id)))
    expect(withPromo.omissions['x-talk']).toEqual([])
    expect(withPromo.unique['x-talk'] ?? []).toEqual([])
    expect(withPromo.omissions.guancha).toEqual(c.omissions.guancha)
  })

  it('lists nothing as left out by an outlet that shares no claim with the others, and says it stands apart (DW on the debate mute button, in an event of Giuliani and Hunter Biden)', () => {
    const text = '美国总统候选人第二场电视辩论将引入静音按钮，主办方委员会周一宣布了这一新规则。\n\n委员会表示，每位候选人在每个议题开始时有两分钟不受打断的发言时间，届时对方的麦克风将被关闭。\n\n竞选团队对这一决定表示不满，称委员会偏袒对手。'
    const other = { ...summit[0], id: 'mute000000000000' as Article['id'], outletId: 'x-mute', title: '辩论引入静音按钮', text, folded: foldText(text), publishedAt: '2021-06-17T00:00:00Z' }
    const withOther = compareEvent({ id: 'e', title: 't' }, [...summit, other], (id) => (id === 'x-mute' ? { id, name: 'mute' } : meta(id)))
    expect(withOther.apart).toEqual(['x-mute'])
    expect(withOther.omissions['x-mute']).toEqual([])
    expect(withOther.unique['x-mute'].length).toBeGreaterThan(0)
    expect(withOther.omissions.guancha).toEqual(c.omissions.guancha)
    expect(c.apart).toEqual([])
    expect(comparisonMarkdown(withOther)).toContain('mute: no claim shared with the other outlets.')
  })

  it('quotes a long sentence by the part around its figure, once per outlet and sentence (RTHK on frozen assets, June 2021)', () => {
    const sentence = '保安局局長同時根據國安法凍結蘋果日報有限公司、蘋果日報印刷有限公司及AD Internet Limited三間公司的資產，而凍結資產總值，據了解為港幣一千八百萬元，亦即1800萬元。'
    const v = { value: 1.8e7, text: '1800万元', outlet: 'rthk', articleId: 'a1', sentence, modality: 'actual' as const, approx: false }
    const group = { subject: '资产', dimension: 'money' as const, unit: '元', values: [v, { ...v, articleId: 'a2' }, { ...v, outlet: 'x', articleId: 'a3' }], conflict: false, conflicting: [] }
    const lines = comparisonMarkdown({ ...c, figures: [group] }).split('\n').filter((l) => l.includes('1800万元 — '))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/「….*1800萬元.*」/)
  })

  it('takes no outlet for apart that repeats another word for word, or when only two outlets told something', () => {
    const guancha = summit.find((a) => a.outletId === 'guancha')!
    const copied = guancha.text.split('\n\n').find((p) => p.includes('93分钟'))!
    const echo = { ...guancha, id: 'echo000000000000' as Article['id'], outletId: 'x-echo', publishedAt: '2021-06-18T00:00:00Z', text: `${copied}\n\n当地商户表示，峰会期间生意冷清，游客明显减少，不少店铺提前关门休息。`, folded: '' }
    const withEcho = compareEvent({ id: 'e', title: 't' }, [...summit, { ...echo, folded: foldText(echo.text) }], (id) => (id === 'x-echo' ? { id, name: 'echo' } : meta(id)))
    expect(withEcho.apart).not.toContain('x-echo')
    const two = summit.filter((a) => a.outletId === 'guancha' || a.outletId === 'al-jazeera')
    const video = { ...two[0], id: 'video00000000000' as Article['id'], outletId: 'x-video', text: '', folded: '', title: '视频：拜登普京峰会' }
    expect(compareEvent({ id: 'e', title: 't' }, [...two, video], (id) => (id === 'x-video' ? { id, name: 'video' } : meta(id))).apart).toEqual([])
  })

  it('cites where the others say what an outlet left out, and says "None" of an empty section', () => {
    const md = comparisonMarkdown(c)
    const left = md.slice(md.indexOf('## Left out'), md.indexOf('## Quotes by speaker'))
    const firstItem = left.split('\n').findIndex((l) => l.startsWith('- **'))
    expect(firstItem).toBeGreaterThan(0)
    expect(left.split('\n')[firstItem + 1]).toMatch(/^ {2}> .+：「.+」$/)
    expect(comparisonMarkdown({ ...c, omissions: {}, quotes: [] })).toMatch(/## Left out\n\nClaims most of the other outlets carry and this one does not.\n\nNone.\n[\s\S]*## Quotes by speaker\n\nNone found./)
  })

  it('counts a sentence repeated word for word by another outlet once, as an echo', () => {
    const guancha = summit.find((a) => a.outletId === 'guancha')!
    const copied = guancha.text.split('\n\n').find((p) => p.includes('93分钟'))!
    const text = `${copied}\n\n另据本台记者观察，日内瓦湖畔当天戒备森严，周边道路实施了交通管制，市民只能远远观望。\n\n当地商户表示，峰会期间生意冷清，游客明显减少，不少店铺提前关门休息。\n\n有分析人士认为，这次会晤的象征意义大于实际意义，双方都在为国内观众表演。`
    const echo = { ...guancha, id: 'echo000000000000' as Article['id'], outletId: 'x-echo', publishedAt: '2021-06-18T00:00:00Z', text, folded: text }
    const withEcho = compareEvent({ id: 'e', title: 't' }, [...summit, echo], (id) => (id === 'x-echo' ? { id, name: 'echo' } : meta(id)))
    expect(withEcho.relays).toEqual([])
    const sessions = withEcho.claims.find((x) => /93分钟/.test(x.text))!
    expect(sessions.outlets).toEqual(['guancha'])
    expect(sessions.relayedBy).toEqual(['x-echo'])
    // Still 观察者网's alone, and said to be repeated (before, it was shown nowhere).
    expect(withEcho.unique.guancha).toContain(sessions.id)
    expect(withEcho.consensus).not.toContain(sessions.id)
    expect(comparisonMarkdown({ ...withEcho, unique: { guancha: [sessions.id] } })).toMatch(/- [^\n]*93分钟[^\n]* \(repeated nearly word for word by echo\)/)
  })

  it("words a claim that another outlet only repeated in the words of the outlet it is listed under (CNA and 联合早报, 2020)", () => {
    const cna = '綜合媒體的報導，這名63歲確診者本週一起在九龍伊利沙伯醫院接受隔離治療。\n\n對於這名確診者可以輕易離開醫院，有市民和建制派立法會議員批評政府忽視了防疫方面的保安工作。'
    const zaobao = '综合港媒报道，这名63岁确诊者本周一起在九龙伊利沙伯医院接受隔离治疗。\n\n对于这名确诊者可以轻易离开医院，有建制派立法会议员批评政府忽视了防疫方面的保安工作。'
    for (const [first, second] of [['central-news-agency', 'lianhe-zaobao'], ['lianhe-zaobao', 'central-news-agency']]) {
      const texts: Record<string, string> = { 'central-news-agency': cna, 'lianhe-zaobao': zaobao }
      const c2 = compareEvent({ id: 'e', title: 't' }, [article('a000000000000000', first, '2020-07-01T01:00:00Z', texts[first]), article('b000000000000000', second, '2020-07-01T05:00:00Z', texts[second])], meta)
      for (const x of c2.claims) {
        const own = x.sentences.filter((s) => x.outlets.includes(s.outlet)).map((s) => s.text)
        expect(own.some((t) => foldText(t).includes(foldText(x.text)))).toBe(true)
      }
    }
  })

  it('takes no sentence that adds or drops a figure for a copy (DW and 联合早报 on Taiwan\'s score, 2020)', () => {
    expect(isNearCopy('明显低于英国（51.6）、法国（61.6）等欧洲邻国，同时也低于日本（55分）和台湾（46.4分）等亚洲民主社会。', '明显低于英国（51.6）、法国（61.6）等欧洲邻国，同时也低于日本（55分）等亚洲民主社会。')).toBe(false)
    expect(isNearCopy('董事会共有五名董事出席会议并投票。', '董事会共有六名董事出席会议并投票。')).toBe(false)
    // The same figures in numerals or digits, or with a decimal comma, are a copy still.
    expect(isNearCopy('欧洲人对中国的看法在最近3年中变得更负面。', '欧洲人对中国的看法在最近三年中变得更负面。')).toBe(true)
    expect(isNearCopy('明显低于英国（51,6）、法国（61,6）等欧洲邻国。', '明显低于英国（51.6）、法国（61.6）等欧洲邻国。')).toBe(true)
  })

  it('takes a sentence with one word edited for a copy, but not one whose figures differ (corpus: 外交使团 / 外国使领馆)', () => {
    expect(isNearCopy('然而，通过关闭外交使团，两国似乎正在不可避免地走向更深的分歧。', '然而，通过关闭外国使领馆，两国似乎正在不可避免地走向更深的分歧。')).toBe(true)
    expect(isNearCopy('据报道，该市周二新增确诊病例52例，其中本地病例为多数。', '据报道，该市周二新增确诊病例61例，其中本地病例为多数。')).toBe(false)
    // Two sentences sharing their opening and close around a different middle are two reports.
    expect(isNearCopy('外交部发言人周三表示，中方对此坚决反对。', '外交部发言人周三在例行记者会上回答记者提问时表示，中方对此坚决反对。')).toBe(false)
  })

  it('summarises with a sentence freed of its linking word only when none reads alone as written', () => {
    expect(summarize([claimOf(['然而，通过关闭外交使团，两国似乎正在走向更深的分歧。', '此外，通过关闭外国使领馆，两国似乎正在走向更深的分歧。'])], new Set())).toEqual(['通过关闭外交使团，两国似乎正在走向更深的分歧。'])
    expect(summarize([claimOf(['然而，一些莫名其妙的男人在她家附近出现，还是让她惊讶。', '周庭说莫名其妙的人士在她住处附近出现时，她很惊讶。'])], new Set())).toEqual(['周庭说莫名其妙的人士在她住处附近出现时，她很惊讶。'])
  })

  it('summarises each thing once: a sentence that repeats ten characters of one already taken is passed over (corpus: Epoch Times on the 45% of Guizhou)', () => {
    const first = claimOf(['有家长当时披露，贵州总加分考生占总数的45%，引起很大争议。', '贵州的加分政策当年引起很大争议。'])
    const second = claimOf(['当时有网络消息披露，贵州总加分考生占总数的45%，促使约千名家长上访。', '约千名家长到贵州省信访局上访。'], 'c2')
    expect(summarize([first, second], new Set())).toEqual(['有家长当时披露，贵州总加分考生占总数的45%，引起很大争议。', '约千名家长到贵州省信访局上访。'])
    // Shared names and words, not a run of ten, are two things.
    const third = claimOf(['贵州省信访局周三表示，已经收到家长的投诉。', '信访局收到投诉。'], 'c3')
    expect(summarize([second, third], new Set())).toEqual(['当时有网络消息披露，贵州总加分考生占总数的45%，促使约千名家长上访。', '贵州省信访局周三表示，已经收到家长的投诉。'])
  })

  it("lists a thing an outlet tells twice (a caption and its lead) once among its unique claims, in the fuller wording (中央社 on TikTok, e00466)", () => {
    const cna = article('u1', 'central-news-agency', '2020-08-04T14:58:00Z', '美國總統川普揚言封殺短影音平台TikTok在美業務。（圖取自Pixabay圖庫）\n\n（中央社舊金山4日綜合外電報導）美國總統川普揚言封殺中國企業字節跳動（ByteDance）旗下短影音平台TikTok在美業務，引發網友不滿。\n\n追蹤數加總高達1億人次的20名TikTok網紅也在社群網站Medium上共同發表一封給川普的公開信。')
    const zaobao = article('u2', 'lianhe-zaobao', '2020-08-04T01:01:00Z', '中国科技企业字节跳动发表声明称，考虑在美国以外的主要市场，重新设立TikTok总部。\n\n英国首相约翰逊的一位发言人称，这是一项商业决策，他不了解已经做出了相关决定。')
    const compared = compareEvent({ id: 'e-tiktok', title: 'TikTok', start: '2020-08-04', end: '2020-08-04' }, [cna, zaobao], meta)
    const listed = compared.unique['central-news-agency'].map((id) => compared.claims.find((x) => x.id === id)!.text)
    expect(listed.filter((t) => t.includes('揚言封殺'))).toHaveLength(1)
    expect(listed.find((t) => t.includes('揚言封殺'))).toContain('字節跳動')
    expect(listed.some((t) => t.includes('公開信'))).toBe(true)
  })
  it('summarises from no sentence that opens with a pronoun, whatever verb follows it (眾新聞: 他沒有正面評論是否要取締支聯會…; 她希望市民大眾…)', () => {
    expect(summarize([claimOf(['他沒有正面評論是否要取締支聯會，只是重申任何組織都要遵守國安法。', '他没有评论支联会。'])], new Set())).toEqual([])
    expect(summarize([claimOf(['她希望市民大眾都能夠從主題論壇裏面感受到一國兩制的落實。', '李慧琼希望市民从论坛感受到一国两制的落实。'])], new Set())).toEqual(['李慧琼希望市民从论坛感受到一国两制的落实。'])
    // A name or a word that begins so is no pronoun.
    expect(summarize([claimOf(['他信·西那瓦周一返回泰国并被送往监狱。', '他信返回泰国。'])], new Set())).toEqual(['他信·西那瓦周一返回泰国并被送往监狱。'])
    expect(summarize([claimOf(['他国的经验表明，封锁措施可以有效遏制病毒传播。', '别国经验表明封锁有效。'])], new Set())).toEqual(['他国的经验表明，封锁措施可以有效遏制病毒传播。'])
  })
  it('summarises from no sentence in the first person, save inside a quotation', () => {
    expect(summarize([claimOf(['对我个人来讲，反对境外势力干预这一条使我们今后的工作十分麻烦。', '我们认为这一决定将使议会的工作更加困难。'])], new Set())).toEqual([])
    expect(summarize([claimOf(['林郑月娥说：“我们会全力配合中央的决定。”', '对我个人来讲，这一决定十分麻烦。'])], new Set())).toEqual(['林郑月娥说：“我们会全力配合中央的决定。”'])
    expect(summarize([claimOf(['我国外交部发言人宣布了对美方的反制措施。', '中国外交部宣布了反制措施。'])], new Set())).toEqual(['我国外交部发言人宣布了对美方的反制措施。'])
    expect(summarize([claimOf(['许多日本人对东京奥运会如期举行表示担忧。', '日本民众担忧奥运会如期举行。'])], new Set())).toEqual(['许多日本人对东京奥运会如期举行表示担忧。'])
    expect(summarize([claimOf(['我驻美大使馆发表声明，要求美方停止挑衅。', '中国驻美大使馆要求美方停止挑衅。'])], new Set())).toEqual(['我驻美大使馆发表声明，要求美方停止挑衅。'])
    expect(summarize([claimOf(['林郑月娥说:"我们会全力配合中央的决定。"', '对我个人来讲，这一决定十分麻烦。'])], new Set())).toEqual(['林郑月娥说:"我们会全力配合中央的决定。"'])
  })

  it('summarises from statements that read alone: not half a sentence cut at ；, an exclamation, a list item, one pointing back (他…, 该…) or addressing its audience (corpus: CNA, Epoch Times, a livestream)', () => {
    for (const text of [
      '依照染疫死亡人數占人口比例，秘魯是死亡率最高國家，每10萬人就有102人染疫喪命；',
      '他嫂子知道他跟14歲女孩的犯罪性行為！',
      '美国累计确诊病例超过250万例',
      '该公司周二表示将提高产量以满足需求。',
      '你说你们，把所有百分之百的假信息传播到千万次。',
      '这是美国历史上最严重的一次疫情爆发。',
    ])
      expect(summarize([claimOf([text, text])], new Set())).toEqual([])
    expect(summarize([claimOf(['秘鲁卫生部周日表示，该国死亡人数已超过3万人。', '秘鲁的死亡率最高；'])], new Set())).toEqual(['秘鲁卫生部周日表示，该国死亡人数已超过3万人。'])
    expect(summarize([claimOf(['林郑月娥说：“我们会全力配合中央的决定！”', '林郑月娥表示会全力配合'])], new Set())).toEqual(['林郑月娥说：“我们会全力配合中央的决定！”'])
    // Traditional forms are read as Simplified ones are; names, titles and 其他 are no pointing back.
    expect(summarize([claimOf(['該公司週二表示將提高產量。', '這是美國歷史上最嚴重的疫情。'])], new Set())).toEqual([])
    for (const text of ['《你好，李焕英》票房突破50亿元，成为中国影史第二。', '他信·西那瓦的妹妹英拉周三出庭受审。', '其他七国集团成员国也表示支持。', '此次峰会是拜登上任后首次出访。', '警方拘捕了53名民主派人士。”（完）'])
      expect(summarize([claimOf([text, text])], new Set())).toEqual([text])
  })

  it('summarises from a sentence that tells what happened, not one that tells it as expected', () => {
    const forecast = { articleId: 'a0', outlet: 'a', text: '外交大臣拉布预计会在星期一宣布暂停引渡条约。', sentence: 0, expected: true as const }
    const report = { articleId: 'a1', outlet: 'b', text: '英国外交大臣拉布周一宣布暂停与香港的引渡条约。', sentence: 0 }
    const claim: Claim = { id: 'c1', text: '暂停引渡条约', outlets: ['a', 'b'], relayedBy: [], sentences: [forecast, report] }
    expect(summarize([claim], new Set())).toEqual([report.text])
    expect(summarize([{ ...claim, sentences: [forecast] }], new Set())).toEqual([])
  })

  it("keeps apart sentences that share only the event's topic words (峰会, 领导人) and grammar (此次)", () => {
    const together = (a: RegExp, b: RegExp) => c.claims.some((x) => x.sentences.some((s) => a.test(s.text)) && x.sentences.some((s) => b.test(s.text)))
    // RT's two stages (观察者网) and the start time (未名新闻): both of 俄美领导人峰会, nothing else.
    expect(together(/两个阶段/, /将正式开始/)).toBe(false)
    // Lowered expectations before the summit and pessimism about its result.
    expect(together(/降低了预期/, /普遍不乐观/)).toBe(false)
    // …while the New START sentences, which share the treaty and 承诺, stay one claim.
    expect(together(/新削减战略武器条约》的延期/, /最近延长的《新削减战略武器条约》/)).toBe(true)
  })

  it('aligns the same claims whatever order the articles come in', () => {
    // Each claim as the sorted list of sentences it cites, and the claims sorted: ids and order
    // among equals may differ, the grouping may not.
    const grouping = (x: Comparison) => x.claims.map((claim) => claim.sentences.map((s) => `${s.articleId}:${s.sentence}`).sort().join(' ')).sort()
    const reversed = compareEvent(c.event, [...summit].reverse(), meta)
    const rotated = compareEvent(c.event, [...summit.slice(2), ...summit.slice(0, 2)], meta)
    expect(grouping(reversed)).toEqual(grouping(c))
    expect(grouping(rotated)).toEqual(grouping(c))
    expect(reversed.consensus.map((id) => reversed.claims.find((x) => x.id === id)!.text).sort()).toEqual(c.consensus.map((id) => claim(id).text).sort())
  })

  it('matches the reviewed golden output', () => {
    expectGolden(join(import.meta.dirname, '..', '..', 'test', 'golden', 'compare', 'summit.json'), c)
  })

  it('quotes a long cited sentence by the part that makes the claim', () => {
    // Al Jazeera's 98-character sentence carries the nuclear-war principle after two other claims.
    const nuclear = c.claims.find((x) => c.consensus.includes(x.id) && /核战争没有赢家/.test(x.text))!
    expect(nuclear.sentences.find((s) => s.outlet === 'al-jazeera')!.piece).toBe('两位总统重申了核战争没有赢家、永远不应该点燃核战争的原则')
    expect(comparisonMarkdown(c)).toContain('半岛电视台中文网：「…两位总统重申了核战争没有赢家、永远不应该点燃核战争的原则…」')
  })

  it('marks a sentence that tells the claim as expected, in the JSON and the Markdown', () => {
    const planned = c.claims.flatMap((x) => x.sentences).filter((s) => s.expected)
    expect(planned.map((s) => s.text)).toEqual(['此后，双方代表团将举行更大规模的会议，整个会谈预计持续4至5个小时。'])
    // A claim cited from it shows the mark beside the outlet.
    const withPlan: Comparison = { ...c, consensus: [c.claims.find((x) => x.sentences.some((s) => s.expected))!.id] }
    expect(comparisonMarkdown(withPlan)).toContain('观察者网 (expected)：「')
    expect(comparisonMarkdown(c)).not.toContain('(expected)')
  })

  it('compares a very long text by its beginning, cut at a paragraph, and says so', () => {
    // A livestream transcript of hundreds of thousands of characters: Al Jazeera's report followed by 60 pages of talk.
    const aj = summit.find((a) => a.outletId === 'al-jazeera')!
    const talk = Array.from({ length: 3000 }, (_, i) => `第${i + 1}段，主持人继续讲述与峰会无关的话题和听众来信，内容冗长。`).join('\n')
    const long = { ...aj, text: `${aj.text}\n${talk}` }
    const c = compareEvent({ id: 'e-long', title: 'Geneva summit' }, summit.map((a) => (a === aj ? long : a)), meta)
    const row = c.articles.find((a) => a.outlet === 'al-jazeera')!
    expect(row.chars).toBe(long.text.length)
    expect(row.comparedChars).toBeLessThanOrEqual(40_000)
    expect(long.text[row.comparedChars!]).toBe('\n')
    // What the report says is still compared: the summit's consensus holds its claims.
    expect(c.claims.some((x) => c.consensus.includes(x.id) && x.outlets.includes('al-jazeera') && /核战争/.test(x.text))).toBe(true)
    expect(comparisonMarkdown(c)).toMatch(/\(long: its first [\d,]+ of [\d,]+ characters compared\)/)
    expect(comparisonHtml(c)).toMatch(/<span class="flag">long: its first [\d,]+ of [\d,]+ characters compared<\/span>/)
    expect(c.articles.filter((a) => a.comparedChars)).toHaveLength(1)
  })

  it('words a claim cut from a quotation in straight quotation marks without the one left dangling', () => {
    // Deutsche Welle quotes with ": the quotation's last clause aligned alone and kept its closing mark.
    const quoted = article('q1', 'dw-chinese', '2020-07-17T10:00:00Z', '美国海军周五表示，美国已派遣两艘航空母舰前往南海水域。尼米兹号航母指挥官科克少将在声明中表示："尼米兹号和里根号在南海执行任务，在国际法允许的范围内，强化我们对一个自由开放的印太平洋的承诺，以及我们对盟友及区域伙伴的承诺。"')
    const other = article('q2', 'rfi-chinese', '2020-07-17T12:00:00Z', '美国海军周五表示，美国已派遣两艘航空母舰前往南海水域。声明说，两艘航母在南海执行任务，以及美国对盟友及区域伙伴的承诺。')
    const q = compareEvent({ id: 'e-quote', title: 'carriers' }, [quoted, other], meta)
    const piece = q.claims.find((x) => x.text.includes('盟友及区域伙伴'))!
    expect(piece.text).toContain('承诺')
    for (const x of q.claims) expect((x.text.match(/"/g) ?? []).length % 2).toBe(0)
  })

  it('renders Markdown with a section per finding and HTML that carries no markup from articles', () => {
    const md = comparisonMarkdown(c)
    for (const h of ['## Consensus', '## Only one outlet reports', '## Left out', '## Quotes by speaker', '## Figures', '## Vocabulary']) expect(md).toContain(h)
    // What "only one" means beside a sentence another outlet echoed.
    expect(md).toMatch(/## Only one outlet reports\n\nClaims no other outlet tells in its own words\..*an echo is not a second source/)
    const hostile = compareEvent({ id: 'x', title: '<script>alert(1)</script>' }, summit, meta)
    const html = comparisonHtml(hostile)
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain("script-src 'none'")
  })
})

describe('isForecast', () => {
  it.each([
    '英国多家媒体引用消息人士的话说，外交大臣拉布预计会在星期一向议会宣布暂停与香港实施了30多年的引渡条约。',
    '拉布将会在周一向英国议会通报英国政府的最新回应，外界认为届时他将宣布中止英国与香港的引渡条约。',
    '双方料将在峰会结束时发表联合声明。',
    '谈判有望在年底前达成协议。',
  ])('tells what is expected: %s', (s) => expect(isForecast(s)).toBe(true))

  it.each([
    '英国外交大臣拉布周一在议会下院宣布，英方将立即、无期限地暂停与香港引渡协定，并禁止向香港出口有关武器。',
    '拉布告诉议员们，引渡条约将立即无限期中止。',
    '新法将于明年1月1日起施行。',
    '会晤双方此前就给这场领导人峰会降低了预期。',
    '结果出乎预料，执政党失去了多数席位。',
    '我同意她说是没有预料到的。',
    '第二季度的销售额高于预计，工程也比预计提前两天完成。',
  ])('tells what happened (or was announced): %s', (s) => expect(isForecast(s)).toBe(false))
})

describe('figure agreement', () => {
  const v = (value: number, approx = false, valueMax?: number): FigureValue => ({ value, valueMax, approx, text: '', outlet: 'o', articleId: 'a', sentence: '', modality: 'actual' })
  it.each([
    [v(180, true), v(180), true], // 约3小时 vs 3个小时
    [v(180), v(240), false], // 3 vs 4 hours
    [v(240, false, 300), v(270), true], // within a range
    [v(1550), v(1500, true), true], // hedged and close
    [v(1550), v(1500), false],
  ])('%o vs %o → %s', (a, b, expected) => expect(agree(a, b)).toBe(expected))
})

describe('groupFigures', () => {
  const fig = (outlet: string, articleId: string, value: number, subject: string, extra: Partial<LocatedFigure> = {}): LocatedFigure => ({
    text: `${value}`, value, unit: '人', dimension: 'count', subject, modality: 'actual', approx: false, sentence: 0, outlet, articleId, sentenceText: '', ...extra,
  })
  it('groups two outlets\' equal large amounts however each names them, or does not (7500亿欧元救援 / 疫后复苏基金; 1088万7320例 with no subject)', () => {
    const money = (outlet: string, subject: string, value: number): LocatedFigure => ({ ...fig(outlet, `${outlet}1`, value, subject), unit: '欧元', dimension: 'money' })
    expect(groupFigures([money('a', '救援', 7.5e11), money('b', '疫后', 7.5e11)])).toHaveLength(1)
    expect(groupFigures([money('a', '救援', 7.5e11), money('b', '疫后', 7.4e11)])).toHaveLength(2)
    expect(groupFigures([fig('a', 'a1', 10887320, ''), fig('b', 'b1', 10887320, '')])).toHaveLength(1)
    // Small amounts, or one outlet's twice, are not matched by value alone; four exact digits are.
    expect(groupFigures([fig('a', 'a1', 12, ''), fig('b', 'b1', 12, '')])).toHaveLength(2)
    expect(groupFigures([fig('a', 'a1', 2000, '武汉肺炎'), fig('b', 'b1', 2000, '冠病')])).toHaveLength(2)
    expect(groupFigures([fig('cna', 'a1', 7969, '武汉肺炎'), fig('zaobao', 'b1', 7969, '冠病')])).toHaveLength(1)
  })
  it('groups equal round amounts only when what they measure shares a character (the EU budget\'s and the ECB\'s 1万亿欧元; 300万 香港居民 / 香港公民)', () => {
    const money = (outlet: string, subject: string, value: number): LocatedFigure => ({ ...fig(outlet, `${outlet}1`, value, subject), unit: '欧元', dimension: 'money' })
    expect(groupFigures([money('voa', '预算', 1e12), money('reuters', '资金', 1e12)])).toHaveLength(2)
    expect(groupFigures([fig('voa', 'v1', 3e6, '公民', { scope: '香港' }), fig('bbc', 'b1', 3e6, '居民', { scope: '香港' })])).toHaveLength(1)
  })
  it('groups two short subjects sharing one character only for values of one scale (RFI 存活九个小时 / BBC 一个月的存量; 居民 / 居首)', () => {
    const hours = (outlet: string, subject: string, value: number): LocatedFigure => ({ ...fig(outlet, `${outlet}1`, value, subject), unit: 'minute', dimension: 'duration' })
    expect(groupFigures([hours('rfi', '存活', 540), hours('bbc', '存量', 43200)])).toHaveLength(2)
    expect(groupFigures([fig('gnews', 'g1', 1.26e8, '居民'), fig('lao', 'l1', 6.22e8, '居首')])).toHaveLength(2)
    // 93 分钟的会议 and 87 分钟的会谈, 约3小时 of the 拜会: one meeting.
    expect(groupFigures([hours('a', '会议', 93), hours('b', '会谈', 87), hours('c', '拜会', 180)])).toHaveLength(1)
  })
  it('does not group sums by a word that only says they are money (救援资金 / 资金 of another sum)', () => {
    const money = (outlet: string, subject: string, value: number): LocatedFigure => ({ ...fig(outlet, `${outlet}1`, value, subject), unit: '欧元', dimension: 'money' })
    expect(groupFigures([money('voa', 'tiktok', 3e10), money('bbc', 'tiktok', 4e10)])).toHaveLength(1)
    // …but two sums named alike are one figure, and can conflict; two named only 资金 are not.
    const [assets] = groupFigures([money('rthk', '资产', 1.8e7), money('hk01', '资产', 1.2e7)])
    expect([assets.values.length, assets.conflict]).toEqual([2, true])
    expect(groupFigures([money('voa', '资金', 7.5e11), money('reuters', '资金', 1e12)])).toHaveLength(2)
    expect(groupFigures([money('voa', '救援资金', 7.5e11), money('reuters', '资金', 1e12)])).toHaveLength(2)
    expect(groupFigures([money('voa', '救援资金', 7.5e11), money('reuters', '救援', 7e11)])).toHaveLength(1)
  })
  it('keeps apart counts named only by their unit and the verb after them (BBC on Florida\'s daily cases, VOA on Brazil\'s total, July 2020)', () => {
    const groups = groupFigures([fig('bbc', 'b1', 9500, '人确诊'), fig('voa', 'v1', 1313677, '人确诊')])
    expect(groups).toHaveLength(2)
    // …unless both were counted in one named place; then side by side, never a conflict.
    const [us] = groupFigures([fig('bbc', 'b1', 2.5e6, '人确诊', { scope: '美国' }), fig('voa', 'v1', 2.6e6, '人确诊', { scope: '美国' })])
    expect([us.values.length, us.conflict]).toEqual([2, false])
  })
  it('keeps apart counts named by nothing but their unit (RFI\'s 558万5100人 recovered worldwide, VOA\'s county of 20多万人)', () => {
    expect(groupFigures([fig('rfi', 'r1', 5585100, '人'), fig('voa', 'v1', 200000, '人', { approx: true })])).toHaveLength(2)
    // …unless both were counted in one named place; and the same large count from two outlets is still one figure.
    expect(groupFigures([fig('bbc', 'b1', 2.5e6, '人', { scope: '美国' }), fig('voa', 'v1', 2.6e6, '人', { scope: '美国' })])).toHaveLength(1)
    expect(groupFigures([fig('bbc', 'b1', 2506532, '人'), fig('voa', 'v1', 2506532, '人')])).toHaveLength(1)
  })
  it('groups the figures of two outlets\' sentences aligned as one claim, whatever word stands before each (DW and RFI on a US spy plane off Guangdong, July 2020)', () => {
    const km = (outlet: string, value: number, subject: string, claim?: string): LocatedFigure => ({ ...fig(outlet, `${outlet}1`, value, subject), unit: 'km', dimension: 'distance', approx: true, ...(claim ? { claim } : {}) })
    // Side by side, not called a conflict: 134 km on 17 July, 95.7 km on "the latest flight".
    const [g] = groupFigures([km('dw', 134, '广东', 'c2'), km('rfi', 95.7, '海岸线', 'c2')])
    expect([g.values.length, g.conflict]).toEqual([2, false])
    expect(groupFigures([km('dw', 134, '广东'), km('rfi', 95.7, '海岸线')])).toHaveLength(2)
    // A claim's counts of things named apart stay apart (a fire: 12名消防员受伤 / 20名工人被困).
    expect(groupFigures([fig('rthk', 'r1', 12, '消防员', { claim: 'c1' }), fig('hk01', 'h1', 20, '工人', { claim: 'c1' })])).toHaveLength(2)
    // Named alike as well: a conflict as before.
    expect(groupFigures([km('dw', 134, '海岸', 'c2'), km('rfi', 95.7, '海岸线', 'c2')])[0].conflict).toBe(true)
  })

  it("compares each outlet's largest figure, so a part in one report is no conflict", () => {
    const [g] = groupFigures([fig('a', 'a1', 5, '高层'), fig('b', 'b1', 5, '高层'), fig('b', 'b2', 3, '高层')])
    expect(g.conflict).toBe(false)
  })
  it('calls a disagreement between outlets a conflict, but not a planned or relayed figure', () => {
    expect(groupFigures([fig('a', 'a1', 5, '高层'), fig('b', 'b1', 7, '高层')])[0].conflict).toBe(true)
    expect(groupFigures([fig('a', 'a1', 5, '高层'), fig('b', 'b1', 7, '高层', { modality: 'planned' })])[0].conflict).toBe(false)
    expect(groupFigures([fig('a', 'a1', 5, '高层'), fig('b', 'b1', 7, '高层', { relayed: 'RT' })])[0].conflict).toBe(false)
  })
  it('does not group subjects that share only a suffix (GNews and 眾新聞 on 12 June 2021 in Hong Kong)', () => {
    const groups = groupFigures([fig('gnews', 'g1', 301, '公务员'), fig('hkcnews', 'h1', 10, '工会成员', { approx: true }), fig('gnews', 'g2', 20, '警员'), fig('hkcnews', 'h2', 10, '员警')])
    expect(groups.map((g) => g.values.map((v) => v.value))).toEqual(expect.arrayContaining([[301], [10], [20, 10]]))
    expect(groups.some((g) => g.conflict && g.values.some((v) => v.value === 301))).toBe(false)
  })
  it('does not compare counts made in different places (RFI and VOA on COVID deaths, July 2020)', () => {
    const [world] = findFigures(splitSentences('全球至少52万1384人死于2019冠状病毒疾病（COVID-19）。'))
    const [us] = findFigures(splitSentences('自从今年1月爆发新冠病毒疫情以来，全美近130,000人死亡，超过2,700,000人确诊感染。'))
    expect(world.value).toBe(521384)
    const located = (f: typeof world, outlet: string) => ({ ...f, outlet, articleId: outlet, sentenceText: '' })
    expect(groupFigures([located(world, 'rfi'), located(us, 'voa')]).some((g) => g.conflict)).toBe(false)
  })
  it('does not compare a count made within a body or place named after the measure word with one made without (RFI and GNews on von der Leyen, September 2020)', () => {
    const [partners] = findFigures(splitSentences('她强调，在疫情初期欧盟与民间社会和世卫组织一道，联合40多个国家筹集了160亿欧元以用于对新冠疫苗的研发等应对举措。'))
    const [members] = findFigures(splitSentences('据悉，冯德莱恩为27个欧盟国家购买的一半以上的中共病毒疫苗来自辉瑞公司。'))
    expect([partners.subject, partners.scope, members.subject, members.scope]).toEqual(['国家', undefined, '国家', '欧盟'])
    const located = (f: typeof partners, outlet: string) => ({ ...f, outlet, articleId: outlet, sentenceText: '' })
    expect(groupFigures([located(partners, 'rfi'), located(members, 'gnews')]).some((g) => g.conflict)).toBe(false)
  })
  it('groups sums only by a shared word of what they pay for (Reuters, VOA and DW on the EU recovery package, July 2020)', () => {
    const sum = (outlet: string, value: number, subject: string) => fig(outlet, outlet, value, subject, { unit: '欧元', dimension: 'money' })
    // 资金 (the ECB's funds) and 金额 (the package's total) share only 金.
    expect(groupFigures([sum('reuters', 1e12, '资金'), sum('dw', 1.82e12, '金额')]).some((g) => g.conflict)).toBe(false)
    expect(groupFigures([sum('reuters', 4e11, '无偿拨款'), sum('dw', 3.9e11, '拨款')])).toHaveLength(1)
  })
  it('calls no conflict between figures three or more times apart: they count different things (BBC and VOA on COVID cases, July 2020)', () => {
    // 9,500 cases in one country and 1,313,677 in another, under one subject.
    expect(groupFigures([fig('bbc', 'b1', 9500, '人确诊'), fig('voa', 'v1', 1313677, '人确诊')])[0].conflict).toBe(false)
    expect(groupFigures([fig('a', 'a1', 10, '高层'), fig('b', 'b1', 30, '高层')])[0].conflict).toBe(false)
    expect(groupFigures([fig('a', 'a1', 10, '高层'), fig('b', 'b1', 29, '高层')])[0].conflict).toBe(true)
  })
  it('groups a longer subject only by a shared word, not a shared character (DW and GNews on naval drills, July 2020)', () => {
    const ships = (outlet: string, value: number, subject: string) => fig(outlet, `${outlet}${value}`, value, subject, { unit: '艘' })
    const groups = groupFigures([ships('dw', 55, '军舰'), ships('gnews', 38, '水面舰艇'), ships('gnews', 4, '潜艇')])
    expect(groups).toHaveLength(3)
    // Two-character names of one thing still meet by a character (会谈 ~ 会议 ~ 拜会 ~ 谈判).
    const talks = (outlet: string, value: number, subject: string) => fig(outlet, `${outlet}${value}`, value, subject, { unit: 'minute', dimension: 'duration' })
    expect(groupFigures([talks('guancha', 180, '拜会'), talks('gnews', 240, '会谈'), talks('guancha', 93, '会议'), talks('mitbbs', 300, '谈判')])).toHaveLength(1)
    // And longer ones by a word (核弹头 ~ 弹头).
    expect(groupFigures([ships('a', 1550, '核弹头'), ships('b', 1500, '弹头')])).toHaveLength(1)
  })
  it('never groups figures whose subject is unknown', () => {
    expect(groupFigures([fig('a', 'a1', 5, ''), fig('b', 'b1', 7, '')])).toHaveLength(2)
  })
})

describe('framing', () => {
  it('finds the words one outlet uses and the others do not', () => {
    const shared = '双方在峰会上讨论了军备控制和网络安全。'.repeat(20)
    const terms = framing(new Map([
      ['a', [segment(shared + '中共政权打压民众。'.repeat(10))]],
      ['b', [segment(shared + '领导人会晤气氛积极。'.repeat(10))]],
    ]))
    expect(terms.get('a')!.map((t) => t.term)).toContain('政权')
    expect(terms.get('b')!.map((t) => t.term)).not.toContain('政权')
    expect(terms.get('a')!.map((t) => t.term)).not.toContain('峰会')
  })
})

describe('stories', () => {
  it('links the January call and the June summit through the people they share', () => {
    const byId = new Map(seeds.map((a) => [a.id as string, a]))
    const call = seeds.filter((a) => !summit.includes(a))
    const events = [
      { id: 'e1', title: 'call', start: call[0].publishedAt, end: call[0].publishedAt, articleIds: call.map((a) => a.id), keywords: [] },
      { id: 'e2', title: 'summit', start: '2021-06-15', end: '2021-06-19', articleIds: summit.map((a) => a.id), keywords: [] },
    ]
    const stories = buildStories(events, byId)
    expect(stories).toHaveLength(1)
    expect(stories[0].eventIds).toEqual(['e1', 'e2'])
    expect(stories[0].entities).toEqual(expect.arrayContaining(['拜登', '普京']))
  })
})

describe('withoutDateline', () => {
  it("drops a byline or dateline glued to a lead, and nothing else", () => {
    expect(withoutDateline('【文/观察者网 熊超然】当地时间6月16日，拜登首次以美国总统的身份与俄罗斯总统普京线下会晤。')).toBe('当地时间6月16日，拜登首次以美国总统的身份与俄罗斯总统普京线下会晤。')
    expect(withoutDateline('(德国之声中文网) 7月20日凌晨，欧盟各国终于达成共识。')).toBe('7月20日凌晨，欧盟各国终于达成共识。')
    expect(withoutDateline('路透北京7月21日 - 就英国中止香港引渡协议，中国外交部发言人汪文斌周二表示。')).toBe('就英国中止香港引渡协议，中国外交部发言人汪文斌周二表示。')
    expect(withoutDateline('中国外交部发言人汪文斌周二表示，中国将保留作出进一步反应的权利。')).toBe('中国外交部发言人汪文斌周二表示，中国将保留作出进一步反应的权利。')
    // A place and a dash (The New York Times), but not other words before a dash.
    expect(withoutDateline('伦敦——随着与中国紧张关系的升级，英国周一暂停了与香港的引渡条约。')).toBe('随着与中国紧张关系的升级，英国周一暂停了与香港的引渡条约。')
    expect(withoutDateline('華盛頓——美國國務院週三宣布了新的簽證限制。')).toBe('美國國務院週三宣布了新的簽證限制。')
    expect(withoutDateline('我的同龄人——那些七十年代出生的人，大多经历过下岗。')).toBe('我的同龄人——那些七十年代出生的人，大多经历过下岗。')
    expect(withoutDateline('阿拉伯联盟——长期以来一直受到嘲笑——表示，其将施加更大压力。')).toBe('阿拉伯联盟——长期以来一直受到嘲笑——表示，其将施加更大压力。')

    // A picture's credit glued to the lead, where it plainly ends.
    expect(withoutDateline('图片来源：YOUTUBE 6月6日，南京师范大学中北学院的学生在校内聚集抗议。')).toBe('6月6日，南京师范大学中北学院的学生在校内聚集抗议。')
    // A list's number, but not a number the sentence is about.
    expect(withoutDateline('2、他嫂子知道他的犯罪行为！')).toBe('他嫂子知道他的犯罪行为！')
    expect(withoutDateline('（三）加强对外国势力干预的防范。')).toBe('加强对外国势力干预的防范。')
    expect(withoutDateline('1.5亿人口受到疫情影响。')).toBe('1.5亿人口受到疫情影响。')
    expect(withoutDateline('12月，两国签署了协议。')).toBe('12月，两国签署了协议。')
    for (const text of ['十一、二月份的数据显示经济有所回升。', '四、五月间，疫情出现反弹。', '三、四十名抗议者聚集在政府总部外。', '五一、国庆假期的出游人数大增。', '1、2月的出口数据好于预期。']) expect(withoutDateline(text)).toBe(text)
  })
})

describe('claimHeading', () => {
  it('drops the conjunction that tied a piece to the clause before, and keeps one that changes what it says', () => {
    expect(claimHeading('以及使两国大使返回华盛顿和莫斯科工作')).toBe('使两国大使返回华盛顿和莫斯科工作')
    expect(claimHeading('但他执政以后，包括指责俄干涉美国大选')).toBe('他执政以后，包括指责俄干涉美国大选')
    expect(claimHeading('此外，双方同意启动战略稳定对话')).toBe('双方同意启动战略稳定对话')
    // A condition or a concession is part of the claim.
    expect(claimHeading('若拜登提前跟普京有来往，首先他心里没底')).toBe('若拜登提前跟普京有来往，首先他心里没底')
    expect(claimHeading('虽然双方存在巨大分歧，但是在核军备控制等方面能够达成共识。')).toBe('虽然双方存在巨大分歧，但是在核军备控制等方面能够达成共识。')
    // Words that only begin like a conjunction, "the other three", and a piece too short alone.
    expect(claimHeading('并购案已获批准')).toBe('并购案已获批准')
    expect(claimHeading('另外3人仍被扣查')).toBe('另外3人仍被扣查')
    expect(claimHeading('但无突破')).toBe('但无突破')
  })
})
