import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElOption, ElSelect } from 'element-plus'
import ChoiceSelect from './ChoiceSelect.vue'

// Each choice is its own value; it is worded as it is unless `labelOf` says otherwise.

describe('ChoiceSelect', () => {
  it('offers each choice as it is', () => {
    const w = mount(ChoiceSelect, {
      props: { options: ['现金', '物资'], modelValue: null },
      global: { plugins: [ElementPlus] },
    })
    expect(w.findAllComponents(ElOption).map((o) => [o.props('label'), o.props('value')])).toEqual([
      ['现金', '现金'],
      ['物资', '物资'],
    ])
  })

  it('words a choice by labelOf and passes the picked one on', () => {
    const w = mount(ChoiceSelect, {
      props: { options: [2026, 2025], labelOf: (y: string | number) => `${y}年`, modelValue: null },
      global: { plugins: [ElementPlus] },
    })
    expect(w.findAllComponents(ElOption).map((o) => [o.props('label'), o.props('value')])).toEqual([
      ['2026年', 2026],
      ['2025年', 2025],
    ])
    w.getComponent(ElSelect).vm.$emit('update:modelValue', 2025)
    expect(w.emitted('update:modelValue')).toEqual([[2025]])
  })
})
