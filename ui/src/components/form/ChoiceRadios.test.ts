import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ChoiceRadios from './ChoiceRadios.vue'

// The choices as radio buttons, each named for the end-to-end tests when asked.

describe('ChoiceRadios', () => {
  it('shows each choice and names its button', () => {
    const w = mount(ChoiceRadios, {
      props: { options: ['现金', '物资'], modelValue: '现金', optionTest: 'kind' },
      global: { plugins: [ElementPlus] },
    })
    expect(w.get('[data-test="kind-物资"]').text()).toBe('物资')
    expect(w.findAll('label').map((l) => l.text())).toEqual(['现金', '物资'])
  })

  it('passes the picked choice on', async () => {
    const w = mount(ChoiceRadios, {
      props: { options: ['现金', '物资'], modelValue: '现金' },
      global: { plugins: [ElementPlus] },
    })
    expect(w.find('[data-test="kind-物资"]').exists()).toBe(false)
    await w.findAll('input')[1]?.setValue(true)
    expect(w.emitted('update:modelValue')).toEqual([['物资']])
  })
})
