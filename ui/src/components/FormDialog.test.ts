import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElDialog } from 'element-plus'
import FormDialog from './FormDialog.vue'

// A form dialog never closes on a click beside it; its slots and attributes reach the el-dialog.

describe('FormDialog', () => {
  it('is open by default, keeps its width and title, and ignores a click beside it', () => {
    const w = mount(FormDialog, {
      props: { title: '登记认领' },
      attrs: { 'data-test': 'claim-dialog', 'append-to-body': false },
      slots: { default: '<p class="body">内容</p>', footer: '<button class="ok">保存</button>' },
      global: { plugins: [ElementPlus] },
    })
    const d = w.getComponent(ElDialog)
    expect(d.props('modelValue')).toBe(true)
    expect(d.props('title')).toBe('登记认领')
    expect(d.props('width')).toBe('600px')
    expect(d.props('closeOnClickModal')).toBe(false)
    expect(d.vm.$attrs['data-test']).toBe('claim-dialog')
    expect(d.props('appendToBody')).toBe(false)
  })

  it('stays closed when open is false, and takes another width', () => {
    const w = mount(FormDialog, {
      props: { title: '打印', open: false, width: '560px' },
      global: { plugins: [ElementPlus] },
    })
    const d = w.getComponent(ElDialog)
    expect(d.props('modelValue')).toBe(false)
    expect(d.props('width')).toBe('560px')
  })
})
