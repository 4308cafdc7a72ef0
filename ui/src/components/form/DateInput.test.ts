import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElDatePicker } from 'element-plus'
import DateInput from './DateInput.vue'

// A day is kept as YYYY-MM-DD; `cn` only changes how it is shown.

describe('DateInput', () => {
  it('keeps the day as YYYY-MM-DD and shows it so', () => {
    const w = mount(DateInput, { props: { modelValue: '2026-09-25' }, global: { plugins: [ElementPlus] } })
    const p = w.getComponent(ElDatePicker)
    expect(p.props('type')).toBe('date')
    expect(p.props('valueFormat')).toBe('YYYY-MM-DD')
    expect((w.get('input').element as HTMLInputElement).value).toBe('2026-09-25')
  })

  it('shows 2026年9月25日 when cn, and passes a new day on', () => {
    const w = mount(DateInput, { props: { modelValue: '2026-09-25', cn: true }, global: { plugins: [ElementPlus] } })
    expect((w.get('input').element as HTMLInputElement).value).toBe('2026年9月25日')
    w.getComponent(ElDatePicker).vm.$emit('update:modelValue', '2026-10-01')
    expect(w.emitted('update:modelValue')).toEqual([['2026-10-01']])
  })
})
