import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import DialogFooter from './DialogFooter.vue'

// A form dialog's footer: 取消 asks to close, the primary button asks for the action, names
// itself after the dialog for the end-to-end tests, and cannot be pressed while disabled.

const footer = (props: Record<string, unknown>, slot?: string) =>
  mount(DialogFooter, {
    props: { test: 'guest', ...props },
    slots: slot ? { default: slot } : {},
    global: { plugins: [ElementPlus] },
  })

describe('DialogFooter', () => {
  it('asks to cancel or to save, and is named after its dialog', async () => {
    const w = footer({})
    expect(w.get('[data-test="guest-save"]').text()).toBe('保存')
    await w.get('[data-test="guest-cancel"]').trigger('click')
    await w.get('[data-test="guest-save"]').trigger('click')
    expect(w.emitted('cancel')).toEqual([[]])
    expect(w.emitted('confirm')).toEqual([[]])
  })

  it('says what the action is, by label or by slot', () => {
    expect(footer({ label: '添加' }).get('[data-test="guest-save"]').text()).toBe('添加')
    expect(footer({}, '确认认领（2 家）').get('[data-test="guest-save"]').text()).toBe('确认认领（2 家）')
  })

  it('cannot be confirmed while disabled', async () => {
    const w = footer({ disabled: true })
    expect(w.get('[data-test="guest-save"]').attributes('disabled')).toBeDefined()
    await w.get('[data-test="guest-save"]').trigger('click')
    expect(w.emitted('confirm')).toBeUndefined()
  })
})
