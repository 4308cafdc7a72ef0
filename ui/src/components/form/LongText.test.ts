import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import LongText from './LongText.vue'

// Free text is a textarea three rows high unless told, and what is typed comes back.

describe('LongText', () => {
  it('is a textarea of three rows that passes what is typed on', async () => {
    const w = mount(LongText, {
      props: { modelValue: '每月一次' },
      attrs: { placeholder: '如：提供场地', 'data-test': 'claim-commitment' },
      global: { plugins: [ElementPlus] },
    })
    const t = w.get('textarea')
    expect(t.attributes('rows')).toBe('3')
    expect(t.attributes('placeholder')).toBe('如：提供场地')
    expect((t.element as HTMLTextAreaElement).value).toBe('每月一次')
    await t.setValue('每周一次')
    expect(w.emitted('update:modelValue')).toEqual([['每周一次']])
  })

  it('takes another height', () => {
    const w = mount(LongText, { props: { modelValue: '', rows: 6 }, global: { plugins: [ElementPlus] } })
    expect(w.get('textarea').attributes('rows')).toBe('6')
  })
})
