import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import MeetingList from './MeetingList.vue'
import type { Meeting } from '../bindings/Meeting'

// The meeting list of 会议筹备 and 会议纪要: rows named for the end-to-end tests, the
// selected one marked, a click selects, and 会议纪要's rows stand under their years.

const meeting = (id: number, date: string | null, kind = '年会') =>
  ({ id, title: `会议${id}`, date, kind, status: '筹备中' }) as unknown as Meeting
const meetings = [meeting(1, '2026-03-05'), meeting(2, '2025-12-01', '专题会'), meeting(3, null)]

const list = (props: Record<string, unknown>) =>
  mount(MeetingList, {
    props: { meetings, selected: 2, test: 'meeting-list', itemTest: 'meeting-item', ...props },
    global: { plugins: [ElementPlus] },
  })

describe('MeetingList', () => {
  it('lists the meetings, marks the selected one and selects on a click', async () => {
    const w = list({ showKind: true })
    expect(w.find('[data-test="meeting-list"]').exists()).toBe(true)
    expect(w.findAll('.item')).toHaveLength(3)
    expect(w.get('[data-test="meeting-item-2"]').classes()).toContain('active')
    expect(w.get('[data-test="meeting-item-1"]').classes()).not.toContain('active')
    expect(w.get('[data-test="meeting-item-2"]').text()).toContain('专题会 ·')
    expect(w.find('.year').exists()).toBe(false)
    await w.get('[data-test="meeting-item-3"]').trigger('click')
    expect(w.emitted('select')).toEqual([[3]])
  })

  it('puts the meetings under their years, undated first', () => {
    const w = list({ byYear: true, itemTest: 'minutes-meeting' })
    expect(w.findAll('.year').map((y) => y.text())).toEqual(['日期未定', '2026年', '2025年'])
    expect(w.get('[data-test="minutes-meeting-1"]').text()).not.toContain('年会')
  })
})
