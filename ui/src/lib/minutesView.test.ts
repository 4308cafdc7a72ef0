import { describe, expect, it } from 'vitest'
import type { Meeting } from '../bindings/Meeting'
import type { Minutes } from '../bindings/Minutes'
import { blankItem, byYear, changed, editOf, moveItem } from './minutesView'

const minutes: Minutes = {
  id: 1,
  meeting_id: 2,
  heading: '海棠街道区域化党建联席会议纪要',
  issue_no: '',
  opening: '现将会议议定事项纪要如下：',
  items: [
    { heading: '甲', text: 'a', owner: '', due: '' },
    { heading: '乙', text: 'b', owner: '', due: '' },
  ],
  present: [],
  on_leave: [],
  guests: [],
  status: '草稿',
  finalised_at: null,
  send_to: '',
  copy_to: '',
  issuer: '',
  issued_on: null,
  lists_at: '',
  saved: true,
  updated_at: '',
}

describe('minutesView', () => {
  it('edits a copy', () => {
    const e = editOf(minutes)
    e.items[0].text = 'changed'
    expect(minutes.items[0].text).toBe('a')
    expect(changed(e, editOf(minutes))).toBe(true)
    expect(changed(editOf(minutes), editOf(minutes))).toBe(false)
  })

  it('moves items and ignores moves out of range', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a'])
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b'])
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b'])
    expect(blankItem()).toEqual({ heading: '', text: '', owner: '', due: '' })
  })

  it('groups meetings by year, newest first', () => {
    const m = (id: number, date: string | null) => ({ id, date }) as unknown as Meeting
    const groups = byYear([m(1, '2025-09-19'), m(2, '2026-09-25'), m(3, null), m(4, '2025-03-01')])
    expect(groups.map((g) => [g.year, g.meetings.map((x) => x.id)])).toEqual([
      ['日期未定', [3]],
      ['2026年', [2]],
      ['2025年', [1, 4]],
    ])
  })
})
