import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'

const api = vi.hoisted(() => ({ pickPaperPath: vi.fn() }))
vi.mock('../api', () => api)
const notify = vi.hoisted(() => ({
  showError: vi.fn(),
  showSuccess: vi.fn(),
  savedTo: (what: string, w: { path: string }) => `${what}已保存到 ${w.path}`,
  exportedWord: (w: { path: string }) => `已导出 Word：${w.path}`,
}))
vi.mock('./notify', () => notify)

import { usePaperDraft, type PaperDraft } from './usePaperDraft'

type Draft = { text: string; stored: boolean; final: boolean }
type Edit = { text: string }

function setup(first: Draft) {
  const save = vi.fn(async (e: Edit): Promise<Draft> => ({ text: e.text, stored: true, final: false }))
  const taken: Draft[] = []
  let paper!: PaperDraft<Draft, Edit>
  const w = mount(
    defineComponent({
      setup() {
        paper = usePaperDraft<Draft, Edit>({
          name: '信息稿',
          title: () => '第一次联席会',
          load: async () => first,
          save,
          editOf: (d) => ({ text: d.text }),
          stored: (d) => d.stored,
          locked: (d) => d.final,
          onTake: (d) => taken.push(d),
        })
        return () => h('div')
      },
    }),
  )
  return { w, paper: () => paper, save, taken }
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('usePaperDraft', () => {
  it('loads the draft, clean, and tells one only shown from one stored', async () => {
    const { paper, taken } = setup({ text: '稿', stored: false, final: false })
    expect(paper().loading.value).toBe(true)
    await flushPromises()
    expect(paper().loading.value).toBe(false)
    expect(paper().edit.value).toEqual({ text: '稿' })
    expect(paper().dirty.value).toBe(false)
    expect(paper().unsaved.value).toBe(true)
    expect(taken).toHaveLength(1)
  })

  it('is dirty after an edit and saves it on the way out', async () => {
    const { w, paper, save } = setup({ text: '稿', stored: true, final: false })
    await flushPromises()
    paper().edit.value!.text = '改过的稿'
    expect(paper().dirty.value).toBe(true)
    w.unmount()
    expect(save).toHaveBeenCalledWith({ text: '改过的稿' })
  })

  it('saves nothing of a locked draft', async () => {
    const { w, paper, save } = setup({ text: '稿', stored: true, final: true })
    await flushPromises()
    paper().edit.value!.text = '改过的稿'
    await paper().saveIfDirty()
    w.unmount()
    expect(save).not.toHaveBeenCalled()
  })

  it('stores a shown draft on save, and saves nothing when there is nothing new', async () => {
    const { paper, save } = setup({ text: '稿', stored: false, final: false })
    await flushPromises()
    await paper().save()
    expect(save).toHaveBeenCalledTimes(1)
    expect(paper().unsaved.value).toBe(false)
    await paper().save()
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('saves before writing the paper, names the file after the meeting, and says where it went', async () => {
    const { paper, save } = setup({ text: '稿', stored: true, final: false })
    await flushPromises()
    paper().edit.value!.text = '改过的稿'
    api.pickPaperPath.mockResolvedValueOnce('/tmp/稿.docx')
    const write = vi.fn(async (path: string) => ({ path, opened: false, count: 1, notes: [] }))
    await paper().exportWord(write)
    expect(save).toHaveBeenCalledTimes(1)
    expect(api.pickPaperPath).toHaveBeenCalledWith('信息稿', expect.stringContaining('第一次联席会'), true)
    expect(write).toHaveBeenCalledWith('/tmp/稿.docx')
    expect(notify.showSuccess).toHaveBeenCalledWith('已导出 Word：/tmp/稿.docx')
  })

  it('writes nothing when the save dialog is cancelled', async () => {
    const { paper } = setup({ text: '稿', stored: true, final: false })
    await flushPromises()
    api.pickPaperPath.mockResolvedValueOnce(null)
    const write = vi.fn()
    await paper().printPdf(write)
    expect(write).not.toHaveBeenCalled()
    expect(notify.showSuccess).not.toHaveBeenCalled()
  })
})
