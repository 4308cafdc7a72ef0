import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { confirm } from './confirm'

// The real Element Plus box, rendered into happy-dom's document: the test clicks its buttons.

async function box(): Promise<HTMLElement> {
  for (let i = 0; i < 20; i++) {
    await nextTick()
    const el = document.querySelector<HTMLElement>('.el-message-box')
    if (el) return el
  }
  throw new Error('no message box')
}

function button(el: HTMLElement, text: string): HTMLButtonElement {
  const b = [...el.querySelectorAll<HTMLButtonElement>('button')].find((x) => x.textContent?.trim() === text)
  if (!b) throw new Error(`no button ${text}`)
  return b
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('confirm', () => {
  it('resolves true when the user confirms, showing the given texts', async () => {
    const answer = confirm('确定删除“𠮷祥社区”吗？', '删除社区', '删除')
    const el = await box()
    expect(el.textContent).toContain('确定删除“𠮷祥社区”吗？')
    expect(el.textContent).toContain('删除社区')
    button(el, '取消')
    button(el, '删除').click()
    expect(await answer).toBe(true)
  })

  it('resolves false when the user cancels, with the cancel text given', async () => {
    const answer = confirm('当前模板的修改还没有保存，确定放弃这些修改吗？', '放弃修改', '放弃修改', {
      cancelText: '继续编辑',
    })
    const el = await box()
    expect(() => button(el, '取消')).toThrow()
    button(el, '继续编辑').click()
    expect(await answer).toBe(false)
  })

  it('resolves false when the user closes the box', async () => {
    const answer = confirm('将把全部数据恢复到备份时的状态。', '从备份恢复', '恢复')
    const el = await box()
    el.querySelector<HTMLButtonElement>('.el-message-box__headerbtn')!.click()
    expect(await answer).toBe(false)
  })
})
