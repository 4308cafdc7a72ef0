import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElAlert } from 'element-plus'
import ResultAlert from './ResultAlert.vue'

// A result is green when it went as asked and amber when not; nothing shows before a result.

describe('ResultAlert', () => {
  const show = (result: { text: string; ok: boolean } | null) =>
    mount(ResultAlert, {
      props: { result },
      attrs: { 'data-test': 'print-result' },
      slots: { default: '<ul class="notes"><li>缺少字形</li></ul>' },
      global: { plugins: [ElementPlus] },
    })

  it('shows a success with its sentence and details', () => {
    const w = show({ text: '已保存“会议议程.pdf”', ok: true })
    const a = w.getComponent(ElAlert)
    expect(a.props('type')).toBe('success')
    expect(a.props('closable')).toBe(false)
    expect(w.get('[data-test="print-result"]').text()).toContain('已保存“会议议程.pdf”')
    expect(w.get('.notes').text()).toBe('缺少字形')
  })

  it('shows a failure as a warning', () => {
    expect(show({ text: '文件被占用', ok: false }).getComponent(ElAlert).props('type')).toBe('warning')
  })

  it('shows nothing before a result', () => {
    expect(show(null).findComponent(ElAlert).exists()).toBe(false)
  })
})
