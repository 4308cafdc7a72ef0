import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElOption, ElSelect } from 'element-plus'
import NamedSelect from './NamedSelect.vue'

// Named records are offered by name and picked by id; the select's own options pass through.

describe('NamedSelect', () => {
  it('offers each record by name, its id the value', () => {
    const w = mount(NamedSelect, {
      props: { options: [{ id: 1, name: '八大关小学' }], modelValue: null, multiple: true, placeholder: '可不选' },
      global: { plugins: [ElementPlus] },
    })
    const o = w.getComponent(ElOption)
    expect([o.props('label'), o.props('value')]).toEqual(['八大关小学', 1])
    expect(w.getComponent(ElSelect).props('multiple')).toBe(true)
    expect(w.getComponent(ElSelect).props('placeholder')).toBe('可不选')
  })

  it('passes the picked id on', () => {
    const w = mount(NamedSelect, {
      props: { options: [{ id: 7, name: '太平角社区' }], modelValue: null },
      global: { plugins: [ElementPlus] },
    })
    w.getComponent(ElSelect).vm.$emit('update:modelValue', 7)
    expect(w.emitted('update:modelValue')).toEqual([[7]])
  })
})
