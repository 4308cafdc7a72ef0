import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import JobFooter from './JobFooter.vue'

// A long job's footer: 关闭 or, while it runs, 取消; the start button; then only 完成.

const footer = (props: Record<string, unknown>) =>
  mount(JobFooter, {
    props: { test: 'archive', label: '选择位置并归档…', ...props },
    global: { plugins: [ElementPlus] },
  })
const texts = (w: ReturnType<typeof footer>) => w.findAll('button').map((b) => b.text())

describe('JobFooter', () => {
  it('offers 关闭 and the start button before the job', async () => {
    const w = footer({})
    expect(texts(w)).toEqual(['关闭', '选择位置并归档…'])
    expect(w.find('[data-test="archive-cancel"]').exists()).toBe(false)
    await w.get('[data-test="archive-start"]').trigger('click')
    await w.findAll('button')[0].trigger('click')
    expect(w.emitted('start')).toEqual([[]])
    expect(w.emitted('close')).toEqual([[]])
  })

  it('offers 取消 while the job runs, once', async () => {
    const w = footer({ running: true })
    await w.get('[data-test="archive-cancel"]').trigger('click')
    expect(w.emitted('cancel')).toEqual([[]])
    await w.setProps({ cancelling: true })
    expect(w.get('[data-test="archive-cancel"]').attributes('disabled')).toBeDefined()
  })

  it('cannot start while disabled', async () => {
    const w = footer({ disabled: true })
    await w.get('[data-test="archive-start"]').trigger('click')
    expect(w.emitted('start')).toBeUndefined()
  })

  it('offers only 完成 when the job is done', async () => {
    const w = footer({ done: true })
    expect(texts(w)).toEqual(['完成'])
    await w.get('[data-test="archive-close"]').trigger('click')
    expect(w.emitted('close')).toEqual([[]])
  })
})
