import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { unit as testUnit } from '../../lib/testFixtures'

const api = vi.hoisted(() => ({
  unitHistory: vi.fn(),
  unitDelete: vi.fn(),
  unitLeave: vi.fn(),
  unitRejoin: vi.fn(),
}))
vi.mock('../../api', () => api)

import UnitDetail from './UnitDetail.vue'

// The drawer's actions ask first (a confirm box, a prompt); backing out is not an error, and
// the buttons stay busy while a step runs.

const unit = testUnit(7, {
  name: '青岛珺堃实业有限公司',
  created_at: '2026-01-01 00:00:00',
  updated_at: '2026-01-01 00:00:00',
})

function buttons(root: ParentNode, text: string): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.textContent?.trim() === text)
}

async function messageBox(): Promise<HTMLElement> {
  for (let i = 0; i < 20; i++) {
    await flushPromises()
    const el = document.querySelector<HTMLElement>('.el-message-box')
    if (el) return el
  }
  throw new Error('no message box')
}

const errors = () => document.querySelectorAll('.el-message--error').length

beforeEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
  api.unitHistory.mockResolvedValue([])
})

describe('UnitDetail', () => {
  it('deletes only after the user confirms; cancelling is not an error', async () => {
    const w = mount(UnitDetail, { props: { unit }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    const drawer = document.querySelector<HTMLElement>('.el-drawer')!

    buttons(drawer, '删除')[0]!.click()
    let box = await messageBox()
    expect(box.textContent).toContain('确定删除“青岛珺堃实业有限公司”吗？删除后不能恢复（可在设置中从备份恢复）。')
    buttons(box, '取消')[0]!.click()
    await flushPromises()
    expect(api.unitDelete).not.toHaveBeenCalled()
    expect(errors()).toBe(0)
    expect(w.emitted('removed')).toBeUndefined()

    document.querySelectorAll('.el-message-box__wrapper, .el-overlay.is-message-box').forEach((e) => e.remove())
    api.unitDelete.mockResolvedValue(undefined)
    buttons(drawer, '删除')[0]!.click()
    box = await messageBox()
    buttons(box, '删除')[0]!.click()
    await flushPromises()
    expect(api.unitDelete).toHaveBeenCalledWith(7)
    expect(w.emitted('removed')).toEqual([[7]])
  })

  it('backing out of the leave prompt is not an error; a refusal is shown', async () => {
    mount(UnitDetail, { props: { unit }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    const drawer = document.querySelector<HTMLElement>('.el-drawer')!

    buttons(drawer, '标记为已退出')[0]!.click()
    let box = await messageBox()
    buttons(box, '取消')[0]!.click()
    await flushPromises()
    expect(api.unitLeave).not.toHaveBeenCalled()
    expect(errors()).toBe(0)

    document.querySelectorAll('.el-message-box__wrapper, .el-overlay.is-message-box').forEach((e) => e.remove())
    api.unitLeave.mockRejectedValue({ kind: 'invalid', message: '退出时间“2026-13”不是有效的日期。' })
    buttons(drawer, '标记为已退出')[0]!.click()
    box = await messageBox()
    const input = box.querySelector<HTMLInputElement>('input')!
    input.value = '2026-13'
    input.dispatchEvent(new Event('input'))
    buttons(box, '确定退出')[0]!.click()
    await flushPromises()
    expect(api.unitLeave).toHaveBeenCalledWith(7, '2026-13')
    await flushPromises()
    expect(document.body.textContent).toContain('退出时间“2026-13”不是有效的日期。')
  })
})
