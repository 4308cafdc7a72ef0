import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElOption, ElSelect } from 'element-plus'
import MeetingSelect from './MeetingSelect.vue'

// A meeting is offered by its title and picked by its id; none is 不属于某次会议 unless told.

const meetings = [
  { id: 3, title: '2026年年会' },
  { id: 5, title: '第二次全体会议' },
]

describe('MeetingSelect', () => {
  it('offers each meeting by title, its id the value, and can be cleared', async () => {
    const w = mount(MeetingSelect, {
      props: { meetings, modelValue: null, 'data-test': 'm' },
      global: { plugins: [ElementPlus] },
    })
    const options = w.findAllComponents(ElOption)
    expect(options.map((o) => [o.props('label'), o.props('value')])).toEqual([
      ['2026年年会', 3],
      ['第二次全体会议', 5],
    ])
    const select = w.getComponent(ElSelect)
    expect(select.props('clearable')).toBe(true)
    expect(select.props('placeholder')).toBe('不属于某次会议')
    expect(w.find('[data-test="m"]').exists()).toBe(true)
    select.vm.$emit('update:modelValue', 5)
    expect(w.emitted('update:modelValue')).toEqual([[5]])
  })

  it('takes another placeholder', () => {
    const w = mount(MeetingSelect, {
      props: { meetings, modelValue: 3, placeholder: '全部会议' },
      global: { plugins: [ElementPlus] },
    })
    expect(w.getComponent(ElSelect).props('placeholder')).toBe('全部会议')
  })
})
