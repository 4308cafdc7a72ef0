import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import MeetingsPage from './MeetingsPage.vue'
import type { Meeting } from '../../bindings/Meeting'

// The body of 会议筹备 and 会议纪要: the empty card when there is no meeting, else the list
// beside the selected meeting's detail.

const meeting = (id: number) =>
  ({ id, title: `会议${id}`, date: '2026-03-05', kind: '年会', status: '筹备中' }) as unknown as Meeting

const page = (props: Record<string, unknown>) =>
  mount(MeetingsPage, {
    props: {
      meetings: [meeting(1), meeting(2)],
      selected: 2,
      loading: false,
      emptyTest: 'meetings-empty',
      emptyText: '还没有会议。',
      listTest: 'meeting-list',
      itemTest: 'meeting-item',
      ...props,
    },
    slots: {
      empty: '<button class="new">新建会议</button>',
      default: '<template #default="{ meeting }"><h2 class="title">{{ meeting.title }}</h2></template>',
    },
    global: { plugins: [ElementPlus] },
  })

describe('MeetingsPage', () => {
  it('shows the selected meeting beside the list, and passes a click on the list on', async () => {
    const w = page({ framed: true })
    expect(w.find('[data-test="meetings-empty"]').exists()).toBe(false)
    expect(w.findAll('[data-test^="meeting-item-"]')).toHaveLength(2)
    expect(w.get('.detail').classes()).toContain('framed')
    expect(w.get('.title').text()).toBe('会议2')
    await w.get('[data-test="meeting-item-1"]').trigger('click')
    expect(w.emitted('select')).toEqual([[1]])
  })

  it('shows no detail while nothing is selected', () => {
    const w = page({ selected: null })
    expect(w.find('.detail').exists()).toBe(false)
    expect(w.find('[data-test="meeting-list"]').exists()).toBe(true)
  })

  it('shows the empty card with its buttons when there are no meetings', () => {
    const w = page({ meetings: [] })
    expect(w.get('[data-test="meetings-empty"]').text()).toContain('还没有会议。')
    expect(w.find('.new').exists()).toBe(true)
    expect(w.find('[data-test="meeting-list"]').exists()).toBe(false)
  })

  it('shows no empty card while the meetings are still loading', () => {
    const w = page({ meetings: [], loading: true })
    expect(w.find('[data-test="meetings-empty"]').exists()).toBe(false)
  })
})
