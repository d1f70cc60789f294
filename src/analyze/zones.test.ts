import { describe, expect, it } from 'vitest'
import { foldText } from '../normalize/fold.js'
import { findEntities } from './entities.js'
import { dayIn, loadZoneTable, offsetMinutes, placesNamed, zoneQualifier } from './zones.js'

const named = (text: string) => {
  const folded = foldText(text)
  return placesNamed(folded, findEntities(folded)).map((p) => [p.zone, p.weight])
}

describe('time zones of places (the entity table\'s `zone` and `within`)', () => {
  it('weighs a venue and a dateline over a city, and a city over a country or a metonym', () => {
    expect(named('美国总统拜登和俄罗斯总统普京于6月16日在日内瓦举行了美俄峰会。')).toEqual([
      ['America/New_York', 0.5],
      ['Europe/Moscow', 0.5],
      ['Europe/Zurich', 2],
    ])
    expect(named('新华社日内瓦6月16日电 俄美元首会晤结束。')).toContainEqual(['Europe/Zurich', 2])
    expect(named('路透北京7月21日 - 中国外交部发言人周二表示。')).toEqual([['Asia/Shanghai', 2]])
    expect(named('伦敦——英国周一暂停了与香港的引渡条约。')).toContainEqual(['Europe/London', 2])
    // Places within a country that are not entities of their own, with the zone they differ by.
    expect(named('江西、辽宁等也陆续做出类似调整。')).toEqual([
      ['Asia/Shanghai', 1],
      ['Asia/Shanghai', 1],
    ])
    expect(named('美国命令中国关闭驻休斯敦总领事馆。').map(([z]) => z)).toContain('America/Chicago')
    expect(named('使两国大使返回华盛顿和莫斯科工作。')).toEqual([
      ['America/New_York', 0.5],
      ['Europe/Moscow', 0.5],
    ])
  })

  it('reads no place in a name that goes on (华盛顿邮报, 《纽约时报》), in another entity (今日俄罗斯), or as a venue after 关于', () => {
    expect(named('据《华盛顿邮报》报道，华盛顿邮报称。')).toEqual([])
    expect(named('纽约时报报道。')).toEqual([])
    expect(named('今日俄罗斯（RT）16日报道。')).toEqual([])
    expect(named('关于中国的报道。')).toEqual([['Asia/Shanghai', 0.5]])
    expect(named('蓬佩奥将在美国西部时间7月23日下午发表讲话。')).toEqual([['America/New_York', 0.5]])
    // A venue weighs more only in the sentence that tells the incident.
    expect(placesNamed(foldText('10年前，两人在莫斯科会面。'), [], false).map((p) => p.weight)).toEqual([0.5])
  })

  it('names the zone a time is told in', () => {
    expect(zoneQualifier('北京时间')).toBe('Asia/Shanghai')
    expect(zoneQualifier('在甘肃省北京当地时间')).toBe('Asia/Shanghai')
    expect(zoneQualifier('将在美国西部时间')).toBe('America/Los_Angeles')
    expect(zoneQualifier('在伦敦时间')).toBe('Europe/London')
    expect(zoneQualifier('香港时间')).toBe('Asia/Hong_Kong')
    expect(zoneQualifier('当地时间')).toBeUndefined()
    expect(zoneQualifier('这段时间')).toBeUndefined()
  })

  it('gives the day and the offset in a zone, summer time included', () => {
    // mitbbs's preview of the Geneva summit, and RFA on a policy Beijing dates the next day.
    expect(dayIn(Date.parse('2021-06-15T20:45:00Z'), 'Europe/Zurich')).toBe('2021-06-15')
    expect(dayIn(Date.parse('2020-11-10T20:20:00Z'), 'Asia/Shanghai')).toBe('2020-11-11')
    expect(dayIn(Date.parse('2020-11-14T02:55:13Z'), 'America/New_York')).toBe('2020-11-13')
    expect(offsetMinutes('Europe/Zurich', Date.parse('2021-06-16T12:00:00Z'))).toBe(120)
    expect(offsetMinutes('Europe/Zurich', Date.parse('2021-01-16T12:00:00Z'))).toBe(60)
    expect(offsetMinutes('America/New_York', Date.parse('2020-11-13T12:00:00Z'))).toBe(-300)
    expect(offsetMinutes('Asia/Shanghai', Date.parse('2020-11-13T12:00:00Z'))).toBe(480)
  })

  it('refuses a zone that is not one, naming the entry', () => {
    expect(() => loadZoneTable('- { id: x, type: place, name: 某地, zone: Mars/Olympus }')).toThrow(/\(x\).*Mars\/Olympus/)
    expect(() => loadZoneTable('- { id: x, type: place, name: 某国, zone: Asia/Shanghai, within: [{ 某城: UTC+8 }] }')).toThrow(/某城/)
    // Entries without a zone, and other types, are left out.
    expect(loadZoneTable('- { id: x, type: place, name: 某地 }\n- { id: y, type: org, name: 某社, zone: UTC }').ofEntity.size).toBe(0)
  })
})
