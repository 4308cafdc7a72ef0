import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { TemplateInput } from '../../bindings/TemplateInput'

const api = vi.hoisted(() => ({
  agreementPlaceholderSamples: vi.fn(),
  agreementTemplateCreate: vi.fn(),
  agreementTemplateDelete: vi.fn(),
  agreementTemplatePreviewPdf: vi.fn(),
  agreementTemplatePreviewText: vi.fn(),
  agreementTemplateUpdate: vi.fn(),
}))
vi.mock('../../api', () => api)

import TemplateEditor from './TemplateEditor.vue'
import { template as fixture } from '../../lib/testFixtures'

// The screen as a whole: the palette, the draft's dirty state and the preview pane work
// together as they did before the editor was split.

const samples = [
  { name: '甲方名称', value: '中共𠮷祥社区委员会' },
  { name: '乙方名称', value: '青岛珺堃实业有限公司' },
  { name: '协议编号', value: '八大关共建〔2026〕1号' },
]

const template = (id: number, name: string) => fixture(id, name, { builtin: true, used_by: 2 })

const templates = [template(1, '党建结对共建协议书'), template(2, '共驻共建责任书')]

function mountEditor() {
  return mount(TemplateEditor, { props: { templates }, global: { plugins: [ElementPlus] }, attachTo: document.body })
}

beforeEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
  api.agreementPlaceholderSamples.mockResolvedValue(samples)
  // The core renders the preview (agreements/preview.rs, tested there); here it answers with
  // the title and parties filled in from the samples, so the test sees the screen show what
  // the core returns for the current edit.
  api.agreementTemplatePreviewText.mockImplementation(async (input: TemplateInput) => {
    const fill = (t: string) => samples.reduce((acc, s) => acc.replaceAll(`{{${s.name}}}`, s.value), t)
    return {
      blocks: [input.body.title, ...input.body.parties].map((t) => ({
        kind: 'para',
        spans: [{ text: fill(t), kind: 'text' }],
      })),
      problems: [],
    }
  })
})

describe('TemplateEditor', () => {
  it('shows the first template, saved, with one palette button per placeholder and the filled-in preview', async () => {
    const w = mountEditor()
    await flushPromises()
    expect((w.find('[data-test="tpl-name"]').element as HTMLInputElement).value).toBe('党建结对共建协议书')
    expect(w.find('[data-test="tpl-save"]').text()).toBe('已保存')
    expect(w.find('[data-test="tpl-save"]').attributes('disabled')).toBeDefined()
    expect(w.findAll('[data-test^="tpl-ph-"]').map((b) => b.text())).toEqual(['甲方名称', '乙方名称', '协议编号'])
    expect(w.text()).toContain('（先点击要插入的输入框）')
    expect(w.find('[data-test="tpl-preview"]').text()).toContain('甲方：中共𠮷祥社区委员会')
    expect(w.text()).toContain('内置模板，已用于 2 份协议。')
  })

  it('inserts a placeholder at the caret of the focused field, then saves the edit', async () => {
    const w = mountEditor()
    await flushPromises()
    const title = w.find('[data-test="tpl-title"]')
    const el = title.element as HTMLInputElement
    el.setSelectionRange(2, 2)
    await title.trigger('focus')
    expect(w.text()).not.toContain('（先点击要插入的输入框）')
    await w.find('[data-test="tpl-ph-乙方名称"]').trigger('click')
    await flushPromises()
    expect(el.value).toBe('党建{{乙方名称}}结对共建协议书')
    expect(w.find('[data-test="tpl-preview"]').text()).toContain('党建青岛珺堃实业有限公司结对共建协议书')
    expect(w.find('[data-test="tpl-save"]').text()).toBe('保存修改')

    api.agreementTemplateUpdate.mockImplementation(async (id: number, input: TemplateInput) => ({
      ...template(id, input.name),
      body: input.body,
    }))
    await w.find('[data-test="tpl-save"]').trigger('click')
    await flushPromises()
    expect(api.agreementTemplateUpdate).toHaveBeenCalledTimes(1)
    const [id, input] = api.agreementTemplateUpdate.mock.calls[0] as [number, TemplateInput]
    expect(id).toBe(1)
    expect(input.body.title).toBe('党建{{乙方名称}}结对共建协议书')
    expect(w.find('[data-test="tpl-save"]').text()).toBe('已保存')
    expect(w.emitted('changed')).toHaveLength(1)
  })

  it('keeps a refused save in the page, with the edits', async () => {
    const w = mountEditor()
    await flushPromises()
    await w.find('[data-test="tpl-areas"]').setValue('党建引领\n志愿服务')
    api.agreementTemplateUpdate.mockRejectedValue({ kind: 'invalid', message: '模板中有未知的占位符。' })
    await w.find('[data-test="tpl-save"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="tpl-error"]').text()).toContain('模板中有未知的占位符。')
    expect(w.find('[data-test="tpl-save"]').text()).toBe('保存修改')
    expect(w.emitted('changed')).toBeUndefined()
  })
})
