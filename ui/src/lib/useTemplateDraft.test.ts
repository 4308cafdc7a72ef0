import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import type { AgreementTemplate } from '../bindings/AgreementTemplate'

const api = vi.hoisted(() => ({ agreementTemplateUpdate: vi.fn() }))
vi.mock('../api', () => api)
const asked = vi.hoisted(() => ({ confirm: vi.fn() }))
vi.mock('./confirm', () => asked)

import { useTemplateDraft } from './useTemplateDraft'
import { template } from './testFixtures'

function setup(list: AgreementTemplate[]) {
  const templates = ref(list)
  const loads = { n: 0 }
  const draft = useTemplateDraft(() => templates.value, { onLoad: () => loads.n++ })
  return { templates, draft, loads }
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('useTemplateDraft', () => {
  it('shows the first template, clean, with its areas one a line', () => {
    const { draft, loads } = setup([template(1, '党建结对共建协议书'), template(2, '共驻共建责任书')])
    expect(draft.selectedId.value).toBe(1)
    expect(draft.name.value).toBe('党建结对共建协议书')
    expect(draft.areasText.value).toBe('党建引领\n文明实践')
    expect(draft.dirty.value).toBe(false)
    expect(loads.n).toBe(1)
  })

  it('is dirty after an edit anywhere, and clean again when the edit is undone', () => {
    const { draft } = setup([template(1, '协议')])
    draft.name.value = '协议（𠮷祥社区）'
    expect(draft.dirty.value).toBe(true)
    draft.name.value = '协议'
    expect(draft.dirty.value).toBe(false)

    draft.body.value!.sections[0]!.clauses.push('')
    expect(draft.dirty.value).toBe(true)
    draft.body.value!.sections[0]!.clauses.pop()
    expect(draft.dirty.value).toBe(false)

    draft.body.value!.title = '共建协议'
    expect(draft.dirty.value).toBe(true)
  })

  it('does not count blank lines and spaces around the areas as an edit', () => {
    const { draft } = setup([template(1, '协议')])
    draft.areasText.value = ' 党建引领 \n\n文明实践\n'
    expect(draft.areas.value).toEqual(['党建引领', '文明实践'])
    expect(draft.dirty.value).toBe(false)
    draft.areasText.value = '党建引领\n文明实践\n志愿服务'
    expect(draft.dirty.value).toBe(true)
    expect(draft.input.value?.body.areas).toEqual(['党建引领', '文明实践', '志愿服务'])
  })

  it('edits a copy: the stored template is untouched', () => {
    const t = template(1, '协议')
    const { draft } = setup([t])
    draft.body.value!.sections[0]!.heading = '一、总则'
    expect(t.body.sections[0]!.heading).toBe('一、共建原则')
  })

  it('reloads a new list while clean, and keeps unsaved edits when the list changes', async () => {
    const { templates, draft, loads } = setup([template(1, '协议'), template(2, '责任书')])
    templates.value = [template(1, '协议（新）'), template(2, '责任书')]
    await nextTick()
    expect(draft.name.value).toBe('协议（新）')
    expect(loads.n).toBe(2)

    draft.body.value!.preamble = '为进一步……'
    templates.value = [template(1, '协议（又新）'), template(2, '责任书')]
    await nextTick()
    expect(draft.name.value).toBe('协议（新）')
    expect(draft.body.value!.preamble).toBe('为进一步……')
    expect(draft.dirty.value).toBe(true)
    expect(loads.n).toBe(2)
  })

  it('switches to another template at once when clean, without asking', async () => {
    const { draft } = setup([template(1, '协议'), template(2, '责任书')])
    await draft.choose(2)
    expect(asked.confirm).not.toHaveBeenCalled()
    expect(draft.selectedId.value).toBe(2)
    expect(draft.name.value).toBe('责任书')
    expect(draft.dirty.value).toBe(false)
  })

  it('asks before unsaved edits are dropped, and keeps them when the user says no', async () => {
    const { draft } = setup([template(1, '协议'), template(2, '责任书')])
    draft.name.value = '协议（改）'
    asked.confirm.mockResolvedValueOnce(false)
    await draft.choose(2)
    expect(asked.confirm).toHaveBeenCalledWith(
      '当前模板的修改还没有保存，确定放弃这些修改吗？',
      '放弃修改',
      '放弃修改',
      { cancelText: '继续编辑' },
    )
    expect(draft.selectedId.value).toBe(1)
    expect(draft.name.value).toBe('协议（改）')
    expect(draft.dirty.value).toBe(true)

    asked.confirm.mockResolvedValueOnce(true)
    await draft.choose(2)
    expect(draft.selectedId.value).toBe(2)
    expect(draft.name.value).toBe('责任书')
    expect(draft.dirty.value).toBe(false)
  })

  it('is clean after a save, and stays dirty for an edit made while saving', async () => {
    const { draft } = setup([template(1, '协议')])
    draft.name.value = '协议（改）'
    let finish: (t: AgreementTemplate) => void = () => {}
    api.agreementTemplateUpdate.mockImplementationOnce(() => new Promise<AgreementTemplate>((r) => (finish = r)))
    const saving = draft.save()
    expect(api.agreementTemplateUpdate).toHaveBeenCalledWith(1, draft.input.value)
    draft.body.value!.closing = '本协议自签订之日起生效。'
    finish(template(1, '协议（改）'))
    expect((await saving)?.name).toBe('协议（改）')
    expect(draft.dirty.value).toBe(true)
    draft.body.value!.closing = '本协议一式{{份数}}份。'
    expect(draft.dirty.value).toBe(false)
  })

  it('stays dirty when the save fails', async () => {
    const { draft } = setup([template(1, '协议')])
    draft.name.value = ''
    api.agreementTemplateUpdate.mockRejectedValueOnce({ kind: 'invalid', message: '请填写模板名称。' })
    await expect(draft.save()).rejects.toEqual({ kind: 'invalid', message: '请填写模板名称。' })
    expect(draft.dirty.value).toBe(true)
  })

  it('after a new template or a deletion, shows the chosen one (else the first) once the list changes', async () => {
    const { templates, draft } = setup([template(1, '协议')])
    draft.name.value = '协议（改）'
    draft.select(3)
    expect(draft.body.value).toBeNull()
    expect(draft.dirty.value).toBe(false)
    templates.value = [template(1, '协议'), template(3, '协议（副本）')]
    await nextTick()
    expect(draft.selectedId.value).toBe(3)
    expect(draft.name.value).toBe('协议（副本）')

    draft.select(null)
    templates.value = [template(1, '协议')]
    await nextTick()
    expect(draft.selectedId.value).toBe(1)
    expect(draft.dirty.value).toBe(false)
  })
})
