import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { h, reactive } from 'vue'
import ElementPlus, { ElDatePicker, ElForm, ElInput } from 'element-plus'
import PartyFields from './PartyFields.vue'
import TermInput from './TermInput.vue'

// The pieces of an agreement's form: its term, and one party's signers.

describe('TermInput', () => {
  it('picks two days, kept as YYYY-MM-DD and shown in Chinese', () => {
    const w = mount(TermInput, {
      props: { modelValue: ['2026-01-01', '2026-12-31'], clearable: false },
      global: { plugins: [ElementPlus] },
    })
    const p = w.getComponent(ElDatePicker)
    expect([p.props('type'), p.props('valueFormat'), p.props('format')]).toEqual([
      'daterange',
      'YYYY-MM-DD',
      'YYYY年M月D日',
    ])
    expect(p.props('clearable')).toBe(false)
  })
})

describe('PartyFields', () => {
  it('edits the party it is given, in place', async () => {
    const party = reactive({ leader: '张三', contact: '', phone: '' })
    const form = () =>
      h(ElForm, null, () => h(PartyFields, { modelValue: party, title: '甲方：八大关街道', leaderTest: 'a-leader' }))
    const w = mount(form, { global: { plugins: [ElementPlus] } })
    expect(w.text()).toContain('甲方：八大关街道')
    await w.get('[data-test="a-leader"]').setValue('李四')
    const inputs = w.findAllComponents(ElInput)
    inputs[2].vm.$emit('update:modelValue', '0532-82861234')
    expect(party).toEqual({ leader: '李四', contact: '', phone: '0532-82861234' })
  })
})
