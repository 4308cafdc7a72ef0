import { describe, expect, it } from 'vitest'
import type { AgendaItem } from '../bindings/AgendaItem'
import {
  agendaEnd,
  formatDate,
  formatMinutes,
  formatSignedIn,
  formatTime,
  highlight,
  moved,
  nextTitle,
  pdfFileName,
  replyTagType,
  scopeCounts,
  searchable,
  splitPlatform,
  timeForInput,
} from './meetingView'
import { unit } from './testFixtures'

function item(end: string | null): AgendaItem {
  return {
    id: 1,
    meeting_id: 1,
    position: 1,
    kind: '其他',
    title: '',
    presenter_unit_id: null,
    presenter: '',
    duration_min: 5,
    notes: '',
    start: null,
    end,
  }
}

describe('times and dates', () => {
  it('formats times as printed, without a leading zero', () => {
    expect(formatTime('14:30:00')).toBe('14:30')
    expect(formatTime('09:05:00')).toBe('9:05')
    expect(formatTime('9:05')).toBe('9:05')
    expect(formatTime(null)).toBe('')
    expect(formatTime('later')).toBe('')
  })
  it('turns a picked time into what the backend reads', () => {
    expect(timeForInput('9:05')).toBe('09:05:00')
    expect(timeForInput('14:30')).toBe('14:30:00')
    expect(timeForInput('')).toBeNull()
    expect(timeForInput('25:00')).toBeNull()
  })
  it('formats dates the document way', () => {
    expect(formatDate('2026-09-05')).toBe('2026年9月5日')
    expect(formatDate(null)).toBe('日期未定')
  })
  it('shows the sign-in time of day', () => {
    expect(formatSignedIn('2026-09-25T08:07:30')).toBe('08:07')
    expect(formatSignedIn('2026-09-25 14:21:05')).toBe('14:21')
    expect(formatSignedIn(null)).toBe('')
  })
  it('takes the end time from the last agenda item', () => {
    expect(agendaEnd([item('14:35:00'), item('16:01:00')])).toBe('16:01')
    expect(agendaEnd([])).toBe('')
    expect(agendaEnd([item(null)])).toBe('')
  })
  it('says minutes in words', () => {
    expect(formatMinutes(25)).toBe('25分钟')
    expect(formatMinutes(60)).toBe('1小时')
    expect(formatMinutes(91)).toBe('1小时31分钟')
  })
})

describe('the sign-in desk', () => {
  it('searches from two characters on, spaces ignored', () => {
    expect(searchable('海')).toBe(false)
    expect(searchable(' 海 棠')).toBe(true)
    expect(searchable('𠮷祥')).toBe(true)
  })
  it('marks every match, keeping the rest', () => {
    expect(highlight('海棠路小学海棠', '海 棠')).toEqual([
      { text: '海棠', hit: true },
      { text: '路小学', hit: false },
      { text: '海棠', hit: true },
    ])
    expect(highlight('武警中队', '')).toEqual([{ text: '武警中队', hit: false }])
    expect(highlight('', '海棠')).toEqual([])
    expect(highlight('ABC公司', 'bc')).toEqual([
      { text: 'A', hit: false },
      { text: 'BC', hit: true },
      { text: '公司', hit: false },
    ])
  })
  it('colours replies', () => {
    expect(replyTagType('确认参会')).toBe('success')
    expect(replyTagType('请假')).toBe('danger')
    expect(replyTagType('待回复')).toBe('info')
  })
})

describe('lists and copies', () => {
  it('moves an element, leaving out-of-range moves alone', () => {
    expect(moved([1, 2, 3, 4], 0, 2)).toEqual([2, 3, 1, 4])
    expect(moved([1, 2, 3, 4], 3, 0)).toEqual([4, 1, 2, 3])
    expect(moved([1, 2], 1, 2)).toEqual([1, 2])
    expect(moved([1, 2], -1, 0)).toEqual([1, 2])
  })
  it('suggests next year’s title', () => {
    expect(nextTitle('海棠街道区域化党建联席会2026年年会')).toBe('海棠街道区域化党建联席会2027年年会')
    expect(nextTitle('副会长单位碰头会')).toBe('副会长单位碰头会（新）')
  })
  it('counts a scope’s units and those not yet invited', () => {
    const units = [
      unit(1, { branch_id: 7 }),
      unit(2, { branch_id: 7 }),
      unit(3, { branch_id: 8, category: '学校' }),
      unit(4, { branch_id: 7, status: '已退出' }),
    ]
    const invited = new Set([1])
    expect(scopeCounts(units, invited, { by: '分会', value: 7 })).toEqual({ total: 2, fresh: 1 })
    expect(scopeCounts(units, invited, { by: '全部在册单位' })).toEqual({ total: 3, fresh: 2 })
    expect(scopeCounts(units, invited, { by: '类别', value: '学校' })).toEqual({ total: 1, fresh: 1 })
    expect(scopeCounts(units, invited, { by: '社区', value: 1 })).toEqual({ total: 0, fresh: 0 })
  })
  it('names files safely and reads platform names', () => {
    expect(pdfFileName('2026年年会', '签到表')).toBe('2026年年会-签到表.pdf')
    expect(pdfFileName('a/b:c', '桌签')).toBe('abc-桌签.pdf')
    expect(pdfFileName('', '桌签')).toBe('桌签.pdf')
    expect(splitPlatform('陈振华\n 林雅琴、周立新\n\n')).toEqual(['陈振华', '林雅琴', '周立新'])
  })
})
